import Foundation
import Numerics
import Testing

@testable import WirelessStochasticGeometry

// Issue 13 (speed of route i): the shared-panel table against the adaptive route it replaces in sweeps
// (`StrongestCellCoverage.multiSlopeConditional`, kept as the reference) and against KBK's inclusion–exclusion.

/// The adaptive reference integrates to absTol 1e-8 / relTol 1e-7 in t = ln u; the table's panels are far finer
/// than needed. Tolerance: both error estimates plus 1e-7 (the reference's own tolerance).
private let referenceTolerance = 1e-7

/// Dual slope 1.5/4 (the default sweep model), below 0 dB, with and without noise: table = adaptive route.
@Test func strongestTableMatchesAdaptiveRoute() throws {
    let g = try MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
    for (density, threshold, noise) in [(3.0, 0.5, 0.01)] {
        let table = StrongestConditionalTable(pathGain: g, fading: .rayleigh, noise: noise)
        let fast = table.coverage(density: density, threshold: threshold)
        let reference = StrongestCellCoverage.multiSlopeConditional(
            density: density, threshold: threshold, pathGain: g, fading: .rayleigh, noise: noise)
        #expect(
            abs(fast.value - reference.value) <= fast.absError + reference.absError + referenceTolerance,
            "λ = \(density), T = \(threshold), W = \(noise): \(fast.value) ± \(fast.absError) vs \(reference.value)")
        #expect(fast.absError < 1e-6)
    }
}

/// Equal exponents (a single slope written as two) through a plan of several densities and thresholds against
/// KBK's inclusion–exclusion (independent), and the plan's value is the one-cell value (bits: the panels of a
/// density do not depend on the other densities of the plan). T = 0.4 and 0.8, either side of the kink at ½, need
/// no J_n with n ≥ 4 (the costly ones in a debug build).
@Test func strongestTableThroughPlanMatchesInclusionExclusion() throws {
    let scenario = try DensificationScenario(
        pathGain: try .dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1), fading: .rayleigh,
        association: .strongestInstantaneous, noise: 0.1)
    let thresholds = [0.4, 0.8]
    let densities = [0.05, 40]
    let plan = CoveragePlan(scenario: scenario, thresholds: thresholds)
    plan.prepare(densities: densities)
    for lambda in densities {
        for t in thresholds {
            let v = try plan.coverage(density: lambda, threshold: t)
            #expect(v.method == .strongestConditional)
            let kbk = try StrongestCellCoverage.keelerInclusionExclusion(
                density: lambda, threshold: t, exponent: 4, fading: .rayleigh, noise: 0.1)
            #expect(
                abs(v.value - kbk.value) <= v.absError + kbk.absError + referenceTolerance,
                "λ = \(lambda), T = \(t): \(v.value) ± \(v.absError) vs KBK \(kbk.value) ± \(kbk.absError)")
        }
    }
    let single = try scenario.coverage(density: 40, threshold: 0.4)
    #expect(single == (try plan.coverage(density: 40, threshold: 0.4)))
}

