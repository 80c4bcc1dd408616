/// Empirical cumulative distribution function of a sample.
///
///     Fₙ(x) = #{ i : xᵢ ≤ x } / n
public struct EmpiricalCDF: Sendable, Equatable, Codable {
    /// The sample in ascending order.
    public let sortedValues: [Double]

    /// - Parameter values: The sample, n ≥ 1, no NaN (±∞ allowed).
    /// - Throws: `CoreError.insufficientData` when empty, `nonFiniteValue` for a NaN (at its index).
    public init(_ values: some Collection<Double>) throws(CoreError) {
        guard !values.isEmpty else { throw .insufficientData(name: "values", count: 0, required: 1) }
        if let index = values.firstIndex(where: { $0.isNaN }) {
            throw .nonFiniteValue(name: "values", at: Double(values.distance(from: values.startIndex, to: index)))
        }
        sortedValues = values.sorted()
    }

    /// Sample size n.
    public var count: Int { sortedValues.count }

    /// Fₙ(x) = (number of values ≤ x)/n, by binary search. O(log n).
    public func evaluate(_ x: Double) -> Double {
        var low = 0
        var high = sortedValues.count  // first index with value > x lies in [low, high]
        while low < high {
            let mid = (low + high) / 2
            if sortedValues[mid] <= x { low = mid + 1 } else { high = mid }
        }
        return Double(low) / Double(sortedValues.count)
    }

    /// Same as `evaluate(_:)`.
    public func callAsFunction(_ x: Double) -> Double { evaluate(x) }

    /// The type-7 quantile of the sample.
    public func quantile(_ probability: Double) -> Double {
        Statistics.quantile(sorted: sortedValues, probability: probability)
    }

    /// The jump points of Fₙ for a step plot: one (x, Fₙ(x)) per distinct value, ascending;
    /// Fₙ is constant at that level from x up to the next point (right-continuous steps).
    public var points: [(x: Double, probability: Double)] {
        var result: [(x: Double, probability: Double)] = []
        let n = Double(sortedValues.count)
        for (i, x) in sortedValues.enumerated() {
            let level = Double(i + 1) / n
            if let last = result.last, last.x == x {
                result[result.count - 1].probability = level
            } else {
                result.append((x, level))
            }
        }
        return result
    }
}
