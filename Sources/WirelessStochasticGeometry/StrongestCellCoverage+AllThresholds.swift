import Foundation
import Numerics
import WirelessCore

extension StrongestCellCoverage {
    /// (i) Strongest BS at every threshold T > 0 (docs/DENSIFICATION.md#route-i-strongest-bs-at-every-threshold;
    /// derived). The received powers form a Poisson process with tail Λ̄(y) = λπE[g⁻¹(y/H)²]; its largest point
    /// Y has Λ̄(Y) = U ~ Exp(1), and given Y = y the other powers are the process restricted to (0, y), whose
    /// sum Z_y has E[e^{−sZ_y/y}] = exp(E(s; y)), E(s; y) = ∫_0^y (e^{−sv/y} − 1) Λ(dv). The strongest BS covers
    /// iff Y > T(Z_y + W), so
    ///
    ///     P_c = ∫_0^∞ e^{−u} F_y(1/T − W/y) du,   y = Λ̄⁻¹(u),   F_y the CDF of Z_y/y (Laplace inversion)
    ///
    /// Single slope (any H with E[H^δ] < ∞): Λ̄(y) = a y^{−δ}, a = λπE[H^δ], and E(s; y) = u·D_δ(s) with
    /// D_δ(s) = 1 − e^{−s} − s^δγ(1−δ, s); at W = 0 the u-integral is closed: P_c = F(1/T) for the law with
    /// Laplace transform 1/(e^{−s} + s^δγ(1−δ, s)) (free of λ and H). Multi-slope (Rayleigh h, any S):
    ///
    ///     E(s; y) = 2πλ ∫_0^∞ x E_S[ −σ/(1+σ) − e^{−c}(e^{−s}/(1+σ) − 1) ] dx,   c = y/(S g(x)),  σ = s S g(x)/y
    ///     Λ̄(y)   = 2πλ ∫_0^∞ x E_S[e^{−y/(S g(x))}] dx
    ///
    /// F_y by `LaplaceInversion.cdf` (Euler), the u-integral by adaptive Gauss–Kronrod.
    /// - Throws: `.analyticUnavailable` for multi-slope g without Rayleigh small-scale fading;
    ///   `.fadingMomentInfinite`; `.numericalFailure` when a value or its error is not finite.
    /// - Parameters:
    ///   - density: λ [per unit area], > 0, finite.
    ///   - threshold: T [linear], > 0, finite.
    ///   - pathGain: g (validated multi-slope gain).
    ///   - fading: H = h·S, E[H] = 1.
    ///   - noise: W [linear, units of g], ≥ 0, finite.
    public static func conditionalOnStrongest(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.density(density)
        try Validate.threshold(threshold)
        try Validate.noise(noise)
        if threshold == 0 { return AnalyticValue(value: 1, absError: 0, method: .trivial) }
        let v: AnalyticValue
        if pathGain.isSingleSlope {
            v = try singleSlopeConditional(
                density: density, threshold: threshold, exponent: pathGain.farFieldExponent, fading: fading,
                noise: noise)
        } else {
            guard fading.hasRayleighSmallScale else {
                throw DensificationError.analyticUnavailable(
                    reason:
                        "strongest-BS coverage with multi-slope path loss below T = 1 needs Rayleigh small-scale fading")
            }
            v = multiSlopeConditional(
                density: density, threshold: threshold, pathGain: pathGain, fading: fading, noise: noise)
        }
        guard v.value.isFinite, v.absError.isFinite else {
            throw DensificationError.numericalFailure(
                reason: "strongest-BS coverage at T = \(threshold) (conditional on the strongest power) is not finite")
        }
        return AnalyticValue(value: min(1, max(0, v.value)), absError: v.absError, method: v.method)
    }

    static func singleSlopeConditional(
        density: Double, threshold: Double, exponent: Double, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        let delta = 2 / exponent
        if noise == 0 {
            let f = LaplaceInversion.cdf(at: 1 / threshold) { s in
                let one = Complex.expOf(Complex(-s.real, -s.imaginary)) + LaplaceInversion.truncatedGamma(s, delta: delta)
                return Complex(1, 0) / one
            }
            return AnalyticValue(value: f.value, absError: f.error, method: .strongestConditional)
        }
        let moment = fading.moment(order: delta)
        guard moment.isFinite else { throw DensificationError.fadingMomentInfinite(order: delta) }
        let a = density * Double.pi * moment
        // x(u) = 1/T − W (u/a)^{α/2} > 0 iff u < a (TW)^{−δ}; e^{−u} < 1e−22 beyond u = 50.
        let uMax = min(50, a * pow(threshold * noise, -delta))
        var worst = 0.0
        let r = Integration.integrate(from: 0, to: uMax, absTol: 1e-10, relTol: 1e-9, maxIntervals: 200) { u in
            let x = 1 / threshold - noise * pow(u / a, exponent / 2)
            let f = LaplaceInversion.cdf(at: x) { s in
                Complex.expOf(LaplaceInversion.truncatedKernel(s, delta: delta).multiplied(by: u))
            }
            worst = max(worst, f.error)
            return exp(-u) * f.value
        }
        return AnalyticValue(value: r.value, absError: r.error + worst, method: .strongestConditional)
    }

