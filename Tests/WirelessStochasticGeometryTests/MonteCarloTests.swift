import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// docs/DENSIFICATION.md#test-tolerances item 9: MC within 4 confidence half-widths of the exact value at a fixed seed.
private let halfWidthMultiple = 4.0
/// Small drop counts keep the suite fast; the half-width (≈ 0.018 at p ≈ 0.5, n = 3000) scales the check.
private let testDrops = 3000

private func simulate(
    _ fading: FadingModel, _ association: Association, density: Double = 1, thresholds: [Double] = [1],
    exponent: Double = 4, neighbours: Int = 200, drops: Int = testDrops, seed: UInt64 = 7
) throws -> MonteCarloResult {
    let scenario = try DensificationScenario(
        pathGain: try .singleSlope(exponent: exponent), fading: fading, association: association)
    var configuration = MonteCarloConfiguration(fixedDrops: drops, seed: seed)
    configuration.minimumNeighbours = neighbours
    return try DensificationSimulator(scenario: scenario, configuration: configuration)
        .run(densities: [density], thresholds: thresholds)
}

private func expectWithinCI(_ e: MCEstimate, _ exact: Double, _ label: String) {
    #expect(
        abs(e.mean - exact) <= halfWidthMultiple * max(e.halfWidth, 1e-12),
        "\(label): MC \(e.mean) ± \(e.halfWidth), exact \(exact)")
}

@Test func halfWidthAtOneHundredThousandDrops() {
    #expect((MCEstimate.halfWidth(p: 0.5, n: 100_000) * 10_000).rounded() / 10_000 == 0.0031)
}

@Test func monteCarloMatchesClosedForms() throws {
    let abg = 1 / (1 + Double.pi / 4)
    expectWithinCI(try simulate(.rayleigh, .nearest).coverage[0][0], abg, "ABG nearest")
    let composite = try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: 8)
    expectWithinCI(
        try simulate(composite, .strongestMeanPower, neighbours: 400).coverage[0][0], abg, "mean power LN 8 dB")
    let laws: [(FadingModel, String)] = [
        (.rayleigh, "Rayleigh"), (try .nakagami(m: 3), "Nakagami 3"), (try .logNormal(sigmaDB: 8), "LN 8 dB"),
        (composite, "Rayleigh+LN 8 dB"),
    ]
    for (law, label) in laws {
        let r = try simulate(law, .strongestInstantaneous, neighbours: 400)
        expectWithinCI(r.coverage[0][0], 2 / Double.pi, "strongest \(label)")
        #expect(r.servedAtLastFraction[0] < 1e-3)
    }
}

@Test func monteCarloMatchesInclusionExclusionBelowOneAndRate() throws {
    let thresholds = [0.5, 0.3]
    let r = try simulate(.rayleigh, .strongestInstantaneous, thresholds: thresholds)
    for (j, t) in thresholds.enumerated() {
        let exact = try StrongestCellCoverage.keelerInclusionExclusion(
            density: 1, threshold: t, exponent: 4, fading: .rayleigh, noise: 0)
        expectWithinCI(r.coverage[0][j], exact.value, "KBK T=\(t)")
    }
    // Nearest mean rate vs the analytic route (Gauss–Kronrod over t of P_c(e^t − 1)).
    let nearest = try simulate(.rayleigh, .nearest)
    let scenario = try DensificationScenario(
        pathGain: try .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest)
    expectWithinCI(nearest.rate[0], try scenario.meanRate(density: 1).value, "nearest rate")
}

