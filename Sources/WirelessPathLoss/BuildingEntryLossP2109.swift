import Foundation
import WirelessCore

/// ITU-R P.2109-1 §3 building entry loss, not exceeded with probability p (docs/PATHLOSS.md#building-entry-loss).
///
///     Lh = r + s·log f + t·(log f)²;  Le = 0.212·|θ|;  μ1 = Lh + Le;  μ2 = w + x·log f
///     σ1 = u + v·log f;  σ2 = y + z·log f;  C = −3
///     A = μ1 + σ1·Φ⁻¹(p/100);  B = μ2 + σ2·Φ⁻¹(p/100)
///     L_BEL = 10·log10(10^(0.1A) + 10^(0.1B) + 10^(0.1C))                                  [dB]
///
/// f in GHz (0.08–100), p in percent (0 < p < 100), θ the façade elevation [deg], |θ| ≤ 90.
public enum BuildingEntryLossP2109: String, Sendable, Equatable, Codable, CaseIterable {
    /// Traditional building (P.2109 Table 1).
    case traditional
    /// Thermally efficient building (P.2109 Table 1).
    case thermallyEfficient = "thermally_efficient"

    /// The class used for a glass type in comparisons: low_loss → traditional, high_loss → thermally efficient.
    public init(_ glass: GlassType) { self = glass == .lowLoss ? .traditional : .thermallyEfficient }

    private var coefficients:
        (r: Double, s: Double, t: Double, u: Double, v: Double, w: Double, x: Double, y: Double, z: Double)
    {
        switch self {
        case .traditional: return (12.64, 3.72, 0.96, 9.6, 2.0, 9.1, -3.0, 4.5, -2.0)
        case .thermallyEfficient: return (28.19, -3.00, 8.48, 13.5, 3.8, 27.8, -2.9, 9.4, -2.1)
        }
    }

    /// Building entry loss L_BEL [dB].
    ///
    /// - Parameters:
    ///   - frequency: f, 0.08–100 GHz.
    ///   - probabilityPercent: p [%], 0 < p < 100 (the loss not exceeded in p % of locations).
    ///   - elevationDegrees: θ [deg], −90…90 (default 0).
    /// - Throws: `.frequencyOutOfRange`, `.probabilityOutOfRange`, `.elevationOutOfRange`.
    public func lossDB(frequency: Frequency, probabilityPercent: Double, elevationDegrees: Double = 0)
        throws(PathLossError) -> Double
    {
        let f = frequency.gigahertz
        guard f >= 0.08, f <= 100 else {
            throw .frequencyOutOfRange(model: "ITU-R P.2109", frequencyGHz: f, valid: 0.08...100)
        }
        guard probabilityPercent > 0, probabilityPercent < 100 else {
            throw .probabilityOutOfRange(value: probabilityPercent)
        }
        guard abs(elevationDegrees) <= 90 else { throw .elevationOutOfRange(degrees: elevationDegrees) }
        let c = coefficients
        let logF = log10(f)
        let lh = c.r + c.s * logF + c.t * logF * logF
        let mu1 = lh + 0.212 * abs(elevationDegrees)
        let mu2 = c.w + c.x * logF
        let sigma1 = c.u + c.v * logF
        let sigma2 = c.y + c.z * logF
        let z = SpecialFunctions.inverseNormalCDF(probabilityPercent / 100)
        let a = mu1 + sigma1 * z
        let b = mu2 + sigma2 * z
        return Decibels.fromPower(Decibels.toPower(a) + Decibels.toPower(b) + Decibels.toPower(-3.0))
    }
}
