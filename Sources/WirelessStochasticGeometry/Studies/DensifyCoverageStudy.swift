import Foundation
import WirelessCore
import WirelessIO

/// Coverage against the SINR threshold at a few densities (`wtk densify coverage`): analytic curves
/// P_c(λ, T) beside Monte-Carlo points, every drop reused for every threshold; optionally the mean rate
/// of each density.
///
/// Table: one row per (λ, T) with the sweep's columns (`lambda`, `threshold_db`, `metric`, `unit`,
/// `analytic`, …, `analytic_reason`), then with `.rate` one row per λ (empty `threshold_db`).
/// Figure: coverage against T [dB], one curve per density.
///
///     let configuration = DensifyCoverageStudy.Configuration(
///         scenario: network, densities: [0.1, 1000], thresholdsDB: [-10, 0, 10])
///     let result = try DensifyCoverageStudy(configuration).run(seed: 1)
public struct DensifyCoverageStudy: Study {
    /// What to compute.
    public struct Configuration: Sendable {
        /// The network.
        public var scenario: DensificationScenario
        /// Densities λ [per `densityUnit`], each finite and > 0, 1…`DensifyGrid.maximumPoints`.
        public var densities: [Double]
        /// Thresholds [dB], each with a finite linear value, 1…`DensifyGrid.maximumPoints`.
        public var thresholdsDB: [Double]
        /// `.coverage` (always written) and optionally `.rate` (mean rate per density); other metrics are
        /// refused.
        public var metrics: [DensifyMetric] = [.coverage]
        /// Monte-Carlo mode.
        public var monteCarlo: MonteCarloMode = .auto
        /// The unit of `densities` (`.perKm2`: the path gain in metres).
        public var densityUnit: DensityUnit = .unitArea
        /// The unit of the rate rows.
        public var rateUnit: RateUnit = .nats

        public init(scenario: DensificationScenario, densities: [Double], thresholdsDB: [Double]) {
            self.scenario = scenario
            self.densities = densities
            self.thresholdsDB = thresholdsDB
        }
    }

    /// The curves, table and figure.
    public struct Result: SingleTableStudyResult {
        public let configuration: Configuration
        /// Analytic coverage, indexed [density][threshold].
        public let coverage: [[AnalyticCell]]
        /// Analytic mean rate per density [nat/s/Hz]; `.notComputed` cells without `.rate`.
        public let rate: [AnalyticCell]
        /// Monte-Carlo estimates (nil when off).
        public let simulation: MonteCarloResult?
        public let table: StudyTable
        public let plot: StudyPlot
        public let summary: String
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Runs the study.
    /// - Throws: `DensificationError` for a bad grid or metric, and any numerical failure of a route
    ///   (only `.analyticUnavailable` becomes an empty cell with its reason).
    public func run(seed: UInt64, progress: any StudyProgress) throws(DensificationError) -> Result {
        let c = configuration
        let (scenario, densities) = (c.scenario, c.densities)
        try DensifyGrid.checkDensityCount(densities.count)
        for lambda in densities where !(lambda.isFinite && lambda > 0) { throw .invalidDensity(value: lambda) }
        for metric in c.metrics where metric != .coverage && metric != .rate {
            throw .invalidSweep(reason: "densify coverage computes coverage and rate, not \(metric.rawValue)")
        }
        let thresholds = try DensifyGrid.linearThresholds(fromDB: c.thresholdsDB)
        let toModel = c.densityUnit.toModel
        let simulation = try DensifySimulation.run(
            c.monteCarlo, scenario: scenario, densities: densities.map { $0 * toModel }, thresholds: thresholds,
            seed: seed,
            progress: progress)
        let plan = CoveragePlan(scenario: scenario, thresholds: thresholds)
        let number = CSVNumberFormat.shortestRoundTrip
        var rows = StudyRows(DensifySimulation.layout(c.densityUnit))
        var coverage: [[AnalyticCell]] = []
        var series: [StudySeries] = []
        progress.begin("densify coverage: analytic curves", total: densities.count)
        for (i, lambda) in densities.enumerated() {
            var cells: [AnalyticCell] = []
            var xs: [Double] = []
            var ys: [Double] = []
            for (j, t) in thresholds.enumerated() {
                let cell = try AnalyticCell.evaluate { () throws(DensificationError) in
                    try plan.coverage(density: lambda * toModel, threshold: t)
                }
                if let y = cell.plottable {
                    xs.append(c.thresholdsDB[j])
                    ys.append(y)
                }
                cells.append(cell)
                rows.append(
                    [.real(lambda), .real(c.thresholdsDB[j]), .text("coverage"), .text("probability")]
                        + cell.tableCells + DensifySimulation.cells(simulation?.coverage[i][j])
                        + [.real(simulation?.tailShare[i]), .text(cell.reasonText)])
            }
            coverage.append(cells)
            let label = "λ = \(number.format(lambda))" + (c.densityUnit == .perKm2 ? " per km²" : "")
            if !xs.isEmpty { series.append(StudySeries("analytic, \(label)", .line(x: xs, y: ys))) }
            if let row = simulation?.coverage[i] { series.append(.monteCarlo(label, x: c.thresholdsDB, row)) }
            progress.advance()
        }
        var rate: [AnalyticCell] = []
        for (i, lambda) in densities.enumerated() {
            guard c.metrics.contains(.rate) else {
                rate.append(.notComputed)
                continue
            }
            let cell = try AnalyticCell.evaluate { () throws(DensificationError) in
                try plan.meanRate(density: lambda * toModel)
            }
            rate.append(cell)
            let shown = cell.scaled(c.rateUnit.scale)
            rows.append(
                [.real(lambda), .real(nil), .text("rate"), .text(c.rateUnit.symbol)] + shown.tableCells
                    + DensifySimulation.cells(simulation?.rate[i].scaled(by: c.rateUnit.scale))
                    + [.real(simulation?.tailShare[i]), .text(shown.reasonText)])
        }
        let plot = StudyPlot(
            title: "Coverage probability vs SINR threshold (\(scenario.phrase))", xLabel: "SINR threshold T [dB]",
            yLabel: "Coverage probability P(SINR > T)", series: series)
        return Result(
            configuration: c, coverage: coverage, rate: rate, simulation: simulation, table: rows.table(),
            plot: plot,
            summary: "densify coverage: \(densities.count) densities × \(thresholds.count) thresholds"
                + (simulation.map { ", \($0.drops) MC drops" } ?? ""))
    }
}