@Test func commonRandomNumbersAndReproducibility() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    let densities = [0.1, 1, 10, 100]
    let plan = DropPlan(
        scenario: try DensificationScenario(pathGain: g, fading: .rayleigh, association: .nearest),
        densities: densities, thresholds: [1], neighbourCounts: [200, 200, 200, 200], maximumCount: 200)
    let buffers = UnsafeMutableBufferPointer<Double>.allocate(capacity: 800)
    defer { buffers.deallocate() }
    let a = UnsafeMutableBufferPointer(rebasing: buffers[0..<200])
    let h = UnsafeMutableBufferPointer(rebasing: buffers[200..<400])
    let s = UnsafeMutableBufferPointer(rebasing: buffers[400..<600])
    let y = UnsafeMutableBufferPointer(rebasing: buffers[600..<800])
    var generator = Xoshiro256StarStar(seed: 3)
    for _ in 0..<200 {
        plan.drawDrop(halfLogGamma: a, fading: h, shadowing: s, sampler: FadingSampler(.rayleigh), using: &generator)
        var sirs: [Double] = []
        for i in densities.indices {
            let nearest = plan.sinr(
                densityIndex: i, association: .nearest, halfLogGamma: a, fading: h, shadowing: s, received: y)
            let strongest = plan.sinr(
                densityIndex: i, association: .strongestInstantaneous, halfLogGamma: a, fading: h, shadowing: s,
                received: y)
            #expect(strongest.sinr >= nearest.sinr)
            sirs.append(nearest.sinr)
        }
        // Single slope, W = 0: the SIR does not depend on λ (common random numbers, r_k ∝ λ^{−1/2}).
        for v in sirs { #expect(abs(v - sirs[0]) <= 1e-12 * sirs[0]) }
    }
    // Same seed, same result; batches merge in batch order whatever thread ran them.
    let scenario = try DensificationScenario(pathGain: g, fading: .rayleigh, association: .strongestInstantaneous)
    var configuration = MonteCarloConfiguration(fixedDrops: 3000, seed: 11)
    configuration.batchSize = 500
    configuration.minimumNeighbours = 100
    let simulator = try DensificationSimulator(scenario: scenario, configuration: configuration)
    let first = try simulator.run(densities: [1, 10], thresholds: [0.5, 1, 2])
    let second = try simulator.run(densities: [1, 10], thresholds: [0.5, 1, 2])
    #expect(first == second)
    #expect(first.drops == 3000)
}

/// docs/DENSIFICATION.md#monte-carlo step 9: the estimate at a density must not depend on the rest of the λ grid (which
/// sets K(λ_max),
/// previously the per-batch stream length) nor on the batch size.
@Test func estimateAtADensityIsIndependentOfTheGridAndBatchSize() throws {
    // α0 ≤ 2 with the strongest BS: K(λ) grows with λ (`coversNearField`), so the grid changes K(λ_max).
    let g = try MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
    let scenario = try DensificationScenario(
        pathGain: g, fading: try FadingModel(smallScale: .nakagami(m: 2), shadowingSigmaDB: 4),
        association: .strongestInstantaneous)
    var configuration = MonteCarloConfiguration(fixedDrops: 600, seed: 9)
    configuration.minimumNeighbours = 50
    configuration.batchSize = 250
    let alone = try DensificationSimulator(scenario: scenario, configuration: configuration)
        .run(densities: [1], thresholds: [1])
    let inGrid = try DensificationSimulator(scenario: scenario, configuration: configuration)
        .run(densities: [1, 30], thresholds: [0.5, 1])
    #expect(inGrid.neighbourCounts[1] > alone.neighbourCounts[0])
    #expect(inGrid.coverage[0][1] == alone.coverage[0][0])
    #expect(inGrid.rate[0] == alone.rate[0])
    #expect(inGrid.tailShare[0] == alone.tailShare[0])
    // Another batch size: the same drops, so identical counts; float sums merge in a different order.
    configuration.batchSize = 100
    let rebatched = try DensificationSimulator(scenario: scenario, configuration: configuration)
        .run(densities: [1], thresholds: [1])
    #expect(rebatched.coverage[0][0] == alone.coverage[0][0])
    #expect(abs(rebatched.rate[0].mean - alone.rate[0].mean) <= summationOrderTolerance * alone.rate[0].mean)
}

/// Relative round-off of re-associating a sum of a few hundred positive terms.
private let summationOrderTolerance = 1e-12

