import Foundation

/// Normal (Gaussian) distribution N(μ, σ²), sampled with a 256-layer ziggurat.
///
///     X = μ + σ·Z,   Z ~ N(0, 1)
///
/// Z is drawn by the ziggurat method of Marsaglia and Tsang (J. Stat. Softw. 5(8), 2000) with
/// Doornik's independence fix (2005): one 64-bit draw gives both the layer index (low 8 bits)
/// and the 53-bit signed uniform (high bits); the tail beyond r = 3.6541528853610088 uses
/// Marsaglia's exponential rejection. About 99% of draws cost one generator call and one multiply.
public struct NormalDistribution: SamplingDistribution, Equatable, Codable {
    /// Mean μ [unit of the variable].
    public let mean: Double
    /// Standard deviation σ [unit of the variable], ≥ 0.
    public let standardDeviation: Double

    /// - Parameters:
    ///   - mean: μ, finite.
    ///   - standardDeviation: σ, finite, ≥ 0 (σ = 0 gives the constant μ).
    /// - Throws: `CoreError.valueOutOfRange` for non-finite μ or negative / non-finite σ.
    public init(mean: Double = 0, standardDeviation: Double = 1) throws(CoreError) {
        try ParameterCheck.finite(mean, "mean")
        try ParameterCheck.nonNegative(standardDeviation, "standardDeviation")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    private init(uncheckedMean mean: Double, standardDeviation: Double) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// N(0, 1).
    public static let standard = NormalDistribution(uncheckedMean: 0, standardDeviation: 1)

    /// The variance σ².
    public var variance: Double { standardDeviation * standardDeviation }

    /// The CDF Φ((x − μ)/σ).
    public func cdf(_ x: Double) -> Double {
        SpecialFunctions.normalCDF((x - mean) / standardDeviation)
    }

    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        mean + standardDeviation * Self.standardSample(using: &generator)
    }

    /// One N(0, 1) draw (ziggurat).
    public static func standardSample(using generator: inout some RandomNumberGenerator) -> Double {
        let table = ZigguratNormalTable.shared
        while true {
            let bits = generator.next()
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            // Signed uniform in (−1, 1) from the top 53 bits.
            let u = 2 * ((Double(bits >> 11) + 0.5) * 0x1.0p-53) - 1
            if abs(u) < table.ratio[layer] { return u * table.x[layer] }
            if layer == 0 { return tail(negative: u < 0, using: &generator) }
            let x = u * table.x[layer]
            let x0 = table.x[layer]
            let x1 = table.x[layer + 1]
            // Accept if a uniform height in the layer's strip lies under exp(−x²/2).
            let f0 = exp(-0.5 * (x0 * x0 - x * x))
            let f1 = exp(-0.5 * (x1 * x1 - x * x))
            if f1 + generator.nextUnitDouble() * (f0 - f1) < 1 { return x }
        }
    }

    /// Marsaglia's tail algorithm for |Z| > r.
    private static func tail(negative: Bool, using generator: inout some RandomNumberGenerator) -> Double {
        let r = ZigguratNormalTable.r
        while true {
            let x = -log(generator.nextOpenUnitDouble()) / r
            let y = -log(generator.nextOpenUnitDouble())
            if 2 * y > x * x { return negative ? -(r + x) : r + x }
        }
    }
}

/// Layer abscissae of the 256-layer normal ziggurat (Marsaglia–Tsang), built once.
///
///     x₀ = v/f(r), x₁ = r, xᵢ₊₁ = f⁻¹(v/xᵢ + f(xᵢ)), x₂₅₆ = 0,   f(x) = exp(−x²/2)
///     ratio[i] = xᵢ₊₁/xᵢ  (the fraction of layer i that is entirely under the curve)
struct ZigguratNormalTable: Sendable {
    static let r = 3.6541528853610088
    static let v = 0.00492867323399
    static let shared = ZigguratNormalTable()

    let x: [Double]
    let ratio: [Double]

    private init() {
        let layers = 256
        let r = Self.r
        let v = Self.v
        var x = [Double](repeating: 0, count: layers + 1)
        x[0] = v / exp(-0.5 * r * r)
        x[1] = r
        for i in 2..<layers {
            x[i] = (-2 * log(v / x[i - 1] + exp(-0.5 * x[i - 1] * x[i - 1]))).squareRoot()
        }
        x[layers] = 0
        self.x = x
        self.ratio = (0..<layers).map { x[$0 + 1] / x[$0] }
    }
}
