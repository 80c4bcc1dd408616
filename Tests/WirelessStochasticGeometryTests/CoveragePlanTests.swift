import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// `CoveragePlan` owns the tables the routes reuse (no process-wide memo): it holds exactly the tables its
/// scenario's routes reach, and its values are the bits of the plan-free public calls.

@Test func planHoldsTheInclusionExclusionTermsOfItsThresholds() throws {
    let scenario = try DensificationScenario(
        pathGain: MultiSlopePathGain(exponents: [4], breakpoints: []), fading: .rayleigh,
        association: .strongestInstantaneous)
    // T = 0.1: J_3 … J_10 (n ≤ ⌈1/T⌉); T = 0.3: J_3, J_4; T = 1 with W = 0 is Dhillon's closed form (none).
    let plan = CoveragePlan(scenario: scenario, thresholds: [0.1, 0.3, 1])
    #expect(plan.inclusionExclusion.count == 8 + 2)
    #expect(plan.characteristicTable == nil)
    for t in [0.1, 0.3, 1] {
        let planned = try plan.coverage(density: 2, threshold: t)
        let direct = try scenario.coverage(density: 2, threshold: t)
        #expect(planned == direct, "T = \(t)")
    }
    // An unplanned threshold is computed without a table, to the same bits.
    #expect(try plan.coverage(density: 2, threshold: 0.2) == (try scenario.coverage(density: 2, threshold: 0.2)))
}

@Test func planOfAMultiSlopeOrNearestRayleighNetworkHoldsNoTable() throws {
    let twoSlope = try DensificationScenario(
        pathGain: MultiSlopePathGain(exponents: [2.5, 4], breakpoints: [1]), fading: .rayleigh,
        association: .strongestInstantaneous)
    let nearest = try DensificationScenario(
        pathGain: MultiSlopePathGain(exponents: [4], breakpoints: []), fading: .rayleigh, association: .nearest)
    for scenario in [twoSlope, nearest] {
        let plan = CoveragePlan(scenario: scenario, thresholds: [0.1, 1])
        #expect(plan.inclusionExclusion.isEmpty)
        #expect(plan.characteristicTable == nil)
    }
}

@Test func planOfANearestNakagamiNetworkHoldsTheCharacteristicTable() throws {
    let scenario = try DensificationScenario(
        pathGain: MultiSlopePathGain(exponents: [4], breakpoints: []),
        fading: FadingModel(smallScale: .nakagami(m: 2)), association: .nearest, noise: 0.01)
    let plan = CoveragePlan(scenario: scenario, thresholds: [1])
    #expect(plan.characteristicTable?.isTable(of: scenario.fading, delta: 0.5) == true)
    #expect(plan.inclusionExclusion.isEmpty)
    #expect(try plan.coverage(density: 1, threshold: 1) == (try scenario.coverage(density: 1, threshold: 1)))
    // Mean-power association with shadowing, single slope: the route sees h alone (displacement theorem).
    let meanPower = try DensificationScenario(
        pathGain: MultiSlopePathGain(exponents: [4], breakpoints: []),
        fading: FadingModel(smallScale: .nakagami(m: 2), shadowingSigmaDB: 6), association: .strongestMeanPower)
    let smallOnly = try FadingModel(smallScale: .nakagami(m: 2))
    #expect(
        CoveragePlan(scenario: meanPower, thresholds: [1]).characteristicTable?.isTable(of: smallOnly, delta: 0.5)
            == true)
}

@Test func nearestNetworkWithoutFadingPlansTheStrongestRoute() throws {
    // h ≡ 1 and no shadowing: the nearest BS is the strongest, so route (d) needs J_n.
    let scenario = try DensificationScenario(
        pathGain: MultiSlopePathGain(exponents: [4], breakpoints: []), fading: FadingModel(smallScale: .none),
        association: .nearest)
    let plan = CoveragePlan(scenario: scenario, thresholds: [0.25])
    #expect(plan.inclusionExclusion.count == 2)
    #expect(try plan.coverage(density: 1, threshold: 0.25) == (try scenario.coverage(density: 1, threshold: 0.25)))
}

@Test func noiseSpecificationGivesTheNoiseOfEachForm() throws {
    let g = try MultiSlopePathGain(exponents: [2, 4], breakpoints: [10])
    #expect(try NoiseSpecification.interferenceLimited.normalizedNoise(pathGain: g) == 0)
    #expect(try NoiseSpecification.normalized(0.25).normalizedNoise(pathGain: g) == 0.25)
    #expect(
        try NoiseSpecification.edgeSNR(dB: 10).normalizedNoise(pathGain: g)
            == (try DensificationScenario.noise(forEdgeSNRDB: 10, pathGain: g)))
    let budget = try LinkBudget(transmitPowerDBm: 30, pathLossAt1mDB: 61.4, bandwidthHz: 1e8, noiseFigureDB: 7)
    let scenario = try DensificationScenario(
        pathGain: g, fading: .rayleigh, association: .nearest, noise: NoiseSpecification.linkBudget(budget))
    #expect(scenario.noise == (try budget.normalizedNoise()))
    #expect(throws: DensificationError.self) { try NoiseSpecification.edgeSNR(dB: .nan).normalizedNoise(pathGain: g) }
}
