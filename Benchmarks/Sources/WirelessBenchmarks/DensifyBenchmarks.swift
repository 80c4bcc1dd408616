import Foundation
import WirelessStochasticGeometry

/// Densification (issue 4 performance section): Monte-Carlo BS interactions per second on both cores,
/// the 21-density × 1e5-drop sweep with CIs, and the 21 × 20 analytic coverage grid (target < 1 s).
let densifyBenchmarks = BenchmarkGroup(name: "densify") {
    let densities = (0...20).map { pow(10, -2 + Double($0) * 0.25) }  // 1e-2 … 1e3, 4 per decade
    let thresholds = (0..<20).map { pow(10, (-10 + 1.5 * Double($0)) / 10) }  // −10 … 18.5 dB
    func simulator(_ drops: Int, _ association: Association, exponents: [Double], breakpoints: [Double])
        -> DensificationSimulator
    {
        let scenario = try! DensificationScenario(
            pathGain: try! MultiSlopePathGain(exponents: exponents, breakpoints: breakpoints), fading: .rayleigh,
            association: association)
        return try! DensificationSimulator(
            scenario: scenario, configuration: MonteCarloConfiguration(fixedDrops: drops, seed: 1))
    }
    return [
        // 21 λ × 1e5 drops × K = 400 BSs = 8.4e8 interactions.
        Benchmark(
            name: "MC sweep 21 λ × 1e5 drops, single slope, strongest (K=400)", work: (21 * 1e5 * 400, "interactions"),
            samples: 3
        ) {
            let sim = simulator(100_000, .strongestInstantaneous, exponents: [4], breakpoints: [])
            return { _ = try! sim.run(densities: densities, thresholds: [1]) }
        },
        // K = 400 at every density (α0 > 2: the near field is truncated like a single slope, with the piecewise tail).
        Benchmark(
            name: "MC sweep 21 λ × 1e5 drops, dual slope 2.5/4, strongest (K=400)",
            work: (21 * 1e5 * 400, "interactions"),
            samples: 3
        ) {
            let sim = simulator(100_000, .strongestInstantaneous, exponents: [2.5, 4], breakpoints: [1])
            return { _ = try! sim.run(densities: densities, thresholds: [1]) }
        },
        // Strongest BS with α0 ≤ 2: K(λ) covers the near field (max(400, ⌈12πλR1²⌉)).
        Benchmark(name: "MC sweep 21 λ × 1e4 drops, dual slope α0=1.5 (K up to 37,700)", samples: 3) {
            let sim = simulator(10_000, .strongestInstantaneous, exponents: [1.5, 4], breakpoints: [1])
            return { _ = try! sim.run(densities: densities, thresholds: [1]) }
        },
        Benchmark(name: "analytic 21 λ × 20 T nearest Rayleigh single slope (ABG)", work: (420, "cells"), samples: 5) {
            let scenario = try! DensificationScenario(
                pathGain: try! .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest, noise: 1e-3)
            return {
                for l in densities { for t in thresholds { _ = try! scenario.coverage(density: l, threshold: t) } }
            }
        },
        Benchmark(
            name: "analytic 21 λ × 20 T strongest single slope (Dhillon/KBK, T ≥ 0.1)", work: (420, "cells"), samples: 3
        ) {
            let scenario = try! DensificationScenario(
                pathGain: try! .singleSlope(exponent: 4), fading: .rayleigh, association: .strongestInstantaneous)
            return {
                for l in densities { for t in thresholds { _ = try! scenario.coverage(density: l, threshold: t) } }
            }
        },
        Benchmark(
            name: "analytic 21 λ × 20 T nearest Rayleigh dual slope α0=1.5 (route f)", work: (420, "cells"), samples: 3
        ) {
            let scenario = try! DensificationScenario(
                pathGain: try! .dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1), fading: .rayleigh,
                association: .nearest)
            return {
                for l in densities { for t in thresholds { _ = try! scenario.coverage(density: l, threshold: t) } }
            }
        },
        // Issue 13: the default `wtk densify sweep` model (dual slope 1.5/4, strongest BS, Rayleigh) on the 21 × 20
        // grid as the study computes it (one CoveragePlan, densities on both cores), coverage only, no curves.
        Benchmark(
            name: "analytic 21 λ × 20 T strongest dual slope α0=1.5 (default model, study)", work: (420, "cells"),
            samples: 3
        ) {
            var sweep = DensifySweepStudy.Configuration(
                scenario: try! DensificationScenario(
                    pathGain: try! .dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1),
                    fading: .rayleigh, association: .strongestInstantaneous),
                densities: densities)
            sweep.thresholdsDB = thresholds.map { 10 * log10($0) }
            sweep.metrics = [.coverage]
            sweep.monteCarlo = .off
            sweep.curvePointsPerDecade = 0
            return { _ = try! DensifySweepStudy(sweep).run(seed: 1) }
        },
        // Issue 13: the default metric, mean rate, on the default model. Before: the adaptive conditional route
        // (`StrongestCellRate.conditional`, seconds per density) at 3 of the 21 densities (1e-2, 1, 1e2; the whole
        // grid would take minutes per call): compare the densities/s column; after: the study at all 21, whose plan
        // shares threshold-free ln-y panels across densities.
        Benchmark(
            name: "analytic 3 λ rate strongest dual slope α0=1.5, adaptive per density (before)",
            work: (3, "densities"), samples: 1
        ) {
            let g = try! MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
            let some = [densities[0], densities[8], densities[16]]
            return {
                DispatchQueue.concurrentPerform(iterations: some.count) { i in
                    _ = try! StrongestCellRate.conditional(density: some[i], pathGain: g, fading: .rayleigh, noise: 0)
                }
            }
        },
        Benchmark(
            name: "analytic 21 λ rate strongest dual slope α0=1.5 (default model, study)", work: (21, "densities"),
            samples: 3
        ) {
            var sweep = DensifySweepStudy.Configuration(
                scenario: try! DensificationScenario(
                    pathGain: try! .dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1),
                    fading: .rayleigh, association: .strongestInstantaneous),
                densities: densities)
            sweep.metrics = [.rate]
            sweep.monteCarlo = .off
            sweep.curvePointsPerDecade = 0
            return { _ = try! DensifySweepStudy(sweep).run(seed: 1) }
        },
    ]
}
