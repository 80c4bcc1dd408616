import Foundation
import WirelessCore

/// The feature-effect study of `wtk pathloss effects`: path gain regressed on 10·log10(d/d0) plus the
/// scenario features (effects −β in dB, positive = extra loss) with cluster-robust or classical
/// standard errors, a scenario-cluster bootstrap percentile interval (seeded), and per-glass offsets
/// under a common slope.
///
///     let result = try PathLossEffectsStudy(.init(campaign: campaign)).run(seed: 1)
///     result.tables[0]   // feature, effect_db, se_db, ci_lower_db, …, paper_db
public struct PathLossEffectsStudy: Study {
    /// What to regress.
    public struct Configuration: Sendable {
        /// The measurements.
        public var campaign: PathLossCampaign
        /// How floors enter the regression.
        public var floor: FeatureRegression.FloorEncoding = .categorical
        /// Coefficient covariance.
        public var covariance: FeatureRegression.Covariance = .clusterRobust
        /// Confidence level, in (0, 1).
        public var confidenceLevel: Double = 0.95
        /// Scenario-cluster bootstrap resamples, 0…100000 (0 = none).
        public var bootstrapResamples: Int = 1000

        public init(campaign: PathLossCampaign) { self.campaign = campaign }
    }

    /// The regression, offsets and bootstrap intervals.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The feature regression.
        public let regression: FeatureRegression
        /// Per-glass offsets under a common slope.
        public let offsets: FixedSlopeOffsets
        /// Bootstrap intervals of the effects (nil without resamples).
        public let bootstrap: FeatureEffectBootstrap?

        public var tables: [StudyTable] { [effectsTable, offsetsTable] }
        public var plots: [StudyPlot] { [forestPlot] }

        public var summary: String {
            "effects: "
                + regression.effects.map { "\($0.name) \(PathLossStudyText.fixed($0.estimate, 1)) dB" }.joined(
                    separator: ", ") + (configuration.campaign.isSynthetic ? " [SYNTHETIC data]" : "")
        }

        /// One row per feature (the main table), then the regression's `intercept` A [dB] (path gain at d0 with
        /// every feature absent, lowest floor) and `path_loss_exponent` n [dimensionless] in the same columns, so
        /// the model predicts PG = A − 10·n·log10(d/d0) − Σ effect_k·x_k; the `unit` column says which. The
        /// bootstrap resamples scenarios for the effects only (empty for A and n).
        public var effectsTable: StudyTable {
            let effects = regression.effects
            let boot = bootstrap?.intervals
            let model = [regression.intercept, regression.pathLossExponent]
            let rows = effects + model
            func bootstrapBound(_ bound: (ConfidenceInterval) -> Double) -> [Double?] {
                rows.indices.map { k -> Double? in k < effects.count ? boot.map { bound($0[k]) } : nil }
            }
            return StudyTable(columns: [
                StudyColumn("feature", effects.map(\.name) + ["intercept", "path_loss_exponent"]),
                StudyColumn("effect", unit: "db", rows.map(\.estimate)),
                StudyColumn("se", unit: "db", rows.map(\.standardError)),
                StudyColumn("ci_lower", unit: "db", rows.map(\.confidenceInterval.lower)),
                StudyColumn("ci_upper", unit: "db", rows.map(\.confidenceInterval.upper)),
                StudyColumn("t", rows.map(\.tStatistic)),
                StudyColumn("bootstrap_ci_lower", unit: "db", bootstrapBound(\.lower)),
                StudyColumn("bootstrap_ci_upper", unit: "db", bootstrapBound(\.upper)),
                StudyColumn(
                    "paper", unit: "db", effects.map { CampaignSummary.Published.effectText($0.name) } + ["", ""]),
                StudyColumn("unit", effects.map { _ in "dB" } + ["dB", "1"]),
            ])
        }

        /// Per-glass intercepts and impacts under a common slope (`glass-offsets`).
        public var offsetsTable: StudyTable {
            let o = offsets.offsets
            return StudyTable(
                name: "-glass-offsets",
                columns: [
                    StudyColumn("glass_type", o.map(\.group)),
                    StudyColumn("links", o.map(\.count)),
                    StudyColumn("intercept", unit: "db", o.map(\.intercept.estimate)),
                    StudyColumn("intercept_se", unit: "db", o.map(\.intercept.standardError)),
                    StudyColumn("impact", unit: "db", o.map(\.impact.estimate)),
                    StudyColumn("impact_se", unit: "db", o.map(\.impact.standardError)),
                    StudyColumn("impact_ci_lower", unit: "db", o.map(\.impact.confidenceInterval.lower)),
                    StudyColumn("impact_ci_upper", unit: "db", o.map(\.impact.confidenceInterval.upper)),
                    StudyColumn("common_n", o.map { _ in offsets.pathLossExponent.estimate }),
                ])
        }

        /// The effects with their intervals, and the paper's ranges (`forest`).
        public var forestPlot: StudyPlot {
            let c = configuration
            var plot = StudyPlot(
                name: "-forest",
                title:
                    "Feature effects, \(PathLossStudyText.provenance(c.campaign)) (\(Int((c.confidenceLevel * 100).rounded())) % CI, "
                    + (c.covariance == .clusterRobust ? "CR1)" : "classical)"),
                xLabel: "Extra loss [dB] (positive = more loss)", yLabel: "", heightPixels: 420)
            let effects = regression.effects
            plot.series.append(
                StudySeries(
                    "regression",
                    .intervals(
                        rows: effects.map(\.name), estimates: effects.map(\.estimate),
                        lower: effects.map(\.confidenceInterval.lower), upper: effects.map(\.confidenceInterval.upper)))
            )
            if let bootstrap {
                plot.series.append(
                    StudySeries(
                        "cluster bootstrap (\(bootstrap.successfulResamples) resamples)",
                        .intervals(
                            rows: effects.map(\.name), estimates: effects.map(\.estimate),
                            lower: bootstrap.intervals.map(\.lower), upper: bootstrap.intervals.map(\.upper))))
            }
            plot.series.append(StudySeries("paper 5", .verticalLine(x: 5)))
            plot.series.append(StudySeries("paper 10", .verticalLine(x: 10)))
            plot.series.append(StudySeries("glass 20", .verticalLine(x: 20)))
            return plot
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Fits the regression and offsets, then bootstraps with streams from `seed`.
    /// - Throws: `PathLossError`, `LinearRegressionError` for a campaign the regression cannot use.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        let regression = try FeatureRegression(
            campaign: c.campaign, floor: c.floor, covariance: c.covariance, confidenceLevel: c.confidenceLevel)
        let offsets = try FixedSlopeOffsets(
            campaign: c.campaign, groupBy: .glassType, referenceGroup: GlassType.lowLoss.rawValue,
            confidenceLevel: c.confidenceLevel)
        let bootstrap =
            c.bootstrapResamples > 0
            ? try FeatureEffectBootstrap(
                campaign: c.campaign, reference: regression, floor: c.floor, resamples: c.bootstrapResamples,
                seed: seed, confidenceLevel: c.confidenceLevel)
            : nil
        return Result(configuration: c, regression: regression, offsets: offsets, bootstrap: bootstrap)
    }
}
