import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

// Issue 13 items 1 and 3: the Gil-Pelaez nearest route at every threshold, the rate cut-off, and the mean-power
// route with shadowing and multi-slope path loss, each against an independent oracle.

/// Nearest BS, single slope, W = 0, Nakagami m = 2 interferers and serving link (closed form by the Laplace
/// derivative of h ~ Gamma(2, 1/2), P(h > c) = e^{−2c}(1 + 2c), averaged over v = πλr² ~ Exp(1); derived):
///
///     P_c = 1/(1 + 2e₁) + 2e₂/(1 + 2e₁)²
///     e₁ = ∫_1^∞ (1 − (1 + T t^{−α})^{−2}) t dt,   e₂ = 2T ∫_1^∞ t^{1−α} (1 + T t^{−α})^{−3} dt
///
/// e₁, e₂ by Gauss–Kronrod in ln t at 1e-13 relative: an oracle independent of the characteristic functions.
private func nakagamiTwoOracle(threshold t: Double, exponent a: Double) throws -> Double {
    let rule = GaussKronrodQuadrature(absoluteTolerance: 0, relativeTolerance: 1e-13, maximumSubdivisions: 2000)
    // In ln t the integrands are smooth; split at the knee t = T^{1/α}.
    let knee = max(0, log(t) / a)
    func integral(_ f: @escaping (Double) -> Double) throws -> Double {
        try rule.integrate(f, from: 0, to: knee).value + rule.integrate(f, from: knee, to: .infinity).value
    }
    let e1 = try integral { s in
        let u = exp(s)
        let z = t * pow(u, -a)
        // 1 − (1+z)^{−2} = z(2+z)/(1+z)², no cancellation for small z.
        // z u² = T u^{2−α} (finite where u² overflows).
        return (2 + z) / ((1 + z) * (1 + z)) * t * pow(u, 2 - a)
    }
    let e2 = try integral { s in
        let u = exp(s)
        let z = t * pow(u, -a)
        return 2 / pow(1 + z, 3) * t * pow(u, 2 - a)
    }
    return 1 / (1 + 2 * e1) + 2 * e2 / ((1 + 2 * e1) * (1 + 2 * e1))
}

/// Before the fix the route gave ½ (with an error estimate of 5e-15) at T = 1e30 and a 333-nat rate: the
/// integral in linear frequency never saw the u ~ 1/T scale. Tolerance 1e-8 absolute: the route's accuracy
/// target (1e-10 per inversion) with room for the oracle's own quadrature error (≲ 1e-12).
@Test func gilPelaezNearestMatchesClosedFormsFromTinyToHugeThresholds() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    for t in [1e-2, 1, 1e3, 1e30] {
        // m = 1 through the Gil-Pelaez route against ABG's 1/(1 + ρ).
        let rayleighLike = try NearestCellCoverage.gilPelaez(
            density: 1, threshold: t, pathGain: g, fading: try .nakagami(m: 1), noise: 0)
        let abg = 1 / (1 + (try ABGCoverage.rho(threshold: t, exponent: 4)))
        #expect(abs(rayleighLike.value - abg) <= 1e-8, "m = 1, T = \(t): \(rayleighLike.value) vs ABG \(abg)")
        #expect(rayleighLike.absError < 1e-8)
        // m = 2 against the Laplace-derivative closed form.
        let m2 = try NearestCellCoverage.gilPelaez(
            density: 1, threshold: t, pathGain: g, fading: try .nakagami(m: 2), noise: 0)
        let oracle = try nakagamiTwoOracle(threshold: t, exponent: 4)
        #expect(abs(m2.value - oracle) <= 1e-8, "m = 2, T = \(t): \(m2.value) vs oracle \(oracle)")
    }
    // At T = 1e30 the strongest-BS value sinc(½)·T^{−½} ≈ 6e-16 bounds every association: the route goes to 0.
    let huge = try NearestCellCoverage.gilPelaez(
        density: 1, threshold: 1e30, pathGain: g, fading: try .nakagami(m: 2), noise: 0)
    #expect(huge.value <= 2 / Double.pi * 1e-15 + huge.absError)
}