/// The ln x quadrature of Λ̄₁, S₁ and E₁ on the tables' ½-wide panels against the adaptive routes' ¼-wide panels
/// (issue 13, speed): at the Euler nodes of T = ½ and at the rate's real σ nodes, for serving powers across the
/// near-field, breakpoint and far-field regimes. Tolerance 1e−9 relative (the estimate of the ½-wide rule is
/// ~2e−11 of each panel's share; 1e−9 leaves room for the sum).
@Test func strongestTableHalfWidthGridMatchesQuarterWidth() throws {
    let g = try MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
    let quarter = StrongestPowerProcess(pathGain: g, fading: .rayleigh, density: 1)
    let half = StrongestPowerProcess(
        pathGain: g, fading: .rayleigh, density: 1, panelWidth: StrongestConditionalTable.gridPanelWidth)
    let x = 2.0
    let euler = (0...52).map { k in Complex(LaplaceInversion.damping / (2 * x), Double.pi * Double(k) / x) }
    let sigma = StrongestConditionalTable.rateSigmaRule(farFieldExponent: 4)
    let sigmas = stride(from: 0, to: sigma.sigmas.count, by: 37).map { sigma.sigmas[$0] }
    for y in [1e-4, 0.3, 20] {
        let (a, b) = quarter.tailAndSlope(y)
        let (c, d) = half.tailAndSlope(y)
        #expect(abs(a - c) <= 1e-9 * a && abs(b - d) <= 1e-9 * b, "y = \(y): Λ̄₁ \(a) vs \(c), S₁ \(b) vs \(d)")
        let fine = quarter.exponents(euler, servingPower: y)
        let coarse = half.exponents(euler, servingPower: y)
        for k in euler.indices {
            #expect((fine[k] - coarse[k]).length <= 1e-9 * max(1, fine[k].length), "y = \(y), s_\(k)")
        }
        let realFine = quarter.realExponents(sigmas, servingPower: y, extraRange: sigma.extraRange)
        let realCoarse = half.realExponents(sigmas, servingPower: y, extraRange: sigma.extraRange)
        for j in sigmas.indices {
            #expect(
                abs(realFine[j] - realCoarse[j]) <= 1e-9 * max(1, abs(realFine[j])),
                "y = \(y), σ = \(sigmas[j]): \(realFine[j]) vs \(realCoarse[j])")
        }
    }
}

/// The rate table's conditional rate E ln(1 + y/(Z_y + W)) at one strongest power (½-wide x-grid, one σ rule
/// on 2-wide ln σ panels up to the smallest mass) against `StrongestPowerProcess.conditionalRate` (¼-wide x-grid,
/// unit ln σ panels up to the node's own mass), dual slope with noise. Tolerance 1e−9 absolute (both rules'
/// estimates are ~1e−11 relative; the values are O(1)).
@Test func strongestRateNodeMatchesConditionalRate() throws {
    let g = try MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
    let noise = 0.01
    let table = StrongestConditionalTable(pathGain: g, fading: .rayleigh, noise: noise)
    for (y, density) in [(0.05, 2.0), (3.0, 0.5), (200.0, 30.0)] {
        let process = StrongestPowerProcess(pathGain: g, fading: .rayleigh, density: density)
        let u = process.tail(y)
        let reference = process.conditionalRate(servingPower: y, mass: u, noise: noise)
        let parts = table.rateNode(servingPower: y)
        let fast = StrongestConditionalTable.conditionalRate(
            prefactors: parts.prefactors, exponents: parts.exponents, density: density)
        #expect(abs(fast - reference) <= 1e-9, "y = \(y), λ = \(density), u = \(u): \(fast) vs \(reference)")
    }
}

/// The rate table end to end: two equal slopes α = 4, W = 0, against the exact single-slope form of
/// `StrongestCellRate.interferenceLimited` (independent: no conditioning, nested real integrals), through a plan.
/// Tolerance: both error estimates plus 1e−7. (One density: the panels cost ≈ 0.1 s in release, seconds in debug.)
@Test func strongestRateTableMatchesExactForm() throws {
    let scenario = try DensificationScenario(
        pathGain: try .dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1), fading: .rayleigh,
        association: .strongestInstantaneous, noise: 0)
    let exact = try StrongestCellRate.interferenceLimited(exponent: 4)
    let plan = CoveragePlan(scenario: scenario, thresholds: [])
    plan.prepareRate(densities: [5])
    let v = try plan.meanRate(density: 5)
    #expect(v.method == .strongestConditional)
    #expect(
        abs(v.value - exact.value) <= v.absError + exact.absError + 1e-7,
        "\(v.value) ± \(v.absError) vs exact \(exact.value) ± \(exact.absError)")
    #expect(v.absError < 1e-6)
}
