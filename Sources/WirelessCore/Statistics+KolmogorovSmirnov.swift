import Foundation

extension Statistics {
    /// One-sample Kolmogorov–Smirnov statistic against a continuous CDF F:
    ///
    ///     Dₙ = max over sorted xᵢ of max( i/n − F(xᵢ), F(xᵢ) − (i−1)/n )
    ///
    /// NaN for an empty sample.
    public static func kolmogorovSmirnovStatistic(_ values: some Collection<Double>, cdf: (Double) -> Double) -> Double
    {
        let sorted = values.sorted()
        let n = Double(sorted.count)
        if sorted.isEmpty { return .nan }
        var d = 0.0
        for (i, x) in sorted.enumerated() {
            let f = cdf(x)
            d = max(d, Double(i + 1) / n - f, f - Double(i) / n)
        }
        return d
    }

    /// Asymptotic p-value P(Dₙ ≥ d) with Stephens' small-sample correction (Stephens 1970):
    ///
    ///     λ = (√n + 0.12 + 0.11/√n)·d
    ///     Q(λ) = 2 Σₖ₌₁^∞ (−1)^(k−1) exp(−2k²λ²)                         (λ ≥ 1.18)
    ///          = 1 − (√(2π)/λ) Σₖ₌₁^∞ exp(−(2k−1)²π²/(8λ²))               (λ < 1.18)
    ///
    /// Accurate to ~1e−2 absolute for n ≥ 35 (good enough to accept/reject at usual levels).
    public static func kolmogorovSmirnovPValue(statistic d: Double, sampleSize n: Int) -> Double {
        precondition(n >= 1, "sampleSize must be positive")
        let root = Double(n).squareRoot()
        return kolmogorovQ((root + 0.12 + 0.11 / root) * d)
    }

    /// The asymptotic critical value d_α with P(Dₙ ≥ d_α) ≈ α (inverse of the p-value above):
    ///
    ///     d_α ≈ √(−ln(α/2)/2) / (√n + 0.12 + 0.11/√n)        (α ≤ 0.2; e.g. 1.358/√n at α = 0.05)
    public static func kolmogorovSmirnovCriticalValue(sampleSize n: Int, significanceLevel alpha: Double) -> Double {
        precondition(n >= 1 && alpha > 0 && alpha < 1, "need n ≥ 1 and α in (0, 1)")
        let root = Double(n).squareRoot()
        // Solve Q(λ) = α by bisection on λ ∈ [0.2, 5] (Q is decreasing there).
        var low = 0.2
        var high = 5.0
        for _ in 0..<100 {
            let mid = 0.5 * (low + high)
            if kolmogorovQ(mid) > alpha { low = mid } else { high = mid }
        }
        return 0.5 * (low + high) / (root + 0.12 + 0.11 / root)
    }

    /// Kolmogorov's limiting survival function Q(λ) = P(K > λ).
    static func kolmogorovQ(_ lambda: Double) -> Double {
        if lambda <= 0 { return 1 }
        if lambda < 1.18 {
            let factor = -Double.pi * Double.pi / (8 * lambda * lambda)
            var sum = 0.0
            for k in 1...20 {
                let odd = Double(2 * k - 1)
                sum += exp(factor * odd * odd)
            }
            return max(0, min(1, 1 - (2 * Double.pi).squareRoot() / lambda * sum))
        }
        var sum = 0.0
        var sign = 1.0
        for k in 1...100 {
            let term = exp(-2 * Double(k * k) * lambda * lambda)
            sum += sign * term
            if term < 1e-18 { break }
            sign = -sign
        }
        return max(0, min(1, 2 * sum))
    }
}