    static func multiSlopeConditional(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) -> AnalyticValue {
        let q = fading.shadowingQuadrature
        let scale = 2 * Double.pi * density
        // Λ̄(y) = 2πλ ∫ x E_S[e^{−y/(S g(x))}] dx, decreasing from ∞ to 0.
        func tail(_ y: Double) -> Double {
            let cut = pathGain.inverse(y)
            let r = integrateLogDistance(pathGain: pathGain, extraCut: cut, absTol: 1e-13, relTol: 1e-11) { x in
                let g = pathGain.gain(atDistance: x)
                var e = 0.0
                for i in q.values.indices { e += q.weights[i] * exp(-y / (q.values[i] * g)) }
                return x * e
            }
            return scale * r.value
        }
        func inverseTail(_ u: Double) -> Double {
            var lo = 0.0
            var hi = 0.0
            while tail(exp(lo)) < u && lo > -1400 { lo -= 10 }
            while tail(exp(hi)) > u && hi < 1400 { hi += 10 }
            while hi - lo > 1e-12 * max(1, abs(lo)) {
                let mid = (lo + hi) / 2
                if tail(exp(mid)) > u { lo = mid } else { hi = mid }
            }
            return exp((lo + hi) / 2)
        }
        // E(s; y) by two real quadratures over ln x, cut at the breakpoints and at g⁻¹(y).
        func exponent(_ s: Complex<Double>, _ y: Double) -> Complex<Double> {
            let cut = pathGain.inverse(y)
            let es = Complex.expOf(Complex(-s.real, -s.imaginary))
            func psi(_ x: Double) -> Complex<Double> {
                let g = pathGain.gain(atDistance: x)
                var total = Complex<Double>.zero
                for i in q.values.indices {
                    let sg = q.values[i] * g
                    let c = y / sg
                    let sigma = s.multiplied(by: sg / y)
                    let onePlus = Complex(1, 0) + sigma
                    var v = Complex(0, 0) - sigma / onePlus
                    let ec = exp(-c)
                    if ec > 0 { v = v - (es / onePlus - Complex(1, 0)).multiplied(by: ec) }
                    total += v.multiplied(by: q.weights[i])
                }
                return total.multiplied(by: x)
            }
            let re = integrateLogDistance(pathGain: pathGain, extraCut: cut, absTol: 1e-11 / scale, relTol: 1e-9) {
                psi($0).real
            }
            let im = integrateLogDistance(pathGain: pathGain, extraCut: cut, absTol: 1e-11 / scale, relTol: 1e-9) {
                psi($0).imaginary
            }
            return Complex(scale * re.value, scale * im.value)
        }
        let uMax = noise > 0 ? min(50, tail(threshold * noise)) : 50
        var worst = 0.0
        let r = Integration.integrate(from: 0, to: uMax, absTol: 1e-9, relTol: 1e-8, maxIntervals: 200) { u in
            guard u > 0 else { return 0 }
            let y = inverseTail(u)
            let x = 1 / threshold - noise / y
            let f = LaplaceInversion.cdf(at: x) { s in Complex.expOf(exponent(s, y)) }
            worst = max(worst, f.error)
            return exp(-u) * f.value
        }
        return AnalyticValue(value: r.value, absError: r.error + worst, method: .strongestConditional)
    }

    /// ∫_0^∞ f(x) dx over ln x, cut at the breakpoints and at `extraCut` (ignored when 0 or ∞).
    static func integrateLogDistance(
        pathGain: MultiSlopePathGain, extraCut: Double, absTol: Double, relTol: Double, _ f: (Double) -> Double
    ) -> IntegrationResult {
        var cuts = pathGain.breakpoints.map { log($0) }
        if extraCut > 0 && extraCut.isFinite { cuts.append(log(extraCut)) }
        cuts.sort()
        let edges = [-Double.infinity] + cuts + [Double.infinity]
        var total = IntegrationResult.zero
        for i in 0..<(edges.count - 1) where edges[i + 1] > edges[i] {
            total =
                total
                + Integration.integrate(
                    from: edges[i], to: edges[i + 1], absTol: absTol / Double(edges.count - 1), relTol: relTol
                ) { t in
                    let x = exp(t)
                    let v = f(x) * x
                    return v.isFinite ? v : 0
                }
        }
        return total
    }
}
