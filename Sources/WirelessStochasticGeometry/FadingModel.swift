import Foundation
import Numerics
import WirelessCore

/// Small-scale fading power law h with E[h] = 1.
public enum SmallScaleFading: Sendable, Hashable, Codable {
    /// h ≡ 1.
    case none
    /// h ~ Exp(1) (Rayleigh amplitude).
    case rayleigh
    /// h ~ Gamma(m, 1/m), m > 0 (m = 1 is Rayleigh).
    case nakagami(m: Double)
    /// Rician power with linear K-factor K ≥ 0 (K = 0 is Rayleigh): h = |√(K/(K+1)) + CN(0, 1/(K+1))|²,
    /// a scaled non-central χ² with two degrees of freedom, E[h] = 1 (docs/DENSIFICATION.md#fading-and-shadowing).
    case rician(k: Double)

    /// The Nakagami shape m (∞ for `.none`, 1 for Rayleigh); for Rician the moment-matched m = (K+1)²/(2K+1)
    /// (equal to 1 only at K = 0).
    public var shape: Double {
        switch self {
        case .none: return .infinity
        case .rayleigh: return 1
        case .nakagami(let m): return m
        case .rician(let k): return (k + 1) * (k + 1) / (2 * k + 1)
        }
    }
}

/// Fading and shadowing law H = h·S with independent small-scale power h and mean-1 log-normal S.
///
///     | h        | E[h^s]              | L_h(s)       | φ_h(ω)        |
///     | none     | 1                   | e^{−s}       | e^{iω}        |
///     | Rayleigh | Γ(1+s)              | 1/(1+s)      | 1/(1−iω)      |
///     | Nakagami | Γ(m+s)/(Γ(m) m^s)   | (1+s/m)^{−m} | (1−iω/m)^{−m} |
///     | Rician K | b^s Σ_n Pois(n; K) Γ(n+1+s)/n!   | e^{−sν/(1+bs)}/(1+bs) | e^{iων/(1−ibω)}/(1−ibω) |
///     (Rician: b = 1/(K+1), ν = K/(K+1); h = b·G with G | N ~ Gamma(N+1, 1), N ~ Poisson(K))
///     S = exp(σN − σ²/2),  σ = σ_dB·ln10/10,  E[S^s] = exp(σ² s(s−1)/2)
///     E[H^s] = E[h^s]·E[S^s],  L_H(s) = E_S[L_h(sS)],  φ_H(ω) = E_S[φ_h(ωS)]   (48-node Gauss–Hermite over S)
///
/// E[H] = 1 always (mean-1 log-normal, as in hpaulkeeler/kcoverage_single_MATLAB).
/// docs/DENSIFICATION.md#fading-and-shadowing.
public struct FadingModel: Sendable, Equatable, Codable {
    /// The small-scale power law h.
    public let smallScale: SmallScaleFading
    /// Log-normal shadowing standard deviation σ_dB [dB], ≥ 0 (0 = no shadowing).
    public let shadowingSigmaDB: Double

    /// Number of Gauss–Hermite nodes for expectations over S (project choice).
    public static let gaussHermiteNodeCount = 48

    /// - Parameters:
    ///   - smallScale: h; Nakagami m must be finite and > 0.
    ///   - shadowingSigmaDB: σ_dB [dB], finite, ≥ 0.
    /// - Throws: `DensificationError.invalidNakagamiM`, `.invalidShadowingSigma`.
    public init(smallScale: SmallScaleFading, shadowingSigmaDB: Double = 0) throws(DensificationError) {
        if case .nakagami(let m) = smallScale, !(m.isFinite && m > 0) {
            throw DensificationError.invalidNakagamiM(value: m)
        }
        if case .rician(let k) = smallScale, !(k.isFinite && k >= 0) {
            throw DensificationError.invalidRicianK(value: k)
        }
        guard shadowingSigmaDB.isFinite, shadowingSigmaDB >= 0 else {
            throw DensificationError.invalidShadowingSigma(value: shadowingSigmaDB)
        }
        self.smallScale = smallScale
        self.shadowingSigmaDB = shadowingSigmaDB
    }

    /// H ≡ 1.
    public static let none = try! FadingModel(smallScale: .none)
    /// H ~ Exp(1).
    public static let rayleigh = try! FadingModel(smallScale: .rayleigh)
    /// H ~ Gamma(m, 1/m).
    public static func nakagami(m: Double) throws(DensificationError) -> FadingModel {
        try FadingModel(smallScale: .nakagami(m: m))
    }
    /// Rician power with linear K-factor K ≥ 0 (K = 0 is Rayleigh).
    public static func rician(k: Double) throws(DensificationError) -> FadingModel {
        try FadingModel(smallScale: .rician(k: k))
    }
    /// H = S, mean-1 log-normal with σ_dB.
    public static func logNormal(sigmaDB: Double) throws(DensificationError) -> FadingModel {
        try FadingModel(smallScale: .none, shadowingSigmaDB: sigmaDB)
    }

