import Foundation
import WirelessCore

/// A Monte-Carlo estimate with its 95 % confidence interval (docs/DENSIFICATION.md#monte-carlo step 7).
public struct MCEstimate: Sendable, Equatable, Codable {
    /// Point estimate.
    public var mean: Double
    /// Lower end of the 95 % interval.
    public var ciLow: Double
    /// Upper end of the 95 % interval.
    public var ciHigh: Double
    /// Number of drops n.
    public var n: Int
    /// Whether the stop rule's width target was met for this cell.
    public var converged: Bool

    /// - Parameters:
    ///   - mean: point estimate [unit of the metric].
    ///   - ciLow: lower 95 % bound, ≤ mean.
    ///   - ciHigh: upper 95 % bound, ≥ mean.
    ///   - n: drops, ≥ 1.
    ///   - converged: whether the stop rule's width target was met.
    public init(mean: Double, ciLow: Double, ciHigh: Double, n: Int, converged: Bool) {
        self.mean = mean
        self.ciLow = ciLow
        self.ciHigh = ciHigh
        self.n = n
        self.converged = converged
    }

    /// Half-width of the interval, (ciHigh − ciLow)/2.
    public var halfWidth: Double { (ciHigh - ciLow) / 2 }

    /// The 95 % normal-approximation half-width 1.96·√(p(1−p)/n) of a proportion.
    ///
    /// - Parameters:
    ///   - p: proportion in [0, 1].
    ///   - n: number of trials, ≥ 1.
    public static func halfWidth(p: Double, n: Int) -> Double {
        SpecialFunctions.inverseNormalCDF(0.975) * (p * (1 - p) / Double(n)).squareRoot()
    }

    /// A proportion estimate: normal interval, Wilson when n·p̂ < 10 or n·(1−p̂) < 10.
    static func proportion(successes: Int, trials: Int, converged: Bool) -> MCEstimate {
        // successes ≤ trials and trials ≥ 1 by construction of the simulator.
        let estimate = try! ProportionEstimate(successes: successes, trials: trials)
        let p = estimate.proportion
        let small = Double(successes) < 10 || Double(trials - successes) < 10
        let interval = small ? estimate.wilsonInterval() : estimate.normalInterval()
        return MCEstimate(mean: p, ciLow: interval.lower, ciHigh: interval.upper, n: trials, converged: converged)
    }

    /// A mean estimate with interval mean ± 1.96·s/√n.
    static func mean(_ statistics: RunningStatistics, converged: Bool) -> MCEstimate {
        let half = statistics.count > 1 ? SpecialFunctions.inverseNormalCDF(0.975) * statistics.standardErrorOfMean : 0
        return MCEstimate(
            mean: statistics.mean, ciLow: statistics.mean - half, ciHigh: statistics.mean + half, n: statistics.count,
            converged: converged)
    }

    /// The estimate scaled by a positive factor (λ for D_c and ASE).
    func scaled(by factor: Double) -> MCEstimate {
        MCEstimate(mean: mean * factor, ciLow: ciLow * factor, ciHigh: ciHigh * factor, n: n, converged: converged)
    }
}
