import Foundation

/// Exponential distribution with rate λ, by inversion.
///
///     X = −ln(U)/λ,  U ~ U(0, 1);   E[X] = 1/λ,  Var[X] = 1/λ²,  F(x) = 1 − e^(−λx)
public struct ExponentialDistribution: SamplingDistribution, Equatable, Codable {
    /// Rate λ [1/unit of the variable], > 0.
    public let rate: Double

    /// - Parameter rate: λ, finite, > 0.
    /// - Throws: `CoreError.valueOutOfRange` for a non-positive or non-finite rate.
    public init(rate: Double = 1) throws(CoreError) {
        try ParameterCheck.positive(rate, "rate")
        self.rate = rate
    }

    /// The mean 1/λ.
    public var mean: Double { 1 / rate }

    /// The CDF 1 − e^(−λx) for x ≥ 0.
    public func cdf(_ x: Double) -> Double { x <= 0 ? 0 : -expm1(-rate * x) }

    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        -log(generator.nextOpenUnitDouble()) / rate
    }
}
