import Foundation
import Numerics
import WirelessCore

/// Coverage under nearest-BS association for any multi-slope g (docs/DENSIFICATION.md#route-f-rayleigh-any-path-gain,
/// docs/DENSIFICATION.md#route-g-gil-pelaez).
public enum NearestCellCoverage {
    /// (f) Rayleigh small-scale fading h (any shadowing S, serving S₀ included), any g:
    ///
    ///     P_c = ∫_0^∞ 2πλ r e^{−πλr²} E_{S₀}[ e^{−TW/(S₀g(r))} · exp(−2πλ∫_r^∞ (1 − L_H(T g(x)/(S₀ g(r)))) x dx) ] dr
    ///
    /// With S ≡ 1 the inner term is 2πλ∫_r^∞ T g(x) x/(g(r) + T g(x)) dx (Zhang–Andrews's dual-slope result in
    /// integral form). Outer integral in ln r, split at the breakpoints; inner by `InterferenceField`.
    /// - Throws: `.analyticUnavailable` if h is not Rayleigh.
    /// - Parameters:
    ///   - density: λ [BSs per unit area], > 0, finite.
    ///   - threshold: T [linear SINR], ≥ 0, finite.
    ///   - pathGain: g (validated multi-slope gain).
    ///   - fading: H = h·S, E[H] = 1.
    ///   - noise: W = N₀/P [linear, units of g], ≥ 0, finite.
    public static func rayleigh(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        try Validate.rayleighSmallScale(fading, otherwise: "route (f) needs Rayleigh small-scale fading")
        if threshold == 0 { return .certain }
        let field = InterferenceField(pathGain: pathGain, fading: fading, density: density)
        let q = fading.shadowingQuadrature
        let scale = 2 * Double.pi * density
        var innerError = 0.0
        let r = pathGain.integrateOverDistance(from: 0, absTol: 1e-11 / scale, relTol: 1e-9) { x in
            let g = pathGain.gain(atDistance: x)
            let pdf = x * exp(-Double.pi * density * x * x)
            if pdf == 0 { return 0 }
            if !g.isFinite { return pdf }
            // The weight of a node in the outer integral: scale·x·pdf.
            let e = field.shadowAveragedCoverage(
                threshold: threshold, gain: g, noise: noise, beyond: x, quadrature: q, errorWeight: scale * x * pdf)
            innerError = max(innerError, e.worstError)
            return pdf * e.value
        }
        return AnalyticValue(
            value: scale * r.value, absError: scale * r.error + innerError, method: .multiSlopeRayleigh)
    }

    /// (g) General fading with a density (Rayleigh or Nakagami h, any S), any g, by Gil-Pelaez
    /// (Di Renzo–Guan approach; conditional form derived, docs/DENSIFICATION.md#route-g-gil-pelaez):
    ///
    ///     P(SINR > T | r) = ½ + (1/π) ∫_0^∞ Im[φ_H(u) φ_{I_r}(−Tu/g(r)) e^{−iuTW/g(r)}]/u du
    ///     φ_{I_r}(ω) = exp(2πλ ∫_r^∞ (φ_H(ω g(x)) − 1) x dx),   r ~ 2πλ r e^{−πλr²}
    ///
    /// Single slope: χ(−Tu/g(r), r) = 2πλr²ψ(u), so averaging over v = πλr² first gives
    ///     P_c = ½ + (1/π) ∫_0^∞ Im[φ_H(u) M(u)]/u du,   ψ(u) = ∫_1^∞ (φ_H(−Tu t^{−α}) − 1) t dt
    ///     M(u) = ∫_0^∞ e^{−v(1−2ψ(u))} e^{−iuTW(v/(πλ))^{α/2}} dv   (= 1/(1 − 2ψ(u)) at W = 0, λ-free)
    /// Multi-slope: the r, u, x integrals are nested (slow: seconds per value).
    /// - Parameter accuracy: absolute tolerance of the inversion integrals (default 1e-8).
    /// - Throws: `.analyticUnavailable` for h ≡ 1 (φ_H does not decay; nearest = strongest without shadowing).
    /// - Parameters:
    ///   - density: λ [BSs per unit area], > 0, finite.
    ///   - threshold: T [linear SINR], ≥ 0, finite.
    ///   - pathGain: g (validated multi-slope gain).
    ///   - fading: H = h·S, E[H] = 1.
    ///   - noise: W = N₀/P [linear, units of g], ≥ 0, finite.
    public static func gilPelaez(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double,
        accuracy: Double = 1e-10
    ) throws(DensificationError) -> AnalyticValue {
        try gilPelaez(
            density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise,
            accuracy: accuracy, table: nil)
    }

