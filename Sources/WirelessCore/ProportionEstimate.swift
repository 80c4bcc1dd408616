/// A binomial proportion p̂ = k/n with its confidence intervals (e.g. a Monte-Carlo coverage or
/// outage probability).
public struct ProportionEstimate: Sendable, Equatable, Codable {
    /// Number of successes k, 0 ≤ k ≤ n.
    public let successes: Int
    /// Number of trials n ≥ 1.
    public let trials: Int

    /// - Throws: `CoreError.valueOutOfRange` unless 1 ≤ trials and 0 ≤ successes ≤ trials.
    public init(successes: Int, trials: Int) throws(CoreError) {
        guard trials >= 1 else { throw .valueOutOfRange(name: "trials", value: Double(trials)) }
        guard successes >= 0, successes <= trials else {
            throw .valueOutOfRange(name: "successes", value: Double(successes))
        }
        self.successes = successes
        self.trials = trials
    }

    /// p̂ = k/n.
    public var proportion: Double { Double(successes) / Double(trials) }

    /// √(p̂(1 − p̂)/n), the plug-in standard error.
    public var standardError: Double { (proportion * (1 - proportion) / Double(trials)).squareRoot() }

    /// Wilson score interval (Wilson 1927; Brown, Cai, DasGupta 2001), good even near 0 and 1:
    ///
    ///     z = Φ⁻¹((1 + level)/2)
    ///     centre = (p̂ + z²/(2n)) / (1 + z²/n)
    ///     half   = z/(1 + z²/n) · √( p̂(1−p̂)/n + z²/(4n²) )
    ///
    /// - Parameter confidenceLevel: in (0, 1) (precondition).
    public func wilsonInterval(confidenceLevel: Double = 0.95) -> ConfidenceInterval {
        let z = Self.criticalValue(confidenceLevel)
        let n = Double(trials)
        let p = proportion
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // The exact ends for 0 or n successes are 0 and 1; centre ∓ half only reaches them up to rounding.
        let lower = successes == 0 ? 0 : max(0, centre - half)
        let upper = successes == trials ? 1 : min(1, centre + half)
        return ConfidenceInterval(lower: lower, upper: upper, confidenceLevel: confidenceLevel)
    }

    /// Normal-approximation (Wald) interval p̂ ± z·√(p̂(1−p̂)/n), clipped to [0, 1].
    /// Poor when n·p̂ or n·(1 − p̂) is small; prefer `wilsonInterval`.
    ///
    /// - Parameter confidenceLevel: in (0, 1) (precondition).
    public func normalInterval(confidenceLevel: Double = 0.95) -> ConfidenceInterval {
        let half = Self.criticalValue(confidenceLevel) * standardError
        return ConfidenceInterval(
            lower: max(0, proportion - half), upper: min(1, proportion + half), confidenceLevel: confidenceLevel)
    }

    static func criticalValue(_ confidenceLevel: Double) -> Double {
        precondition(confidenceLevel > 0 && confidenceLevel < 1, "confidenceLevel must lie in (0, 1)")
        return SpecialFunctions.inverseNormalCDF(0.5 + 0.5 * confidenceLevel)
    }
}
