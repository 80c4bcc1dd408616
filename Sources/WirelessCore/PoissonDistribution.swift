import Foundation

/// Poisson distribution with mean λ.
///
///     P(N = k) = λᵏ e^(−λ) / k!,   E[N] = Var[N] = λ
///
/// λ < 10: inversion by sequential search (exact, O(λ) per draw).
/// λ ≥ 10: Hörmann's PTRS transformed rejection with squeeze ("The transformed rejection
/// method for generating Poisson random variables", Insurance: Math. Econ. 12, 1993), O(1).
public struct PoissonDistribution: SamplingDistribution, Equatable, Codable {
    /// Mean λ [count], ≥ 0 and < 1e15.
    public let mean: Double
    // PTRS constants (λ ≥ 10).
    private let logMean: Double
    private let b: Double
    private let a: Double
    private let inverseAlpha: Double
    private let vr: Double
    private let expMinusMean: Double

    /// - Parameter mean: λ, finite, 0 ≤ λ < 1e15 (λ = 0 always returns 0).
    /// - Throws: `CoreError.valueOutOfRange` otherwise.
    public init(mean: Double) throws(CoreError) {
        guard mean.isFinite, mean >= 0, mean < 1e15 else { throw .valueOutOfRange(name: "mean", value: mean) }
        self.mean = mean
        let root = mean.squareRoot()
        logMean = log(mean)
        b = 0.931 + 2.53 * root
        a = -0.059 + 0.02483 * b
        inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        expMinusMean = exp(-mean)
    }

    /// P(N ≤ k), summed directly (for tests and small λ).
    public func cdf(_ k: Int) -> Double {
        if k < 0 { return 0 }
        var term = exp(-mean)
        var sum = term
        if k == 0 { return sum }
        for j in 1...k {
            term *= mean / Double(j)
            sum += term
        }
        return min(sum, 1)
    }

    public func sample(using generator: inout some RandomNumberGenerator) -> Int {
        if mean == 0 { return 0 }
        if mean < 10 {
            var k = 0
            var probability = expMinusMean
            var cumulative = probability
            let u = generator.nextUnitDouble()
            while u > cumulative {
                k += 1
                probability *= mean / Double(k)
                cumulative += probability
                if probability == 0 { break }  // guards the far tail against rounding
            }
            return k
        }
        while true {
            let u = generator.nextUnitDouble() - 0.5
            let v = generator.nextOpenUnitDouble()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let lhs = log(v) + log(inverseAlpha) - log(a / (us * us) + b)
            let rhs = -mean + k * logMean - SpecialFunctions.logGamma(k + 1)
            if lhs <= rhs { return Int(k) }
        }
    }
}

extension PoissonDistribution {
    private enum CodingKeys: String, CodingKey { case mean }

    /// Decodes `{"mean": λ}` through the validating initialiser (derived constants are not stored).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(mean: container.decode(Double.self, forKey: .mean))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
    }
}