    /// `gilPelaez` with the single-slope table F(a) of (H, δ) given (built here when nil or of another law).
    static func gilPelaez(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double,
        accuracy: Double = 1e-10, table: CharacteristicIntegralTable?
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        if case .none = fading.smallScale {
            throw DensificationError.analyticUnavailable(
                reason: "Gil-Pelaez nearest route needs small-scale fading with a density")
        }
        if threshold == 0 { return .certain }
        if pathGain.isSingleSlope {
            let alpha = pathGain.farFieldExponent
            let delta = 2 / alpha
            let table =
                table.flatMap { $0.isTable(of: fading, delta: delta) ? $0 : nil }
                ?? CharacteristicIntegralTable(fading: fading, delta: delta)
            let noiseScale = threshold * noise * pow(Double.pi * density, -alpha / 2)
            var inner = 0.0
            let gp = GilPelaez.imaginaryPartIntegral(
                scales: [1, 1 / threshold, noiseScale > 0 ? 1 / noiseScale : 0], absTol: accuracy
            ) { u in
                let psi = psiSingleSlope(u: u, threshold: threshold, table: table)
                let decay = Complex<Double>(1, 0) - psi.value.multiplied(by: 2)
                // Effect of ψ's error on the integrand: |φ_H| · 2 δψ / |1 − 2ψ|².
                let squared = decay.real * decay.real + decay.imaginary * decay.imaginary
                inner = max(inner, fading.characteristicFunction(u).length * 2 * psi.error / squared)
                if noiseScale == 0 { return fading.characteristicFunction(u) / decay }
                // M(u) = ∫_0^∞ e^{−v(1−2ψ)} e^{−iu T W (v/(πλ))^{α/2}} dv, v = πλr².
                let upper = 60 / decay.real
                let re = Integration.integrate(from: 0, to: upper, absTol: accuracy / 10, relTol: 1e-10) { v in
                    exp(-v * decay.real) * cos(v * decay.imaginary + u * noiseScale * pow(v, alpha / 2))
                }
                let im = Integration.integrate(from: 0, to: upper, absTol: accuracy / 10, relTol: 1e-10) { v in
                    -exp(-v * decay.real) * sin(v * decay.imaginary + u * noiseScale * pow(v, alpha / 2))
                }
                return fading.characteristicFunction(u) * Complex(re.value, im.value)
            }
            return try checkedGilPelaez(gp, innerError: inner, threshold: threshold)
        }
        let field = InterferenceField(pathGain: pathGain, fading: fading, density: density)
        let scale = 2 * Double.pi * density
        var innerError = 0.0
        var nonFinite = false
        let r = pathGain.integrateOverDistance(from: 0, absTol: accuracy / scale, relTol: accuracy * 10) { x in
            let pdf = x * exp(-Double.pi * density * x * x)
            if pdf == 0 { return 0 }
            let g = pathGain.gain(atDistance: x)
            if !g.isFinite { return pdf }
            let c = threshold / g
            let meanInterference = scale * pathGain.tailIntegral(from: x)
            let gp = GilPelaez.imaginaryPartIntegral(
                scales: [1, 1 / (c * meanInterference), noise > 0 ? 1 / (c * noise) : 0], absTol: accuracy
            ) { u in
                let chi = field.characteristicExponent(-u * c, beyond: x)
                let noisePhase = Complex<Double>(cos(u * c * noise), -sin(u * c * noise))
                return fading.characteristicFunction(u) * noisePhase * Complex.expOf(chi)
            }
            if !gp.error.isFinite { nonFinite = true }
            innerError = max(innerError, gp.error / Double.pi)
            return pdf * min(1, max(0, 0.5 + gp.value / Double.pi))
        }
        if nonFinite {
            throw DensificationError.numericalFailure(
                reason: "Gil-Pelaez integrand is not finite at T = \(threshold) (nearest, multi-slope)")
        }
        return AnalyticValue(value: scale * r.value, absError: scale * r.error + innerError, method: .gilPelaezNearest)
    }

    /// ½ + GP/π with its error; a non-finite integrand is an error, and a value pushed outside [0, 1] by rounding
    /// is clamped only within its error estimate.
    static func checkedGilPelaez(_ gp: IntegrationResult, innerError: Double, threshold: Double)
        throws(DensificationError)
        -> AnalyticValue
    {
        guard gp.value.isFinite, gp.error.isFinite else {
            throw DensificationError.numericalFailure(
                reason: "Gil-Pelaez integrand is not finite at T = \(threshold) (nearest)")
        }
        let error = gp.error / Double.pi + 1e-15 + 10 * innerError / Double.pi
        let raw = 0.5 + gp.value / Double.pi
        guard raw > -error, raw < 1 + error else {
            throw DensificationError.numericalFailure(
                reason: "Gil-Pelaez coverage \(raw) at T = \(threshold) is outside [0, 1] beyond its error \(error)")
        }
        return AnalyticValue(value: min(1, max(0, raw)), absError: error, method: .gilPelaezNearest)
    }

    /// ψ(u) = ∫_1^∞ (φ_H(−Tu t^{−α}) − 1) t dt, by z = Tu·t^{−α}:
    ///
    ///     ψ = (δ/2) a^δ F(a),  F(a) = ∫_0^a (φ_H(−z) − 1) z^{−δ−1} dz,  a = Tu   (`CharacteristicIntegralTable`)
    ///
    /// The error is the table's rounding (relative ~1e−14).
    static func psiSingleSlope(u: Double, threshold: Double, table: CharacteristicIntegralTable)
        -> (value: Complex<Double>, error: Double)
    {
        let a = threshold * u
        let delta = table.delta
        let f = table.value(a)
        let factor = delta / 2 * pow(a, delta)
        let v = Complex(factor * f.real, factor * f.imaginary)
        return (v, 1e-14 * v.length)
    }
}
