import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

// Issue 13 items 2 and 3 and Rician fading: strongest-BS coverage at every threshold (route i), nearest-BS coverage
// with pure log-normal shadowing (route j), and the Rician law, each against an independent oracle.

/// MC checks: within 4 half-widths of the analytic value at a fixed seed (docs/DENSIFICATION.md#test-tolerances 9).
private let halfWidthMultiple = 4.0

private func monteCarlo(
    _ scenario: DensificationScenario, density: Double, thresholds: [Double], drops: Int, seed: UInt64 = 11,
    neighbours: Int = 400
) throws -> MonteCarloResult {
    var configuration = MonteCarloConfiguration(fixedDrops: drops, seed: seed)
    configuration.minimumNeighbours = neighbours
    return try DensificationSimulator(scenario: scenario, configuration: configuration)
        .run(densities: [density], thresholds: thresholds)
}

private func expectWithin(_ e: MCEstimate, _ exact: AnalyticValue, _ label: String) {
    #expect(
        abs(e.mean - exact.value) <= halfWidthMultiple * e.halfWidth + exact.absError,
        "\(label): MC \(e.mean) ± \(e.halfWidth), analytic \(exact.value) ± \(exact.absError)")
}

/// G_δ(s) = s^δγ(1−δ, s): on the real line against the core's regularised incomplete gamma (1e-12 relative);
/// the series (|s| ≤ 4) and the continued fraction (|s| > 4) agree across the switch (1e-10).
@Test func truncatedGammaMatchesRealIncompleteGammaAndIsContinuous() {
    for delta in [0.25, 0.5, 2.0 / 3] {
        for s in [0.01, 0.5, 3.9, 4.1, 12, 80] {
            let g = LaplaceInversion.truncatedGamma(Complex(s, 0), delta: delta)
            let oracle =
                pow(s, delta) * SpecialFunctions.gamma(1 - delta) * SpecialFunctions.regularizedGammaP(1 - delta, s)
            #expect(abs(g.real - oracle) <= 1e-12 * abs(oracle), "δ = \(delta), s = \(s): \(g.real) vs \(oracle)")
            #expect(abs(g.imaginary) <= 1e-13 * abs(oracle))
        }
        // Both branches at |s| = 4 (series at 3.999 999 999, continued fraction at 4.000 000 001).
        for angle in [0.0, 0.7, 1.4, 1.55] {
            let inside = LaplaceInversion.truncatedGamma(
                Complex(3.999_999_999 * cos(angle), 3.999_999_999 * sin(angle)), delta: delta)
            let outside = LaplaceInversion.truncatedGamma(
                Complex(4.000_000_001 * cos(angle), 4.000_000_001 * sin(angle)), delta: delta)
            #expect((inside - outside).length <= 1e-8, "δ = \(delta), angle \(angle)")
        }
    }
}

/// Route (i), single slope, against the closed form of Dhillon et al. (T ≥ 1) and KBK's inclusion–exclusion
/// (1/32 ≤ T < 1), with and without noise. Tolerance: the sum of both error estimates plus 1e-6 (the
/// Laplace inversion converges slowly at the kinks T = 1/n, where its error estimate is what is checked).
@Test func strongestConditionalRouteMatchesDhillonAndInclusionExclusion() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    for t in [1.0, 2, 10] {
        let v = try StrongestCellCoverage.conditionalOnStrongest(
            density: 1, threshold: t, pathGain: g, fading: .rayleigh, noise: 0)
        let dhillon = try StrongestCellCoverage.dhillonClosedForm(threshold: t, exponent: 4)
        #expect(abs(v.value - dhillon.value) <= v.absError + 1e-6, "T = \(t): \(v.value) vs \(dhillon.value)")
        #expect(v.absError < 1e-5)
    }
    for noise in [0.0, 0.3] {
        for t in [0.7, 0.5, 0.2, 0.05] {
            let v = try StrongestCellCoverage.conditionalOnStrongest(
                density: 1, threshold: t, pathGain: g, fading: .rayleigh, noise: noise)
            let kbk = try StrongestCellCoverage.keelerInclusionExclusion(
                density: 1, threshold: t, exponent: 4, fading: .rayleigh, noise: noise)
            #expect(
                abs(v.value - kbk.value) <= v.absError + kbk.absError + 1e-6,
                "W = \(noise), T = \(t): \(v.value) ± \(v.absError) vs KBK \(kbk.value) ± \(kbk.absError)")
        }
    }
}

