import Foundation
import WirelessCore
import WirelessIO

/// The densification sweep of `wtk densify sweep`: coverage, rate, coverage density and ASE of a Poisson
/// network against the BS density, analytic (docs/DENSIFICATION.md#route-choice) beside Monte-Carlo.
///
/// Work: the analytic cells (one per density, threshold and metric) and, unless Monte-Carlo is off, the
/// simulator's drops. The unit of Monte-Carlo work is a batch of drops [d₀, d₀ + n) evaluated at every
/// density (common random numbers); drop d draws from `Xoshiro256StarStar(seed:stream: d)`, so a batch's
/// statistics depend only on its drop range, never on the thread that ran it or on the rest of the grid.
///
/// Tables: the main table, one row per (λ, T, metric) — `lambda`, `threshold_db`, `metric`, `unit`,
/// `analytic`, `analytic_method`, `analytic_abs_err`, `mc`, `mc_ci95_lo`, `mc_ci95_hi`, `mc_drops`,
/// `converged`, `tail_share`, `analytic_reason` — with, under noise, one `peak-density` row per threshold.
/// Figures: one per metric, suffix `-<metric>`.
///
///     var configuration = DensifySweepStudy.Configuration(scenario: network, densities: [1, 10, 100])
///     configuration.monteCarlo = .off
///     let table = try DensifySweepStudy(configuration).run().tables[0]   // lambda, threshold_db, metric, …
public struct DensifySweepStudy: Study {
    /// What to sweep.
    public struct Configuration: Sendable {
        /// The network (path gain, fading, association, noise).
        public var scenario: DensificationScenario
        /// BS densities λ [per unit area], each finite and > 0, at most `DensifyGrid.maximumPoints`.
        public var densities: [Double]
        /// SINR thresholds [dB], each finite with a finite linear value; the first is used by rate-free
        /// summaries. At most `DensifyGrid.maximumPoints`.
        public var thresholdsDB: [Double] = [0]
        /// The metrics, in table and figure order (at least one).
        public var metrics: [DensifyMetric] = DensifyMetric.allCases
        /// Monte-Carlo mode.
        public var monteCarlo: MonteCarloMode = .auto
        /// The unit of rate and ASE.
        public var rateUnit: RateUnit = .nats

        public init(scenario: DensificationScenario, densities: [Double]) {
            self.scenario = scenario
            self.densities = densities
        }
    }

    /// The noise-limited peak density of one threshold (docs/DENSIFICATION.md#peak-density).
    public struct PeakDensity: Sendable, Equatable {
        /// λ* [per unit area], nil when the analytic coverage has no route (see `coverage.reason`).
        public var density: Double?
        /// P_c(λ*) [probability].
        public var coverage: AnalyticCell
    }

    /// The sweep's values, table and figures.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// Analytic coverage, indexed [density][threshold].
        public let coverage: [[AnalyticCell]]
        /// Analytic mean rate per density [nat/s/Hz] (not computed without rate or ASE).
        public let rate: [AnalyticCell]
        /// The Monte-Carlo estimates (nil when off).
        public let simulation: MonteCarloResult?
        /// The λ → ∞ regime and κ = min(2/α0, κ_H).
        public let regime: Regime
        public let tailIndex: Double
        /// One per threshold under noise with at least two densities; empty otherwise.
        public let peaks: [PeakDensity]
        /// The main table.
        public let table: StudyTable
        public let plots: [StudyPlot]
        public let summary: String
        /// Keys for the run's metadata: `peak_density`, `peak_density_coverage` (comma lists per threshold).
        public let metadata: [String: String]

        public var tables: [StudyTable] { [table] }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    static let number = CSVNumberFormat.shortestRoundTrip

    /// Runs the sweep.
    /// - Throws: `DensificationError` for an invalid grid or simulation setting, and for any numerical
    ///   failure of an analytic route (only `.analyticUnavailable` becomes an empty cell with its reason).
    public func run(seed: UInt64, progress: any StudyProgress) throws(DensificationError) -> Result {
        let c = configuration
        let scenario = c.scenario
        let densities = c.densities
        guard !densities.isEmpty, densities.count <= DensifyGrid.maximumPoints else {
            throw .invalidSweep(reason: "the density grid needs 1 to \(DensifyGrid.maximumPoints) values")
        }
        for lambda in densities where !(lambda.isFinite && lambda > 0) { throw .invalidDensity(value: lambda) }
        guard !c.metrics.isEmpty else { throw .invalidSweep(reason: "no metric chosen") }
        let thresholds = try DensifyGrid.linearThresholds(fromDB: c.thresholdsDB)
        let simulation = try DensifySimulation.run(
            c.monteCarlo, scenario: scenario, densities: densities, thresholds: thresholds, seed: seed,
            progress: progress)
        let needsRate = c.metrics.contains(.rate) || c.metrics.contains(.ase)
        let needsCoverage = c.metrics.contains(where: \.isPerThreshold)
        progress.begin("densify sweep: analytic cells", total: densities.count)
        var coverage: [[AnalyticCell]] = []
        var rate: [AnalyticCell] = []
        for lambda in densities {
            var row: [AnalyticCell] = []
            for t in thresholds where needsCoverage {
                row.append(
                    try AnalyticCell.evaluate { () throws(DensificationError) in
                        try scenario.coverage(density: lambda, threshold: t)
                    })
            }
            coverage.append(row)
            rate.append(
                needsRate
                    ? try AnalyticCell.evaluate { () throws(DensificationError) in
                        try scenario.meanRate(density: lambda)
                    } : .notComputed)
            progress.advance()
        }
        let alpha0 = scenario.pathGain.nearFieldExponent
        let kappa = try DensificationAsymptotics.tailIndex(alpha0: alpha0, fadingTailIndex: scenario.fading.tailIndex)
        let regime = try DensificationAsymptotics.classifyRegime(
            alpha0: alpha0, fadingTailIndex: scenario.fading.tailIndex)
        let peaks = try peakDensities(thresholds: thresholds)
        let values = SweepValues(
            configuration: c, thresholds: thresholds, coverage: coverage, rate: rate, simulation: simulation,
            regime: regime, kappa: kappa, peaks: peaks)
        return Result(
            configuration: c, coverage: coverage, rate: rate, simulation: simulation, regime: regime,
            tailIndex: kappa, peaks: peaks, table: values.table(), plots: try values.plots(),
            summary: values.summary(), metadata: values.metadata())
    }

    /// λ* = argmax P_c(λ, T) on the grid's span per threshold; empty without noise or with one density.
    func peakDensities(thresholds: [Double]) throws(DensificationError) -> [PeakDensity] {
        let scenario = configuration.scenario
        let densities = configuration.densities
        guard scenario.noise > 0, densities.count > 1 else { return [] }
        var peaks: [PeakDensity] = []
        for t in thresholds {
            do throws(DensificationError) {
                let peak = try scenario.peakDensity(
                    threshold: t, lowerDensity: densities[0], upperDensity: densities[densities.count - 1])
                let at = try scenario.coverage(density: peak.density, threshold: t)
                peaks.append(PeakDensity(density: peak.density, coverage: AnalyticCell(value: at)))
            } catch {
                guard case .analyticUnavailable = error else { throw error }
                peaks.append(PeakDensity(density: nil, coverage: AnalyticCell(value: nil, reason: error.description)))
            }
        }
        return peaks
    }
}
