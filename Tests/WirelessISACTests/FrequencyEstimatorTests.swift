import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessLinearAlgebra

@testable import WirelessISAC

/// One-column orthonormal subspace of a single tone a_N(ω)/√N.
func toneSubspace(count: Int, frequency: Double) -> Matrix<Complex<Double>> {
    let a = Vandermonde.vector(count: count, frequency: frequency).map { $0.divided(by: Double(count).squareRoot()) }
    return Matrix(rows: count, columns: 1, columnMajor: a)
}

/// AIC/MDL oracle written from Wax & Kailath's likelihood form: the log of the ratio of the
/// geometric to the arithmetic mean raised to the power Q(N−k), computed through products.
func referenceOrder(_ values: [Double], q: Int, mdl: Bool) -> Int {
    let n = values.count
    var best = (Double.infinity, 0)
    for k in 1..<n {
        let tail = Array(values[k...])
        let m = Double(n - k)
        let product = tail.reduce(1.0) { $0 * pow($1, 1 / m) }
        let mean = tail.reduce(0, +) / m
        let logLikelihood = -Double(q) * m * log(product / mean)
        let penalty = Double(k * (2 * n - k))
        let value = mdl ? logLikelihood + 0.5 * penalty * log(Double(q)) : logLikelihood + penalty
        if value < best.0 { best = (value, k) }
    }
    return best.1
}

struct FrequencyEstimatorTests {
    @Test(arguments: [(5, 0.3), (16, -2.7), (45, 1.234), (64, 3.1), (9, -0.001)])
    func singleToneNoiselessAndAgreement(count: Int, frequency: Double) throws {
        let u = toneSubspace(count: count, frequency: frequency)
        let esprit = try FrequencyEstimator.esprit.frequencies(signalSubspace: u)
        let tls = try FrequencyEstimator.tlsESPRIT.frequencies(signalSubspace: u)
        let music = try FrequencyEstimator.rootMUSIC.frequencies(signalSubspace: u)
        #expect(abs(ISACGrid.wrapToPlusMinusPi(esprit[0] - frequency)) < espritFrequencyTolerance)
        #expect(abs(ISACGrid.wrapToPlusMinusPi(tls[0] - frequency)) < espritFrequencyTolerance)
        #expect(abs(ISACGrid.wrapToPlusMinusPi(music[0] - frequency)) < rootMUSICFrequencyTolerance)
        #expect(abs(ISACGrid.wrapToPlusMinusPi(music[0] - esprit[0])) < rootMUSICFrequencyTolerance)
    }

    @Test func hankelESPRITOnSingleToneIsNearlyEfficient() throws {
        // docs/ISAC.md#test-tolerances: 1-D LS-ESPRIT on Hankel data with L ∈ [N/3, 2N/3], N = 64, 10 dB: var/CRB ∈
        // [1.0, 1.4].
        // 300 trials: the variance estimate has relative std √(2/300) ≈ 8 %, so the band is widened by
        // 2σ on each side to [0.84, 1.63]. (Root-MUSIC's efficiency is covered by the PLAIN RMSE test.)
        var generator = Xoshiro256StarStar(seed: 11)
        let n = 64
        let trials = 300
        let noise = try ComplexNormalDistribution(variance: 0.1)
        let crb = CramerRaoBound.singleTone(snr: 10, count: n)
        for l in [22, 42] {
            var squared = [0.0]
            for _ in 0..<trials {
                let w = -3 + 6 * generator.nextUnitDouble()
                let phase = Complex<Double>(length: 1, phase: 2 * .pi * generator.nextUnitDouble())
                let x = (0..<n).map {
                    phase * Complex(length: 1, phase: w * Double($0)) + noise.sample(using: &generator)
                }
                var hankel = Matrix<Complex<Double>>(rows: l, columns: n - l + 1, repeating: .zero)
                for c in 0..<(n - l + 1) { for i in 0..<l { hankel[i, c] = x[i + c] } }
                let r = try multiply(hankel, hankel, .none, .conjugateTranspose)
                for (e, estimator) in [FrequencyEstimator.esprit].enumerated() {
                    let estimate = try ModeSubspaceEstimation.estimate(
                        covariance: r, snapshotCount: n - l + 1, estimator: estimator, criterion: .aic,
                        forwardBackward: true, forcedOrder: 1)
                    squared[e] += pow(ISACGrid.wrapToPlusMinusPi(estimate.frequencies[0] - w), 2)
                }
            }
            for e in 0..<1 {
                let ratio = squared[e] / Double(trials) / crb
                #expect(ratio > 0.84 && ratio < 1.63, "L = \(l), estimator \(e): var/CRB = \(ratio)")
            }
        }
    }

    @Test func modelOrderMatchesIndependentFormula() {
        var generator = Xoshiro256StarStar(seed: 3)
        for trial in 0..<50 {
            let n = 4 + trial % 10
            let k = 1 + trial % (n - 1)
            var values = (0..<n).map { i in
                i < k ? 10 + 5 * generator.nextUnitDouble() : 1 + 0.3 * generator.nextUnitDouble()
            }
            values.sort(by: >)
            let q = 20 + trial
            #expect(
                ModelOrderCriterion.aic.order(eigenvaluesDescending: values, snapshotCount: q)
                    == referenceOrder(values, q: q, mdl: false))
            #expect(
                ModelOrderCriterion.mdl.order(eigenvaluesDescending: values, snapshotCount: q)
                    == referenceOrder(values, q: q, mdl: true))
        }
    }

    @Test func twoCoherentPathsResolvedByForwardBackwardAveraging() throws {
        // docs/ISAC.md#test-tolerances: two paths with equal (d, v) are coherent in the angle mode; FBA resolves them.
        let grid = ISACGrid(
            carrierFrequencyHz: 26e9, antennaCount: 8, subcarrierCount: 24, subcarrierSpacingHz: 60e3, symbolCount: 28)
        let paths = [
            ISACPath(angleDegrees: 60, distanceMeters: 500, velocityMetersPerSecond: 3, gain: Complex(1, 0)),
            ISACPath(angleDegrees: 115, distanceMeters: 500, velocityMetersPerSecond: 3, gain: Complex(0.3, 0.7)),
        ]
        let tensor = ISACScenario(grid: grid, paths: paths).noiselessTensor()
        let r = try ModeSubspaceEstimation.covariance(of: tensor, mode: 0)
        let with = try ModeSubspaceEstimation.estimate(
            covariance: r, snapshotCount: 672, estimator: .esprit, criterion: .aic, forwardBackward: true)
        let without = try ModeSubspaceEstimation.estimate(
            covariance: r, snapshotCount: 672, estimator: .esprit, criterion: .aic, forwardBackward: false)
        #expect(with.order == 2)
        #expect(without.order == 1)
        let truth = paths.map { grid.angleFrequency(angleDegrees: $0.angleDegrees) }.sorted()
        let found = with.frequencies.sorted()
        for i in 0..<2 { #expect(abs(found[i] - truth[i]) < 1e-8) }
    }
}