/// Route (i) for multi-slope path loss: at T ≥ 1 against the independent Mecke route (e); equal exponents
/// (a single slope written as two) against KBK below T = 1; a true dual slope at −3 dB against Monte-Carlo
/// (20 000 drops, seed 11, 4 half-widths). Tolerances: the routes' own error estimates plus 1e-6.
@Test func strongestConditionalRouteMultiSlopeMatchesMeckeKBKAndMonteCarlo() throws {
    let dual = try MultiSlopePathGain.dualSlope(nearExponent: 2.5, farExponent: 4, criticalDistance: 1)
    for (t, w) in [(2.0, 0.05)] {
        let v = try StrongestCellCoverage.conditionalOnStrongest(
            density: 0.8, threshold: t, pathGain: dual, fading: .rayleigh, noise: w)
        let mecke = try StrongestCellCoverage.mecke(
            density: 0.8, threshold: t, pathGain: dual, fading: .rayleigh, noise: w)
        #expect(
            abs(v.value - mecke.value) <= v.absError + mecke.absError + 1e-6,
            "T = \(t), W = \(w): \(v.value) ± \(v.absError) vs Mecke \(mecke.value)")
    }
    let equal = try MultiSlopePathGain.dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1)
    let v = try StrongestCellCoverage.conditionalOnStrongest(
        density: 1, threshold: 0.3, pathGain: equal, fading: .rayleigh, noise: 0.1)
    let kbk = try StrongestCellCoverage.keelerInclusionExclusion(
        density: 1, threshold: 0.3, exponent: 4, fading: .rayleigh, noise: 0.1)
    #expect(abs(v.value - kbk.value) <= v.absError + kbk.absError + 1e-6, "\(v.value) vs KBK \(kbk.value)")

    let scenario = try DensificationScenario(
        pathGain: try .dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1), fading: .rayleigh,
        association: .strongestInstantaneous, noise: 0.01)
    let thresholds = [0.5]
    let mc = try monteCarlo(scenario, density: 2, thresholds: thresholds, drops: 20_000)
    for (j, t) in thresholds.enumerated() {
        let exact = try scenario.coverage(density: 2, threshold: t)
        #expect(exact.method == .strongestConditional)
        expectWithin(mc.coverage[0][j], exact, "dual slope 1.5/4, T = \(t)")
    }
}

/// Single slope below T = 1/32 (no route before) against Monte-Carlo, with Nakagami fading and noise.
@Test func strongestBelowInclusionExclusionLimitMatchesMonteCarlo() throws {
    let scenario = try DensificationScenario(
        pathGain: try .singleSlope(exponent: 3.5), fading: try .nakagami(m: 2), association: .strongestInstantaneous,
        noise: 0.02)
    let thresholds = [0.02, 0.005]
    let mc = try monteCarlo(scenario, density: 1, thresholds: thresholds, drops: 20_000)
    for (j, t) in thresholds.enumerated() {
        let exact = try scenario.coverage(density: 1, threshold: t)
        #expect(exact.method == .strongestConditional)
        expectWithin(mc.coverage[0][j], exact, "single slope, T = \(t)")
    }
}

