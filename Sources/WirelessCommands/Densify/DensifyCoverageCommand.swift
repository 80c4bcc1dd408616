import ArgumentParser
import Foundation
import WirelessIO
import WirelessStochasticGeometry

/// `wtk densify coverage`: P(SINR > T) versus the threshold at given densities
/// (docs/DENSIFICATION.md#command-line-sweeps).
public struct DensifyCoverageCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract:
            "Coverage probability versus SINR threshold at given densities: analytic curves and Monte-Carlo points.",
        discussion: """
            Writes <name>.csv (lambda, threshold_db, metric, unit, analytic, analytic_method, analytic_abs_err, mc, \
            mc_ci95_lo, mc_ci95_hi, mc_drops, converged, tail_share, analytic_reason) and <name>.svg. Thresholds are --threshold-min-db \
            to --threshold-max-db in --threshold-step-db steps. Every drop is reused for every threshold.
            """)

    @OptionGroup var model: DensifyModelOptions

    @Option(help: "Densities λ [per unit area], comma-separated, each > 0.")
    var densities: String = "0.1,10,1000"

    @Option(name: .customLong("threshold-min-db"), parsing: .unconditional, help: "Lowest threshold [dB].")
    var thresholdMinDB: Double = -10

    @Option(name: .customLong("threshold-max-db"), parsing: .unconditional, help: "Highest threshold [dB].")
    var thresholdMaxDB: Double = 20

    @Option(name: .customLong("threshold-step-db"), parsing: .unconditional, help: "Threshold step [dB], > 0.")
    var thresholdStepDB: Double = 2

    @Option(help: "Monte-Carlo: auto (10⁴…10⁶ drops) | off | drops:N (N in 1…10⁸).")
    var mc: String = "drops:2000"

    @Option(help: "Base name of the output files.")
    var name: String = "densify-coverage"

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        try OutputOptions.validateFileName(name)
        _ = try DensifyModelOptions.monteCarloConfiguration(mc, seed: 0)  // --mc drops:N range, before any work
    }

    public func execute() throws {
        let scenario = try model.scenario()
        let lambdas = try DensifyModelOptions.list(densities, "densities")
        guard !lambdas.isEmpty, lambdas.count <= DensifyModelOptions.maximumGridPoints else {
            throw DensificationError.invalidSweep(
                reason: "--densities needs 1 to \(DensifyModelOptions.maximumGridPoints) values")
        }
        for l in lambdas where !(l.isFinite && l > 0) { throw DensificationError.invalidDensity(value: l) }
        for v in [thresholdMinDB, thresholdMaxDB] where !v.isFinite {
            throw DensificationError.invalidThreshold(value: v)
        }
        guard thresholdStepDB.isFinite, thresholdStepDB > 0, thresholdMaxDB >= thresholdMinDB else {
            throw DensificationError.invalidSweep(reason: "threshold grid needs step > 0 and max ≥ min")
        }
        let steps = ((thresholdMaxDB - thresholdMinDB) / thresholdStepDB + 1e-9).rounded(.down)
        guard steps.isFinite, steps < Double(DensifyModelOptions.maximumGridPoints) else {
            throw DensificationError.invalidSweep(
                reason: "the threshold grid would have more than \(DensifyModelOptions.maximumGridPoints) points")
        }
        let count = Int(steps)
        let thresholdsDB = (0...count).map { thresholdMinDB + Double($0) * thresholdStepDB }
        let thresholds = try DensifyModelOptions.linearThresholds(fromDB: thresholdsDB)
        let monteCarlo = try DensifyModelOptions.monteCarloConfiguration(mc, seed: seedOptions.seed)
        DensifyModelOptions.announce(monteCarlo, densities: lambdas.count, label: "densify coverage", quiet: output.quiet)
        let simulation = try monteCarlo.map {
            try DensificationSimulator(scenario: scenario, configuration: $0).run(densities: lambdas, thresholds: thresholds)
        }
        let number = CSVNumberFormat.shortestRoundTrip
        var rows: [[String]] = []
        var plot = Plot(
            title: "Coverage vs threshold (\(model.association), exponents \(model.exponents))",
            xLabel: "SINR threshold T [dB]", yLabel: "P(SINR > T)")
        for (i, lambda) in lambdas.enumerated() {
            var xs: [Double] = []
            var ys: [Double] = []
            for (j, t) in thresholds.enumerated() {
                let value = DensifyAnalyticCell.evaluate { try scenario.coverage(density: lambda, threshold: t) }
                if let y = value.plottable {
                    xs.append(thresholdsDB[j])
                    ys.append(y)
                }
                let e = simulation?.coverage[i][j]
                rows.append([
                    number.format(lambda), number.format(thresholdsDB[j]), "coverage", "probability",
                ] + value.leadingColumns(number) + [
                    e.map { number.format($0.mean) } ?? "",
                    e.map { number.format($0.ciLow) } ?? "", e.map { number.format($0.ciHigh) } ?? "",
                    e.map { String($0.n) } ?? "", e.map { $0.converged ? "1" : "0" } ?? "",
                    simulation.map { number.format($0.tailShare[i]) } ?? "", value.reasonColumn,
                ])
            }
            let label = "λ = \(number.format(lambda))"
            if !xs.isEmpty { plot.add(try .line("analytic \(label)", x: xs, y: ys)) }
            if let simulation {
                let row = simulation.coverage[i]
                plot.add(
                    try .errorBars(
                        "MC \(label) (95 %)", x: thresholdsDB, y: row.map(\.mean),
                        lower: row.map(\.ciLow), upper: row.map(\.ciHigh)))
            }
        }
        let context = OutputContext(
            options: output, seed: seedOptions.seed,
            parameters: model.parameters.merging([
                "densities": densities, "threshold_min_db": String(thresholdMinDB),
                "threshold_max_db": String(thresholdMaxDB),
                "threshold_step_db": String(thresholdStepDB), "mc": mc,
            ]) { a, _ in a })
        try context.write(
            CSVTable(
                header: [
                    "lambda", "threshold_db", "metric", "unit", "analytic", "analytic_method", "analytic_abs_err", "mc",
                    "mc_ci95_lo", "mc_ci95_hi", "mc_drops", "converged", "tail_share", "analytic_reason",
                ], rows: rows), name: name)
        try context.writeSVG(plot.svg(), name: name)
        context.note(
            "coverage: \(lambdas.count) densities × \(thresholds.count) thresholds; wrote \(name).csv, \(name).svg")
    }
}