    /// σ = σ_dB·ln10/10 [nepers].
    public var shadowingSigma: Double { shadowingSigmaDB * M_LN10 / 10 }
    /// Whether S is non-degenerate.
    public var hasShadowing: Bool { shadowingSigmaDB > 0 }
    /// Whether H is exactly Exp(1) (Rayleigh, no shadowing).
    public var isPureRayleigh: Bool { smallScale.shape == 1 && !hasShadowing }
    /// Whether h is Rayleigh (shadowing allowed).
    public var hasRayleighSmallScale: Bool { smallScale.shape == 1 }
    /// Tail index κ_H of H (docs/DENSIFICATION.md#regimes): ∞ for every built-in law.
    public var tailIndex: Double { .infinity }

    /// E[h^s], s > −m (∞ otherwise).
    public func smallScaleMoment(order s: Double) -> Double {
        switch smallScale {
        case .none: return 1
        case .rayleigh: return s > -1 ? SpecialFunctions.gamma(1 + s) : .infinity
        case .nakagami(let m):
            guard s > -m else { return .infinity }
            return exp(SpecialFunctions.logGamma(m + s) - SpecialFunctions.logGamma(m) - s * log(m))
        case .rician(let k):
            guard s > -1 else { return .infinity }
            return Self.ricianMoment(order: s, k: k)
        }
    }

    /// E[h^s] of the Rician power, s > −1: b^s Σ_n e^{−K} K^n/n! · Γ(n+1+s)/Γ(n+1), b = 1/(K+1) (Poisson mixture
    /// of Gamma(n+1, 1) laws). Terms in log space, summed from the Poisson mode outwards until they fall below
    /// 1e−17 of the sum.
    static func ricianMoment(order s: Double, k: Double) -> Double {
        if k == 0 { return SpecialFunctions.gamma(1 + s) }
        func term(_ n: Int) -> Double {
            let dn = Double(n)
            return exp(
                -k + dn * log(k) - SpecialFunctions.logGamma(dn + 1) + SpecialFunctions.logGamma(dn + 1 + s)
                    - SpecialFunctions.logGamma(dn + 1))
        }
        let mode = Int(k.rounded(.down))
        var total = term(mode)
        var n = mode + 1
        while true {
            let t = term(n)
            total += t
            if t < 1e-17 * total { break }
            n += 1
        }
        n = mode - 1
        while n >= 0 {
            let t = term(n)
            total += t
            if t < 1e-17 * total { break }
            n -= 1
        }
        return exp(-s * log1p(k)) * total
    }

    /// E[S^s] = exp(σ² s(s−1)/2).
    public func shadowingMoment(order s: Double) -> Double {
        let sigma = shadowingSigma
        return exp(sigma * sigma * s * (s - 1) / 2)
    }

    /// E[H^s] = E[h^s]·E[S^s] [dimensionless]; ∞ when it diverges.
    public func moment(order s: Double) -> Double { smallScaleMoment(order: s) * shadowingMoment(order: s) }

    /// The 48-node physicists' Gauss–Hermite rule, computed once.
    static let hermiteRule: (nodes: [Double], weights: [Double]) = SpecialFunctions.gaussHermite(
        nodes: gaussHermiteNodeCount)

    /// Shadowing nodes: S values and probability weights from Gauss–Hermite (one node S = 1 without shadowing).
    public var shadowingQuadrature: (values: [Double], weights: [Double]) {
        guard hasShadowing else { return ([1], [1]) }
        let gh = Self.hermiteRule
        let sigma = shadowingSigma
        let values = gh.nodes.map { exp(2.0.squareRoot() * sigma * $0 - sigma * sigma / 2) }
        let weights = gh.weights.map { $0 / Double.pi.squareRoot() }
        return (values, weights)
    }

    /// L_h(s) = E[e^{−s h}], s ≥ 0.
    @inlinable public func smallScaleLaplace(_ s: Double) -> Double {
        switch smallScale {
        case .none: return exp(-s)
        case .rayleigh: return 1 / (1 + s)
        case .nakagami(let m): return exp(-m * log1p(s / m))
        case .rician(let k):
            let b = 1 / (k + 1)
            return exp(-s * k * b / (1 + b * s)) / (1 + b * s)
        }
    }

