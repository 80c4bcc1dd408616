import Foundation
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
/// density do not depend on the other densities of the plan).
@Test func strongestTableThroughPlanMatchesInclusionExclusion() throws {
    let scenario = try DensificationScenario(
        pathGain: try .dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1), fading: .rayleigh,
        association: .strongestInstantaneous, noise: 0.1)
    let thresholds = [0.3, 0.8]
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
    let single = try scenario.coverage(density: 40, threshold: 0.3)
    #expect(single == (try plan.coverage(density: 40, threshold: 0.3)))
}
