/// Continuous uniform distribution U[lower, upper).
///
///     X = lower + (upper − lower)·U,   U ~ U[0, 1) with 53 random bits
///     E[X] = (lower + upper)/2,   Var[X] = (upper − lower)²/12
public struct UniformDistribution: SamplingDistribution, Equatable, Codable {
    /// Lower end (inclusive) [unit of the variable].
    public let lower: Double
    /// Upper end (exclusive) [unit of the variable].
    public let upper: Double

    /// - Parameters:
    ///   - lower: Lower end, finite.
    ///   - upper: Upper end, finite, > lower.
    /// - Throws: `CoreError.valueOutOfRange` for non-finite ends or `upper ≤ lower`.
    public init(lower: Double, upper: Double) throws(CoreError) {
        try ParameterCheck.finite(lower, "lower")
        try ParameterCheck.finite(upper, "upper")
        guard upper > lower else { throw .valueOutOfRange(name: "upper", value: upper) }
        self.lower = lower
        self.upper = upper
    }

    /// The mean (lower + upper)/2.
    public var mean: Double { 0.5 * (lower + upper) }
    /// The variance (upper − lower)²/12.
    public var variance: Double { (upper - lower) * (upper - lower) / 12 }

    /// The CDF, clamp((x − lower)/(upper − lower), 0, 1).
    public func cdf(_ x: Double) -> Double { min(1, max(0, (x - lower) / (upper - lower))) }

    @inlinable
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        lower + (upper - lower) * generator.nextUnitDouble()
    }
}
