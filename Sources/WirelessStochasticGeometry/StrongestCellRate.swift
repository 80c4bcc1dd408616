import Foundation
import WirelessCore

/// Exact mean rate of strongest-BS association, single slope, W = 0, any H (docs/DENSIFICATION.md#route-h-rates,
/// derived).
///
/// With the propagation process normalised to Λ((y,∞)) = y^{−δ} (the SIR does not depend on λ or on H beyond
/// E[H^δ] < ∞), X = total power, Y_max its largest point and Z = X − Y_max:
///
///     R = E ln(1 + Y_max/Z) = ∫_{−∞}^{∞} (L_Z(e^t) − L_X(e^t)) dt          [nats/s/Hz]
///     L_X(s) = exp(−Γ(1−δ) s^δ)
///     L_Z(s) = ∫_0^∞ e^{−u} exp(−s^δ G(s u^{−1/δ})) du
///     G(z)   = γ(1−δ, z) − (1 − e^{−z}) z^{−δ}
///            = z^{1−δ} Σ_k (−z)^k/k! · δ/((1−δ+k)(k+1))     (series used for z < 1: no cancellation)
///
/// (uses ln(1 + y/z) = ∫_0^∞ (e^{−sz} − e^{−s(y+z)}) ds/s and s = e^t.)
public enum StrongestCellRate {
    /// R for strongest-BS association, single slope α > 2, interference-limited.
    ///
    /// - Parameter exponent: α [dimensionless], > 2.
    /// - Throws: `.lastExponentNotAboveTwo`.
    public static func interferenceLimited(exponent: Double) throws(DensificationError) -> AnalyticValue {
        guard exponent.isFinite, exponent > 2 else { throw DensificationError.lastExponentNotAboveTwo(value: exponent) }
        let delta = 2 / exponent
        let gammaOneMinusDelta = SpecialFunctions.gamma(1 - delta)
        var innerError = 0.0
        let r = Integration.integrate(from: -.infinity, to: .infinity, absTol: 1e-10, relTol: 1e-9) { t in
            let s = exp(t)
            let sDelta = pow(s, delta)
            let lx = exp(-gammaOneMinusDelta * sDelta)
            let lz = Integration.integrate(from: 0, to: .infinity, absTol: 1e-12, relTol: 1e-10) { u in
                exp(-u - sDelta * g(s * pow(u, -1 / delta), delta: delta, gammaOneMinusDelta: gammaOneMinusDelta))
            }
            innerError = max(innerError, lz.error)
            return lz.value - lx
        }
        return AnalyticValue(value: r.value, absError: r.error + 10 * innerError, method: .strongestRateExact)
    }

    /// G(z) = γ(1−δ, z) − (1 − e^{−z}) z^{−δ}.
    static func g(_ z: Double, delta: Double, gammaOneMinusDelta: Double) -> Double {
        if z == 0 { return 0 }
        if !z.isFinite { return gammaOneMinusDelta }
        if z < 1 {
            var term = 1.0  // (−z)^k/k!
            var sum = 0.0
            for k in 0..<60 {
                let dk = Double(k)
                sum += term * delta / ((1 - delta + dk) * (dk + 1))
                term *= -z / (dk + 1)
                if abs(term) < 1e-18 { break }
            }
            return pow(z, 1 - delta) * sum
        }
        let lower = SpecialFunctions.regularizedGammaP(1 - delta, z) * gammaOneMinusDelta
        return lower - (-expm1(-z)) * pow(z, -delta)
    }
}
