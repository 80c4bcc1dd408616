import Foundation

/// The density and threshold grids of the densification studies, checked before any work.
public enum DensifyGrid {
    /// Largest number of densities or thresholds a grid may have (larger grids are rejected, not allocated).
    public static let maximumPoints = 10_000

    /// Log-spaced densities from `lower` to `upper` with `perDecade` points per decade, both ends included
    /// exactly:
    ///
    ///     n = ⌈(log10 λ_max − log10 λ_min)·perDecade⌉,   λ_i = 10^{log10 λ_min + i·(log10 λ_max − log10 λ_min)/n}
    ///
    /// - Parameters:
    ///   - lower: λ_min [per unit area], finite, > 0.
    ///   - upper: λ_max [per unit area], finite, ≥ λ_min (equal: the one density).
    ///   - perDecade: points per decade, ≥ 1.
    /// - Throws: `.invalidDensity`, `.invalidSweep` (reversed, or more than `maximumPoints` points).
    public static func densities(from lower: Double, to upper: Double, perDecade: Int) throws(DensificationError)
        -> [Double]
    {
        guard lower.isFinite, lower > 0 else { throw .invalidDensity(value: lower) }
        guard upper.isFinite, upper >= lower else { throw .invalidSweep(reason: "--lambda-max < --lambda-min") }
        guard perDecade >= 1 else { throw .invalidSweep(reason: "--per-decade must be ≥ 1") }
        let decades = log10(upper) - log10(lower)
        if decades == 0 { return [lower] }
        let points = (decades * Double(perDecade)).rounded(.up)
        guard points.isFinite, points < Double(maximumPoints) else {
            throw .invalidSweep(reason: "the density grid would have more than \(maximumPoints) points")
        }
        let count = max(1, Int(points))
        let start = log10(lower)
        return (0...count).map { i in
            i == 0 ? lower : i == count ? upper : pow(10, start + decades * Double(i) / Double(count))
        }
    }

    /// Checks the length of a density list typed by the user (`--densities`).
    /// - Throws: `.invalidSweep` unless it has 1 to `maximumPoints` entries.
    public static func checkDensityCount(_ count: Int) throws(DensificationError) {
        guard count >= 1, count <= maximumPoints else {
            throw .invalidSweep(reason: "--densities needs 1 to \(maximumPoints) values")
        }
    }

    /// Thresholds from `minimumDB` to `maximumDB` in steps of `stepDB` [dB] (the last point ≤ `maximumDB`).
    /// - Throws: `.invalidThreshold` for a non-finite end, `.invalidSweep` for step ≤ 0, max < min or more
    ///   than `maximumPoints` points.
    public static func thresholdsDB(from minimumDB: Double, to maximumDB: Double, step stepDB: Double)
        throws(DensificationError) -> [Double]
    {
        for v in [minimumDB, maximumDB] where !v.isFinite { throw .invalidThreshold(value: v) }
        guard stepDB.isFinite, stepDB > 0, maximumDB >= minimumDB else {
            throw .invalidSweep(reason: "threshold grid needs step > 0 and max ≥ min")
        }
        let steps = ((maximumDB - minimumDB) / stepDB + 1e-9).rounded(.down)
        guard steps.isFinite, steps < Double(maximumPoints) else {
            throw .invalidSweep(reason: "the threshold grid would have more than \(maximumPoints) points")
        }
        return (0...Int(steps)).map { minimumDB + Double($0) * stepDB }
    }

    /// Linear thresholds T = 10^{T_dB/10}; every T must be finite (T_dB ≲ 3083 dB).
    /// - Throws: `.invalidThreshold` for an empty list, a non-finite dB value or a linear value that overflows.
    public static func linearThresholds(fromDB thresholdsDB: [Double]) throws(DensificationError) -> [Double] {
        guard !thresholdsDB.isEmpty else { throw .invalidThreshold(value: .nan) }
        guard thresholdsDB.count <= maximumPoints else {
            throw .invalidSweep(reason: "more than \(maximumPoints) thresholds")
        }
        var linear: [Double] = []
        for db in thresholdsDB {
            let t = pow(10, db / 10)
            guard db.isFinite, t.isFinite else { throw .invalidThreshold(value: db.isFinite ? t : db) }
            linear.append(t)
        }
        return linear
    }
}
