import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessISAC

/// Sums of ≤ 10^4 unit phasors: rounding ≲ 1e−12 relative.
let modelTolerance = 1e-10

struct SignalModelTests {
    @Test func defaultScenarioMatchesSpecificationTable() {
        let scenario = ISACScenario.paperDefault()
        let expected = [44.41, 111.03, 199.86, 266.48, 333.10, 399.72]
        for (path, value) in zip(scenario.paths, expected) { #expect(abs(path.distanceMeters - value) < 0.006) }
        #expect(abs(scenario.grid.symbolDurationSeconds - 17.857e-6) < 0.001e-6)
        #expect(abs(scenario.grid.symbolDurationSeconds * 560 - 10e-3) < 1e-12)
        #expect(scenario.paths.map { $0.velocityMetersPerSecond * 3.6 }.map { $0.rounded() } == [0, 5, 0, 15, 0, 25])
        // docs/ISAC.md#scenarios resolution table (one-way): ΔR 27.76 m, Δv 1.153 m/s, after compression d < 1249 m,
        // |v| < 23.06 m/s.
        let g = scenario.grid
        #expect(abs(g.distanceResolutionMeters - 27.76) < 0.01)
        #expect(abs(g.velocityResolutionMetersPerSecond - 1.153) < 0.001)
        #expect(abs(g.maximumDistanceMeters(compressionFactor: 4) - 1249) < 1)
        #expect(abs(g.maximumSpeedMetersPerSecond(compressionFactor: 14) - 23.06) < 0.01)
        var mono = g
        mono.rangeMapping = .monostatic
        #expect(abs(mono.distanceResolutionMeters - 13.88) < 0.01)
        #expect(abs(mono.maximumSpeedMetersPerSecond() - 161) < 1)
        #expect(throws: Never.self) { try scenario.validateUnambiguous(compressionFactors: [1, 4, 14]) }
    }

    @Test func nrScenarioMatchesSpecificationTable() {
        let g = ISACScenario.nr28GHz().grid
        #expect(abs(g.symbolDurationSeconds - 8.929e-6) < 0.001e-6)
        #expect(abs(g.distanceResolutionMeters - 3.154) < 0.002)
        #expect(abs(g.maximumSpeedMetersPerSecond() - 600) < 1)
        #expect(abs(g.maximumDistanceMeters(compressionFactor: 4) - 624.6) < 0.1)
    }

    @Test func noiselessTensorMatchesScalarOracle() {
        let scenario = smallScenario()
        let tensor = scenario.noiselessTensor()
        var worst = 0.0
        for l in stride(from: 0, to: 28, by: 3) {
            for k in stride(from: 0, to: 24, by: 5) {
                for r in 0..<8 {
                    worst = max(worst, (tensor[r, k, l, 0] - scalarModel(scenario, r: r, k: k, l: l)).length)
                }
            }
        }
        #expect(worst < modelTolerance)
    }

    @Test func noiseVarianceFollowsSNRDefinition() throws {
        let scenario = smallScenario()
        let snrDB = 3.0
        var generator = Xoshiro256StarStar(seed: 7)
        let noisy = try scenario.tensor(snrDB: snrDB, using: &generator)
        let clean = scenario.noiselessTensor()
        var power = 0.0
        for i in noisy.elements.indices { power += (noisy.elements[i] - clean.elements[i]).lengthSquared }
        power /= Double(noisy.elements.count)
        let sigma2 = scenario.totalPathPower / pow(10, snrDB / 10)
        // 5376 complex samples: relative std of the mean power = 1/√5376 ≈ 1.4 %; allow 5σ.
        #expect(abs(power / sigma2 - 1) < 5 / Double(noisy.elements.count).squareRoot())
    }

    @Test func averagingIdentity() {
        // avg_Δ(a_N(ω)) = g_Δ(ω)·a_{N/Δ}(Δω) to ≤ 1e−12 (docs/ISAC.md#test-tolerances).
        for (n, delta, w) in [(24, 4, 0.7), (30, 3, -2.9), (28, 14, 0.05), (12, 2, 0)] {
            let a = Vandermonde.vector(count: n, frequency: w)
            let g = Vandermonde.averagingGain(factor: delta, frequency: w)
            let closed: Complex<Double> =
                w == 0
                ? .one
                : Complex(length: 1, phase: w * Double(delta - 1) / 2)
                    .multiplied(by: sin(Double(delta) * w / 2) / (Double(delta) * sin(w / 2)))
            #expect((g - closed).length < 1e-12)
            for i in 0..<(n / delta) {
                var mean = Complex<Double>.zero
                for q in 0..<delta { mean += a[i * delta + q] }
                mean = mean.divided(by: Double(delta))
                let model = g * Complex(length: 1, phase: Double(delta) * w * Double(i))
                #expect((mean - model).length < 1e-12)
            }
        }
    }

    @Test func compressionShapes() throws {
        let dims = [16, 180, 560]
        let averaging = try TensorCompression(mode: .averaging, factors: [1, 4, 14], dimensions: dims)
        #expect(averaging.outputDimensions == [16, 45, 40])
        #expect(averaging.outputSnapshotCount == 1)
        let d2 = try TensorCompression(mode: .decimation2, factors: [1, 4, 14], dimensions: dims)
        #expect(d2.outputSnapshotCount == 56)
        let capped = try TensorCompression(
            mode: .decimation2, factors: [2, 4, 14], dimensions: dims, maxVirtualSnapshots: 100)
        #expect(capped.outputSnapshotCount == 100)
        let smoothing = try TensorCompression(mode: .smoothing, factors: [1, 4, 14], dimensions: dims)
        #expect(smoothing.outputSnapshotCount == 100)
        #expect(smoothing.mappingFactors == [1, 1, 1])
        let none = try TensorCompression(mode: .none, factors: [1, 4, 14], dimensions: dims)
        #expect(none.outputDimensions == dims)
    }

    @Test func compressionOfNoiselessModelMatchesCompressedModel() throws {
        let scenario = smallScenario()
        let tensor = scenario.noiselessTensor()
        let compression = try TensorCompression(mode: .averaging, factors: [2, 3, 4], dimensions: tensor.dimensions)
        let compressed = compression(tensor)
        var worst = 0.0
        for l in 0..<7 {
            for k in 0..<8 {
                for r in 0..<4 {
                    var model = Complex<Double>.zero
                    for path in scenario.paths {
                        let w = scenario.grid.spatialFrequencies(of: path)
                        model +=
                            path.gain * compression.amplitudeFactor(fullGridFrequencies: w)
                            * Complex(
                                length: 1, phase: 2 * w[0] * Double(r) + 3 * w[1] * Double(k) + 4 * w[2] * Double(l))
                    }
                    worst = max(worst, (compressed[r, k, l, 0] - model).length)
                }
            }
        }
        #expect(worst < modelTolerance)
    }

    @Test func physicalMappingWrapsAndClamps() {
        let grid = ISACGrid.paperDefault
        let path = ISACPath(angleDegrees: 63, distanceMeters: 700, velocityMetersPerSecond: -12, gain: .one)
        let w = grid.spatialFrequencies(of: path)
        let compressed = [w[0], ISACGrid.wrapToPlusMinusPi(4 * w[1]), ISACGrid.wrapToPlusMinusPi(14 * w[2])]
        let back = grid.physicalParameters(frequencies: compressed, factors: [1, 4, 14])
        #expect(abs(back.angleDegrees - 63) < 1e-10)
        #expect(abs(back.distanceMeters - 700) < 1e-8)
        #expect(abs(back.velocityMetersPerSecond + 12) < 1e-10)
        #expect(!back.angleClamped)
        // Beyond the unambiguous distance (1249 m after Δ_F = 4) the estimate aliases predictably.
        let far = ISACPath(angleDegrees: 63, distanceMeters: 1249.1 + 100, velocityMetersPerSecond: 0, gain: .one)
        let wf = grid.spatialFrequencies(of: far)
        let aliased = grid.physicalParameters(frequencies: [wf[0], 4 * wf[1], 0], factors: [1, 4, 14])
        #expect(
            abs(aliased.distanceMeters - (far.distanceMeters - grid.maximumDistanceMeters(compressionFactor: 4))) < 1e-6
        )
        // An angle argument beyond ±1 is clamped and flagged.
        let clamped = grid.physicalParameters(frequencies: [3.2, -1, 0], factors: [1, 1, 1])
        #expect(clamped.angleClamped && clamped.angleDegrees == 0)
    }
}
