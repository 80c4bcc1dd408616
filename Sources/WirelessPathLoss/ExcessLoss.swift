import Foundation

/// Excess loss over free space beyond a threshold distance (spec §2.7).
///
///     EL_i = PG_fs(d_i) − PG_i,   EL(d) = PG_fs(d) − PG_fit(d)                          [dB]
///     .model:           mean of EL(d), d ~ U[max(d_thr, d_min), d_max]; for FI
///                       EL(d) = −FSPL(f, d0) − A + 10·(n − 2)·log10(d/d0), so only E[log10 d] is needed
///     .modelLogUniform: the same with log10 d uniform
///     .dataPoints:      mean of EL_i over links with d_i > d_thr
public enum ExcessLoss {
    /// How the average is taken.
    public enum Averaging: String, Sendable, Equatable, Codable, CaseIterable {
        case model
        case modelLogUniform
        case dataPoints
    }

    /// Average excess loss of an FI fit (model averaging) [dB].
    ///
    /// - Parameters:
    ///   - fit: The FI fit (its distance range bounds the average).
    ///   - averaging: `.model` or `.modelLogUniform` (use `dataPoints(...)` for `.dataPoints`).
    ///   - thresholdMeters: d_thr [m] (default 50).
    ///   - form: FSPL form (default exact).
    /// - Throws: `.insufficientData` if the fit's range ends at or below d_thr.
    public static func averageDB(
        fit: FloatingInterceptFit, averaging: Averaging = .model, thresholdMeters: Double = 50,
        form: FreeSpacePathLoss = .exact
    ) throws(PathLossError) -> Double {
        let a = max(thresholdMeters, fit.distanceRangeMeters.lowerBound)
        let b = fit.distanceRangeMeters.upperBound
        guard b > a else { throw .insufficientData(needed: 1, got: 0) }
        let d0 = fit.referenceDistanceMeters
        let meanLog: Double
        switch averaging {
        case .model, .dataPoints:
            meanLog = meanLog10Uniform(lower: a, upper: b)
        case .modelLogUniform:
            meanLog = 0.5 * (log10(a) + log10(b))
        }
        return -form.lossDB(distanceMeters: d0, frequency: fit.frequency) - fit.intercept.estimate
            + 10 * (fit.pathLossExponent.estimate - 2) * (meanLog - log10(d0))
    }

    /// Mean EL_i over links beyond `thresholdMeters` (`.dataPoints`) [dB].
    ///
    /// - Throws: `.insufficientData` when no link lies beyond d_thr.
    public static func dataPointsDB(
        distancesMeters: [Double], pathGainsDB: [Double], frequency: Frequency = .campaign28GHz,
        thresholdMeters: Double = 50, form: FreeSpacePathLoss = .exact
    ) throws(PathLossError) -> Double {
        var sum = 0.0
        var count = 0
        for (d, pg) in zip(distancesMeters, pathGainsDB) where d > thresholdMeters {
            sum += form.gainDB(distanceMeters: d, frequency: frequency) - pg
            count += 1
        }
        guard count > 0 else { throw .insufficientData(needed: 1, got: 0) }
        return sum / Double(count)
    }
}
