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
/// The study is a `ShardableStudy` over (batch, density) work items (see `DensifySweepStudy+Shards.swift`).
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
        /// BS densities λ [per `densityUnit`], each finite and > 0, at most `DensifyGrid.maximumPoints`.
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
        /// Points per decade of the drawn analytic curves, ≥ 0 (0: the table's densities only). The
        /// curves are evaluated on their own grid over the table's span; the table keeps `densities`.
        public var curvePointsPerDecade = 20
        /// The unit of `densities` and of every density in the outputs (`.perKm2`: the path gain in metres).
        public var densityUnit: DensityUnit = .unitArea
        /// Simulator settings that replace those of `monteCarlo` (its seed is the run's), unless
        /// `monteCarlo` is `.off`: tests use small batches and stop-rule bounds so that a few thousand
        /// drops span many batches and rounds.
        var simulatorSettings: MonteCarloConfiguration?

        /// The log-spaced grid `densities` came from (`init(scenario:densitiesFrom:to:perDecade:)`): λ_min and
        /// λ_max [per `densityUnit`] and points per decade; nil for densities given as a list.
        public private(set) var densityGrid: (minimum: Double, maximum: Double, perDecade: Int)?

        public init(scenario: DensificationScenario, densities: [Double]) {
            self.scenario = scenario
            self.densities = densities
        }

        /// A sweep over the log-spaced densities `DensifyGrid.densities(from: lower, to: upper, perDecade:)`.
        /// - Throws: `DensificationError` as `DensifyGrid.densities(from:to:perDecade:)` does.
        public init(scenario: DensificationScenario, densitiesFrom lower: Double, to upper: Double, perDecade: Int)
            throws(DensificationError)
        {
            self.init(
                scenario: scenario, densities: try DensifyGrid.densities(from: lower, to: upper, perDecade: perDecade))
            densityGrid = (lower, upper, perDecade)
        }

        /// The sweep settings a run records beside its outputs (the network's come from its specification):
        /// `threshold_db` and `metrics` comma-separated, `rate_unit`, `mc`, `density_unit`, and for a log-spaced
        /// grid `lambda_min`, `lambda_max`, `per_decade`.
        public var recordedParameters: [String: String] {
            var parameters = [
                "threshold_db": thresholdsDB.map { String($0) }.joined(separator: ","),
                "metrics": metrics.map(\.rawValue).joined(separator: ","), "rate_unit": rateUnit.rawValue,
                "mc": monteCarlo.description, "density_unit": densityUnit.rawValue,
            ]
            if let densityGrid {
                parameters["lambda_min"] = String(densityGrid.minimum)
                parameters["lambda_max"] = String(densityGrid.maximum)
                parameters["per_decade"] = String(densityGrid.perDecade)
            }
            return parameters
        }
    }

    /// The noise-limited peak density of one threshold (docs/DENSIFICATION.md#peak-density).
    public struct PeakDensity: Sendable, Equatable {
        /// λ* [per `densityUnit`], nil when the analytic coverage has no route (see `coverage.reason`).
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
        /// The main table, then in the decay regime the asymptote table (suffix `-asymptote`).
        public let tables: [StudyTable]
        public let plots: [StudyPlot]
        public let summary: String
        /// Keys for the run's metadata: `peak_density`, `peak_density_coverage` (comma lists per threshold).
        public let metadata: [String: String]
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    static let number = CSVNumberFormat.shortestRoundTrip

    /// Runs the sweep.
    /// - Throws: `DensificationError` for an invalid grid or simulation setting, and for any numerical
    ///   failure of an analytic route (only `.analyticUnavailable` becomes an empty cell with its reason).
    public func run(seed: UInt64, progress: any StudyProgress) throws(DensificationError) -> Result {
        let (modelDensities, thresholds) = try validatedGrid()
        let simulation = try simulator(seed: seed)?.run(densities: modelDensities, thresholds: thresholds)
        return try assemble(simulation: simulation, progress: progress)
    }

    /// The density grid in model units and the thresholds [linear], checked.
    /// - Throws: `DensificationError` for an empty or too long grid, a bad density, no metric, a bad threshold.
    func validatedGrid() throws(DensificationError) -> (densities: [Double], thresholds: [Double]) {
        let c = configuration
        let densities = c.densities
        guard !densities.isEmpty, densities.count <= DensifyGrid.maximumPoints else {
            throw .invalidSweep(reason: "the density grid needs 1 to \(DensifyGrid.maximumPoints) values")
        }
        for lambda in densities where !(lambda.isFinite && lambda > 0) { throw .invalidDensity(value: lambda) }
        guard !c.metrics.isEmpty else { throw .invalidSweep(reason: "no metric chosen") }
        let thresholds = try DensifyGrid.linearThresholds(fromDB: c.thresholdsDB)
        let toModel = c.densityUnit.toModel
        return (densities.map { $0 * toModel }, thresholds)
    }

    /// The result from the Monte-Carlo estimates (nil when off): the analytic cells, curves, peaks, tables.
    func assemble(simulation: MonteCarloResult?, progress: any StudyProgress) throws(DensificationError) -> Result {
        let c = configuration
        let scenario = c.scenario
        let densities = c.densities
        let (modelDensities, thresholds) = try validatedGrid()
        let toModel = c.densityUnit.toModel
        // The tables the routes reuse at every density (J_n per threshold, F(a) per law), built once.
        let plan = CoveragePlan(scenario: scenario, thresholds: thresholds)
        progress.begin("densify sweep: analytic cells", total: densities.count)
        let (coverage, rate) = try analyticCells(modelDensities, plan: plan, progress: progress)
        let curveDensities = try curveGrid()
        progress.begin("densify sweep: analytic curves", total: curveDensities.count)
        let curves =
            curveDensities == densities
            ? (coverage, rate)
            : try analyticCells(curveDensities.map { $0 * toModel }, plan: plan, progress: progress)
        let alpha0 = scenario.pathGain.nearFieldExponent
        let kappa = try DensificationAsymptotics.tailIndex(alpha0: alpha0, fadingTailIndex: scenario.fading.tailIndex)
        let regime = try DensificationAsymptotics.classifyRegime(
            alpha0: alpha0, fadingTailIndex: scenario.fading.tailIndex)
        let peaks = try peakDensities(plan: plan)
        let values = SweepValues(
            configuration: c, thresholds: thresholds, coverage: coverage, rate: rate,
            curves: .init(densities: curveDensities, coverage: curves.0, rate: curves.1), simulation: simulation,
            regime: regime, kappa: kappa, peaks: peaks)
        return Result(
            configuration: c, coverage: coverage, rate: rate, simulation: simulation, regime: regime,
            tailIndex: kappa, peaks: peaks, tables: [values.table()] + (try values.asymptoteTable().map { [$0] } ?? []),
            plots: try values.plots(),
            summary: values.summary(), metadata: values.metadata())
    }

    /// Analytic coverage [density][threshold] (for coverage and coverage density) and mean rate (for rate
    /// and ASE) at `densities`; cells of metrics not asked for are `.notComputed`.
    func analyticCells(_ densities: [Double], plan: CoveragePlan, progress: any StudyProgress)
        throws(DensificationError) -> ([[AnalyticCell]], [AnalyticCell])
    {
        let metrics = configuration.metrics
        let needsRate = metrics.contains(.rate) || metrics.contains(.ase)
        let needsCoverage = metrics.contains(where: \.isPerThreshold)
        if needsCoverage { plan.prepare(densities: densities) }
        if needsRate { plan.prepareRate(densities: densities) }
        // One task per density on both cores; each cell depends only on its density, so the result does
        // not depend on the thread count. The first error in density order is thrown.
        let cells = ParallelExecution.parallelMap(count: densities.count) {
            i -> Swift.Result<([AnalyticCell], AnalyticCell), DensificationError> in
            defer { progress.advance() }
            let lambda = densities[i]
            do throws(DensificationError) {
                var row: [AnalyticCell] = []
                for t in plan.thresholds where needsCoverage {
                    row.append(
                        try AnalyticCell.evaluate { () throws(DensificationError) in
                            try plan.coverage(density: lambda, threshold: t)
                        })
                }
                let rate =
                    needsRate
                    ? try AnalyticCell.evaluate { () throws(DensificationError) in
                        try plan.meanRate(density: lambda)
                    } : .notComputed
                return .success((row, rate))
            } catch {
                return .failure(error)
            }
        }
        var coverage: [[AnalyticCell]] = []
        var rate: [AnalyticCell] = []
        for cell in cells {
            let (row, r) = try cell.get()
            coverage.append(row)
            rate.append(r)
        }
        return (coverage, rate)
    }

    /// The densities of the drawn analytic curves: the table grid, refined to `curvePointsPerDecade` over
    /// the same span when that is finer (a single density: itself).
    func curveGrid() throws(DensificationError) -> [Double] {
        let densities = configuration.densities
        guard densities.count > 1, let lower = densities.min(), let upper = densities.max(), upper > lower else {
            return densities
        }
        let decades = log10(upper) - log10(lower)
        guard configuration.curvePointsPerDecade > 0,
            Double(densities.count - 1) < decades * Double(configuration.curvePointsPerDecade)
        else { return densities }
        return try DensifyGrid.densities(from: lower, to: upper, perDecade: configuration.curvePointsPerDecade)
    }

    /// λ* = argmax P_c(λ, T) on the grid's span per threshold; empty without noise or with one density.
    func peakDensities(plan: CoveragePlan) throws(DensificationError) -> [PeakDensity] {
        let densities = configuration.densities
        guard plan.scenario.noise > 0, densities.count > 1 else { return [] }
        var peaks: [PeakDensity] = []
        for t in plan.thresholds {
            do throws(DensificationError) {
                let toModel = configuration.densityUnit.toModel
                let peak = try plan.peakDensity(
                    threshold: t, lowerDensity: densities[0] * toModel,
                    upperDensity: densities[densities.count - 1] * toModel)
                let at = try plan.coverage(density: peak.density, threshold: t)
                peaks.append(PeakDensity(density: peak.density / toModel, coverage: AnalyticCell(value: at)))
            } catch {
                guard case .analyticUnavailable = error else { throw error }
                peaks.append(PeakDensity(density: nil, coverage: AnalyticCell(value: nil, reason: error.description)))
            }
        }
        return peaks
    }
}
