import Foundation
import WirelessCore

/// A K-tier heterogeneous Poisson network with biased association (H.-S. Jo, Y. J. Sang, P. Xia,
/// J. G. Andrews, IEEE TWC 11(10):3484–3495, 2012, for a common α; tier-specific α_k as in S. Singh,
/// H. S. Dhillon, J. G. Andrews, "Offloading in heterogeneous networks: modeling, analysis, and design
/// insights", IEEE TWC 12(5):2484–2497, 2013; docs/DENSIFICATION.md#multi-tier-networks).
///
/// Tier k is a PPP of density λ_k whose BSs transmit P_k with path gain r^{−α_k}; every link has Rayleigh
/// fading h ~ Exp(1). A user associates with the BS of largest biased mean received power B_k·P_k·r^{−α_k}
/// (B_k = 1 everywhere is max-power association; a small-cell bias B_k > 1 offloads users).
///
/// **Common α** (every tier the network's `exponent`). With P̂_j = P_j/P_k, B̂_j = B_j/B_k and δ = 2/α, the joint
/// probability of being served by tier k and covered at SINR threshold T is
///
///     P_c,k(T) = πλ_k ∫_0^∞ exp(−π s C_k(T) − T W s^{α/2} / P_k) ds
///     C_k(T)   = Σ_j λ_j P̂_j^δ (B̂_j^δ + Z(T, α, B̂_j))
///     Z(T,α,B) = 2∫_{B^{1/α}}^∞ u/(1 + u^α/T) du = (2T/(α−2)) B^{δ−1} ₂F₁(1, 1−δ; 2−δ; −T/B)
///
/// (derived by conditioning on the serving distance; interferers of tier j lie beyond r·(P̂_jB̂_j)^{1/α}),
/// so without noise P_c,k = λ_k / C_k. The association probability is A_k = λ_k / Σ_j λ_j (P̂_jB̂_j)^δ.
///
/// **Tier-specific α_k** (no closed form in general). Conditioned on the serving distance r of tier k, the
/// tier-j BSs lie beyond d_j(r) = (P̂_jB̂_j)^{1/α_j}·r^{α_k/α_j}; the Laplace transform of each tier's
/// interference over that exclusion disc, at s = T r^{α_k}/P_k, is exp(−πλ_j P̂_j^{δ_j} Z(T, α_j, B̂_j)·r^{2α_k/α_j})
/// with δ_j = 2/α_j, and the serving distance has density 2πλ_k r·exp(−π Σ_j λ_j (P̂_jB̂_j)^{δ_j} r^{2α_k/α_j}).
/// With v = πr² and p_j = α_k/α_j this is the single integral over the serving distance
///
///     P_c,k(T) = λ_k ∫_0^∞ exp(−Σ_j a_j(T) v^{p_j} − (T W/P_k)(v/π)^{α_k/2}) dv
///     a_j(T)   = π^{1−p_j} λ_j P̂_j^{δ_j} (B̂_j^{δ_j} + Z(T, α_j, B̂_j))
///
/// (Singh–Dhillon–Andrews 2013, Lemma 1 and Theorem 1 in this notation), computed by adaptive Gauss–Kronrod on
/// v = s·x with s the root of Σ_j a_j s^{p_j} = 1 (so the integrand falls from 1 over x ≈ 1), and A_k the same
/// integral at T = 0. When every α_k is equal, p_j = 1 and it reduces to the closed form λ_k/C_k above.
///
/// Overall coverage is Σ_k P_c,k, and the mean rate of a tier-k user is (1/A_k)∫_0^∞ P_c,k(e^t − 1) dt
/// [nats/s/Hz]. One tier reduces to ABG: 1/(1 + ρ(T, α)).
public struct MultiTierNetwork: Sendable, Equatable, Codable {
    /// One tier of base stations.
    public struct Tier: Sendable, Equatable, Codable {
        /// λ_k [BSs per unit area], > 0.
        public var density: Double
        /// P_k [linear, any unit shared by every tier and the noise], > 0.
        public var transmitPower: Double
        /// B_k [linear], > 0 (1 = no bias).
        public var bias: Double
        /// α_k [dimensionless], > 2; nil = the network's common `exponent`.
        public var exponent: Double?

        public init(density: Double, transmitPower: Double, bias: Double = 1, exponent: Double? = nil) {
            self.density = density
            self.transmitPower = transmitPower
            self.bias = bias
            self.exponent = exponent
        }
    }

    /// The tiers, in the order of every per-tier output.
    public let tiers: [Tier]
    /// Path-loss exponent α of every tier without its own `Tier.exponent`, > 2.
    public let exponent: Double
    /// Noise power W [the tiers' power unit, after path gain at 1 unit of distance], ≥ 0.
    public let noise: Double

