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
        /// Coefficient covariance; nil chooses cluster-robust (CR1 by scenario) when every link has a
        /// `scenario_id`, and classical when none has one.
        public var covariance: FeatureRegression.Covariance? = nil
        /// Confidence level, in (0, 1).
        public var confidenceLevel: Double = 0.95
        /// Scenario-cluster bootstrap resamples, 0…100000 (0 = none).
        public var bootstrapResamples: Int = 1000

        public init(campaign: PathLossCampaign) { self.campaign = campaign }
    }

    /// A feature the campaign cannot estimate, and why.
    public struct OmittedFeature: Sendable, Equatable {
        /// Effect name as in the table (`high_loss`, `scaffolding`, `foliage`, `elevated_subway`, `floor`).
        public let name: String
        /// Why it is not in the regression, in words (e.g. "no glass_type column").
        public let reason: String

        public init(name: String, reason: String) {
            self.name = name
            self.reason = reason
        }
    }

    /// The regression, offsets and bootstrap intervals.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The feature regression.
        public let regression: FeatureRegression
        /// Per-glass offsets under a common slope (nil when the campaign does not have both glass types).
        public let offsets: FixedSlopeOffsets?
        /// Bootstrap intervals of the effects (nil without resamples or without `scenario_id`).
        public let bootstrap: FeatureEffectBootstrap?
        /// Features left out of the regression because the campaign cannot identify them.
        public let omitted: [OmittedFeature]
        /// What the study changed from the configuration for this campaign (covariance, bootstrap), in words.
        public let notes: [String]

        public var tables: [StudyTable] { [effectsTable] + (offsets == nil ? [] : [offsetsTable]) }
        public var plots: [StudyPlot] { regression.effects.isEmpty ? [] : [forestPlot] }

        public var summary: String {
            let fitted = regression.effects.map { "\($0.name) \(PathLossStudyText.fixed($0.estimate, 1)) dB" }
            let left = omitted.map { "\($0.name) omitted (\($0.reason))" }
            return "effects: " + (fitted.isEmpty ? "none estimable" : fitted.joined(separator: ", "))
                + (left.isEmpty ? "" : "; " + left.joined(separator: ", "))
                + (notes.isEmpty ? "" : "; " + notes.joined(separator: "; "))
                + (configuration.campaign.isSynthetic ? " [SYNTHETIC data]" : "")
        }

        /// One row per feature (the main table), then the regression's `intercept` A [dB] (path gain at d0 with
        /// every feature absent, lowest floor) and `path_loss_exponent` n [dimensionless] in the same columns, so
        /// the model predicts PG = A − 10·n·log10(d/d0) − Σ effect_k·x_k; the `unit` column says which. The
        /// bootstrap resamples scenarios for the effects only (empty for A and n). Features the campaign cannot
        /// identify follow as rows with empty numbers and the reason in `note`.
        public var effectsTable: StudyTable {
            let effects = regression.effects
            let boot = bootstrap?.intervals
            let model = [regression.intercept, regression.pathLossExponent]
            let rows = effects + model
            let blank = [Double?](repeating: nil, count: omitted.count)
            func numbers(_ value: (FittedParameter) -> Double) -> [Double?] { rows.map(value) + blank }
            func bootstrapBound(_ bound: (ConfidenceInterval) -> Double) -> [Double?] {
                rows.indices.map { k -> Double? in k < effects.count ? boot.map { bound($0[k]) } : nil } + blank
            }
            return StudyTable(columns: [
                StudyColumn(
                    "feature", effects.map(\.name) + ["intercept", "path_loss_exponent"] + omitted.map(\.name)),
                StudyColumn("effect", unit: "db", numbers(\.estimate)),
                StudyColumn("se", unit: "db", numbers(\.standardError)),
                StudyColumn("ci_lower", unit: "db", numbers(\.confidenceInterval.lower)),
                StudyColumn("ci_upper", unit: "db", numbers(\.confidenceInterval.upper)),
                StudyColumn("t", numbers(\.tStatistic)),
                StudyColumn("bootstrap_ci_lower", unit: "db", bootstrapBound(\.lower)),
                StudyColumn("bootstrap_ci_upper", unit: "db", bootstrapBound(\.upper)),
                StudyColumn(
                    "paper", unit: "db",
                    effects.map { CampaignSummary.Published.effectText($0.name) } + ["", ""]
                        + omitted.map { CampaignSummary.Published.effectText($0.name) }),
                StudyColumn("unit", effects.map { _ in "dB" } + ["dB", "1"] + omitted.map { _ in "dB" }),
                StudyColumn("note", rows.map { _ in "" } + omitted.map(\.reason)),
            ])
        }

        /// Per-glass intercepts and impacts under a common slope (`glass-offsets`).
        public var offsetsTable: StudyTable {
            let o = offsets?.offsets ?? []
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
                    StudyColumn("common_n", o.map { _ in offsets?.pathLossExponent.estimate ?? .nan }),
                ])
        }

        /// The effects with their intervals, and the paper's ranges (`forest`).
        public var forestPlot: StudyPlot {
            let c = configuration
            var plot = StudyPlot(
                name: "-forest",
                title:
                    "Feature effects, \(PathLossStudyText.provenance(c.campaign)) (\(Int((c.confidenceLevel * 100).rounded())) % CI, "
                    + (regression.covariance == .clusterRobust ? "CR1)" : "classical)"),
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
    ///
    /// A campaign need not carry every feature column: a feature no link has, or one that is the same for every
    /// link, cannot be identified and is left out with its reason (`Result.omitted`); a floor column no link has
    /// excludes the floor. Without `scenario_id` the automatic covariance is classical and the scenario bootstrap
    /// is skipped (`Result.notes`). A column that some links have and others lack is still an error naming the
    /// first link without it.
    /// - Throws: `PathLossError`, `LinearRegressionError` for a campaign the regression cannot use.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        let links = c.campaign.uncensoredLinks
        var omitted: [OmittedFeature] = []
        var notes: [String] = []
        var features: [FeatureRegression.Feature] = []
        for feature in FeatureRegression.Feature.allCases {
            let values = links.compactMap { feature.value($0) }
            if values.isEmpty {
                omitted.append(OmittedFeature(name: feature.rawValue, reason: "no \(feature.column) column"))
            } else if values.count == links.count, let first = values.first, values.allSatisfy({ $0 == first }) {
                let level = feature == .highLossGlass ? (first ? "high_loss" : "low_loss") : (first ? "1" : "0")
                omitted.append(
                    OmittedFeature(name: feature.rawValue, reason: "\(feature.column) is \(level) on every link"))
            } else {
                features.append(feature)
            }
        }
        var floor = c.floor
        if floor != .excluded {
            let floors = links.compactMap(\.floor)
            if floors.isEmpty {
                omitted.append(OmittedFeature(name: "floor", reason: "no floor column"))
                floor = .excluded
            } else if floors.count == links.count, Set(floors).count == 1 {
                omitted.append(OmittedFeature(name: "floor", reason: "every link is on floor \(floors[0])"))
                floor = .excluded
            }
        }
        let hasScenarios = links.contains { !($0.scenarioID ?? "").isEmpty }
        let covariance = c.covariance ?? (hasScenarios ? .clusterRobust : .classical)
        if c.covariance == nil && !hasScenarios {
            notes.append("classical covariance (no scenario_id column to cluster by)")
        }
        let regression = try FeatureRegression(
            campaign: c.campaign, features: features, floor: floor, covariance: covariance,
            confidenceLevel: c.confidenceLevel)
        let glassTypes = Set(links.compactMap(\.glassType))
        let offsets =
            features.contains(.highLossGlass) && glassTypes.count == GlassType.allCases.count
            ? try FixedSlopeOffsets(
                campaign: c.campaign, groupBy: .glassType, referenceGroup: GlassType.lowLoss.rawValue,
                confidenceLevel: c.confidenceLevel) : nil
        var bootstrap: FeatureEffectBootstrap? = nil
        if c.bootstrapResamples > 0 && !hasScenarios {
            notes.append("no scenario bootstrap (no scenario_id column)")
        } else if c.bootstrapResamples > 0 {
            bootstrap = try FeatureEffectBootstrap(
                campaign: c.campaign, reference: regression, floor: floor, resamples: c.bootstrapResamples,
                seed: seed, confidenceLevel: c.confidenceLevel)
        }
        return Result(
            configuration: c, regression: regression, offsets: offsets, bootstrap: bootstrap, omitted: omitted,
            notes: notes)
    }
}

extension PathLossEffectsStudy.Configuration {
    /// The settings a run records beside its outputs: `floor`, `covariance` (`automatic` when nil),
    /// `confidence_level` and `bootstrap`.
    public var recordedParameters: [String: String] {
        [
            "floor": floor.rawValue, "covariance": covariance?.rawValue ?? "automatic",
            "confidence_level": String(confidenceLevel), "bootstrap": String(bootstrapResamples),
        ]
    }
}
