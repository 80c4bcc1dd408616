import Foundation
import Numerics
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

extension StrongestCellRate {
    /// Mean rate of strongest-BS association with noise or multi-slope path loss, conditional on the strongest
    /// power y = Λ̄⁻¹(u), u ~ Exp(1) (docs/DENSIFICATION.md#route-h-rates; derived): with Z_y the sum of the
    /// other powers and ln(1 + y/b) = ∫_0^∞ (e^{−sb} − e^{−s(b+y)}) ds/s at b = Z_y + W, s = σ/y,
    ///
    ///     R = ∫_0^∞ e^{−u} ∫_0^∞ (1 − e^{−σ}) e^{−σW/y} E[e^{−σ Z_y/y}] dσ/σ du          [nats/s/Hz]
    ///     single slope (any H): E[e^{−σ Z_y/y}] = exp(u D_δ(σ)),  y = (λπE[H^δ]/u)^{1/δ}
    ///     multi-slope (Rayleigh h, any S): exp(E(σ; y)) of `StrongestPowerProcess`
    ///
    /// Real Laplace transforms only (no inversion). u-integral adaptive Gauss–Kronrod over ln u on [−25, ln 50]; the
    /// σ-integral adaptive (single slope) or a fixed Gauss–Legendre rule on the x-grid (multi-slope,
    /// `StrongestPowerProcess.conditionalRate`), whose own error is not estimated.
    /// - Throws: `.analyticUnavailable` (multi-slope without Rayleigh h), `.fadingMomentInfinite`,
    ///   `.numericalFailure` when the value or its error is not finite.
    /// - Parameters:
    ///   - density: λ [per unit area], > 0, finite.
    ///   - pathGain: g.
    ///   - fading: H = h·S.
    ///   - noise: W [linear], ≥ 0.
    public static func conditional(
        density: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.density(density)
        try Validate.noise(noise)
        let inner: (Double) -> (value: Double, error: Double)
        if pathGain.isSingleSlope {
            let delta = 2 / pathGain.farFieldExponent
            let moment = fading.moment(order: delta)
            guard moment.isFinite else { throw DensificationError.fadingMomentInfinite(order: delta) }
            let a = density * Double.pi * moment
            let gammaA = SpecialFunctions.gamma(1 - delta)
            // D_δ(σ) = 1 − e^{−σ} − σ^δ Γ(1−δ) P(1−δ, σ) on the real line.
            func kernel(_ sigma: Double) -> Double {
                -expm1(-sigma) - pow(sigma, delta) * gammaA * SpecialFunctions.regularizedGammaP(1 - delta, sigma)
            }
            inner = { u in
                let y = pow(a / u, 1 / delta)
                let r = Integration.integrate(from: -40, to: 40, absTol: 1e-11, relTol: 1e-10) { t in
                    let sigma = exp(t)
                    return -expm1(-sigma) * exp(-sigma * noise / y + u * kernel(sigma))
                }
                return (r.value, r.error)
            }
        } else {
            guard fading.hasRayleighSmallScale else {
                throw DensificationError.analyticUnavailable(
                    reason: "strongest-BS rate with multi-slope path loss needs Rayleigh small-scale fading")
            }
            let process = StrongestPowerProcess(pathGain: pathGain, fading: fading, density: density)
            inner = { u in (process.conditionalRate(servingPower: process.inverseTail(u), mass: u, noise: noise), 0) }
        }
        var innerError = 0.0
        let r = Integration.integrate(from: -25, to: log(50.0), absTol: 1e-9, relTol: 1e-8, maxIntervals: 100) { t in
            let u = exp(t)
            let v = inner(u)
            innerError = max(innerError, u * exp(-u) * v.error)
            return u * exp(-u) * v.value
        }
        let value = AnalyticValue(
            value: r.value, absError: 10 * r.error + 50 * innerError + 1e-8, method: .strongestConditional)
        guard value.value.isFinite, value.absError.isFinite else {
            throw DensificationError.numericalFailure(reason: "strongest-BS rate at λ = \(density) is not finite")
        }
        return value
    }
}
