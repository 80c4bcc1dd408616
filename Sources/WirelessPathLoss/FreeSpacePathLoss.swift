import Foundation
import WirelessCore

/// Free-space (Friis) path loss, exact or in the TR 38.901 shorthand (docs/PATHLOSS.md#free-space).
///
///     .exact:      FSPL = 20·log10(4π·d·f_Hz / c)                       [dB]
///     .shorthand:  FSPL = 32.4 + 20·log10(f_GHz) + 20·log10(d)          [dB]
///
/// The shorthand is 0.048 dB below the exact value at every d and f (20·log10(4π·10⁹/c) = 32.448).
/// Path gain is PG_fs = −FSPL.
public enum FreeSpacePathLoss: String, Sendable, Equatable, Codable, CaseIterable {
    /// Exact Friis loss with c = 299 792 458 m/s (default).
    case exact
    /// 3GPP TR 38.901 shorthand 32.4 + 20 log10 f_GHz + 20 log10 d.
    case shorthand

    /// Free-space path loss [dB].
    ///
    /// - Parameters:
    ///   - distanceMeters: Link distance d [m], > 0.
    ///   - frequency: Carrier frequency, > 0.
    /// - Returns: FSPL [dB] (NaN for non-positive inputs; validate data first).
    public func lossDB(distanceMeters: Double, frequency: Frequency) -> Double {
        switch self {
        case .exact:
            return Decibels.fromAmplitude(
                4 * Double.pi * distanceMeters * frequency.hertz / PhysicalConstants.speedOfLightMetersPerSecond)
        case .shorthand:
            return 32.4 + 20 * log10(frequency.gigahertz) + 20 * log10(distanceMeters)
        }
    }

    /// Free-space path gain PG_fs = −FSPL [dB] (≤ 0 for d ≥ λ/(4π)).
    ///
    /// - Parameters:
    ///   - distanceMeters: Link distance d [m], > 0.
    ///   - frequency: Carrier frequency, > 0.
    /// - Returns: −FSPL [dB] (NaN for non-positive inputs; validate data first).
    public func gainDB(distanceMeters: Double, frequency: Frequency) -> Double {
        -lossDB(distanceMeters: distanceMeters, frequency: frequency)
    }
}
