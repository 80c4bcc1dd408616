import ArgumentParser
import Foundation
import WirelessIO
import WirelessStochasticGeometry

/// `wtk densify coverage`: P(SINR > T) versus the threshold at given densities
/// (docs/DENSIFICATION.md#command-line-sweeps); the work is `DensifyCoverageStudy`.
public struct DensifyCoverageCommand: WTKCommand, OutputNaming, ThresholdGridDefault {
    public static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract:
            "Coverage probability versus SINR threshold at given densities: analytic curves and Monte-Carlo points.",
        discussion: """
            Writes <name>.csv (lambda, threshold_db, metric, unit, analytic, analytic_method, analytic_abs_err, mc, \
            mc_ci95_lo, mc_ci95_hi, mc_drops, converged, tail_share, analytic_reason) and <name>.svg. Thresholds are --threshold-min-db \
            to --threshold-max-db in --threshold-step-db steps. Every drop is reused for every threshold. \
            --metrics coverage,rate adds one row per density with the mean rate (empty threshold_db).
            """)

    @OptionGroup var model: DensifyModelOptions

    @Option(parsing: .unconditional, help: "Densities λ [per --density-unit], comma-separated, each > 0.")
    var densities: CommaList<Double> = "0.1,10,1000"

    public static let defaultMaximumThresholdDB: Double = 20
    @OptionGroup var thresholds: ThresholdGridOptions<DensifyCoverageCommand>

    @Option(help: "Metrics: coverage, or coverage,rate (adds the mean rate of each density).")
    var metrics: CommaList<DensifyMetric> = "coverage"

    @Option(name: .customLong("rate-unit"), help: "Rate unit: nats or bits.")
    var rateUnit: RateUnit = .nats

    @OptionGroup var output: SeededOutputOptions<DensifyCoverageCommand>

    public init() {}

    public func validate() throws {
        for metric in metrics.values where metric != .coverage && metric != .rate {
            throw ValidationError("--metrics takes coverage and rate (got '\(metrics.text)').")
        }
    }

    public func execute() throws {
        var configuration = DensifyCoverageStudy.Configuration(
            scenario: try model.scenario(), densities: densities.values,
            thresholdsDB: try thresholds.thresholdsDB())
        configuration.metrics = metrics.values
        configuration.monteCarlo = model.mc
        configuration.rateUnit = rateUnit
        configuration.densityUnit = model.densityUnit
        model.announce(densities: densities.count, label: "densify coverage", quiet: output.quiet)
        let progress = StderrStudyProgress(quiet: output.quiet)
        let result = try DensifyCoverageStudy(configuration).run(seed: output.seed, progress: progress)
        let parameters = model.parameters(configuration.scenario).merging(
            [
                "densities": densities.text, "metrics": metrics.text, "rate_unit": rateUnit.rawValue,
            ].merging(thresholds.parameters) { a, _ in a }
        ) { a, _ in a }
        try OutputContext(options: output, seed: output.seed, parameters: parameters).write(result, name: output.name)
    }
}
