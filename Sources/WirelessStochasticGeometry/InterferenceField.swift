import Foundation
import Numerics
import WirelessCore

/// The Poisson field of interferers at density λ seen through g and H: Laplace and characteristic exponents.
///
///     L_I(s) = exp(−2πλ ∫_r^∞ (1 − L_H(s g(x))) x dx)
///     φ_I(ω) = exp( 2πλ ∫_r^∞ (φ_H(ω g(x)) − 1) x dx)
///     single slope, r = 0:  2πλ∫_0^∞(1 − L_H(s x^{−α}))x dx = πλ E[H^δ] Γ(1−δ) s^δ,
///                           2πλ∫_0^∞(φ_H(ω x^{−α}) − 1)x dx = −πλ E[H^δ] Γ(1−δ) (−iω)^δ,  δ = 2/α
struct InterferenceField {
    let pathGain: MultiSlopePathGain
    let fading: FadingModel
    let density: Double
    /// Absolute tolerance of every exponent integral.
    var absTol: Double = 1e-11

    var delta: Double { 2 / pathGain.farFieldExponent }

    /// 2πλ ∫_r^∞ (1 − L_H(s g(x))) x dx (the Laplace exponent of the interference from beyond r).
    func laplaceExponent(_ s: Double, beyond r: Double) -> IntegrationResult {
        if s == 0 { return .zero }
        if pathGain.isSingleSlope && r == 0 {
            let d = delta
            let v = Double.pi * density * fading.moment(order: d) * SpecialFunctions.gamma(1 - d) * pow(s, d)
            return IntegrationResult(value: v, error: v.isFinite ? 1e-15 * v : 0)
        }
        if pathGain.isSingleSlope && fading.isPureRayleigh {
            // x = r·t: 2πλ r² ∫_1^∞ c t^{−α}/(1 + c t^{−α}) t dt, c = s r^{−α}; equals πλ r² c^δ ∫_{c^{−δ}}^∞ du/(1+u^{α/2}).
            let alpha = pathGain.farFieldExponent
            let c = s * pow(r, -alpha)
            let q = Integration.integrate(
                from: 0, to: .infinity, absTol: absTol / (2 * Double.pi * density * r * r), relTol: 1e-11
            ) { y in
                let t = exp(y)
                let z = c * pow(t, -alpha)
                return z / (1 + z) * t * t
            }
            let scale = 2 * Double.pi * density * r * r
            return IntegrationResult(value: scale * q.value, error: scale * q.error)
        }
        let scale = 2 * Double.pi * density
        if fading.isPureRayleigh, let exact = rayleighClosedForm(s, beyond: r) {
            return IntegrationResult(value: scale * exact, error: scale * 1e-13 * exact)
        }
        let q = pathGain.integrateOverDistance(from: r, absTol: absTol / scale, relTol: 1e-9) { x in
            x * fading.laplaceComplement(s * pathGain.gain(atDistance: x))
        }
        return IntegrationResult(value: scale * q.value, error: scale * q.error)
    }

    /// ∫_r^∞ s g(x) x/(1 + s g(x)) dx segment by segment in closed form (nil if a segment has no closed form).
    func rayleighClosedForm(_ s: Double, beyond r: Double) -> Double? {
        var total = 0.0
        for k in pathGain.segmentIndex(r)..<pathGain.slopeCount {
            let lo = max(r, pathGain.segmentStart(k))
            let hi = pathGain.segmentEnd(k)
            guard
                let v = RayleighInterferenceIntegral.segment(
                    from: lo, to: hi, exponent: pathGain.exponents[k], c: s * pathGain.coefficients[k])
            else { return nil }
            total += v
        }
        return total
    }

    /// 2πλ ∫_r^∞ (φ_H(ω g(x)) − 1) x dx (the log characteristic function of the interference from beyond r).
    func characteristicExponent(_ omega: Double, beyond r: Double) -> Complex<Double> {
        if omega == 0 { return .zero }
        if pathGain.isSingleSlope && r == 0 {
            let d = delta
            let magnitude =
                Double.pi * density * fading.moment(order: d) * SpecialFunctions.gamma(1 - d) * pow(abs(omega), d)
            let phase = -Double.pi * d / 2 * (omega > 0 ? 1 : -1)
            return Complex(-magnitude * cos(phase), -magnitude * sin(phase))
        }
        let scale = 2 * Double.pi * density
        let re = pathGain.integrateOverDistance(from: r, absTol: absTol / scale, relTol: 1e-9) { x in
            x * (fading.characteristicFunction(omega * pathGain.gain(atDistance: x)).real - 1)
        }
        let im = pathGain.integrateOverDistance(from: r, absTol: absTol / scale, relTol: 1e-9) { x in
            x * fading.characteristicFunction(omega * pathGain.gain(atDistance: x)).imaginary
        }
        return Complex(scale * re.value, scale * im.value)
    }
}

extension InterferenceField {
    /// E_S[e^{−sW − L(s)}] with s = T/(S g) over the shadowing nodes (values S_i, weights w_i), L the Laplace
    /// exponent of the interference from beyond `r`: the coverage of a BS received at gain g under Rayleigh h
    /// (routes (e) and (f)). Also the largest `errorWeight`·w_i e^{−sW−L}·δL over the nodes, the error a node's
    /// L adds to the caller's outer integral (`errorWeight` = its weight there).
    func shadowAveragedCoverage(
        threshold: Double, gain g: Double, noise: Double, beyond r: Double,
        quadrature q: (values: [Double], weights: [Double]), errorWeight: Double
    ) -> (value: Double, worstError: Double) {
        var e = 0.0
        var worst = 0.0
        for i in q.values.indices {
            let s = threshold / (q.values[i] * g)
            let l = laplaceExponent(s, beyond: r)
            let term = q.weights[i] * exp(-s * noise - l.value)
            worst = max(worst, errorWeight * term * l.error)
            e += term
        }
        return (e, worst)
    }
}
