import Numerics

/// Circularly-symmetric complex normal distribution CN(0, σ²).
///
///     Z = X + iY,   X, Y ~ N(0, σ²/2) independent,   E|Z|² = σ²
///
/// Used for Rayleigh fading coefficients (|Z|² ~ Exp(mean σ²)) and complex AWGN.
public struct ComplexNormalDistribution: SamplingDistribution, Equatable, Codable {
    /// Total variance σ² = E|Z|² [unit² of the variable], ≥ 0.
    public let variance: Double
    /// Standard deviation of each of the real and imaginary parts, √(σ²/2).
    public let componentStandardDeviation: Double

    /// - Parameter variance: σ² = E|Z|², finite, ≥ 0.
    /// - Throws: `CoreError.valueOutOfRange` for a negative or non-finite variance.
    public init(variance: Double = 1) throws(CoreError) {
        try ParameterCheck.nonNegative(variance, "variance")
        self.variance = variance
        self.componentStandardDeviation = (0.5 * variance).squareRoot()
    }

    public func sample(using generator: inout some RandomNumberGenerator) -> Complex<Double> {
        let re = NormalDistribution.standardSample(using: &generator)
        let im = NormalDistribution.standardSample(using: &generator)
        return Complex(componentStandardDeviation * re, componentStandardDeviation * im)
    }
}

extension ComplexNormalDistribution {
    private enum CodingKeys: String, CodingKey { case variance }

    /// Decodes `{"variance": σ²}` through the validating initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(variance: container.decode(Double.self, forKey: .variance))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(variance, forKey: .variance)
    }
}
