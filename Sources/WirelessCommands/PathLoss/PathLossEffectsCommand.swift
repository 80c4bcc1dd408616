import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss effects`: each environmental feature's effect in dB with its confidence interval.
public struct PathLossEffectsCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "effects",
        abstract:
            "Feature effects (glass, scaffolding, foliage, elevated subway, floor) in dB with CIs, as a forest plot.",
        discussion: """
            Regresses path gain on 10·log10(d/d0) plus the scenario features (spec §2.6); effects are −β in dB \
            (positive = extra loss) with cluster-robust (CR1, by scenario) or classical standard errors, and a \
            scenario-cluster bootstrap percentile interval (--bootstrap resamples, seeded). Also fits per-glass \
            offsets under a common slope. Writes <name>.csv, <name>-glass-offsets.csv and <name>-forest.svg.
            """)

    @OptionGroup var inputOptions: PathLossInputOptions

    @Option(help: "Floor encoding: categorical (dummies vs the lowest floor), numeric, or excluded.")
    var floor: FeatureRegression.FloorEncoding = .categorical

    @Option(help: "Coefficient covariance: clusterRobust (CR1 by scenario_id) or classical.")
    var covariance: FeatureRegression.Covariance = .clusterRobust

    @Option(name: .customLong("confidence-level"), help: "Confidence level, in (0, 1).")
    var confidenceLevel: Double = 0.95

    @Option(help: "Scenario-cluster bootstrap resamples (0 = none).")
    var bootstrap: Int = 1000

    @Option(help: "Base name of the output files.")
    var name: String = "pathloss-effects"

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw ValidationError("--confidence-level must be in (0, 1).")
        }
        guard bootstrap >= 0, bootstrap <= 100_000 else { throw ValidationError("--bootstrap must be in 0…100000.") }
        try OutputOptions.validateFileName(name)
    }

    public func execute() throws {
        let context = OutputContext(
            options: output, seed: seedOptions.seed,
            parameters: [
                "input": inputOptions.input ?? PathLossInputOptions.bundledPath, "floor": floor.rawValue,
                "covariance": covariance.rawValue, "confidence_level": String(confidenceLevel),
                "bootstrap": String(bootstrap),
            ])
        let campaign = try inputOptions.load(note: context.note)
        let regression = try FeatureRegression(
            campaign: campaign, floor: floor, covariance: covariance, confidenceLevel: confidenceLevel)
        let offsets = try FixedSlopeOffsets(
            campaign: campaign, groupBy: .glassType, referenceGroup: GlassType.lowLoss.rawValue,
            confidenceLevel: confidenceLevel)
        let intervals =
            bootstrap > 0
            ? try FeatureEffectBootstrap(
                campaign: campaign, reference: regression, floor: floor, resamples: bootstrap, seed: seedOptions.seed,
                confidenceLevel: confidenceLevel)
            : nil

        let number = CSVNumberFormat.shortestRoundTrip
        var rows: [[String]] = []
        for (k, effect) in regression.effects.enumerated() {
            let boot = intervals?.intervals[k]
            rows.append([
                effect.name, number.format(effect.estimate), number.format(effect.standardError),
                number.format(effect.confidenceInterval.lower), number.format(effect.confidenceInterval.upper),
                number.format(effect.tStatistic), boot.map { number.format($0.lower) } ?? "",
                boot.map { number.format($0.upper) } ?? "",
                effect.name == "high_loss" ? "20 (glass gap)" : "5–10",
            ])
        }
        let table = CSVTable(
            header: [
                "feature", "effect_db", "se_db", "ci_lower_db", "ci_upper_db", "t", "bootstrap_ci_lower_db",
                "bootstrap_ci_upper_db", "paper_db",
            ],
            rows: rows)
        let offsetTable = CSVTable(
            header: [
                "glass_type", "links", "intercept_db", "intercept_se_db", "impact_db", "impact_se_db",
                "impact_ci_lower_db", "impact_ci_upper_db", "common_n",
            ],
            rows: offsets.offsets.map {
                [
                    $0.group, String($0.count), number.format($0.intercept.estimate),
                    number.format($0.intercept.standardError),
                    number.format($0.impact.estimate), number.format($0.impact.standardError),
                    number.format($0.impact.confidenceInterval.lower),
                    number.format($0.impact.confidenceInterval.upper),
                    number.format(offsets.pathLossExponent.estimate),
                ]
            })

        var plot = Plot(
            title:
                "Feature effects, \(PathLossFormat.provenance(campaign)) (\(Int((confidenceLevel * 100).rounded())) % CI, "
                + (covariance == .clusterRobust ? "CR1)" : "classical)"),
            xLabel: "Extra loss [dB] (positive = more loss)", yLabel: "", heightPixels: 420)
        let effects = regression.effects
        plot.add(
            try .intervals(
                "regression", rows: effects.map(\.name), estimates: effects.map(\.estimate),
                lower: effects.map(\.confidenceInterval.lower), upper: effects.map(\.confidenceInterval.upper)))
        if let intervals {
            plot.add(
                try .intervals(
                    "cluster bootstrap (\(intervals.successfulResamples) resamples)", rows: effects.map(\.name),
                    estimates: effects.map(\.estimate), lower: intervals.intervals.map(\.lower),
                    upper: intervals.intervals.map(\.upper)))
        }
        plot.add(.referenceLine("paper 5", .vertical, at: 5))
        plot.add(.referenceLine("paper 10", .vertical, at: 10))
        plot.add(.referenceLine("glass 20", .vertical, at: 20))

        try context.write(table, name: name)
        try context.write(offsetTable, name: name + "-glass-offsets")
        try context.writeSVG(plot.svg(), name: name + "-forest")
        context.note(
            "effects: "
                + effects.map { "\($0.name) \(PathLossFormat.fixed($0.estimate, 1)) dB" }.joined(separator: ", ")
                + (campaign.isSynthetic ? " [SYNTHETIC data]" : ""))
    }
}

extension FeatureRegression.FloorEncoding: ExpressibleByArgument {}
extension FeatureRegression.Covariance: ExpressibleByArgument {}
