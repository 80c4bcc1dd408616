import Foundation
import WirelessCore

/// Spread of path gain among links at about the same distance (docs/PATHLOSS.md#distance-spread).
///
///     window(d) = links with d_i in [d/1.1, 1.1·d]  (at least 10)
///     range = max − min,  span90 = q95 − q5 (type-7 percentiles),  std (unbiased)          [dB]
public struct DistanceSpread: Sendable, Equatable, Codable {
    /// Window centre d [m].
    public var centerMeters: Double
    /// Links in the window.
    public var count: Int
    /// max − min [dB] (the default "spread").
    public var rangeDB: Double
    /// 95th − 5th percentile [dB].
    public var span5to95DB: Double
    /// Sample standard deviation [dB].
    public var standardDeviationDB: Double

    /// The spread at `centerMeters`; nil if fewer than `minimumCount` links fall in the window.
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], > 0.
    ///   - pathGainsDB: PG_i [dB], one per distance.
    ///   - centerMeters: d [m], > 0, finite.
    ///   - windowFactor: Multiplicative half-width [dimensionless], > 1, finite (default 1.1: [d/1.1, 1.1·d]).
    ///   - minimumCount: Minimum links (default 10; at least 2 are always required).
    /// - Throws: `.dimensionMismatch` for unequal arrays; `.parameterOutOfRange` for a bad centre or window.
    public static func at(
        centerMeters: Double, distancesMeters: [Double], pathGainsDB: [Double], windowFactor: Double = 1.1,
        minimumCount: Int = 10
    ) throws(PathLossError) -> DistanceSpread? {
        try validate(distancesMeters: distancesMeters, pathGainsDB: pathGainsDB, windowFactor: windowFactor)
        guard centerMeters > 0, centerMeters.isFinite else {
            throw .parameterOutOfRange(name: "centerMeters", value: centerMeters, valid: "finite and > 0")
        }
        return window(
            centerMeters: centerMeters, distancesMeters: distancesMeters, pathGainsDB: pathGainsDB,
            windowFactor: windowFactor, minimumCount: minimumCount)
    }

    /// The window with the largest max − min, scanning centres every `stepDecades` over the data range.
    ///
    ///     log10 d_c = log10 d_min + k·stepDecades,  k = 0, 1, … while ≤ log10 d_max
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], > 0.
    ///   - pathGainsDB: PG_i [dB], one per distance.
    ///   - stepDecades: Centre spacing [decades], > 0, finite (default 0.02).
    ///   - windowFactor: Multiplicative half-width, > 1, finite (default 1.1).
    ///   - minimumCount: Minimum links per window (default 10).
    /// - Returns: nil if no window holds `minimumCount` links.
    /// - Throws: `.dimensionMismatch` for unequal arrays; `.parameterOutOfRange` for a bad step or window.
    public static func maximum(
        distancesMeters: [Double], pathGainsDB: [Double], stepDecades: Double = 0.02, windowFactor: Double = 1.1,
        minimumCount: Int = 10
    ) throws(PathLossError) -> DistanceSpread? {
        try validate(distancesMeters: distancesMeters, pathGainsDB: pathGainsDB, windowFactor: windowFactor)
        guard stepDecades > 0, stepDecades.isFinite else {
            throw .parameterOutOfRange(name: "stepDecades", value: stepDecades, valid: "finite and > 0")
        }
        guard let lo = distancesMeters.min(), let hi = distancesMeters.max(), lo > 0, hi.isFinite else { return nil }
        var best: DistanceSpread? = nil
        let start = log10(lo)
        let end = log10(hi) + 1e-12
        var k = 0
        while true {
            // Index-based centres: no accumulated rounding, and the count is finite because the step is > 0.
            let logCenter = start + Double(k) * stepDecades
            guard logCenter <= end else { break }
            k += 1
            if let s = window(
                centerMeters: pow(10, logCenter), distancesMeters: distancesMeters, pathGainsDB: pathGainsDB,
                windowFactor: windowFactor, minimumCount: minimumCount), best == nil || s.rangeDB > best!.rangeDB
            {
                best = s
            }
        }
        return best
    }

    private static func validate(distancesMeters: [Double], pathGainsDB: [Double], windowFactor: Double)
        throws(PathLossError)
    {
        guard pathGainsDB.count == distancesMeters.count else {
            throw .dimensionMismatch(name: "pathGainsDB", expected: distancesMeters.count, got: pathGainsDB.count)
        }
        guard windowFactor > 1, windowFactor.isFinite else {
            throw .parameterOutOfRange(name: "windowFactor", value: windowFactor, valid: "finite and > 1")
        }
    }

    private static func window(
        centerMeters: Double, distancesMeters: [Double], pathGainsDB: [Double], windowFactor: Double,
        minimumCount: Int
    ) -> DistanceSpread? {
        var values: [Double] = []
        for (d, pg) in zip(distancesMeters, pathGainsDB)
        where d >= centerMeters / windowFactor && d <= centerMeters * windowFactor {
            values.append(pg)
        }
        guard values.count >= max(minimumCount, 2) else { return nil }
        values.sort()
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return DistanceSpread(
            centerMeters: centerMeters, count: values.count, rangeDB: values.last! - values.first!,
            span5to95DB: Statistics.quantile(values, probability: 0.95)
                - Statistics.quantile(values, probability: 0.05),
            standardDeviationDB: variance.squareRoot())
    }
}
