import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss effects`: each environmental feature's effect in dB with its confidence interval.
public struct PathLossEffectsCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "effects",
        abstract:
            "Feature effects (glass, scaffolding, foliage, elevated subway, floor) in dB with CIs, as a forest plot.",
        discussion: """
            Regresses path gain on 10·log10(d/d0) plus the scenario features \
            (docs/PATHLOSS.md#feature-regression); effects are −β in dB \
            (positive = extra loss) with cluster-robust (CR1, by scenario) or classical standard errors, and a \
            scenario-cluster bootstrap percentile interval (--bootstrap resamples, seeded). Also fits per-glass \
            offsets under a common slope. Writes <name>.csv, <name>-glass-offsets.csv and <name>-forest.svg. \
            A campaign without some feature columns (or with a feature equal on every link) is fitted on the \
            features it has; the others are listed with the reason in the note column.
            """)

    @OptionGroup var inputOptions: PathLossInputOptions

    @Option(help: "Floor encoding: categorical (dummies vs the lowest floor), numeric, or excluded.")
    var floor: FeatureRegression.FloorEncoding = .categorical

    @Option(
        help: ArgumentHelp(
            "Coefficient covariance: cluster-robust (CR1 by scenario_id) or classical.",
            discussion: "Default: cluster-robust when the campaign has scenario_id, else classical."))
    var covariance: FeatureRegression.Covariance?

    @Option(name: .customLong("confidence-level"), parsing: .unconditional, help: "Confidence level, in (0, 1).")
    var confidenceLevel: Double = 0.95

    @Option(parsing: .unconditional, help: "Scenario-cluster bootstrap resamples (0 = none).")
    var bootstrap: Int = 1000

    @OptionGroup var output: SeededOutputOptions<PathLossEffectsCommand>

    public init() {}

    public func validate() throws {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw ValidationError("--confidence-level must be in (0, 1).")
        }
        guard bootstrap >= 0, bootstrap <= 100_000 else { throw ValidationError("--bootstrap must be in 0…100000.") }
    }

    public func execute() throws {
        var configuration = PathLossEffectsStudy.Configuration(campaign: try inputOptions.load())
        configuration.floor = floor
        configuration.covariance = covariance
        configuration.confidenceLevel = confidenceLevel
        configuration.bootstrapResamples = bootstrap
        let context = OutputContext(
            options: output, seed: output.seed,
            parameters: configuration.recordedParameters.merging(["input": inputOptions.recordedPath]) { a, _ in a })
        let study = PathLossEffectsStudy(configuration)
        try context.write(study.run(seed: output.seed, progress: context.studyProgress), name: output.name)
    }
}

extension FeatureRegression.FloorEncoding: ExpressibleByArgument {}
extension FeatureRegression.Covariance: ExpressibleByArgument {
    /// `cluster-robust` or `classical`; the old spelling `clusterRobust` is accepted as a deprecated alias.
    public init?(argument: String) { self.init(rawValue: argument == "clusterRobust" ? "cluster-robust" : argument) }
}
