import Foundation
import WirelessCore

/// Dense-network scaling regime as λ → ∞ (docs/DENSIFICATION.md#regimes, derived from NK's classification).
public enum Regime: Sendable, Equatable, Codable {
    /// κ = 0: coverage → 1, rate → ∞, D_c ∝ λ.
    case increase
    /// κ ∈ (0, 1): coverage and rate tend to the single-slope limit with exponent `limitExponent` = 2/κ.
    case saturate(limitExponent: Double)
    /// κ = 1 (α0 = 2): coverage and rate decay logarithmically.
    case decayLogarithmic
    /// κ ∈ (1, ∞) (0 < α0 < 2): power-law decay with log–log slopes of P_c, R, D_c = λP_c and ASE = λR.
    case decay(coverageSlope: Double, rateSlope: Double, coverageDensitySlope: Double, aseSlope: Double)
    /// κ = ∞ (α0 = 0, light-tailed fading): super-polynomial decay of coverage.
    case decaySuperPolynomial

    /// A short machine-readable name.
    public var name: String {
        switch self {
        case .increase: return "increase"
        case .saturate: return "saturate"
        case .decayLogarithmic: return "decay-logarithmic"
        case .decay: return "decay"
        case .decaySuperPolynomial: return "decay-superpolynomial"
        }
    }
}

/// The regime classifier and the asymptotes of docs/DENSIFICATION.md#regimes.
public enum DensificationAsymptotics {
    /// Tail index κ = min(2/α0, κ_H) (κ = κ_H at α0 = 0).
    ///
    /// - Parameters:
    ///   - alpha0: α0 [dimensionless], finite, ≥ 0.
    ///   - fadingTailIndex: κ_H ∈ [0, ∞].
    /// - Throws: `.invalidExponent`, `.invalidTailIndex`.
    public static func tailIndex(alpha0: Double, fadingTailIndex: Double) throws(DensificationError) -> Double {
        guard alpha0.isFinite, alpha0 >= 0 else { throw DensificationError.invalidExponent(index: 0, value: alpha0) }
        guard !fadingTailIndex.isNaN, fadingTailIndex >= 0 else {
            throw DensificationError.invalidTailIndex(value: fadingTailIndex)
        }
        let geometric = alpha0 == 0 ? Double.infinity : 2 / alpha0
        return min(geometric, fadingTailIndex)
    }

    /// Classifies the λ → ∞ regime from the near-field exponent α0 and the fading tail index κ_H.
    ///
    ///     κ = min(2/α0, κ_H)
    ///     κ = 0 → increase;  0 < κ < 1 → saturate (exponent 2/κ);  κ = 1 → logarithmic decay
    ///     1 < κ < ∞ → decay, slopes  P_c: 1 − κ,  R: 1/κ − 1,  D_c: 2 − κ,  ASE: 1/κ
    ///     κ = ∞ → super-polynomial decay
    ///
    /// - Parameters:
    ///   - alpha0: α0 [dimensionless], finite, ≥ 0.
    ///   - fadingTailIndex: κ_H ∈ [0, ∞] (∞ for every built-in law).
    /// - Throws: `.invalidExponent`, `.invalidTailIndex`.
    public static func classifyRegime(alpha0: Double, fadingTailIndex: Double) throws(DensificationError) -> Regime {
        let kappa = try tailIndex(alpha0: alpha0, fadingTailIndex: fadingTailIndex)
        if kappa == 0 { return .increase }
        if kappa < 1 { return .saturate(limitExponent: 2 / kappa) }
        if kappa == 1 { return .decayLogarithmic }
        if kappa.isInfinite { return .decaySuperPolynomial }
        return .decay(
            coverageSlope: 1 - kappa, rateSlope: 1 / kappa - 1, coverageDensitySlope: 2 - kappa, aseSlope: 1 / kappa)
    }

    /// Decay-regime coverage asymptote (0 < α0 < 2, E[H] = 1):
    ///
    ///     P_c ~ π E[H^{2/α0}] (T m_g)^{−2/α0} λ^{1−2/α0}
    ///
    /// - Throws: `.nearFieldExponentNotPositive` for α0 ≤ 0; `.closedFormOutOfDomain` for α0 ≥ 2 or T = 0.
    /// - Parameters:
    ///   - density: λ [per unit area], > 0.
    ///   - threshold: T [linear], > 0.
    ///   - pathGain: g with 0 < α0 < 2.
    ///   - fading: H with E[H^{2/α0}] < ∞.
    public static func decayCoverageAsymptote(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel
    ) throws(DensificationError) -> Double {
        try Validate.density(density)
        try Validate.threshold(threshold)
        let alpha0 = pathGain.nearFieldExponent
        guard alpha0 > 0 else { throw DensificationError.nearFieldExponentNotPositive(value: alpha0) }
        guard alpha0 < 2, threshold > 0 else {
            throw DensificationError.closedFormOutOfDomain(reason: "decay asymptote needs 0 < α0 < 2 and T > 0")
        }
        let kappa = 2 / alpha0
        let moment = fading.moment(order: kappa)
        guard moment.isFinite else { throw DensificationError.fadingMomentInfinite(order: kappa) }
        return Double.pi * moment * pow(threshold * pathGain.meanGainIntegral, -kappa) * pow(density, 1 - kappa)
    }

    /// Saturation limit of strongest-BS coverage (α0 > 2, T ≥ 1): sinc(2/α0) T^{−2/α0}.
    ///
    /// - Parameters:
    ///   - threshold: T [linear], ≥ 1.
    ///   - alpha0: α0 [dimensionless], > 2.
    public static func saturationCoverageLimit(threshold: Double, alpha0: Double) throws(DensificationError) -> Double {
        try StrongestCellCoverage.dhillonClosedForm(threshold: threshold, exponent: alpha0).value
    }
}
