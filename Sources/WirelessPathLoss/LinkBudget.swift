import Foundation
import WirelessCore

/// A downlink budget from the BS to an indoor UE (docs/PATHLOSS.md#coverage; project defaults).
///
///     N_dBm = −174 + 10·log10(B_Hz) + NF
///     SNR(d) = EIRP + G_UE + G_extra + PG(d) − N_dBm                     [dB]
public struct LinkBudget: Sendable, Equatable, Codable {
    /// BS EIRP [dBm] (default 60).
    public var eirpDBm: Double
    /// UE antenna gain [dBi] (default 10).
    public var ueGainDBi: Double
    /// Bandwidth B [Hz], > 0 (default 400 MHz).
    public var bandwidthHz: Double
    /// UE noise figure [dB], ≥ 0 (default 10).
    public var noiseFigureDB: Double
    /// Extra gain (e.g. beamforming margin) [dB] (default 0).
    public var extraGainDB: Double

    /// A budget; defaults EIRP 60 dBm, UE 10 dBi, 400 MHz, NF 10 dB, 0 dB extra.
    ///
    /// - Throws: `.parameterOutOfRange` for B ≤ 0, NF < 0 or a non-finite value.
    public init(
        eirpDBm: Double = 60, ueGainDBi: Double = 10, bandwidthHz: Double = 400e6, noiseFigureDB: Double = 10,
        extraGainDB: Double = 0
    ) throws(PathLossError) {
        guard bandwidthHz > 0, bandwidthHz.isFinite else {
            throw .parameterOutOfRange(name: "bandwidthHz", value: bandwidthHz, valid: "> 0")
        }
        guard noiseFigureDB >= 0, noiseFigureDB.isFinite else {
            throw .parameterOutOfRange(name: "noiseFigureDB", value: noiseFigureDB, valid: "≥ 0")
        }
        guard eirpDBm.isFinite, ueGainDBi.isFinite, extraGainDB.isFinite else {
            throw .parameterOutOfRange(name: "gain", value: .nan, valid: "finite")
        }
        self.eirpDBm = eirpDBm
        self.ueGainDBi = ueGainDBi
        self.bandwidthHz = bandwidthHz
        self.noiseFigureDB = noiseFigureDB
        self.extraGainDB = extraGainDB
    }

    /// The project defaults.
    public static let standard = try! LinkBudget()

    /// Noise power −174 + 10·log10 B + NF [dBm].
    public var noisePowerDBm: Double { -174 + Decibels.fromPower(bandwidthHz) + noiseFigureDB }

    /// SNR [dB] for a path gain [dB].
    public func snrDB(pathGainDB: Double) -> Double {
        eirpDBm + ueGainDBi + extraGainDB + pathGainDB - noisePowerDBm
    }

    /// The path gain [dB] that yields `snrDB` [dB].
    public func requiredPathGainDB(snrDB: Double) -> Double {
        snrDB - eirpDBm - ueGainDBi - extraGainDB + noisePowerDBm
    }
}