/// The Nakagami mean rate (the command: 333.23 nats before, ≈ 1.54 by the scipy peer) against
/// ∫_0^∞ P_c(e^t − 1) dt of the closed-form oracle, integrated here independently to 1e-10. Tolerance 1e-6:
/// the route's relative tolerance is 1e-7 on a value ≈ 1.5, plus its rigorous tail bound (< 1e-9).
@Test func nakagamiMeanRateMatchesClosedFormQuadratureAndStopsEarly() throws {
    let scenario = try DensificationScenario(
        pathGain: try .singleSlope(exponent: 4), fading: try .nakagami(m: 2), association: .nearest)
    let rate = try scenario.meanRate(density: 1, relativeTolerance: 1e-7)
    let rule = GaussKronrodQuadrature(absoluteTolerance: 1e-11, relativeTolerance: 1e-10, maximumSubdivisions: 500)
    var oracleFailure: Error?
    let oracle = try rule.integrate(
        { t in
            // Beyond T = 1e300 the value is below sinc(½)·1e−150: zero to the tolerance.
            guard t < 690 else { return 0 }
            do { return try nakagamiTwoOracle(threshold: expm1(t), exponent: 4) } catch {
                oracleFailure = error
                return 0
            }
        }, from: 0, to: .infinity)
    #expect(oracleFailure == nil)
    #expect(abs(rate.value - oracle.value) <= 1e-6, "rate \(rate.value) vs oracle \(oracle.value)")
    #expect(rate.absError < 1e-6)
    #expect(rate.method == .gilPelaezNearest)
}

/// Mean-power association with log-normal shadowing, Rayleigh h and a dual-slope gain (no route before).
/// Oracles: (a) equal exponents reduce to single slope, where the displacement theorem gives ABG's
/// 1/(1 + π/4) for any σ (closed form, 1e-6); (b) σ = 0 is nearest association, computed by the independent
/// route (f) (1e-7, both routes at ≲ 1e-9); (c) a true dual slope against Monte-Carlo within 4 half-widths
/// (10 000 drops, fixed seed).
@Test func meanPowerWithShadowingAndMultiSlopeMatchesOracles() throws {
    let equal = try MultiSlopePathGain.dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1)
    for sigma in [4.0, 8.0] {
        let fading = try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: sigma)
        let s = try DensificationScenario(pathGain: equal, fading: fading, association: .strongestMeanPower)
        let v = try s.coverage(density: 1, threshold: 1)
        #expect(v.method == .meanPowerRayleigh)
        #expect(abs(v.value - 1 / (1 + Double.pi / 4)) <= 1e-6, "σ = \(sigma) dB: \(v.value)")
    }
    let dual = try MultiSlopePathGain.dualSlope(nearExponent: 2.5, farExponent: 4, criticalDistance: 1)
    let unshadowed = try MeanPowerCoverage.rayleigh(
        density: 0.7, threshold: 0.5, pathGain: dual, fading: .rayleigh, noise: 0.01)
    let nearest = try NearestCellCoverage.rayleigh(
        density: 0.7, threshold: 0.5, pathGain: dual, fading: .rayleigh, noise: 0.01)
    #expect(abs(unshadowed.value - nearest.value) <= 1e-7, "\(unshadowed.value) vs \(nearest.value)")

    let fading = try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: 6)
    let scenario = try DensificationScenario(pathGain: dual, fading: fading, association: .strongestMeanPower)
    let exact = try scenario.coverage(density: 1, threshold: 1)
    var configuration = MonteCarloConfiguration(fixedDrops: 10_000, seed: 13)
    configuration.minimumNeighbours = 400
    let mc = try DensificationSimulator(scenario: scenario, configuration: configuration)
        .run(densities: [1], thresholds: [1]).coverage[0][0]
    #expect(abs(mc.mean - exact.value) <= 4 * mc.halfWidth, "MC \(mc.mean) ± \(mc.halfWidth) vs \(exact.value)")
}

/// Routes that still have no analytic form say why (the CLI prints the reason), rather than failing silently.
@Test func missingRoutesCarryAReason() throws {
    let dual = try MultiSlopePathGain.dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1)
    let strongest = try DensificationScenario(
        pathGain: dual, fading: try .nakagami(m: 2), association: .strongestInstantaneous)
    #expect {
        _ = try strongest.coverage(density: 1, threshold: 0.5)
    } throws: { error in
        guard case DensificationError.analyticUnavailable(let reason) = error else { return false }
        return reason.contains("multi-slope") && reason.contains("below T = 1") && reason.contains("Rayleigh")
    }
    let shadowed = try DensificationScenario(pathGain: dual, fading: try .logNormal(sigmaDB: 6), association: .nearest)
    #expect {
        _ = try shadowed.coverage(density: 1, threshold: 0.5)
    } throws: { error in
        guard case DensificationError.analyticUnavailable(let reason) = error else { return false }
        return reason.contains("single-slope")
    }
}
