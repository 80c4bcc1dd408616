import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss fit`: all-data and per-group path-gain fits, standard-model RMSE, headline aggregates.
public struct PathLossFitCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract:
            "Fit path gain vs distance (FI, CI, dual-slope, per group), compare with free space, TR 38.901 and P.2109.",
        discussion: """
            Writes <name>-models.csv (parameters with SE and CI per model and group), <name>-comparison.csv \
            (RMSE, bias and de-biased std of each model against the data), <name>-summary.csv (the paper's \
            aggregates beside the campaign's), <name>-residual-ecdf.csv, and the plots <name>-path-gain.svg \
            (data, fits, free space, standard models) and <name>-residual-ecdf.svg. With --bootstrap B, also \
            <name>-bootstrap.csv: a link-level bootstrap (seeded) of the all-data fit's A and n beside its t intervals.
            """)

    @OptionGroup var inputOptions: PathLossGroupedInputOptions

    @Option(name: .customLong("reference-distance"), parsing: .unconditional, help: "Reference distance d0 [m], > 0.")
    var referenceDistanceMeters: Double = 1

    @Option(
        name: .customLong("confidence-level"), parsing: .unconditional,
        help: "Confidence level of the intervals, in (0, 1).")
    var confidenceLevel: Double = 0.95

    @Option(
        name: .customLong("bin-weighting"), parsing: .unconditional,
        help: "Distance-bin weighting width [decades]; 0 = ordinary least squares.")
    var binWidthDecades: Double = 0

    @Flag(name: .customLong("censored-ml"), help: "Also fit censored links by maximum likelihood (Tobit).")
    var censoredML = false

    @Option(name: .customLong("irr-release"), help: "TR 38.901 IRR-glass release: r17 or r19.")
    var irrRelease: O2IBuildingPenetration.IRRGlassRelease = .r17

    @Option(
        name: .customLong("excess-loss-averaging"),
        help: """
            Excess loss beyond 50 m in the summary: model (the fitted line averaged over distance, default), \
            model-log-uniform, or data-points (the mean of the measured links' excess loss).
            """)
    var excessLossAveraging: ExcessLoss.Averaging = .model

    @Option(
        parsing: .unconditional,
        help: "Link-level bootstrap resamples of the all-data fit's A and n (0 = none, else 2…100000; seeded).")
    var bootstrap: Int = 0

    @OptionGroup var output: SeededOutputOptions<PathLossFitCommand>

    public init() {}

    public func validate() throws {
        guard referenceDistanceMeters > 0, referenceDistanceMeters.isFinite else {
            throw ValidationError("--reference-distance must be > 0 m.")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw ValidationError("--confidence-level must be in (0, 1).")
        }
        guard binWidthDecades >= 0, binWidthDecades.isFinite else {
            throw ValidationError("--bin-weighting must be ≥ 0.")
        }
        guard bootstrap == 0 || (2...LinkBootstrap.maximumResamples).contains(bootstrap) else {
            throw ValidationError("--bootstrap must be 0 or in 2…100000.")
        }
    }

    public func execute() throws {
        let (campaign, grouping) = try inputOptions.load()
        var configuration = PathLossFitStudy.Configuration(campaign: campaign)
        configuration.groupBy = grouping
        configuration.excessLossAveraging = excessLossAveraging
        configuration.bootstrapResamples = bootstrap
        configuration.referenceDistanceMeters = referenceDistanceMeters
        configuration.confidenceLevel = confidenceLevel
        configuration.binWidthDecades = binWidthDecades
        configuration.censoredML = censoredML
        configuration.irrRelease = irrRelease
        let context = OutputContext(
            options: output, seed: bootstrap > 0 ? output.seed : nil,
            parameters: configuration.recordedParameters.merging(["input": inputOptions.recordedPath]) { a, _ in a })
        // All analyses first (inside `run`): a data error leaves no output behind.
        try context.write(
            PathLossFitStudy(configuration).run(seed: output.seed, progress: context.studyProgress),
            name: output.name)
    }
}

extension CampaignGrouping: ExpressibleByArgument {}
extension O2IBuildingPenetration.IRRGlassRelease: ExpressibleByArgument {}
extension ExcessLoss.Averaging: ExpressibleByArgument {
    /// `model`, `model-log-uniform` or `data-points` (the camelCase raw values are accepted as aliases).
    public init?(argument: String) {
        switch argument {
        case "model": self = .model
        case "model-log-uniform", "modelLogUniform": self = .modelLogUniform
        case "data-points", "dataPoints": self = .dataPoints
        default: return nil
        }
    }

    public static var allValueStrings: [String] { ["model", "model-log-uniform", "data-points"] }
    public var defaultValueDescription: String { "model" }
}
