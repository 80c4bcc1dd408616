import Foundation
import Numerics
import WirelessCore

/// Coverage under strongest-instantaneous association (docs/DENSIFICATION.md#route-c-dhillon,
/// docs/DENSIFICATION.md#route-d-kbk, docs/DENSIFICATION.md#route-e-mecke).
public enum StrongestCellCoverage {
    /// (c) Dhillon, Ganti, Baccelli, Andrews (IEEE JSAC 30(3), 2012), single slope, T ≥ 1, W = 0, any H with E[H^δ] < ∞:
    ///
    ///     P_c = T^{−δ} / (Γ(1+δ)Γ(1−δ)) = sinc(δ) T^{−δ},   δ = 2/α
    ///
    /// independent of λ and of the fading law.
    /// - Throws: `.closedFormOutOfDomain` for T < 1; `.lastExponentNotAboveTwo` for α ≤ 2.
    public static func dhillonClosedForm(threshold: Double, exponent: Double) throws(DensificationError)
        -> AnalyticValue
    {
        try Validate.threshold(threshold)
        guard exponent.isFinite, exponent > 2 else { throw DensificationError.lastExponentNotAboveTwo(value: exponent) }
        guard threshold >= 1 else {
            throw DensificationError.closedFormOutOfDomain(
                reason: "Dhillon's closed form needs T ≥ 1 (got \(threshold))")
        }
        let delta = 2 / exponent
        return AnalyticValue(
            value: SpecialFunctions.sinc(delta) * pow(threshold, -delta), absError: 1e-15, method: .dhillonClosedForm)
    }

    /// Largest n handled by the inclusion–exclusion sum (T ≥ 1/maxTerms).
    public static let kbkMaxTerms = 32

    /// (d) Keeler–Błaszczyszyn–Karray inclusion–exclusion (ISIT 2013), single slope, all T ≥ 1/32, W ≥ 0, k = 1:
    ///
    ///     P_c(T) = Σ_{n=1}^{⌈1/T⌉} (−1)^{n−1} S_n(T_n),   T_n = T/(1 − (n−1)T)
    ///     S_n(t) = t^{−2n/α} I_n(x) J_n(t),   a = λπE[H^δ],  x = W a^{−α/2},  C' = Γ(1+δ)Γ(1−δ)
    ///     I_n(x) = 2^n/(α^{n−1} C'^n (n−1)!) ∫_0^∞ u^{2n−1} exp(−u² − u^α x Γ(1−δ)^{−α/2}) du
    ///     J_1 = 1,   J_n(t) = ((1+nt)/n) ∫_{[0,1]^{n−1}} Π_{i<n} v_i^{i(δ+1)−1}(1−v_i)^δ / Π_{i≤n}(t+η_i) dv
    ///
    /// J_2 uses ∫_0^1 (v(1−v))^δ/(v+t) dv; n = 3 nested adaptive Gauss–Kronrod; n ≥ 4 a randomly shifted
    /// Kronecker lattice (2^14 points × 8 shifts; error from the shift spread). Prefactors in log space. J_n
    /// depends on T only: a sweep reuses them through `CoveragePlan`, which computes them once per threshold.
    /// - Throws: `.closedFormOutOfDomain` when T < 1/32 or the path gain is multi-slope; `.fadingMomentInfinite`.
    /// - Parameters:
    ///   - density: λ [per unit area], > 0.
    ///   - threshold: T [linear], ≥ 1/32.
    ///   - exponent: α [dimensionless], > 2 (single slope).
    ///   - fading: H, E[H^{2/α}] < ∞.
    ///   - noise: W [linear], ≥ 0.
    public static func keelerInclusionExclusion(
        density: Double, threshold: Double, exponent: Double, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        try keelerInclusionExclusion(
            density: density, threshold: threshold, exponent: exponent, fading: fading, noise: noise, plan: nil)
    }

    /// `keelerInclusionExclusion` taking J_n from `plan` where it holds them (computed here otherwise).
    static func keelerInclusionExclusion(
        density: Double, threshold: Double, exponent: Double, fading: FadingModel, noise: Double, plan: CoveragePlan?
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        guard exponent.isFinite, exponent > 2 else { throw DensificationError.lastExponentNotAboveTwo(value: exponent) }
        if threshold == 0 { return .certain }
        let nMax = Int((1 / threshold).rounded(.up))
        guard nMax <= kbkMaxTerms else {
            throw DensificationError.closedFormOutOfDomain(
                reason: "inclusion–exclusion limited to T ≥ 1/\(kbkMaxTerms)")
        }
        let delta = 2 / exponent
        let moment = fading.moment(order: delta)
        guard moment.isFinite else { throw DensificationError.fadingMomentInfinite(order: delta) }
        let a = density * Double.pi * moment
        let x = noise * pow(a, -exponent / 2)
        let cPrime = SpecialFunctions.gamma(1 + delta) * SpecialFunctions.gamma(1 - delta)
        var total = 0.0
        var error = 0.0
        for n in 1...max(1, nMax) {
            let tn = threshold / (1 - Double(n - 1) * threshold)
            let iN = kbkI(n: n, x: x, exponent: exponent, cPrime: cPrime)
            let jN = plan?.inclusionExclusionJ(n: n, t: tn, delta: delta) ?? kbkJ(n: n, t: tn, delta: delta)
            let logPrefix = -2 * Double(n) / exponent * log(tn)
            let s = exp(logPrefix) * iN.value * jN.value
            let sErr = exp(logPrefix) * (iN.error * jN.value + iN.value * jN.error)
            total += (n % 2 == 1 ? 1 : -1) * s
            error += sErr
        }
        return AnalyticValue(value: total, absError: error + 1e-14, method: .kbkInclusionExclusion)
    }