    /// - Throws: `.invalidDensity`, `.invalidSimulationParameter` for a non-positive power or bias or no tier,
    ///   `.lastExponentNotAboveTwo` for a common or tier exponent not above 2 (or not finite), `.invalidNoise`.
    public init(tiers: [Tier], exponent: Double, noise: Double = 0) throws(DensificationError) {
        guard !tiers.isEmpty else { throw .invalidSimulationParameter(name: "tier count", value: 0) }
        for tier in tiers {
            try Validate.density(tier.density)
            guard tier.transmitPower > 0, tier.transmitPower.isFinite else {
                throw .invalidSimulationParameter(name: "tier transmit power", value: tier.transmitPower)
            }
            guard tier.bias > 0, tier.bias.isFinite else {
                throw .invalidSimulationParameter(name: "tier bias", value: tier.bias)
            }
            if let a = tier.exponent, !(a > 2 && a.isFinite) { throw .lastExponentNotAboveTwo(value: a) }
        }
        guard exponent > 2, exponent.isFinite else { throw .lastExponentNotAboveTwo(value: exponent) }
        try Validate.noise(noise)
        self.tiers = tiers
        self.exponent = exponent
        self.noise = noise
    }

    /// α_k of tier `tier` (0-based): its own exponent, else the network's.
    public func exponent(ofTier k: Int) -> Double { tiers[k].exponent ?? exponent }

    /// Whether every tier has the same path-loss exponent (the closed-form case).
    public var hasCommonExponent: Bool {
        let first = exponent(ofTier: 0)
        return tiers.indices.allSatisfy { exponent(ofTier: $0) == first }
    }

    /// Z(T, α, B): the interference a tier contributes, in units of its density and relative power, when its
    /// BSs are held beyond the biased association boundary.
    /// - Parameters:
    ///   - threshold: T [linear], ≥ 0.
    ///   - bias: B̂ [linear], > 0.
    ///   - exponent: α [dimensionless], > 2; nil = the network's common exponent.
    public func interferenceFactor(threshold: Double, bias: Double, exponent alpha: Double? = nil) -> Double {
        if threshold == 0 { return 0 }
        let a = alpha ?? exponent
        let delta = 2 / a
        return 2 * threshold / (a - 2) * pow(bias, delta - 1)
            * SpecialFunctions.hypergeometric2F1(1, 1 - delta, 2 - delta, -threshold / bias)
    }

    /// A_k: the probability that the typical user is served by tier `tier` (0-based).
    ///
    /// Closed form with a common α; the serving-distance integral (type documentation) with tier-specific α,
    /// accurate to ≈ 1e-10 relative (a failed quadrature, never seen on valid networks, gives NaN).
    public func associationProbability(tier k: Int) -> Double {
        let serving = tiers[k]
        guard hasCommonExponent else {
            return (try? servingDistanceIntegral(tier: k, threshold: 0).value) ?? .nan
        }
        let delta = 2 / exponent(ofTier: k)
        let total = tiers.reduce(0.0) { sum, j in
            sum + j.density * pow(j.transmitPower / serving.transmitPower * j.bias / serving.bias, delta)
        }
        return serving.density / total
    }

    /// P_c,k(T): served by tier `tier` (0-based) and SINR > T.
    /// - Parameter threshold: T [linear], ≥ 0.
    /// - Throws: `.invalidThreshold`; `.numericalFailure` if the noise or serving-distance integral misses its
    ///   tolerance.
    public func coverage(tier k: Int, threshold: Double) throws(DensificationError) -> AnalyticValue {
        try Validate.threshold(threshold)
        guard hasCommonExponent else { return try servingDistanceIntegral(tier: k, threshold: threshold) }
        let alpha = exponent(ofTier: k)
        let delta = 2 / alpha
        let serving = tiers[k]
        var c = 0.0
        for j in tiers {
            let power = j.transmitPower / serving.transmitPower
            let bias = j.bias / serving.bias
            c +=
                j.density * pow(power, delta)
                * (pow(bias, delta) + interferenceFactor(threshold: threshold, bias: bias, exponent: alpha))
        }
        let share = serving.density / c
        if noise == 0 || threshold == 0 {
            return AnalyticValue(value: share, absError: 1e-14, method: .multiTierBiased)
        }
        // s = x/(πC): P_c,k = (λ_k/C) ∫_0^∞ e^{−x} exp(−(T W/P_k)(x/(πC))^{α/2}) dx, an integrand in [0, 1].
        let scale = threshold * noise / serving.transmitPower
        let r = Integration.integrate(from: 0, to: .infinity, absTol: 1e-13, relTol: 1e-10) { x in
            exp(-x - scale * pow(x / (Double.pi * c), alpha / 2))
        }
        guard r.error <= 1e-6 else {
            throw .numericalFailure(reason: "multi-tier noise integral error \(r.error) at T = \(threshold)")
        }
        return AnalyticValue(value: share * r.value, absError: share * r.error, method: .multiTierBiased)
    }

