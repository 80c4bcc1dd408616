import Foundation

/// Gamma distribution Γ(k, θ) (shape k, scale θ), sampled by Marsaglia–Tsang.
///
///     f(x) = x^(k−1) e^(−x/θ) / (Γ(k) θ^k),   E[X] = kθ,   Var[X] = kθ²
///
/// Marsaglia and Tsang, "A simple method for generating gamma variables", ACM TOMS 26(3), 2000:
/// with d = k − ⅓, c = 1/√(9d), Z ~ N(0,1), V = (1 + cZ)³, accept dV when
/// ln U < Z²/2 + d − dV + d ln V (with the cheap squeeze U < 1 − 0.0331 Z⁴ first).
/// For k < 1 the shape-boost X = Y·U^(1/k), Y ~ Γ(k+1, θ), is applied (computed in logs).
public struct GammaDistribution: SamplingDistribution, Equatable, Codable {
    /// Shape k [dimensionless], > 0.
    public let shape: Double
    /// Scale θ [unit of the variable], > 0.
    public let scale: Double

    /// - Parameters:
    ///   - shape: k, finite, > 0.
    ///   - scale: θ, finite, > 0.
    /// - Throws: `CoreError.valueOutOfRange` for a non-positive or non-finite parameter.
    public init(shape: Double, scale: Double = 1) throws(CoreError) {
        try ParameterCheck.positive(shape, "shape")
        try ParameterCheck.positive(scale, "scale")
        self.shape = shape
        self.scale = scale
    }

    /// The mean kθ.
    public var mean: Double { shape * scale }
    /// The variance kθ².
    public var variance: Double { shape * scale * scale }

    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        if shape >= 1 {
            return scale * Self.marsagliaTsang(shape: shape, using: &generator)
        }
        let y = Self.marsagliaTsang(shape: shape + 1, using: &generator)
        let logU = log(generator.nextOpenUnitDouble())
        return scale * exp(log(y) + logU / shape)
    }

    /// One Γ(shape, 1) draw for shape ≥ 1.
    static func marsagliaTsang(shape: Double, using generator: inout some RandomNumberGenerator) -> Double {
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var z: Double
            var v: Double
            repeat {
                z = NormalDistribution.standardSample(using: &generator)
                v = 1 + c * z
            } while v <= 0
            v = v * v * v
            let u = generator.nextOpenUnitDouble()
            let z2 = z * z
            if u < 1 - 0.0331 * z2 * z2 { return d * v }
            if log(u) < 0.5 * z2 + d * (1 - v + log(v)) { return d * v }
        }
    }
}
