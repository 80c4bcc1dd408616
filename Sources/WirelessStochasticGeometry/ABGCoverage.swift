import Foundation
import WirelessCore

/// Nearest-BS coverage with Rayleigh fading and single-slope path loss
/// (J. G. Andrews, F. Baccelli, R. K. Ganti, IEEE TCOM 59(11), 2011, "ABG"; docs/DENSIFICATION.md#route-b-abg).
///
///     P_c = πλ ∫_0^∞ exp(−πλv(1+ρ(T,α)) − T W v^{α/2}) dv
///     ρ(T,α) = T^{2/α} ∫_{T^{−2/α}}^∞ du/(1+u^{α/2}) = (2T/(α−2)) ₂F₁(1, 1−2/α; 2−2/α; −T)
///     W = 0:        P_c = 1/(1+ρ)                        (independent of λ)
///     α = 4, W > 0: P_c = (π^{3/2} λ/√(TW)) · ½ · erfcx(A/(2√(TW))),   A = πλ(1+ρ(T,4))
public enum ABGCoverage {
    /// ρ(T, α) by the hypergeometric form with the Pfaff transformation (the −T series diverges for T > 1):
    ///
    ///     ₂F₁(1, 1−δ; 2−δ; −T) = (1+T)^{−1} ₂F₁(1, 1; 2−δ; T/(1+T))
    ///
    /// - Parameters:
    ///   - threshold: T [linear], ≥ 0.
    ///   - exponent: α [dimensionless], > 2.
    public static func rho(threshold: Double, exponent: Double) throws(DensificationError) -> Double {
        try Validate.threshold(threshold)
        guard exponent > 2, exponent.isFinite else { throw DensificationError.lastExponentNotAboveTwo(value: exponent) }
        if threshold == 0 { return 0 }
        let delta = 2 / exponent
        return 2 * threshold / (exponent - 2) * SpecialFunctions.hypergeometric2F1(1, 1 - delta, 2 - delta, -threshold)
    }

    /// ρ(T, α) by the integral form, integrated in s = ln u (independent route used as a cross-check).
    ///
    /// - Parameters:
    ///   - threshold: T [linear], ≥ 0, finite.
    ///   - exponent: α [dimensionless], > 2.
    public static func rhoIntegral(threshold: Double, exponent: Double) throws(DensificationError) -> Double {
        try Validate.threshold(threshold)
        guard exponent > 2, exponent.isFinite else { throw DensificationError.lastExponentNotAboveTwo(value: exponent) }
        if threshold == 0 { return 0 }
        let delta = 2 / exponent
        let lower = -delta * log(threshold)
        let r = Integration.integrate(from: lower, to: .infinity, absTol: 1e-15, relTol: 1e-13) { s in
            let u = exp(s)
            return u / (1 + pow(u, exponent / 2))
        }
        return pow(threshold, delta) * r.value
    }

    /// P_c by the best form: T = 0 → 1; W = 0 → 1/(1+ρ); α = 4 → erfcx form; else the single integral.
    ///
    /// - Parameters:
    ///   - density: λ [per unit area], > 0.
    ///   - threshold: T [linear], ≥ 0.
    ///   - exponent: α, > 2.
    ///   - noise: W ≥ 0.
    public static func coverage(density: Double, threshold: Double, exponent: Double, noise: Double)
        throws(DensificationError)
        -> AnalyticValue
    {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        if threshold == 0 { return .certain }
        if noise == 0 {
            let rho = try rho(threshold: threshold, exponent: exponent)
            return AnalyticValue(value: 1 / (1 + rho), absError: 1e-14, method: .abgInterferenceLimited)
        }
        if exponent == 4 { return try coverageErfcx(density: density, threshold: threshold, noise: noise) }
        return try coverageIntegral(density: density, threshold: threshold, exponent: exponent, noise: noise)
    }

    /// The α = 4 closed form with erfcx (never exp(A²/(4TW))·Q(·), which overflows).
    ///
    /// - Throws: `.closedFormOutOfDomain` for W = 0 or T = 0 (use `coverage`).
    /// - Parameters:
    ///   - density: λ [per unit area], > 0.
    ///   - threshold: T [linear], > 0.
    ///   - noise: W [linear], > 0.
    public static func coverageErfcx(density: Double, threshold: Double, noise: Double) throws(DensificationError)
        -> AnalyticValue
    {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        guard noise > 0, threshold > 0 else {
            throw DensificationError.closedFormOutOfDomain(reason: "erfcx form needs T > 0 and W > 0")
        }
        let rho = try rho(threshold: threshold, exponent: 4)
        let a = Double.pi * density * (1 + rho)
        let b = (threshold * noise).squareRoot()
        let value = pow(Double.pi, 1.5) * density / b * 0.5 * SpecialFunctions.erfcx(a / (2 * b))
        return AnalyticValue(value: value, absError: 1e-14 * value, method: .abgErfcx)
    }

    /// The single ABG integral in x = πλv (numerical route, any α > 2).
    ///
    /// - Parameters:
    ///   - density: λ [per unit area], > 0.
    ///   - threshold: T [linear], ≥ 0.
    ///   - exponent: α [dimensionless], > 2.
    ///   - noise: W [linear], ≥ 0.
    public static func coverageIntegral(density: Double, threshold: Double, exponent: Double, noise: Double)
        throws(DensificationError)
        -> AnalyticValue
    {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        let rho = try rho(threshold: threshold, exponent: exponent)
        let c = threshold * noise * pow(Double.pi * density, -exponent / 2)
        let upper = c > 0 ? min(60 / (1 + rho), pow(60 / c, 2 / exponent)) : 60 / (1 + rho)
        let r = Integration.integrate(from: 0, to: upper, absTol: 1e-16, relTol: 1e-12) { x in
            exp(-x * (1 + rho) - c * pow(x, exponent / 2))
        }
        return AnalyticValue(value: r.value, absError: r.error + exp(-60), method: .abgIntegral)
    }
}
