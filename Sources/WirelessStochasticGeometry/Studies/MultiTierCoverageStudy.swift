import Foundation
import WirelessCore

/// Coverage and rate of a K-tier network with biased association (`wtk densify tiers`): the analytic
/// P_c,k(T) of `MultiTierNetwork` per tier and overall, beside Monte-Carlo drops of `MultiTierSimulator`.
///
/// Tables: `<name>.csv`, one row per (threshold, tier or `all`): `threshold_db`, `tier`, `analytic`, `mc`,
/// `mc_ci95_lo`, `mc_ci95_hi`; `<name>-tiers.csv`, one row per tier and `all`: association probability and
/// mean rate [nat/s/Hz], analytic and Monte-Carlo. Figure: coverage against T [dB] per tier and overall.
///
///     let network = try MultiTierNetwork(
///         tiers: [.init(density: 1, transmitPower: 100), .init(density: 10, transmitPower: 1, bias: 4)],
///         exponent: 4)
///     let result = try MultiTierCoverageStudy(.init(network: network, thresholdsDB: [-10, 0, 10])).run(seed: 1)
public struct MultiTierCoverageStudy: Study {
    /// What to compute.
    public struct Configuration: Sendable {
        /// The network.
        public var network: MultiTierNetwork
        /// SINR thresholds [dB], finite, 1…`DensifyGrid.maximumPoints`.
        public var thresholdsDB: [Double]
        /// Monte-Carlo drops, 0 (none) … 10⁷.
        public var drops: Int = 20_000

        public init(network: MultiTierNetwork, thresholdsDB: [Double]) {
            self.network = network
            self.thresholdsDB = thresholdsDB
        }
    }

    /// The curves, tables and figure.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// Analytic joint coverage P_c,k, indexed [tier][threshold]; the last row is the overall coverage.
        public let analytic: [[Double]]
        /// Monte-Carlo estimates in the same layout (empty without drops).
        public let simulated: [[MCEstimate]]
        /// Per-tier association probability and mean rate (the `-tiers` table).
        public let tierTable: StudyTable
        public let coverageTable: StudyTable
        public let plot: StudyPlot
        public let summary: String

