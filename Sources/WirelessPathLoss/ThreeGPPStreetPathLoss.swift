import Foundation
import WirelessCore

/// TR 38.901 §7.4.1 basic outdoor path loss PL_b for UMi street canyon and UMa (docs/PATHLOSS.md#o2i-penetration).
///
///     d'_BP = 4·(h_BS − h_E)·(h_UT − h_E)·fc_Hz/c,  h_E = 1 m
///     UMi LOS:  32.4 + 21·log10 d3D + 20·log10 fc                       (10 m ≤ d2D ≤ d'_BP)
///               32.4 + 40·log10 d3D + 20·log10 fc − 9.5·log10(d'_BP² + (h_BS−h_UT)²)  (d'_BP < d2D ≤ 5 km)
///     UMi NLOS: max(LOS, 22.4 + 35.3·log10 d3D + 21.3·log10 fc − 0.3·(h_UT − 1.5));  σ_SF 4 / 7.82 dB
///     UMa LOS:  28.0 + 22·log10 d3D + 20·log10 fc;  beyond d'_BP 28.0 + 40·log10 d3D + 20·log10 fc − 9·log10(d'_BP² + (h_BS−h_UT)²)
///     UMa NLOS: max(LOS, 13.54 + 39.08·log10 d3D + 20·log10 fc − 0.6·(h_UT − 1.5));  σ_SF 4 / 6 dB
///
/// fc in GHz; validity fc 0.5–100 GHz, d2D 10 m–5 km, h_UT 1.5–22.5 m.
public enum ThreeGPPStreetPathLoss: String, Sendable, Equatable, Codable, CaseIterable {
    /// Urban micro, street canyon (default for comparisons).
    case urbanMicroStreetCanyon = "umi"
    /// Urban macro.
    case urbanMacro = "uma"

    /// A PL_b evaluation.
    public struct Result: Sendable, Equatable, Codable {
        /// PL_b [dB].
        public var lossDB: Double
        /// σ_SF of the applicable LOS/NLOS state [dB].
        public var shadowFadingStandardDeviationDB: Double
        /// True if an input was outside the validity range (only with `.extrapolate`).
        public var outOfValidity: Bool
    }

    /// Basic path loss PL_b.
    ///
    /// - Parameters:
    ///   - distance3DMeters: d3D [m], > 0.
    ///   - distance2DMeters: d2D [m], 10–5000 (strict).
    ///   - frequency: fc, 0.5–100 GHz.
    ///   - baseStationHeightMeters: h_BS [m], > 1.
    ///   - userHeightMeters: h_UT [m], 1.5–22.5 (strict).
    ///   - lineOfSight: LOS (true) or NLOS (false).
    ///   - validity: `.strict` throws outside the validity range; `.extrapolate` flags.
    /// - Throws: `.frequencyOutOfRange`, `.parameterOutOfRange`.
    public func basicLoss(
        distance3DMeters: Double, distance2DMeters: Double, frequency: Frequency, baseStationHeightMeters: Double,
        userHeightMeters: Double, lineOfSight: Bool, validity: ModelValidity = .strict
    ) throws(PathLossError) -> Result {
        let fc = frequency.gigahertz
        var outside = false
        if !(fc >= 0.5 && fc <= 100) {
            guard validity == .extrapolate, fc > 0 else {
                throw .frequencyOutOfRange(model: "TR 38.901 \(rawValue)", frequencyGHz: fc, valid: 0.5...100)
            }
            outside = true
        }
        guard distance3DMeters > 0, distance2DMeters > 0, baseStationHeightMeters > 1, userHeightMeters > 1 else {
            throw .parameterOutOfRange(
                name: "d3D/d2D/h_BS/h_UT", value: min(distance3DMeters, distance2DMeters), valid: "> 0, heights > 1 m")
        }
        if !(distance2DMeters >= 10 && distance2DMeters <= 5000) {
            guard validity == .extrapolate else {
                throw .parameterOutOfRange(name: "d2D", value: distance2DMeters, valid: "10–5000 m")
            }
            outside = true
        }
        if !(userHeightMeters >= 1.5 && userHeightMeters <= 22.5) {
            guard validity == .extrapolate else {
                throw .parameterOutOfRange(name: "h_UT", value: userHeightMeters, valid: "1.5–22.5 m")
            }
            outside = true
        }
        let hBS = baseStationHeightMeters
        let hUT = userHeightMeters
        let breakpoint = 4 * (hBS - 1) * (hUT - 1) * frequency.hertz / PhysicalConstants.speedOfLightMetersPerSecond
        let logD = log10(distance3DMeters)
        let logF = log10(fc)
        let row = tableRow
        let los =
            distance2DMeters <= breakpoint
            ? row.nearLOS.loss(logD, logF)
            : row.farLOS.loss(logD, logF)
                - row.breakpointCoefficient * log10(breakpoint * breakpoint + (hBS - hUT) * (hBS - hUT))
        let nlos = max(los, row.nlos.loss(logD, logF) - row.userHeightCoefficient * (hUT - 1.5))
        let sigmaLOS = 4.0
        let sigmaNLOS = row.sigmaNLOSDB
        return Result(
            lossDB: lineOfSight ? los : nlos, shadowFadingStandardDeviationDB: lineOfSight ? sigmaLOS : sigmaNLOS,
            outOfValidity: outside)
    }
}

extension ThreeGPPStreetPathLoss {
    /// a + b·log10(d3D) + c·log10(fc) [dB], one formula of TR 38.901 Table 7.4.1-1 (d3D in m, fc in GHz).
    struct LogFormula {
        let a, b, c: Double

        func loss(_ logD: Double, _ logF: Double) -> Double { a + b * logD + c * logF }
    }

    /// The scenario's row of Table 7.4.1-1: PL1 (LOS before the breakpoint), PL2 (after it, less
    /// `breakpointCoefficient`·log10(d'BP² + (h_BS − h_UT)²)), PL'NLOS (less `userHeightCoefficient`·(h_UT − 1.5))
    /// and the NLOS shadow-fading σ [dB].
    struct TableRow {
        let nearLOS, farLOS, nlos: LogFormula
        let breakpointCoefficient, userHeightCoefficient, sigmaNLOSDB: Double
    }

    var tableRow: TableRow {
        switch self {
        case .urbanMicroStreetCanyon:
            TableRow(
                nearLOS: LogFormula(a: 32.4, b: 21, c: 20), farLOS: LogFormula(a: 32.4, b: 40, c: 20),
                nlos: LogFormula(a: 22.4, b: 35.3, c: 21.3), breakpointCoefficient: 9.5, userHeightCoefficient: 0.3,
                sigmaNLOSDB: 7.82)
        case .urbanMacro:
            TableRow(
                nearLOS: LogFormula(a: 28.0, b: 22, c: 20), farLOS: LogFormula(a: 28.0, b: 40, c: 20),
                nlos: LogFormula(a: 13.54, b: 39.08, c: 20), breakpointCoefficient: 9, userHeightCoefficient: 0.6,
                sigmaNLOSDB: 6)
        }
    }
}