/// Route (j): as σ → 0 it tends to the unshadowed nearest = strongest value (KBK, 1e-4 at σ = 0.01 dB);
/// against Monte-Carlo with 8 dB shadowing, with and without noise (20 000 drops, 4 half-widths).
@Test func nearestPureShadowingMatchesLimitAndMonteCarlo() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    let faint = try NearestCellCoverage.pureShadowing(
        density: 1, threshold: 0.5, pathGain: g, fading: try .logNormal(sigmaDB: 0.01), noise: 0)
    let kbk = try StrongestCellCoverage.keelerInclusionExclusion(
        density: 1, threshold: 0.5, exponent: 4, fading: .none, noise: 0)
    #expect(abs(faint.value - kbk.value) <= 1e-4, "\(faint.value) vs \(kbk.value)")
    for noise in [0.0, 0.2] {
        let scenario = try DensificationScenario(
            pathGain: g, fading: try .logNormal(sigmaDB: 8), association: .nearest, noise: noise)
        let thresholds = [0.1, 1, 10]
        let mc = try monteCarlo(scenario, density: 1, thresholds: thresholds, drops: 20_000)
        for (j, t) in thresholds.enumerated() {
            let exact = try scenario.coverage(density: 1, threshold: t)
            #expect(exact.method == .nearestLogNormal)
            expectWithin(mc.coverage[0][j], exact, "nearest LN 8 dB, W = \(noise), T = \(t)")
        }
    }
}

/// Rician law: E[h] = 1 and E[h²] = (K² + 4K + 2)/(K + 1)² (closed forms of the non-central χ²), E[h^{½}] by
/// quadrature of its density; L_h(s) from the moments' Poisson mixture; K = 0 is Rayleigh; the sampler's mean
/// and second moment within 4 standard errors; parsing of linear and dB K.
@Test func ricianLawMomentsTransformsSamplerAndParsing() throws {
    for k in [0.0, 0.5, 3, 20] {
        let f = try FadingModel.rician(k: k)
        #expect(abs(f.moment(order: 1) - 1) <= 1e-12)
        let second = (k * k + 4 * k + 2) / ((k + 1) * (k + 1))
        #expect(abs(f.moment(order: 2) - second) <= 1e-12 * second)
        // L_h(s) = Σ_n Pois(n; K) (1 + b s)^{−(n+1)}, the Gamma(n+1, b) mixture, against the closed form.
        let b = 1 / (k + 1)
        for s in [0.1, 1.0, 7.0] {
            var mixture = 0.0
            for n in 0..<200 {
                mixture +=
                    exp(-k + Double(n) * log(max(k, 1e-300)) - SpecialFunctions.logGamma(Double(n) + 1))
                    * pow(1 + b * s, -Double(n) - 1)
            }
            if k == 0 { mixture = 1 / (1 + s) }
            #expect(abs(f.laplaceTransform(s) - mixture) <= 1e-13)
            // φ at ω: the same mixture in (1 − ibω)^{−(n+1)}.
            let phi = f.characteristicFunction(s)
            var re = 0.0
            var im = 0.0
            for n in 0..<200 {
                let w =
                    k == 0 ? (n == 0 ? 1 : 0) : exp(-k + Double(n) * log(k) - SpecialFunctions.logGamma(Double(n) + 1))
                let z = Complex<Double>.exp(Complex<Double>.log(Complex(1, -b * s)).multiplied(by: -Double(n) - 1))
                re += w * z.real
                im += w * z.imaginary
            }
            #expect(abs(phi.real - re) <= 1e-12 && abs(phi.imaginary - im) <= 1e-12, "K = \(k), ω = \(s)")
        }
    }
    #expect(try FadingModel.rician(k: 0).isPureRayleigh)
    #expect(try FadingModel(specification: "rician:3") == (try FadingModel.rician(k: 3)))
    let db = try FadingModel(specification: "rician:10dB")
    #expect(db.smallScale == .rician(k: 10))
    #expect(throws: DensificationError.invalidRicianK(value: -1)) { try FadingModel(specification: "rician:-1") }
    // Sampler: n = 200 000 draws; standard errors from the exact variances.
    var generator = Xoshiro256StarStar(seed: 5, stream: 0)
    let k = 3.0
    let f = try FadingModel.rician(k: k)
    let n = 200_000
    var sum = 0.0
    var sumSquares = 0.0
    for _ in 0..<n {
        let h = f.sampleSmallScale(using: &generator)
        sum += h
        sumSquares += h * h
    }
    let variance = f.moment(order: 2) - 1
    #expect(abs(sum / Double(n) - 1) <= 4 * (variance / Double(n)).squareRoot())
    let fourth = f.moment(order: 4)
    let m2 = f.moment(order: 2)
    #expect(abs(sumSquares / Double(n) - m2) <= 4 * ((fourth - m2 * m2) / Double(n)).squareRoot())
}

