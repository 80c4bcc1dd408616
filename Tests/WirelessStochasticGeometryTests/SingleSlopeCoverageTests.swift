import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// Tolerance for published closed-form values (docs/DENSIFICATION.md#test-tolerances).
private let closedFormTolerance = 1e-6
/// 1/(1+π/4): ABG α = 4, T = 0 dB, W = 0.
private let abgReference = 1 / (1 + Double.pi / 4)
/// 2/π: strongest BS, α = 4, T = 0 dB, W = 0.
private let strongestReference = 2 / Double.pi

@Test func rhoClosedFormsAgree() throws {
    #expect(abs(try ABGCoverage.rho(threshold: 1, exponent: 4) - Double.pi / 4) < 1e-12)
    // α = 4: ρ = √T arctan √T.
    for t in [1e-3, 0.5, 7, 1e3] {
        #expect(
            abs(try ABGCoverage.rho(threshold: t, exponent: 4) - t.squareRoot() * atan(t.squareRoot())) < 1e-10
                * (1 + t))
    }
    // ₂F₁ and integral forms agree to 1e-10 for T ∈ [1e-3, 1e3], α ∈ (2, 8].
    for alpha in [2.2, 3, 3.7, 5, 8] {
        for t in [1e-3, 0.1, 1, 10, 1e3] {
            let a = try ABGCoverage.rho(threshold: t, exponent: alpha)
            let b = try ABGCoverage.rhoIntegral(threshold: t, exponent: alpha)
            #expect(abs(a - b) <= 1e-10 * max(1, a), "α=\(alpha) T=\(t): \(a) vs \(b)")
        }
    }
}

@Test func abgInterferenceLimitedIsDensityFree() throws {
    #expect(abs(abgReference - 0.560099) < 5e-7)
    for lambda in [1e-3, 1, 1e3] {
        let v = try ABGCoverage.coverage(density: lambda, threshold: 1, exponent: 4, noise: 0)
        #expect(abs(v.value - abgReference) < closedFormTolerance)
    }
}

@Test func abgErfcxFormMatchesSingleIntegral() throws {
    let nearlyNoiseless = try ABGCoverage.coverageErfcx(density: 1, threshold: 1, noise: 1e-12)
    #expect(abs(nearlyNoiseless.value - abgReference) < closedFormTolerance)
    for lambda in [1e-3, 0.1, 1, 10, 1e3] {
        for w in [1e-6, 1e-3, 1, 10] {
            let closed = try ABGCoverage.coverageErfcx(density: lambda, threshold: 1, noise: w)
            let integral = try ABGCoverage.coverageIntegral(density: lambda, threshold: 1, exponent: 4, noise: w)
            #expect(abs(closed.value - integral.value) <= 1e-9 * closed.value, "λ=\(lambda) W=\(w)")
        }
    }
    #expect(throws: DensificationError.closedFormOutOfDomain(reason: "erfcx form needs T > 0 and W > 0")) {
        try ABGCoverage.coverageErfcx(density: 1, threshold: 1, noise: 0)
    }
}

@Test func strongestCoverageIsTwoOverPiForEveryFadingLaw() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    let laws: [FadingModel] = [
        .rayleigh, .none, try .nakagami(m: 0.5), try .nakagami(m: 2), try .nakagami(m: 3),
        try .logNormal(sigmaDB: 4), try .logNormal(sigmaDB: 8), try .logNormal(sigmaDB: 12),
        try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: 8),
    ]
    for law in laws {
        for lambda in [1e-2, 1, 1e2] {
            let scenario = try DensificationScenario(pathGain: g, fading: law, association: .strongestInstantaneous)
            #expect(
                abs(try scenario.coverage(density: lambda, threshold: 1).value - strongestReference)
                    < closedFormTolerance)
        }
    }
    // The Mecke route with the Laplace transform of H (Gauss–Hermite over S) is a different computation that
    // depends on H through the whole law, not just E[H^δ]: it must also give 2/π.
    let composite = try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: 8)
    for law in [FadingModel.rayleigh, composite] {
        let v = try StrongestCellCoverage.mecke(density: 3, threshold: 1, pathGain: g, fading: law, noise: 0)
        #expect(abs(v.value - strongestReference) < closedFormTolerance)
    }
}