    /// λ_k ∫_0^∞ exp(−Σ_j a_j(T) v^{p_j} − (T W/P_k)(v/π)^{α_k/2}) dv, the tier-specific-α route (type
    /// documentation); T = 0 gives A_k.
    func servingDistanceIntegral(tier k: Int, threshold: Double) throws(DensificationError) -> AnalyticValue {
        let serving = tiers[k]
        let alphaK = exponent(ofTier: k)
        var coefficients: [Double] = []
        var powers: [Double] = []
        for (j, tier) in tiers.enumerated() {
            let alphaJ = exponent(ofTier: j)
            let delta = 2 / alphaJ
            let p = alphaK / alphaJ
            let power = tier.transmitPower / serving.transmitPower
            let bias = tier.bias / serving.bias
            let z = interferenceFactor(threshold: threshold, bias: bias, exponent: alphaJ)
            coefficients.append(
                pow(Double.pi, 1 - p) * tier.density * pow(power, delta) * (pow(bias, delta) + z))
            powers.append(p)
        }
        // Noise as one more power term: (T W/P_k) π^{−α_k/2} v^{α_k/2}.
        if noise > 0 && threshold > 0 {
            coefficients.append(threshold * noise / serving.transmitPower * pow(Double.pi, -alphaK / 2))
            powers.append(alphaK / 2)
        }
        func exponentSum(_ v: Double) -> Double {
            var e = 0.0
            for i in coefficients.indices { e += coefficients[i] * pow(v, powers[i]) }
            return e
        }
        // s with Σ a_j s^{p_j} = 1 (increasing in s), bisected in ln s.
        var lo = -800.0
        var hi = 800.0
        for _ in 0..<200 {
            let mid = 0.5 * (lo + hi)
            if exponentSum(exp(mid)) < 1 { lo = mid } else { hi = mid }
        }
        let s = exp(0.5 * (lo + hi))
        let r = Integration.integrate(from: 0, to: .infinity, absTol: 1e-13, relTol: 1e-10) { x in
            exp(-exponentSum(s * x))
        }
        guard r.error <= 1e-8, s.isFinite, s > 0 else {
            throw .numericalFailure(
                reason: "multi-tier serving-distance integral error \(r.error) at T = \(threshold) (tier \(k + 1))")
        }
        let factor = serving.density * s
        return AnalyticValue(value: factor * r.value, absError: factor * r.error, method: .multiTierBiased)
    }

    /// Σ_k P_c,k(T): the probability that the typical user is covered at SINR threshold T.
    /// - Parameter threshold: T [linear], ≥ 0.
    public func coverage(threshold: Double) throws(DensificationError) -> AnalyticValue {
        var total = AnalyticValue(value: 0, absError: 0, method: .multiTierBiased)
        for k in tiers.indices {
            let part = try coverage(tier: k, threshold: threshold)
            total.value += part.value
            total.absError += part.absError
        }
        return total
    }

    /// Mean rate E[ln(1 + SINR)] [nats/s/Hz] of a user served by tier `tier` (0-based), or of the typical user
    /// when `tier` is nil: ∫_0^∞ P_c(e^t − 1) dt, divided by A_k for a tier.
    /// - Throws: `.numericalFailure` when the rate integral misses its tolerance.
    public func meanRate(tier k: Int?) throws(DensificationError) -> AnalyticValue {
        var failure: DensificationError?
        let r = Integration.integrate(from: 0, to: .infinity, absTol: 1e-10, relTol: 1e-8) { t in
            do throws(DensificationError) {
                let threshold = expm1(t)
                guard threshold.isFinite else { return 0 }  // the mapped infinite end, where P_c → 0
                if let k { return try coverage(tier: k, threshold: threshold).value }
                return try coverage(threshold: threshold).value
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        guard r.error <= 1e-6 * max(1, r.value) else {
            throw .numericalFailure(reason: "multi-tier rate integral error \(r.error)")
        }
        let share = k.map(associationProbability(tier:)) ?? 1
        return AnalyticValue(value: r.value / share, absError: r.error / share, method: .multiTierBiased)
    }
}
