import Foundation
import WirelessCore

/// The mmWave link of a `BlockageCoverageStudy` as a user states it: blockage law and LOS range, LOS and
/// NLOS path gain at 1 m [dB] and exponents, transmit power [dBm], bandwidth [Hz] and noise figure [dB]
/// (docs/DENSIFICATION.md#mmwave-blockage). The defaults are the 28 GHz New York fits of Akdeniz et al.
/// (IEEE JSAC 2014) with a 1 GHz, 30 dBm, 7 dB link.
///
/// The values are kept as given (not only as the `BlockageNetwork` they build), so that a run records the
/// settings it was given rather than their round trip through linear units.
public struct BlockageLinkSpecification: Sendable, Equatable {
    /// The law of the line-of-sight probability.
    public enum Law: String, CaseIterable, Sendable {
        /// exp(−r/L) (Bai–Heath 2015).
        case exponential
        /// 1{r ≤ L} (the LOS ball).
        case ball
    }

    /// Blockage law.
    public var law: Law
    /// LOS range L [m]: 1/β of the exponential law, the radius of the ball; > 0.
    public var losRangeMeters: Double
    /// LOS path gain at 1 m [dB].
    public var losGainDB: Double
    /// NLOS path gain at 1 m [dB].
    public var nlosGainDB: Double
    /// LOS path-loss exponent, > 0.
    public var losExponent: Double
    /// NLOS path-loss exponent, > 2.
    public var nlosExponent: Double
    /// BS transmit power [dBm].
    public var txPowerDBm: Double
    /// Receiver bandwidth [Hz], finite, > 0.
    public var bandwidthHz: Double
    /// Receiver noise figure [dB].
    public var noiseFigureDB: Double

    /// Every value as in the properties above; the defaults are the New York 28 GHz link.
    public init(
        law: Law = .exponential, losRangeMeters: Double = 141, losGainDB: Double = -61.4, nlosGainDB: Double = -72,
        losExponent: Double = 2, nlosExponent: Double = 2.92, txPowerDBm: Double = 30, bandwidthHz: Double = 1e9,
        noiseFigureDB: Double = 7
    ) {
        self.law = law
        self.losRangeMeters = losRangeMeters
        self.losGainDB = losGainDB
        self.nlosGainDB = nlosGainDB
        self.losExponent = losExponent
        self.nlosExponent = nlosExponent
        self.txPowerDBm = txPowerDBm
        self.bandwidthHz = bandwidthHz
        self.noiseFigureDB = noiseFigureDB
    }

    /// The network at 1 BS per m² (a `BlockageCoverageStudy` sets each density), with the noise
    /// W = 10^{(N − P)/10}, N = −174 dBm/Hz + 10·log10 B + F [dBm], relative to the transmit power.
    /// - Throws: `DensificationError` for a range, exponent or noise the network does not accept.
    public func network() throws(DensificationError) -> BlockageNetwork {
        let noiseDBm = -174 + Decibels.fromPower(bandwidthHz) + noiseFigureDB
        let lineOfSight: BlockageNetwork.LineOfSight =
            law == .exponential ? .exponential(beta: 1 / losRangeMeters) : .ball(radius: losRangeMeters)
        return try BlockageNetwork(
            density: 1, lineOfSight: lineOfSight, losIntercept: Decibels.toPower(losGainDB),
            nlosIntercept: Decibels.toPower(nlosGainDB), losExponent: losExponent, nlosExponent: nlosExponent,
            noise: Decibels.toPower(noiseDBm - txPowerDBm))
    }

    /// The settings a run records beside its outputs: `blockage`, `los_range_m`, `los_gain_db`,
    /// `nlos_gain_db`, `los_exponent`, `nlos_exponent`, `tx_power_dbm`, `bandwidth_hz` and `noise_figure_db`.
    public var recordedParameters: [String: String] {
        [
            "blockage": law.rawValue, "los_range_m": String(losRangeMeters), "los_gain_db": String(losGainDB),
            "nlos_gain_db": String(nlosGainDB), "los_exponent": String(losExponent),
            "nlos_exponent": String(nlosExponent), "tx_power_dbm": String(txPowerDBm),
            "bandwidth_hz": String(bandwidthHz), "noise_figure_db": String(noiseFigureDB),
        ]
    }
}