/// λ = 1e308: 2πλ overflows; the analytic route used to return NaN and the MC tail share NaN.
@Test func extremeDensityGivesTypedErrorAndFiniteMonteCarlo() throws {
    let g = try MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
    let scenario = try DensificationScenario(pathGain: g, fading: .rayleigh, association: .strongestInstantaneous)
    #expect {
        try scenario.coverage(density: 1e308, threshold: 1)
    } throws: { error in
        guard case DensificationError.numericalFailure = error else { return false }
        return true
    }
    var configuration = MonteCarloConfiguration(fixedDrops: 20, seed: 1)
    configuration.maximumNeighbours = 400
    let r = try DensificationSimulator(scenario: scenario, configuration: configuration)
        .run(densities: [1e308], thresholds: [1])
    #expect(r.tailShare.allSatisfy { $0.isFinite })
    #expect(r.coverage[0][0].mean.isFinite && r.rate[0].mean.isFinite)
}

@Test func stopRuleReachesTargetWidth() throws {
    let scenario = try DensificationScenario(
        pathGain: try .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest)
    var configuration = MonteCarloConfiguration(seed: 5)
    configuration.minimumDrops = 1000
    configuration.maximumDrops = 40_000
    configuration.batchSize = 1000
    configuration.absoluteHalfWidth = 0.02
    configuration.relativeHalfWidth = 0.05
    configuration.minimumNeighbours = 100
    let r = try DensificationSimulator(scenario: scenario, configuration: configuration)
        .run(densities: [1], thresholds: [1])
    #expect(r.converged)
    #expect(r.coverage[0][0].halfWidth <= 0.02)
    #expect(r.drops < 40_000)
}

@Test func monteCarloASERisesInDecayRegimeWithAlphaZeroAboveOne() throws {
    // docs/DENSIFICATION.md#test-tolerances item 8: strongest-BS ASE for α0 = 1.5 rises on [1e2, 1e3] (ASE slope α0/2 >
    // 0).
    let g = try MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
    let scenario = try DensificationScenario(pathGain: g, fading: .rayleigh, association: .strongestInstantaneous)
    let r = try DensificationSimulator(
        scenario: scenario, configuration: MonteCarloConfiguration(fixedDrops: 150, seed: 2)
    )
    .run(densities: [1e2, 1e3], thresholds: [1])
    #expect(r.areaSpectralEfficiency[1].ciLow > r.areaSpectralEfficiency[0].ciHigh)
}

@Test func simulatorRejectsBadParameters() throws {
    let scenario = try DensificationScenario(
        pathGain: try .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest)
    #expect(throws: DensificationError.invalidSimulationParameter(name: "drops", value: 0)) {
        try DensificationSimulator(scenario: scenario, configuration: MonteCarloConfiguration(fixedDrops: 0))
    }
    var bad = MonteCarloConfiguration()
    bad.maximumDrops = 10
    #expect(throws: DensificationError.invalidSimulationParameter(name: "maximumDrops", value: 10)) {
        try DensificationSimulator(scenario: scenario, configuration: bad)
    }
    var eps = MonteCarloConfiguration()
    eps.absoluteHalfWidth = 0
    #expect(throws: DensificationError.invalidSimulationParameter(name: "absoluteHalfWidth", value: 0)) {
        try DensificationSimulator(scenario: scenario, configuration: eps)
    }
    let simulator = try DensificationSimulator(scenario: scenario)
    #expect(throws: DensificationError.invalidDensity(value: 0)) { try simulator.run(densities: [0], thresholds: [1]) }
    #expect(throws: DensificationError.invalidThreshold(value: -1)) {
        try simulator.run(densities: [1], thresholds: [-1])
    }
    #expect(throws: DensificationError.invalidSweep(reason: "empty density grid")) {
        try simulator.run(densities: [], thresholds: [1])
    }
}