        public var tables: [StudyTable] { [coverageTable, tierTable] }
        public var plots: [StudyPlot] { [plot] }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Runs the study.
    /// - Throws: `DensificationError` for a bad grid or drop count, or a numerical failure of an integral.
    public func run(seed: UInt64, progress: any StudyProgress) throws(DensificationError) -> Result {
        let c = configuration
        let network = c.network
        guard c.drops >= 0, c.drops <= 10_000_000 else {
            throw .invalidSimulationParameter(name: "drops", value: Double(c.drops))
        }
        let thresholds = try DensifyGrid.linearThresholds(fromDB: c.thresholdsDB)
        let labels = network.tiers.indices.map { "\($0 + 1)" } + ["all"]
        let tierSlots: [Int?] = network.tiers.indices.map { $0 } + [nil]

        progress.begin("densify tiers: analytic coverage", total: tierSlots.count)
        var analytic: [[Double]] = []
        for slot in tierSlots {
            var row: [Double] = []
            for t in thresholds {
                if let k = slot {
                    row.append(try network.coverage(tier: k, threshold: t).value)
                } else {
                    row.append(try network.coverage(threshold: t).value)
                }
            }
            analytic.append(row)
            progress.advance()
        }
        let associations = network.tiers.indices.map { network.associationProbability(tier: $0) } + [1]
        var rates: [Double] = []
        for slot in tierSlots { rates.append(try network.meanRate(tier: slot).value) }

        var simulated: [[MCEstimate]] = []
        var simulatedAssociation: [Double?] = tierSlots.map { _ in nil }
        var simulatedRate: [MCEstimate?] = tierSlots.map { _ in nil }
        if c.drops > 0 {
            progress.begin("densify tiers: Monte-Carlo drops", total: 1)
            let drops = try MultiTierSimulator(network: network).drops(c.drops, seed: seed)
            progress.advance()
            for (index, slot) in tierSlots.enumerated() {
                let served = drops.filter { slot == nil ? $0.tier != nil : $0.tier == slot }
                simulated.append(
                    thresholds.map { t in
                        MCEstimate.proportion(
                            successes: served.reduce(0) { $0 + ($1.sinr > t ? 1 : 0) }, trials: drops.count,
                            converged: true)
                    })
                simulatedAssociation[index] = Double(served.count) / Double(drops.count)
                var statistics = RunningStatistics()
                for d in served { statistics.add(log1p(d.sinr)) }
                if statistics.count > 0 { simulatedRate[index] = MCEstimate.mean(statistics, converged: true) }
            }
        }

        var thresholdColumn: [Double] = []
        var tierColumn: [String] = []
        var analyticColumn: [Double] = []
        var mc: [Double?] = []
        var low: [Double?] = []
        var high: [Double?] = []
        for (j, dB) in c.thresholdsDB.enumerated() {
            for (index, label) in labels.enumerated() {
                thresholdColumn.append(dB)
                tierColumn.append(label)
                analyticColumn.append(analytic[index][j])
                let estimate = simulated.isEmpty ? nil : simulated[index][j]
                mc.append(estimate?.mean)
                low.append(estimate?.ciLow)
                high.append(estimate?.ciHigh)
            }
        }
        let coverageTable = StudyTable(columns: [
            StudyColumn("threshold", unit: "db", thresholdColumn),
            StudyColumn("tier", tierColumn),
            StudyColumn("analytic", analyticColumn),
            StudyColumn("mc", mc), StudyColumn("mc_ci95_lo", low), StudyColumn("mc_ci95_hi", high),
        ])
        let tierTable = StudyTable(
            name: "-tiers",
            columns: [
                StudyColumn("tier", labels),
                StudyColumn("density", network.tiers.map { Optional($0.density) } + [nil]),
                StudyColumn("transmit_power", network.tiers.map { Optional($0.transmitPower) } + [nil]),
                StudyColumn("bias", network.tiers.map { Optional($0.bias) } + [nil]),
                StudyColumn("association_probability", associations),
                StudyColumn("association_probability_mc", simulatedAssociation),
                StudyColumn("mean_rate", unit: "nat_per_s_per_hz", rates),
                StudyColumn("mean_rate_mc", unit: "nat_per_s_per_hz", simulatedRate.map { $0?.mean }),
            ])
        var series: [StudySeries] = []
        for (index, label) in labels.enumerated() {
            let name = label == "all" ? "all tiers" : "tier \(label)"
            series.append(StudySeries("analytic, \(name)", .line(x: c.thresholdsDB, y: analytic[index])))
            if !simulated.isEmpty {
                series.append(.monteCarlo(name, x: c.thresholdsDB, simulated[index]))
            }
        }
        let plot = StudyPlot(
            title:
                "Coverage of a \(network.tiers.count)-tier network with biased association (α = \(network.exponent))",
            xLabel: "SINR threshold T [dB]", yLabel: "P(served by the tier and SINR > T)", series: series)
        let shares = associations.dropLast().map { String(format: "%.3f", $0) }.joined(separator: ", ")
        return Result(
            configuration: c, analytic: analytic, simulated: simulated, tierTable: tierTable,
            coverageTable: coverageTable, plot: plot,
            summary: "densify tiers: \(network.tiers.count) tiers, association probabilities \(shares)"
                + (c.drops > 0 ? ", \(c.drops) MC drops" : ""))
    }
}

extension MultiTierCoverageStudy.Configuration {
    /// The settings a run records beside its outputs, one comma-separated entry per tier where a setting is per
    /// tier: `densities`, `powers_db` and `biases_db` (10·log10 of the linear values the network holds; a command
    /// records the lists as its user typed them instead), `tier_exponents` (only when a tier has its own),
    /// `exponent`, `noise` and `drops`. The threshold grid is the caller's to record (as it was specified).
    public var recordedParameters: [String: String] {
        func list(_ value: (MultiTierNetwork.Tier) -> Double) -> String {
            network.tiers.map { String(value($0)) }.joined(separator: ",")
        }
        var parameters = [
            "densities": list(\.density), "powers_db": list { Decibels.fromPower($0.transmitPower) },
            "biases_db": list { Decibels.fromPower($0.bias) }, "exponent": String(network.exponent),
            "noise": String(network.noise), "drops": String(drops),
        ]
        if network.tiers.contains(where: { $0.exponent != nil }) {
            parameters["tier_exponents"] = list { $0.exponent ?? network.exponent }
        }
        return parameters
    }
}
