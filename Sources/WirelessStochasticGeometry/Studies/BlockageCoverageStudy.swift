import Foundation
import WirelessCore
import WirelessIO

/// Coverage of a mmWave network with blockage against the SINR threshold at several densities
/// (`wtk densify blockage`): the analytic `BlockageNetwork` curve beside `BlockageSimulator` drops.
///
/// Table: one row per (density, threshold): `lambda_per_km2`, `threshold_db`, `analytic`, `mc`,
/// `mc_ci95_lo`, `mc_ci95_hi`. Figure: coverage against T [dB], one curve per density.
public struct BlockageCoverageStudy: Study {
    /// What to compute. Distances are in metres, densities per km².
    public struct Configuration: Sendable {
        /// Densities [BSs per km²], each > 0, 1…`DensifyGrid.maximumPoints`.
        public var densitiesPerKm2: [Double]
        /// The network at 1 BS per m² (its `density` is replaced by each of `densitiesPerKm2`).
        public var network: BlockageNetwork
        /// SINR thresholds [dB], 1…`DensifyGrid.maximumPoints`.
        public var thresholdsDB: [Double]
        /// Monte-Carlo drops per density, 0 (none) … 10⁶.
        public var drops: Int = 5000

        public init(densitiesPerKm2: [Double], network: BlockageNetwork, thresholdsDB: [Double]) {
            self.densitiesPerKm2 = densitiesPerKm2
            self.network = network
            self.thresholdsDB = thresholdsDB
        }
    }

    /// The table and figure.
    public struct Result: SingleTableStudyResult {
        public let configuration: Configuration
        /// Analytic coverage, [density][threshold].
        public let analytic: [[Double]]
        public let table: StudyTable
        public let plot: StudyPlot
        public let summary: String
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// - Throws: `DensificationError` for a bad grid, density or drop count, or a quadrature failure.
    public func run(seed: UInt64, progress: any StudyProgress) throws(DensificationError) -> Result {
        let c = configuration
        try DensifyGrid.checkDensityCount(c.densitiesPerKm2.count)
        guard c.drops >= 0, c.drops <= 1_000_000 else {
            throw .invalidSimulationParameter(name: "drops", value: Double(c.drops))
        }
        let thresholds = try DensifyGrid.linearThresholds(fromDB: c.thresholdsDB)
        var analytic: [[Double]] = []
        var columns: (lambda: [Double], t: [Double], a: [Double], mc: [Double?], lo: [Double?], hi: [Double?]) =
            ([], [], [], [], [], [])
        var series: [StudySeries] = []
        progress.begin("densify blockage: densities", total: c.densitiesPerKm2.count)
        for (d, perKm2) in c.densitiesPerKm2.enumerated() {
            let n = c.network
            let network = try BlockageNetwork(
                density: perKm2 * 1e-6, lineOfSight: n.lineOfSight, losIntercept: n.losIntercept,
                nlosIntercept: n.nlosIntercept, losExponent: n.losExponent, nlosExponent: n.nlosExponent,
                noise: n.noise)
            var row: [Double] = []
            for t in thresholds { row.append(try network.coverage(threshold: t).value) }
            analytic.append(row)
            var estimates: [MCEstimate]? = nil
            if c.drops > 0 {
                // Densities draw from disjoint stream ranges of the seed.
                let sinr = try BlockageSimulator(network: network).sinr(
                    drops: c.drops, seed: seed &+ UInt64(d) &* 0x9E37_79B9_7F4A_7C15)
                estimates = thresholds.map { t in
                    MCEstimate.proportion(
                        successes: sinr.reduce(0) { $0 + ($1 > t ? 1 : 0) }, trials: sinr.count, converged: true)
                }
            }
            for j in thresholds.indices {
                columns.lambda.append(perKm2)
                columns.t.append(c.thresholdsDB[j])
                columns.a.append(row[j])
                columns.mc.append(estimates?[j].mean)
                columns.lo.append(estimates?[j].ciLow)
                columns.hi.append(estimates?[j].ciHigh)
            }
            let label = "λ = \(CSVNumberFormat.shortestRoundTrip.format(perKm2)) per km²"
            series.append(StudySeries("analytic, \(label)", .line(x: c.thresholdsDB, y: row)))
            if let estimates { series.append(.monteCarlo(label, x: c.thresholdsDB, estimates)) }
            progress.advance()
        }
        let table = StudyTable(columns: [
            StudyColumn("lambda", unit: "per_km2", columns.lambda), StudyColumn("threshold", unit: "db", columns.t),
            StudyColumn("analytic", columns.a), StudyColumn("mc", columns.mc), StudyColumn("mc_ci95_lo", columns.lo),
            StudyColumn("mc_ci95_hi", columns.hi),
        ])
        let law: String
        switch c.network.lineOfSight {
        case .exponential(let beta): law = "exponential blockage, 1/β = \(Int((1 / beta).rounded())) m"
        case .ball(let radius): law = "LOS ball, R_B = \(Int(radius.rounded())) m"
        }
        let plot = StudyPlot(
            title: "mmWave coverage with \(law) (α_L = \(c.network.losExponent), α_N = \(c.network.nlosExponent))",
            xLabel: "SINR threshold T [dB]", yLabel: "Coverage probability P(SINR > T)", series: series)
        return Result(
            configuration: c, analytic: analytic, table: table, plot: plot,
            summary: "densify blockage: \(c.densitiesPerKm2.count) densities × \(thresholds.count) thresholds, \(law)"
                + (c.drops > 0 ? ", \(c.drops) MC drops per density" : ""))
    }
}