@Test func scenarioAndMetricsRejectBadInput() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    #expect(throws: DensificationError.invalidNoise(value: -1)) {
        try DensificationScenario(pathGain: g, fading: .rayleigh, association: .nearest, noise: -1)
    }
    #expect {
        try DensificationScenario(pathGain: g, fading: .rayleigh, association: .nearest, noise: .nan)
    } throws: { error in
        guard case DensificationError.invalidNoise(let v) = error else { return false }
        return v.isNaN
    }
    let scenario = try DensificationScenario(pathGain: g, fading: .rayleigh, association: .nearest)
    #expect(throws: DensificationError.invalidDensity(value: -1)) { try scenario.coverage(density: -1, threshold: 1) }
    #expect(throws: DensificationError.invalidDensity(value: .infinity)) {
        try scenario.coverage(density: .infinity, threshold: 1)
    }
    #expect(throws: DensificationError.invalidThreshold(value: .infinity)) {
        try scenario.coverage(density: 1, threshold: .infinity)
    }
    #expect(throws: DensificationError.invalidThreshold(value: -0.5)) {
        try scenario.coverage(density: 1, threshold: -0.5)
    }
    #expect(throws: DensificationError.closedFormOutOfDomain(reason: "Dhillon's closed form needs T ≥ 1 (got 0.5)")) {
        try StrongestCellCoverage.dhillonClosedForm(threshold: 0.5, exponent: 4)
    }
    // Must succeed: T = 0 gives P_c = 1; W = 0.
    #expect(try scenario.coverage(density: 1, threshold: 0).value == 1)
    // No analytic route: mean power + shadowing + multi-slope with non-Rayleigh h (Rayleigh h has one since
    // issue 13: `MeanPowerCoverage`).
    let dual = try MultiSlopePathGain.dualSlope(nearExponent: 2, farExponent: 4, criticalDistance: 1)
    let unavailable = try DensificationScenario(
        pathGain: dual, fading: try FadingModel(smallScale: .nakagami(m: 2), shadowingSigmaDB: 6),
        association: .strongestMeanPower)
    #expect(throws: DensificationError.self) { try unavailable.coverage(density: 1, threshold: 1) }
    // Category → exit code mapping.
    #expect(DensificationError.invalidDensity(value: 0).category == .invalidArgument)
    #expect(DensificationError.numericalFailure(reason: "x").category == .numerical)
}

@Test func strongestRateExactFormMatchesMonteCarloAndDominatesNearest() throws {
    let exact = try StrongestCellRate.interferenceLimited(exponent: 4)
    let mc = try simulate(.rayleigh, .strongestInstantaneous)
    expectWithinCI(mc.rate[0], exact.value, "strongest rate")
    let nearest = try DensificationScenario(
        pathGain: try .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest)
    #expect(exact.value > (try nearest.meanRate(density: 1)).value)
    // Series and incomplete-gamma branches of G agree at the switch point z = 1.
    let d = 0.5
    let gamma = SpecialFunctions.gamma(1 - d)
    let below = StrongestCellRate.g(1 - 1e-9, delta: d, gammaOneMinusDelta: gamma)
    let above = StrongestCellRate.g(1 + 1e-9, delta: d, gammaOneMinusDelta: gamma)
    #expect(abs(below - above) < 1e-8)
}

/// Nearest BS under Rayleigh h with log-normal shadowing on every link (route f): the interference exponent must
/// not cancel to a diverging −1e-16·∫x dx (it did: every cell failed as non-finite). Near σ → 0 it is the ABG
/// closed form 1/(1 + π/4) (tolerance 1e-6: the shadowing adds O(σ²) ≈ 5e-8 at σ = 0.01 dB, the quadratures
/// 1e-9); at σ = 6 dB it matches Monte-Carlo within 4 half-widths.
@Test func nearestWithShadowingMatchesClosedFormAndMonteCarlo() throws {
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    let tiny = try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: 0.01)
    let nearTiny = try NearestCellCoverage.rayleigh(density: 1, threshold: 1, pathGain: g, fading: tiny, noise: 0)
    #expect(abs(nearTiny.value - 1 / (1 + Double.pi / 4)) < 1e-6, "σ = 0.01 dB: \(nearTiny.value)")
    let composite = try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: 6)
    let analytic = try NearestCellCoverage.rayleigh(
        density: 1, threshold: 1, pathGain: g, fading: composite, noise: 0)
    expectWithinCI(
        try simulate(composite, .nearest, neighbours: 400).coverage[0][0], analytic.value, "nearest Rayleigh+LN 6 dB")
}