    static func kbkI(n: Int, x: Double, exponent: Double, cPrime: Double) -> IntegrationResult {
        let dn = Double(n)
        let logPrefactor = dn * log(2.0) - (dn - 1) * log(exponent) - dn * log(cPrime) - SpecialFunctions.logGamma(dn)
        if x == 0 {
            // ∫ u^{2n−1} e^{−u²} du = Γ(n)/2.
            return IntegrationResult(value: exp(logPrefactor + SpecialFunctions.logGamma(dn) - log(2.0)), error: 0)
        }
        let delta = 2 / exponent
        let c = x * pow(SpecialFunctions.gamma(1 - delta), -exponent / 2)
        // Integrate in s = ln u with the log-integrand shifted by the prefactor (no overflow for large n).
        let r = Integration.integrate(from: -.infinity, to: .infinity, absTol: 1e-15, relTol: 1e-11) { s in
            let u = exp(s)
            return exp(logPrefactor + 2 * dn * s - u * u - c * pow(u, exponent))
        }
        return r
    }

    static func kbkJ(n: Int, t: Double, delta: Double) -> IntegrationResult {
        switch n {
        case 1:
            return IntegrationResult(value: 1, error: 0)
        case 2:
            return Integration.integrate(from: 0, to: 1, absTol: 1e-14, relTol: 1e-12) { v in
                pow(v * (1 - v), delta) / (v + t)
            }
        case 3:
            var v = [Double](repeating: 0, count: n - 1)
            let r = nestedJ(level: 0, n: n, t: t, delta: delta, v: &v)
            let scale = (1 + Double(n) * t) / Double(n)
            return IntegrationResult(value: scale * r.value, error: scale * r.error)
        default:
            return latticeJ(n: n, t: t, delta: delta)
        }
    }

    /// The arguments of one J_n(t) of the inclusion–exclusion route (δ = 2/α).
    struct JKey: Hashable, Sendable {
        let n: Int
        let t: Double
        let delta: Double
    }

    /// The J_n (n ≥ 3, the costly ones) that `keelerInclusionExclusion` needs at `threshold`.
    static func costlyJKeys(threshold: Double, delta: Double) -> [JKey] {
        guard threshold >= 1 / Double(kbkMaxTerms) else { return [] }
        let nMax = Int((1 / threshold).rounded(.up))
        guard nMax >= 3 else { return [] }
        return (3...nMax).map { n in JKey(n: n, t: threshold / (1 - Double(n - 1) * threshold), delta: delta) }
    }

    /// The J_n integrand at v ∈ (0,1)^{n−1}.
    @inline(__always)
    static func jIntegrand(_ v: UnsafeBufferPointer<Double>, n: Int, t: Double, delta: Double) -> Double {
        var numerator = 1.0
        for i in 1..<n {
            let vi = v[i - 1]
            numerator *= pow(vi, Double(i) * (delta + 1) - 1) * pow(1 - vi, delta)
        }
        // η_1 = Π_{j<n} v_j, η_i = (1 − v_{i−1}) Π_{j=i}^{n−1} v_j, η_n = 1 − v_{n−1}.
        var denominator = 1.0
        var suffix = 1.0  // Π_{j=i}^{n−1} v_j built from the top
        denominator *= t + (1 - v[n - 2])  // η_n
        for i in stride(from: n - 1, through: 2, by: -1) {
            suffix *= v[i - 1]
            denominator *= t + (1 - v[i - 2]) * suffix
        }
        suffix *= v[0]
        denominator *= t + suffix  // η_1
        return numerator / denominator
    }

    static func nestedJ(level: Int, n: Int, t: Double, delta: Double, v: inout [Double]) -> IntegrationResult {
        let tol = level == 0 ? 1e-10 : 1e-11
        var inner = IntegrationResult.zero
        var innerError = 0.0
        let r = Integration.integrate(from: 0, to: 1, absTol: tol, relTol: 1e-9, maxIntervals: 200) { x in
            v[level] = x
            if level == n - 2 {
                return v.withUnsafeBufferPointer { jIntegrand($0, n: n, t: t, delta: delta) }
            }
            inner = nestedJ(level: level + 1, n: n, t: t, delta: delta, v: &v)
            innerError = max(innerError, inner.error)
            return inner.value
        }
        return IntegrationResult(value: r.value, error: r.error + innerError)
    }