@Test func keelerInclusionExclusionMatchesDhillonAndMecke() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    let kbk = try StrongestCellCoverage.keelerInclusionExclusion(
        density: 1, threshold: 1, exponent: 4, fading: .rayleigh, noise: 0)
    #expect(abs(kbk.value - strongestReference) < 1e-5)
    // With noise, T ≥ 1: KBK's I_1(x) integral vs the Mecke/Laplace route.
    for (t, w) in [(1.0, 0.3), (2.0, 1.0), (3.0, 0.05)] {
        let a = try StrongestCellCoverage.keelerInclusionExclusion(
            density: 0.5, threshold: t, exponent: 3.5, fading: .rayleigh, noise: w)
        let b = try StrongestCellCoverage.mecke(
            density: 0.5, threshold: t, pathGain: try .singleSlope(exponent: 3.5), fading: .rayleigh, noise: w)
        #expect(abs(a.value - b.value) < 1e-7, "T=\(t) W=\(w): \(a.value) vs \(b.value)")
    }
    _ = g
}

@Test func keelerJIntegralFormsAgree() throws {
    let delta = 0.5
    for t in [0.2, 1, 3] {
        // J_2 by the one-dimensional form vs the general n-dimensional integrand at n = 2.
        let simple = StrongestCellCoverage.kbkJ(n: 2, t: t, delta: delta)
        let general = Integration.integrate(from: 0, to: 1, absTol: 1e-14, relTol: 1e-12) { v in
            [v].withUnsafeBufferPointer { StrongestCellCoverage.jIntegrand($0, n: 2, t: t, delta: delta) }
        }
        #expect(abs(simple.value - (1 + 2 * t) / 2 * general.value) < 1e-10)
    }
    // J_3: nested adaptive vs the shifted lattice rule used for n ≥ 4.
    let nested = StrongestCellCoverage.kbkJ(n: 3, t: 0.6, delta: 0.5)
    let lattice = StrongestCellCoverage.latticeJ(n: 3, t: 0.6, delta: 0.5)
    #expect(abs(nested.value - lattice.value) < max(1e-5, 3 * lattice.error))
}

@Test func meanPowerWithLogNormalShadowingIsDisplacedABG() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    for sigma in [4.0, 8, 12] {
        let fading = try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: sigma)
        let scenario = try DensificationScenario(pathGain: g, fading: fading, association: .strongestMeanPower)
        #expect(abs(try scenario.coverage(density: 2, threshold: 1).value - abgReference) < closedFormTolerance)
        // With noise the displacement is to density λE[S^δ]: compare with ABG at that density directly.
        let noisy = try DensificationScenario(pathGain: g, fading: fading, association: .strongestMeanPower, noise: 0.1)
        let displaced = try ABGCoverage.coverage(
            density: 2 * fading.shadowingMoment(order: 0.5), threshold: 1, exponent: 4, noise: 0.1)
        #expect(abs(try noisy.coverage(density: 2, threshold: 1).value - displaced.value) < 1e-12)
    }
}

@Test func gilPelaezNearestMatchesABGForNakagamiOne() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    let v = try NearestCellCoverage.gilPelaez(
        density: 1, threshold: 1, pathGain: g, fading: try .nakagami(m: 1), noise: 0)
    #expect(abs(v.value - abgReference) < 1e-5)
    // With noise, against the erfcx closed form (general r-averaged Gil-Pelaez path).
    let w = try NearestCellCoverage.gilPelaez(
        density: 0.7, threshold: 2, pathGain: g, fading: try .nakagami(m: 1), noise: 0.2)
    let exact = try ABGCoverage.coverageErfcx(density: 0.7, threshold: 2, noise: 0.2)
    #expect(abs(w.value - exact.value) < 1e-5)
}

@Test func meanRateMatchesABGTau() throws {
    // ABG's interference-limited mean rate for α = 4: τ = ∫ dt/(1+ρ(e^t−1, 4)), cross-checked by integrating the
    // closed-form ρ = √T arctan √T directly (independent of the ₂F₁ evaluation used by `coverage`).
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    let scenario = try DensificationScenario(pathGain: g, fading: .rayleigh, association: .nearest)
    let rate = try scenario.meanRate(density: 1)
    let reference = Integration.integrate(from: 0, to: .infinity, absTol: 1e-12, relTol: 1e-11) { t in
        let x = expm1(t).squareRoot()
        return 1 / (1 + x * atan(x))
    }
    #expect(abs(rate.value - reference.value) < 1e-6)
    #expect(abs(reference.value - 1.49) < 0.01)  // ABG quote 1.49 nats/s/Hz (2.15 bits/s/Hz) for α = 4
}
