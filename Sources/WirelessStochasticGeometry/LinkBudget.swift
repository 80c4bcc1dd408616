import Foundation
import WirelessCore

/// The physical link budget behind the normalised noise W = N₀/P of a `DensificationScenario`
/// (docs/DENSIFICATION.md#physical-units), so a researcher gives dBm, dB and Hz instead of rescaling by hand.
///
/// With the path gain in metres and a path-loss constant L₀ (the loss at 1 m), a BS at distance r
/// delivers P·10^{−L₀/10}·H·g(r) [W]; dividing signal, interference and noise by P·10^{−L₀/10} gives the
/// model's SINR with
///
///     W = 10^{(N − P + L₀)/10},   N = −174 dBm/Hz + 10·log10 B + F   (thermal noise at 290 K)
///     L₀ = FSPL(f, 1 m) = 20·log10(4π f / c)   when given by the carrier frequency
///
/// The densities are then per square metre (per km² × 10⁻⁶). Every BS transmits the same power, so
/// P, L₀ and N enter only through W: coverage and rate are unchanged by scaling them together.
public struct LinkBudget: Sendable, Equatable, Codable {
    /// Transmit power P [dBm], finite.
    public var transmitPowerDBm: Double
    /// Path-loss constant L₀ [dB], the loss at 1 m, finite.
    public var pathLossAt1mDB: Double
    /// Receiver bandwidth B [Hz], finite, > 0.
    public var bandwidthHz: Double
    /// Receiver noise figure F [dB], finite, ≥ 0.
    public var noiseFigureDB: Double

    /// - Parameters:
    ///   - transmitPowerDBm: P [dBm], finite.
    ///   - pathLossAt1mDB: L₀ [dB], finite.
    ///   - bandwidthHz: B [Hz], finite, > 0.
    ///   - noiseFigureDB: F [dB], finite, ≥ 0 (0: an ideal receiver).
    /// - Throws: `DensificationError.invalidNoise` naming the bad parameter's value.
    public init(transmitPowerDBm: Double, pathLossAt1mDB: Double, bandwidthHz: Double, noiseFigureDB: Double = 0)
        throws(DensificationError)
    {
        for v in [transmitPowerDBm, pathLossAt1mDB] where !v.isFinite { throw .invalidNoise(value: v) }
        guard bandwidthHz.isFinite, bandwidthHz > 0 else { throw .invalidNoise(value: bandwidthHz) }
        guard noiseFigureDB.isFinite, noiseFigureDB >= 0 else { throw .invalidNoise(value: noiseFigureDB) }
        self.transmitPowerDBm = transmitPowerDBm
        self.pathLossAt1mDB = pathLossAt1mDB
        self.bandwidthHz = bandwidthHz
        self.noiseFigureDB = noiseFigureDB
    }

    /// L₀ = 20·log10(4π f / c) [dB]: free-space loss at 1 m.
    /// - Parameter carrierFrequencyHz: f [Hz], finite, > 0.
    /// - Throws: `DensificationError.invalidNoise` for a non-positive or non-finite frequency.
    public static func freeSpacePathLossAt1m(carrierFrequencyHz: Double) throws(DensificationError) -> Double {
        guard carrierFrequencyHz.isFinite, carrierFrequencyHz > 0 else {
            throw .invalidNoise(value: carrierFrequencyHz)
        }
        return Decibels.fromAmplitude(
            4 * Double.pi * carrierFrequencyHz / PhysicalConstants.speedOfLightMetersPerSecond)
    }

    /// N = −174 dBm/Hz + 10·log10 B + F [dBm].
    public var noisePowerDBm: Double {
        PhysicalConstants.thermalNoiseDBmPerHz + Decibels.fromPower(bandwidthHz) + noiseFigureDB
    }

    /// W = 10^{(N − P + L₀)/10} [linear, in units of the path gain with r in metres].
    /// - Throws: `DensificationError.invalidNoise` when W is not finite (an absurd budget).
    public func normalizedNoise() throws(DensificationError) -> Double {
        let w = Decibels.toPower(noisePowerDBm - transmitPowerDBm + pathLossAt1mDB)
        guard w.isFinite else { throw .invalidNoise(value: w) }
        return w
    }
}

/// The unit of BS densities a study reads and writes.
public enum DensityUnit: String, Sendable, Equatable, Codable, CaseIterable {
    /// Per unit area of the path gain's length unit (the model's own unit; R_1 = 1 normalises it).
    case unitArea = "unit-area"
    /// Per km², with the path gain in metres (λ per m² = λ per km² × 10⁻⁶).
    case perKm2 = "km2"

    /// The factor from this unit to the model's: 1 or 10⁻⁶.
    public var toModel: Double { self == .perKm2 ? 1e-6 : 1 }

    /// The unit in words for tables and axes: "unit area" or "km²".
    public var area: String { self == .perKm2 ? "km²" : "unit area" }

    /// The header unit suffix of a density column: nil (`lambda`) or `per_km2` (`lambda_per_km2`).
    public var headerSuffix: String? { self == .perKm2 ? "per_km2" : nil }
}
