import Foundation
import WirelessCore

/// Spread of path gain among links at about the same distance (spec §2.8).
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
    ///   - distancesMeters: d_i [m].
    ///   - pathGainsDB: PG_i [dB].
    ///   - centerMeters: d [m], > 0.
    ///   - windowFactor: Multiplicative half-width (default 1.1).
    ///   - minimumCount: Minimum links (default 10).
    public static func at(
        centerMeters: Double, distancesMeters: [Double], pathGainsDB: [Double], windowFactor: Double = 1.1,
        minimumCount: Int = 10
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

    /// The window with the largest max − min, scanning centres every `stepDecades` (default 0.02) over the data range.
    ///
    /// - Returns: nil if no window holds `minimumCount` links.
    public static func maximum(
        distancesMeters: [Double], pathGainsDB: [Double], stepDecades: Double = 0.02, windowFactor: Double = 1.1,
        minimumCount: Int = 10
    ) -> DistanceSpread? {
        guard let lo = distancesMeters.min(), let hi = distancesMeters.max(), lo > 0 else { return nil }
        var best: DistanceSpread? = nil
        var logCenter = log10(lo)
        while logCenter <= log10(hi) + 1e-12 {
            if let s = at(
                centerMeters: pow(10, logCenter), distancesMeters: distancesMeters, pathGainsDB: pathGainsDB,
                windowFactor: windowFactor, minimumCount: minimumCount), best == nil || s.rangeDB > best!.rangeDB
            {
                best = s
            }
            logCenter += stepDecades
        }
        return best
    }
}
