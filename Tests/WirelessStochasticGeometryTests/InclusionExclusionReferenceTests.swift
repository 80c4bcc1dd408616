import Foundation
import Testing

@testable import WirelessStochasticGeometry

/// Strongest-BS SIR coverage, single slope, W = 0, by an independent route (computed offline with mpmath):
/// conditioning on the largest point of the normalised propagation process and integrating over it first gives
///
///     P_c(T) = ½ − (1/π) ∫_0^∞ Im[e^{−iω/T} / (1 − ψ(ω))] / ω dω,
///     ψ(ω) = δ ∫_0^1 (e^{iωw} − 1) w^{−δ−1} dw = 1 − e^{iω} + iω ₁F₁(1−δ; 2−δ; iω)/(1−δ),
///
/// evaluated with `mpmath.quadosc` (20 digits); it reproduces 2/π at T = 1, α = 4 to 1e-13.
private let gilPelaezReference: [(threshold: Double, exponent: Double, coverage: Double)] = [
    (0.5, 4, 0.845702973762835), (0.3, 4, 0.950592925429586), (0.2, 4, 0.988097999177826),
    (0.4, 3, 0.71021017318384),
    (0.25, 6, 0.99763752467447),
]

/// Reference values carry ≥ 13 digits; 1e-12 absorbs their rounding and the closed-form n ≤ 2 terms' round-off.
private let referenceTolerance = 1e-12

/// docs/DENSIFICATION.md#route-d-kbk: the T < 1 terms (n ≥ 2, J_n by quadrature and lattice rules) were only checked
/// against
/// a 3000-drop MC; this checks them against the independent route above.
@Test func inclusionExclusionMatchesIndependentGilPelaezRoute() throws {
    for c in gilPelaezReference {
        let v = try StrongestCellCoverage.keelerInclusionExclusion(
            density: 1, threshold: c.threshold, exponent: c.exponent, fading: .rayleigh, noise: 0)
        // The reported absError must cover the true error (lattice rules for n ≥ 4 report their shift spread).
        #expect(abs(v.value - c.coverage) <= v.absError + referenceTolerance, "T = \(c.threshold), α = \(c.exponent)")
        #expect(abs(v.value - c.coverage) < 1e-5, "T = \(c.threshold), α = \(c.exponent)")
    }
}

/// R = ∫_0^∞ P_c(T)/(1+T) dT with P_c from the same Gil-Pelaez route (8-point Gauss–Legendre on each
/// [1/(n+1), 1/n], n ≤ 10, and [0, 0.1]; T ≥ 1 part = sinc(½)·π/2 = 1 exactly): 1.6006200645 nats/s/Hz.
private let strongestRateReference = 1.6006200645
/// Quadrature error of that reference (piecewise 8-point rule on a smooth-per-piece P_c) is below 1e-8.
private let strongestRateTolerance = 1e-7

@Test func strongestRateExactFormMatchesIndependentGilPelaezIntegral() throws {
    let r = try StrongestCellRate.interferenceLimited(exponent: 4)
    #expect(abs(r.value - strongestRateReference) < strongestRateTolerance)
}