    static func latticeJ(n: Int, t: Double, delta: Double) -> IntegrationResult {
        let dims = n - 1
        let points = 1 << 14
        let shifts = 8
        // Kronecker generators: fractional parts of √p for the first primes.
        let primes: [Double] = [
            2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
            89, 97, 101, 103, 107, 109, 113, 127,
        ]
        let alphas = (0..<dims).map { primes[$0].squareRoot().truncatingRemainder(dividingBy: 1) }
        var generator = SplitMix64(seed: 0x5EED_0000 &+ UInt64(n))
        var estimates: [Double] = []
        var v = [Double](repeating: 0, count: dims)
        for _ in 0..<shifts {
            let shift = (0..<dims).map { _ in generator.nextUnitDouble() }
            var sum = 0.0
            for k in 1...points {
                for d in 0..<dims {
                    // Baker's (tent) transform improves the lattice rule on non-periodic integrands.
                    let u = (Double(k) * alphas[d] + shift[d]).truncatingRemainder(dividingBy: 1)
                    v[d] = min(max(1 - abs(2 * u - 1), 1e-300), 1 - 1e-16)
                }
                sum += v.withUnsafeBufferPointer { jIntegrand($0, n: n, t: t, delta: delta) }
            }
            estimates.append(sum / Double(points))
        }
        let mean = estimates.reduce(0, +) / Double(shifts)
        let variance = estimates.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(shifts - 1)
        let scale = (1 + Double(n) * t) / Double(n)
        return IntegrationResult(value: scale * mean, error: scale * 3 * (variance / Double(shifts)).squareRoot())
    }

    /// (e) Mecke route for T ≥ 1 (at most one BS can exceed SINR 1), any g, any H:
    ///
    ///     Rayleigh h (any S):  P_c = 2πλ ∫_0^∞ r E_S[e^{−TW/(S g(r))} L_I(T/(S g(r)))] dr
    ///     other H, single slope: the Rayleigh value at density λE[H^δ]/Γ(1+δ) (same propagation process)
    ///
    /// The general-H multi-slope form 2πλ∫ r E_H[F_I(Hg(r)/T − W)] dr (Gil-Pelaez) is not implemented:
    /// such cases throw `.analyticUnavailable` (Monte-Carlo only).
    /// For T < 1 this integral is E[#BSs with SINR > T] (may exceed 1), so it is refused.
    /// - Throws: `.closedFormOutOfDomain` for T < 1.
    /// - Parameters:
    ///   - density: λ [BSs per unit area], > 0, finite.
    ///   - threshold: T [linear], ≥ 1.
    ///   - pathGain: g (validated multi-slope gain).
    ///   - fading: H = h·S, E[H] = 1.
    ///   - noise: W = N₀/P [linear, units of g], ≥ 0, finite.
    public static func mecke(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        guard threshold >= 1 else {
            throw DensificationError.closedFormOutOfDomain(reason: "the Mecke route gives P_c only for T ≥ 1")
        }
        let moment = fading.moment(order: 2 / pathGain.farFieldExponent)
        guard moment.isFinite else {
            throw DensificationError.fadingMomentInfinite(order: 2 / pathGain.farFieldExponent)
        }
        let field = InterferenceField(pathGain: pathGain, fading: fading, density: density)
        let scale = 2 * Double.pi * density
        if fading.hasRayleighSmallScale {
            let q = fading.shadowingQuadrature
            var innerError = 0.0
            let r = pathGain.integrateOverDistance(from: 0, absTol: 1e-10 / scale, relTol: 1e-9) { x in
                let e = field.shadowAveragedCoverage(
                    threshold: threshold, gain: pathGain.gain(atDistance: x), noise: noise, beyond: 0, quadrature: q,
                    errorWeight: scale * x * x)
                innerError = max(innerError, e.worstError)
                return x * e.value
            }
            return AnalyticValue(
                value: scale * r.value, absError: scale * r.error + innerError, method: .meckeLaplace)
        }
        guard pathGain.isSingleSlope else {
            throw DensificationError.analyticUnavailable(
                reason: "strongest-BS coverage with multi-slope path loss needs Rayleigh small-scale fading")
        }
        // Single slope: the propagation process depends on H only through λE[H^δ]
        // (docs/DENSIFICATION.md#route-a-propagation-process), so the
        // Rayleigh result at density λE[H^δ]/Γ(1+δ) is exact for any H (noise included).
        let delta = 2 / pathGain.farFieldExponent
        let equivalent = density * moment / SpecialFunctions.gamma(1 + delta)
        return try mecke(density: equivalent, threshold: threshold, pathGain: pathGain, fading: .rayleigh, noise: noise)
    }
}
