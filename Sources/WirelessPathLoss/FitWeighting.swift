import Foundation

/// Observation weighting for log-distance fits (docs/PATHLOSS.md#censoring-and-weighting, Karttunen et al. 2016).
///
///     .none:                      w_i = 1
///     .distanceBins(widthDecades): w_i = 1 / (links in the bin of log10 d_i), rescaled to Σw = N
///
/// Distance-bin weighting stops densely sampled distances from dominating the slope.
public enum FitWeighting: Sendable, Equatable, Codable {
    /// Ordinary least squares.
    case none
    /// Equal total weight per log-distance bin of `widthDecades` [decades], > 0 (default 0.1).
    case distanceBins(widthDecades: Double)

    /// The weights for `distancesMeters` [m] (> 0), or nil for `.none`.
    ///
    /// - Throws: `PathLossError.parameterOutOfRange` for a non-positive bin width.
    public func weights(distancesMeters: [Double]) throws(PathLossError) -> [Double]? {
        switch self {
        case .none:
            return nil
        case .distanceBins(let width):
            guard width > 0, width.isFinite else {
                throw .parameterOutOfRange(name: "widthDecades", value: width, valid: "> 0")
            }
            let bins = distancesMeters.map { Int((log10($0) / width).rounded(.down)) }
            var counts: [Int: Int] = [:]
            for b in bins { counts[b, default: 0] += 1 }
            let raw = bins.map { 1 / Double(counts[$0]!) }
            let scale = Double(distancesMeters.count) / raw.reduce(0, +)
            return raw.map { $0 * scale }
        }
    }
}
