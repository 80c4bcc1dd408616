/// Power |h|² of a Nakagami-m fading coefficient: Gamma distributed with shape m, scale Ω/m.
///
///     |h|² ~ Γ(m, Ω/m),   E|h|² = Ω,   Var|h|² = Ω²/m
///
/// m = 1 is Rayleigh fading (exponential power); m → ∞ approaches no fading.
/// (Nakagami 1960; Haenggi, *Stochastic Geometry for Wireless Networks*, §5.)
public struct NakagamiPowerDistribution: SamplingDistribution, Equatable, Codable {
    /// Fading parameter m [dimensionless], ≥ ½.
    public let m: Double
    /// Mean power Ω = E|h|² [linear power unit], > 0.
    public let meanPower: Double
    private let gamma: GammaDistribution

    /// - Parameters:
    ///   - m: Nakagami parameter, finite, ≥ ½.
    ///   - meanPower: Ω, finite, > 0.
    /// - Throws: `CoreError.valueOutOfRange` for m < ½ or a non-positive mean power.
    public init(m: Double, meanPower: Double = 1) throws(CoreError) {
        guard m.isFinite, m >= 0.5 else { throw .valueOutOfRange(name: "m", value: m) }
        try ParameterCheck.positive(meanPower, "meanPower")
        self.m = m
        self.meanPower = meanPower
        self.gamma = try GammaDistribution(shape: m, scale: meanPower / m)
    }

    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        gamma.sample(using: &generator)
    }
}

extension NakagamiPowerDistribution {
    private enum CodingKeys: String, CodingKey { case m, meanPower }

    /// Decodes `{"m": m, "meanPower": Ω}` through the validating initialiser.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            m: container.decode(Double.self, forKey: .m), meanPower: container.decode(Double.self, forKey: .meanPower))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(m, forKey: .m)
        try container.encode(meanPower, forKey: .meanPower)
    }
}