    /// φ_h(ω) = E[e^{iωh}].
    @inlinable public func smallScaleCharacteristic(_ omega: Double) -> Complex<Double> {
        switch smallScale {
        case .none: return Complex(cos(omega), sin(omega))
        case .rayleigh: return Complex(1, 0) / Complex(1, -omega)
        case .nakagami(let m):
            // (1 − iω/m)^{−m} = exp(−m·log(1 − iω/m)), principal branch.
            let modulus = 0.5 * log1p((omega / m) * (omega / m))
            let argument = atan2(-omega / m, 1)
            let re = -m * modulus
            let im = -m * argument
            return Complex(exp(re) * cos(im), exp(re) * sin(im))
        case .rician(let k):
            // e^{iων/(1−ibω)}/(1−ibω): iων/(1−ibω) = iων(1+ibω)/(1+b²ω²) = (−bνω² + iνω)/(1+b²ω²).
            let b = 1 / (k + 1)
            let nu = k * b
            let q = 1 + b * b * omega * omega
            let re = -b * nu * omega * omega / q
            let im = nu * omega / q
            let e = Complex(exp(re) * cos(im), exp(re) * sin(im))
            return e / Complex(1, -b * omega)
        }
    }

    /// L_H(s) = E[e^{−sH}] = E_S[L_h(sS)], s ≥ 0.
    public func laplaceTransform(_ s: Double) -> Double {
        guard hasShadowing else { return smallScaleLaplace(s) }
        let q = shadowingQuadrature
        var total = 0.0
        for i in q.values.indices { total += q.weights[i] * smallScaleLaplace(s * q.values[i]) }
        return total
    }

    /// 1 − L_H(s) = E_S[1 − L_h(sS)], s ≥ 0, without cancellation under shadowing: the Gauss–Hermite weights sum
    /// to 1 only to rounding, so 1 − Σ wᵢ L_h(sSᵢ) is ≈ −1e-16 instead of ≈ s·E[H] at small s, and an interference
    /// exponent 2πλ∫(1 − L_H(s g(x))) x dx over an unbounded range then diverges. Without shadowing it is
    /// 1 − L_h(s), which lies in [0, 1] (L_h ≤ 1).
    public func laplaceComplement(_ s: Double) -> Double {
        guard hasShadowing else { return 1 - smallScaleLaplace(s) }
        let q = shadowingQuadrature
        var total = 0.0
        for i in q.values.indices { total += q.weights[i] * smallScaleLaplaceComplement(s * q.values[i]) }
        return total
    }

    /// 1 − L_h(t) for t ≥ 0, accurate at small t (≈ t·E[h]).
    @inlinable func smallScaleLaplaceComplement(_ t: Double) -> Double {
        switch smallScale {
        case .none: return -expm1(-t)
        case .rayleigh: return t / (1 + t)
        case .nakagami(let m): return -expm1(-m * log1p(t / m))
        case .rician(let k):
            let b = 1 / (k + 1)
            return -expm1(-t * k * b / (1 + b * t) - log1p(b * t))
        }
    }

    /// φ_H(ω) = E[e^{iωH}] = E_S[φ_h(ωS)].
    public func characteristicFunction(_ omega: Double) -> Complex<Double> {
        guard hasShadowing else { return smallScaleCharacteristic(omega) }
        let q = shadowingQuadrature
        var total = Complex<Double>.zero
        for i in q.values.indices {
            total += smallScaleCharacteristic(omega * q.values[i]).multiplied(by: q.weights[i])
        }
        return total
    }

    /// One draw of the small-scale power h.
    public func sampleSmallScale(using generator: inout some RandomNumberGenerator) -> Double {
        switch smallScale {
        case .none: return 1
        case .rayleigh: return -log(generator.nextOpenUnitDouble())
        case .nakagami(let m):
            // m was validated by init, so the distribution cannot fail to build.
            return (try! GammaDistribution(shape: m, scale: 1 / m)).sample(using: &generator)
        case .rician(let k): return Self.ricianSample(k: k, using: &generator)
        }
    }

    /// One Rician power draw: (|√K + (Z₁ + iZ₂)/√2|²)/(K+1), Z₁, Z₂ standard normal.
    static func ricianSample(k: Double, using generator: inout some RandomNumberGenerator) -> Double {
        let x = k.squareRoot() + NormalDistribution.standardSample(using: &generator) * 0.5.squareRoot()
        let y = NormalDistribution.standardSample(using: &generator) * 0.5.squareRoot()
        return (x * x + y * y) / (k + 1)
    }

    /// One draw of the shadowing S (mean 1).
    public func sampleShadowing(using generator: inout some RandomNumberGenerator) -> Double {
        guard hasShadowing else { return 1 }
        let sigma = shadowingSigma
        return exp(sigma * NormalDistribution.standardSample(using: &generator) - sigma * sigma / 2)
    }
}
