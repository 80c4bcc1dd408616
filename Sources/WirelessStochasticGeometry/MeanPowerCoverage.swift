import Foundation
import WirelessCore

/// Mean-power association (serving BS = argmax S_i g(|X_i|)) with Rayleigh small-scale fading h, log-normal
/// shadowing S and any multi-slope g (docs/DENSIFICATION.md#route-choice, mean-power form; derived).
///
/// The mean-power process Ξ_S = {S_i g(|X_i|)} is a PPP on (0, ∞) with
///
///     Λ̄_S(y) = Λ_S((y,∞)) = λπ E[g⁻¹(y/S)²]
///            = λπ Σ_{k: α_k > 0} (y/K_k)^{−δ_k} E[S^{δ_k} 1{y/g(R_k) < S ≤ y/g(R_{k+1})}],   δ_k = 2/α_k
///     E[S^p 1{S ≤ b}] = E[S^p] Φ((ln b + σ²/2 − pσ²)/σ)                (log-normal partial moment, exact)
///
/// Condition on the serving mean power y = Λ̄_S⁻¹(u), u ~ Exp(1); the other BSs are the points below y and
/// carry independent Exp(1) fading, so
///
///     P_c = ∫_0^∞ e^{−u} e^{−TW/y} exp(−E_S[2πλ ∫_{g⁻¹(y/S)}^∞ x T S g(x)/(y + T S g(x)) dx]) du,  y = y(u)
///
/// The x-integral is closed form per segment (`RayleighInterferenceIntegral`); E_S is an adaptive integral
/// over the normal variable of ln S, split where g⁻¹(y/S) crosses a breakpoint. S ≡ 1 gives the nearest-BS
/// form of (f); single slope gives ABG at density λE[S^δ].
public enum MeanPowerCoverage {
    /// P_c for mean-power association with Rayleigh h.
    ///
    /// - Parameters:
    ///   - density: λ [BSs per unit area], > 0, finite.
    ///   - threshold: T [linear SINR], ≥ 0, finite.
    ///   - pathGain: g (validated multi-slope gain).
    ///   - fading: H = h·S with h Rayleigh, any σ_dB ≥ 0.
    ///   - noise: W = N₀/P [linear, units of g], ≥ 0, finite.
    /// - Throws: `.analyticUnavailable` when h is not Rayleigh; validation errors.
    public static func rayleigh(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        try Validate.rayleighSmallScale(
            fading, otherwise: "mean-power association with multi-slope path loss needs Rayleigh small-scale fading")
        if threshold == 0 { return .certain }
        let process = MeanPowerProcess(pathGain: pathGain, sigma: fading.shadowingSigma, density: density)
        var innerError = 0.0
        let r = Integration.integrate(from: 0, to: .infinity, absTol: 1e-11, relTol: 1e-10, maxIntervals: 300) { u in
            let y = process.inverseTail(u)
            guard y > 0, y.isFinite else { return 0 }
            let exponent = process.interferenceExponent(threshold: threshold, servingPower: y)
            innerError = max(innerError, exponent.error)
            return exp(-u - threshold * noise / y - exponent.value)
        }
        return AnalyticValue(
            value: r.value, absError: r.error + innerError + 1e-13, method: .meanPowerRayleigh)
    }
}

/// The mean-power process Ξ_S of a multi-slope network with mean-1 log-normal shadowing (σ in nepers).
struct MeanPowerProcess {
    let pathGain: MultiSlopePathGain
    let sigma: Double
    let density: Double

    /// g(R_k), k = 0 … N (g(R_0) = g(0), ∞ when α_0 > 0; g(R_N) = 0).
    var boundaryGains: [Double] {
        var out = [pathGain.exponents[0] > 0 ? Double.infinity : pathGain.coefficients[0]]
        for r in pathGain.breakpoints { out.append(pathGain.gain(atDistance: r)) }
        out.append(0)
        return out
    }

