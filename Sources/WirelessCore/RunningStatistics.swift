/// Streaming mean / variance / extrema accumulator (Welford), mergeable across parallel tasks.
///
///     add:    n ← n+1,  δ = x − m,  m ← m + δ/n,  M₂ ← M₂ + δ·(x − m)
///     merge:  n = nₐ + n_b,  δ = m_b − mₐ,  m = mₐ + δ·n_b/n,  M₂ = M₂ₐ + M₂_b + δ²·nₐn_b/n
///
/// (Welford 1962; Chan, Golub, LeVeque 1979.) Merging per-task accumulators in task order gives
/// the same result whatever the thread count.
public struct RunningStatistics: Sendable, Equatable, Codable {
    /// Number of values added.
    public private(set) var count: Int = 0
    /// Running mean (NaN while empty).
    public private(set) var mean: Double = .nan
    /// Smallest value added (+∞ while empty).
    public private(set) var minimum: Double = .infinity
    /// Largest value added (−∞ while empty).
    public private(set) var maximum: Double = -.infinity
    /// Σ (xᵢ − mean)² (M₂; 0 while empty).
    public private(set) var sumOfSquaredDeviations: Double = 0

    /// An empty accumulator.
    public init() {}

    /// An accumulator in a saved state: the `count`, `mean`, `sumOfSquaredDeviations`, `minimum` and
    /// `maximum` of another accumulator (a shard's partial result read back), so that merging it gives
    /// exactly what merging the original gives.
    /// - Parameters:
    ///   - count: Number of values, ≥ 0.
    ///   - mean: Their mean (NaN when `count` is 0).
    ///   - sumOfSquaredDeviations: M₂ = Σ (xᵢ − mean)², ≥ 0.
    ///   - minimum: Smallest value (+∞ when empty).
    ///   - maximum: Largest value (−∞ when empty).
    /// - Precondition: `count ≥ 0` (callers check values read from files first).
    public init(count: Int, mean: Double, sumOfSquaredDeviations: Double, minimum: Double, maximum: Double) {
        precondition(count >= 0, "RunningStatistics: negative count")
        self.count = count
        self.mean = mean
        self.sumOfSquaredDeviations = sumOfSquaredDeviations
        self.minimum = minimum
        self.maximum = maximum
    }

    /// An accumulator over `values`.
    public init(_ values: some Sequence<Double>) {
        for x in values { add(x) }
    }

    /// Adds one value.
    public mutating func add(_ x: Double) {
        count += 1
        if count == 1 {
            mean = x
            sumOfSquaredDeviations = 0
        } else {
            let delta = x - mean
            mean += delta / Double(count)
            sumOfSquaredDeviations += delta * (x - mean)
        }
        minimum = min(minimum, x)
        maximum = max(maximum, x)
    }

    /// Adds every value of `other` (parallel combination formula).
    public mutating func merge(_ other: RunningStatistics) {
        if other.count == 0 { return }
        if count == 0 {
            self = other
            return
        }
        let n = Double(count + other.count)
        let delta = other.mean - mean
        mean += delta * Double(other.count) / n
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * Double(count) * Double(other.count) / n
        count += other.count
        minimum = min(minimum, other.minimum)
        maximum = max(maximum, other.maximum)
    }

    /// `self` merged with `other`.
    public func merging(_ other: RunningStatistics) -> RunningStatistics {
        var copy = self
        copy.merge(other)
        return copy
    }

    /// Unbiased variance M₂/(n − 1); NaN when n < 2.
    public var variance: Double { count < 2 ? .nan : sumOfSquaredDeviations / Double(count - 1) }
    /// Population variance M₂/n; NaN when empty.
    public var populationVariance: Double { count < 1 ? .nan : sumOfSquaredDeviations / Double(count) }
    /// √variance.
    public var standardDeviation: Double { variance.squareRoot() }
    /// Standard error of the mean, s/√n.
    public var standardErrorOfMean: Double { (variance / Double(count)).squareRoot() }
}