/// Rician routes: strongest BS at T ≥ 1 is Dhillon's 2/π for any law; nearest BS (Gil-Pelaez), strongest below
/// 1/32 (route i) and mean power with shadowing (single slope) against Monte-Carlo (20 000 drops, 4 half-widths).
@Test func ricianRoutesMatchMonteCarlo() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    let rician = try FadingModel.rician(k: 5)
    let strongest = try DensificationScenario(pathGain: g, fading: rician, association: .strongestInstantaneous)
    let thresholds = [1.0, 0.02]
    let mcStrongest = try monteCarlo(strongest, density: 1, thresholds: thresholds, drops: 20_000)
    for (j, t) in thresholds.enumerated() {
        expectWithin(mcStrongest.coverage[0][j], try strongest.coverage(density: 1, threshold: t), "strongest T = \(t)")
    }
    let nearest = try DensificationScenario(pathGain: g, fading: rician, association: .nearest, noise: 0.05)
    let mcNearest = try monteCarlo(nearest, density: 1, thresholds: [0.3, 1, 3], drops: 20_000)
    for (j, t) in [0.3, 1, 3].enumerated() {
        let exact = try nearest.coverage(density: 1, threshold: t)
        #expect(exact.method == .gilPelaezNearest)
        expectWithin(mcNearest.coverage[0][j], exact, "nearest Rician T = \(t)")
    }
    let shadowed = try DensificationScenario(
        pathGain: g, fading: try FadingModel(smallScale: .rician(k: 5), shadowingSigmaDB: 6),
        association: .strongestMeanPower)
    let mcShadowed = try monteCarlo(shadowed, density: 1, thresholds: [1], drops: 20_000)
    expectWithin(mcShadowed.coverage[0][0], try shadowed.coverage(density: 1, threshold: 1), "mean power Rician+LN")
}

/// The Gauss–Laguerre rules integrate e^{−u}u^k exactly (k! to 1e-12 relative) up to k = 2n − 1 (checked to k = 20).
@Test func gaussLaguerreRulesIntegratePolynomialsExactly() {
    for rule in [GaussLaguerre.fine, GaussLaguerre.coarse] {
        for k in 0...20 {
            var sum = 0.0
            for i in rule.nodes.indices { sum += rule.weights[i] * pow(rule.nodes[i], Double(k)) }
            let factorial = SpecialFunctions.gamma(Double(k) + 1)
            #expect(abs(sum - factorial) <= 1e-12 * factorial, "n = \(rule.nodes.count), k = \(k): \(sum)")
        }
    }
}

/// Strongest-BS rate conditional on the strongest power: at W = 0 against the exact single-slope form (both as
/// single slope and as two equal slopes, 1e-6), and a dual slope with noise against Monte-Carlo (20 000 drops,
/// 4 half-widths).
@Test func strongestConditionalRateMatchesExactFormAndMonteCarlo() throws {
    let exact = try StrongestCellRate.interferenceLimited(exponent: 4)
    let single = try StrongestCellRate.conditional(
        density: 1, pathGain: try .singleSlope(exponent: 4), fading: .rayleigh, noise: 0)
    #expect(abs(single.value - exact.value) <= 1e-6, "\(single.value) vs \(exact.value)")
    let equal = try StrongestCellRate.conditional(
        density: 1, pathGain: try .dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1), fading: .rayleigh,
        noise: 0)
    #expect(abs(equal.value - exact.value) <= 1e-6, "\(equal.value) vs \(exact.value)")
    let scenario = try DensificationScenario(
        pathGain: try .dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1), fading: .rayleigh,
        association: .strongestInstantaneous, noise: 0.01)
    let rate = try scenario.meanRate(density: 2)
    #expect(rate.method == .strongestConditional)
    let mc = try monteCarlo(scenario, density: 2, thresholds: [1], drops: 20_000)
    expectWithin(mc.rate[0], rate, "dual-slope rate")
}