    /// E[S^p 1{a < S ≤ b}] for the mean-1 log-normal S (S ≡ 1 when σ = 0).
    func partialMoment(_ p: Double, above a: Double, upTo b: Double) -> Double {
        guard b > a else { return 0 }
        if sigma == 0 { return (a < 1 && 1 <= b) ? 1 : 0 }
        let mean = exp(sigma * sigma * p * (p - 1) / 2)
        func cdf(_ x: Double) -> Double {
            if x <= 0 { return 0 }
            if !x.isFinite { return 1 }
            return SpecialFunctions.normalCDF((log(x) + sigma * sigma / 2 - p * sigma * sigma) / sigma)
        }
        return mean * max(0, cdf(b) - cdf(a))
    }

    /// Λ̄_S(y) = λπ E[g⁻¹(y/S)²].
    func tail(_ y: Double) -> Double {
        let gains = boundaryGains
        var total = 0.0
        for k in 0..<pathGain.slopeCount where pathGain.exponents[k] > 0 {
            let d = 2 / pathGain.exponents[k]
            let lower = gains[k].isInfinite ? 0 : y / gains[k]
            let upper = gains[k + 1] == 0 ? Double.infinity : y / gains[k + 1]
            let part = partialMoment(d, above: lower, upTo: upper)
            if part > 0 { total += exp(-d * log(y / pathGain.coefficients[k])) * part }
        }
        return Double.pi * density * total
    }

    /// y with Λ̄_S(y) = u (Λ̄_S decreases from ∞ to 0), by bisection in ln y.
    func inverseTail(_ u: Double) -> Double {
        var lo = 0.0
        var hi = 0.0
        while tail(exp(lo)) < u && lo > -1400 { lo -= 20 }
        while tail(exp(hi)) > u && hi < 1400 { hi += 20 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if tail(exp(mid)) > u { lo = mid } else { hi = mid }
            if hi - lo < 1e-13 * max(1, abs(mid)) { break }
        }
        return exp((lo + hi) / 2)
    }

    /// E_S[2πλ ∫_{g⁻¹(y/S)}^∞ x T S g(x)/(y + T S g(x)) dx]: the Laplace exponent of the interference at T/y.
    func interferenceExponent(threshold: Double, servingPower y: Double) -> IntegrationResult {
        let scale = 2 * Double.pi * density
        func given(_ s: Double) -> Double {
            let start = pathGain.inverse(y / s)
            var total = 0.0
            for k in pathGain.segmentIndex(start)..<pathGain.slopeCount {
                let lo = max(start, pathGain.segmentStart(k))
                let hi = pathGain.segmentEnd(k)
                let c = threshold * s * pathGain.coefficients[k] / y
                if let v = RayleighInterferenceIntegral.segment(
                    from: lo, to: hi, exponent: pathGain.exponents[k], c: c)
                {
                    total += v
                } else {
                    let alpha = pathGain.exponents[k]
                    let q = Integration.integrate(from: log(max(lo, 1e-300)), to: log(hi), absTol: 1e-14, relTol: 1e-11)
                    { t in
                        let x = exp(t)
                        return x * x / (1 + pow(x, alpha) / c)
                    }
                    total += q.value
                }
            }
            return scale * total
        }
        if sigma == 0 { return IntegrationResult(value: given(1), error: 1e-13 * given(1)) }
        // z ~ N(0,1), S = exp(σz − σ²/2); cut where y/S crosses a boundary gain.
        var cuts: [Double] = []
        for g in boundaryGains where g > 0 && g.isFinite {
            cuts.append((log(y / g) + sigma * sigma / 2) / sigma)
        }
        cuts = cuts.filter { $0.isFinite }.sorted()
        let edges = [-Double.infinity] + cuts + [Double.infinity]
        var total = IntegrationResult.zero
        for i in 0..<(edges.count - 1) where edges[i + 1] > edges[i] {
            total =
                total
                + Integration.integrate(from: edges[i], to: edges[i + 1], absTol: 1e-12, relTol: 1e-11) { z in
                    let w = SpecialFunctions.normalPDF(z)
                    if w == 0 { return 0 }
                    return w * given(exp(sigma * z - sigma * sigma / 2))
                }
        }
        return total
    }
}
