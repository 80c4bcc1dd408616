import Foundation

/// Excess loss over free space beyond a threshold distance (docs/PATHLOSS.md#excess-loss).
///
///     EL_i = PG_fs(d_i) − PG_i,   EL(d) = PG_fs(d) − PG_fit(d)                          [dB]
///     .model:           mean of EL(d), d ~ U[max(d_thr, d_min), d_max]; for FI
///                       EL(d) = −FSPL(f, d0) − A + 10·(n − 2)·log10(d/d0), so only E[log10 d] is needed
///     .modelLogUniform: the same with log10 d uniform
///     .dataPoints:      mean of EL_i over links with d_i > d_thr
public enum ExcessLoss {
    /// How the average is taken (docs/PATHLOSS.md#excess-loss).
    public enum Averaging: String, Sendable, Equatable, Codable, CaseIterable {
        /// Mean of the fitted EL(d) for d uniform on [max(d_thr, d_min), d_max] (default).
        case model
        /// Mean of the fitted EL(d) for log10 d uniform on [log10 max(d_thr, d_min), log10 d_max].
        case modelLogUniform
        /// Mean of the measured EL_i over links with d_i > d_thr (needs the data, not only the fit).
        case dataPoints
    }

    /// Average excess loss of an FI fit [dB].
    ///
    /// - Parameters:
    ///   - fit: The FI fit (its distance range bounds the model averages; its frequency is used for FSPL).
    ///   - averaging: `.model` (default), `.modelLogUniform` or `.dataPoints`.
    ///   - distancesMeters: d_i [m] of the fitted links, > 0; required by `.dataPoints`, ignored otherwise.
    ///   - pathGainsDB: PG_i [dB] of the same links, one per distance; required by `.dataPoints`.
    ///   - thresholdMeters: d_thr [m], > 0 (default 50).
    ///   - form: FSPL form (default exact).
    /// - Throws: `.insufficientData` if the fit's range (or, for `.dataPoints`, no link) lies beyond d_thr;
    ///   `.parameterOutOfRange` if `.dataPoints` is asked without the data; `.dimensionMismatch` for unequal arrays.
    public static func averageDB(
        fit: FloatingInterceptFit, averaging: Averaging = .model, distancesMeters: [Double]? = nil,
        pathGainsDB: [Double]? = nil, thresholdMeters: Double = 50, form: FreeSpacePathLoss = .exact
    ) throws(PathLossError) -> Double {
        if averaging == .dataPoints {
            guard let distancesMeters, let pathGainsDB else {
                throw .parameterOutOfRange(
                    name: "distancesMeters/pathGainsDB", value: 0, valid: "the fitted links (required by .dataPoints)")
            }
            return try dataPointsDB(
                distancesMeters: distancesMeters, pathGainsDB: pathGainsDB, frequency: fit.frequency,
                thresholdMeters: thresholdMeters, form: form)
        }
        let a = max(thresholdMeters, fit.distanceRangeMeters.lowerBound)
        let b = fit.distanceRangeMeters.upperBound
        guard b > a else { throw .insufficientData(needed: 1, got: 0) }
        let d0 = fit.referenceDistanceMeters
        let meanLog =
            averaging == .modelLogUniform
            ? 0.5 * (log10(a) + log10(b))
            : meanLog10Uniform(lower: a, upper: b)
        return -form.lossDB(distanceMeters: d0, frequency: fit.frequency) - fit.intercept.estimate
            + 10 * (fit.pathLossExponent.estimate - 2) * (meanLog - log10(d0))
    }

    /// Mean EL_i over links beyond `thresholdMeters` (`.dataPoints`) [dB].
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], > 0.
    ///   - pathGainsDB: PG_i [dB], one per distance, finite.
    ///   - frequency: Carrier for FSPL (default 28 GHz).
    ///   - thresholdMeters: d_thr [m] (default 50).
    ///   - form: FSPL form (default exact).
    /// - Throws: `.dimensionMismatch` for unequal arrays; `.nonFiniteData` for NaN/∞ gains;
    ///   `.insufficientData` when no link lies beyond d_thr.
    public static func dataPointsDB(
        distancesMeters: [Double], pathGainsDB: [Double], frequency: Frequency = .campaign28GHz,
        thresholdMeters: Double = 50, form: FreeSpacePathLoss = .exact
    ) throws(PathLossError) -> Double {
        guard pathGainsDB.count == distancesMeters.count else {
            throw .dimensionMismatch(name: "pathGainsDB", expected: distancesMeters.count, got: pathGainsDB.count)
        }
        guard pathGainsDB.allSatisfy(\.isFinite) else { throw .nonFiniteData(name: "pathGainsDB") }
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
