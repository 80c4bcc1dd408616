extension Statistics {
    /// Percentile bootstrap confidence interval of `statistic` (Efron and Tibshirani 1993, §13.3).
    ///
    ///     θ*_b = statistic(resample_b),  b = 1…B   (resample: n draws with replacement)
    ///     CI = [ Q₇(θ*, (1−level)/2), Q₇(θ*, (1+level)/2) ]      (type-7 quantiles)
    ///
    /// Reproducible for a seeded generator. The resample buffer is reused (no allocation per
    /// resample unless `statistic` copies it).
    ///
    /// - Parameters:
    ///   - values: The sample, n ≥ 1.
    ///   - confidenceLevel: Nominal coverage in (0, 1).
    ///   - resamples: B ≥ 2 (≥ 1000 for 95% intervals).
    ///   - generator: Source of randomness (seed it for reproducibility).
    ///   - statistic: The estimator, e.g. `{ Statistics.mean($0) }`.
    /// - Throws: `CoreError.insufficientData` for an empty sample, `valueOutOfRange` for a bad
    ///   level or resample count.
    public static func bootstrapConfidenceInterval(
        _ values: [Double], confidenceLevel: Double = 0.95, resamples: Int = 2000,
        using generator: inout some RandomNumberGenerator, statistic: ([Double]) -> Double
    ) throws(CoreError) -> ConfidenceInterval {
        guard !values.isEmpty else { throw .insufficientData(name: "values", count: 0, required: 1) }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .valueOutOfRange(name: "confidenceLevel", value: confidenceLevel)
        }
        guard resamples >= 2 else { throw .valueOutOfRange(name: "resamples", value: Double(resamples)) }
        let n = values.count
        var buffer = values
        var estimates = [Double](repeating: 0, count: resamples)
        for b in 0..<resamples {
            for i in 0..<n { buffer[i] = values[Int.random(in: 0..<n, using: &generator)] }
            estimates[b] = statistic(buffer)
        }
        estimates.sort()
        let alpha = 1 - confidenceLevel
        return ConfidenceInterval(
            lower: quantile(sorted: estimates, probability: alpha / 2),
            upper: quantile(sorted: estimates, probability: 1 - alpha / 2),
            confidenceLevel: confidenceLevel)
    }
}
