import Foundation

/// Descriptive statistics of samples of `Double`.
///
/// Functions return NaN when the sample is too small for the statistic (documented per
/// function) instead of trapping, so Monte-Carlo code can report empty cells.
public enum Statistics {
    /// Arithmetic mean (1/n) Σ xᵢ; NaN for an empty sample.
    ///
    /// Summed with a two-pass correction, mean = m₀ + (1/n) Σ (xᵢ − m₀), which removes most of
    /// the rounding of the plain sum.
    public static func mean(_ values: some Collection<Double>) -> Double {
        let n = values.count
        if n == 0 { return .nan }
        var sum = 0.0
        for x in values { sum += x }
        let first = sum / Double(n)
        var correction = 0.0
        for x in values { correction += x - first }
        return first + correction / Double(n)
    }

    /// Unbiased sample variance, corrected two-pass algorithm (Chan, Golub, LeVeque 1983):
    ///
    ///     s² = ( Σ (xᵢ − x̄)² − (Σ (xᵢ − x̄))²/n ) / (n − 1)
    ///
    /// NaN when n < 2.
    public static func variance(_ values: some Collection<Double>) -> Double {
        let n = values.count
        if n < 2 { return .nan }
        let m = mean(values)
        var squares = 0.0
        var deviations = 0.0
        for x in values {
            let d = x - m
            squares += d * d
            deviations += d
        }
        return (squares - deviations * deviations / Double(n)) / Double(n - 1)
    }

    /// √(unbiased sample variance); NaN when n < 2.
    public static func standardDeviation(_ values: some Collection<Double>) -> Double {
        variance(values).squareRoot()
    }

    /// Sample quantile, Hyndman–Fan type 7 (the default of R and NumPy):
    ///
    ///     h = (n − 1)·p,   Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎)      (x₍ᵢ₎ sorted, 0-based)
    ///
    /// - Parameters:
    ///   - values: The sample (any order); NaN result when empty.
    ///   - probability: p ∈ [0, 1] (checked by precondition: a programmer choice).
    /// - Complexity: O(n log n) (sorts a copy); use `quantile(sorted:probability:)` for many p.
    public static func quantile(_ values: some Collection<Double>, probability: Double) -> Double {
        quantile(sorted: values.sorted(), probability: probability)
    }

    /// Type-7 quantile of an already ascending-sorted sample (see `quantile(_:probability:)`).
    public static func quantile(sorted: [Double], probability p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability must lie in [0, 1]")
        let n = sorted.count
        if n == 0 { return .nan }
        if n == 1 { return sorted[0] }
        let h = Double(n - 1) * p
        let lower = min(Int(h.rounded(.down)), n - 1)
        let upper = min(lower + 1, n - 1)
        let fraction = h - Double(lower)
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower])
    }

    /// Median (type-7 quantile at ½); NaN for an empty sample.
    public static func median(_ values: some Collection<Double>) -> Double {
        quantile(values, probability: 0.5)
    }
}
