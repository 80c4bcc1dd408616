import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessLinearAlgebra

@testable import WirelessISAC

/// The structured and brute-force FIMs agree to rounding of an O(P³) inversion of a
/// well-conditioned 3P×3P (or 5P×5P) system; docs/ISAC.md#test-tolerances sets ≤ 1e−10 relative.
let crbRelativeTolerance = 1e-10

struct CramerRaoBoundTests {
    @Test func singleToneValueAtSixtyFourSamples() {
        // docs/ISAC.md#test-tolerances: N = 64 at 10 dB → std = 1.513e−3 rad.
        let std = CramerRaoBound.singleTone(snr: 10, count: 64).squareRoot()
        #expect(abs(std - 1.513e-3) < 0.0005e-3)
        #expect(CramerRaoBound.singleToneKnownPhase(snr: 10, count: 64) < CramerRaoBound.singleTone(snr: 10, count: 64))
    }

    @Test func singleTargetStructuredBoundMatchesClosedForm() throws {
        let grid = ISACGrid(
            carrierFrequencyHz: 26e9, antennaCount: 6, subcarrierCount: 10, subcarrierSpacingHz: 60e3, symbolCount: 12)
        let path = ISACPath(
            angleDegrees: 70, distanceMeters: 1200, velocityMetersPerSecond: 7, gain: Complex(0.6, -0.3))
        let scenario = ISACScenario(grid: grid, paths: [path])
        let sigma2 = 0.02
        let crb = try CramerRaoBound(scenario: scenario, noiseVariance: sigma2)
        let snr = path.gain.lengthSquared / sigma2
        let derivatives = grid.frequencyDerivatives(of: path)
        for m in 0..<3 {
            let closed =
                CramerRaoBound.singleTarget(snr: snr, dimensions: grid.dimensions, mode: m)
                / (derivatives[m] * derivatives[m])
            let structured = crb.covariance[m, m]
            #expect(abs(structured - closed) / closed < crbRelativeTolerance, "mode \(m): \(structured) vs \(closed)")
        }
        // The physical angle bound follows var θ ≥ CRB(ω_A)/(2π(d_a/λ) sin θ)² (per degree).
        let angleScale = Double.pi * sin(70 * Double.pi / 180) * Double.pi / 180
        let closedAngle =
            CramerRaoBound.singleTarget(snr: snr, dimensions: grid.dimensions, mode: 0) / (angleScale * angleScale)
        #expect(abs(crb.covariance[0, 0] - closedAngle) / closedAngle < 1e-9)
    }

    @Test(arguments: [RangeMapping.oneWay, .monostatic])
    func structuredBoundEqualsBruteForceFisherInformation(mapping: RangeMapping) throws {
        var grid = ISACGrid(
            carrierFrequencyHz: 26e9, antennaCount: 4, subcarrierCount: 5, subcarrierSpacingHz: 60e3, symbolCount: 6)
        grid.rangeMapping = mapping
        let paths = [
            ISACPath(angleDegrees: 40, distanceMeters: 400, velocityMetersPerSecond: 20, gain: Complex(1.0, 0.2)),
            ISACPath(angleDegrees: 100, distanceMeters: 1500, velocityMetersPerSecond: -40, gain: Complex(-0.3, 0.7)),
            ISACPath(angleDegrees: 140, distanceMeters: 2600, velocityMetersPerSecond: 70, gain: Complex(0.5, -0.5)),
        ]
        let scenario = ISACScenario(grid: grid, paths: paths)
        let sigma2 = 0.1
        let structured = try CramerRaoBound(scenario: scenario, noiseVariance: sigma2).covariance
        let brute = try bruteForceCRB(scenario: scenario, noiseVariance: sigma2)
        var worst = 0.0
        for j in 0..<9 {
            for i in 0..<9 {
                let scale = (structured[i, i] * structured[j, j]).squareRoot()
                worst = max(worst, abs(structured[i, j] - brute[i, j]) / scale)
            }
        }
        #expect(worst < crbRelativeTolerance, "worst relative difference \(worst)")
    }

    @Test func compressedBoundIsNotBelowFullBound() throws {
        let scenario = smallScenario()
        let full = try CramerRaoBound(scenario: scenario, noiseVariance: 0.05)
        for mode in [CompressionMode.averaging, .decimation] {
            let compression = try TensorCompression(
                mode: mode, factors: [1, 2, 4], dimensions: scenario.grid.dimensions)
            let compressed = try CramerRaoBound(scenario: scenario, noiseVariance: 0.05, compression: compression)
            for i in 0..<9 { #expect(compressed.covariance[i, i] >= full.covariance[i, i] * (1 - 1e-12)) }
        }
    }

    @Test func compressedSingleTargetMatchesClosedForm() throws {
        // Averaging: 6/(SNR·|Πg|²·N_tot·Δ_m²(N'_m²−1)) in ω (docs/ISAC.md#bounds).
        let grid = ISACGrid(
            carrierFrequencyHz: 26e9, antennaCount: 6, subcarrierCount: 12, subcarrierSpacingHz: 60e3, symbolCount: 16)
        let path = ISACPath(angleDegrees: 80, distanceMeters: 900, velocityMetersPerSecond: 3, gain: .one)
        let scenario = ISACScenario(grid: grid, paths: [path])
        let compression = try TensorCompression(mode: .averaging, factors: [1, 3, 4], dimensions: grid.dimensions)
        let sigma2 = 0.3
        let crb = try CramerRaoBound(scenario: scenario, noiseVariance: sigma2, compression: compression)
        let g = compression.amplitudeFactor(fullGridFrequencies: grid.spatialFrequencies(of: path)).lengthSquared
        let derivatives = grid.frequencyDerivatives(of: path)
        for m in 0..<3 {
            let delta = Double(compression.factors[m])
            let reduced = Double(compression.outputDimensions[m])
            let closed =
                6 / ((1 / sigma2) * g * Double(grid.dimensions.reduce(1, *)) * delta * delta * (reduced * reduced - 1))
                / (derivatives[m] * derivatives[m])
            #expect(abs(crb.covariance[m, m] - closed) / closed < 1e-9)
        }
    }
}

/// Brute force: the full real Fisher information of (θ, d, v, Re β, Im β) from the N_tot-row Jacobian,
/// FIM = (2/σ²)Re(J^HJ), inverted, and the (θ, d, v) block kept.
func bruteForceCRB(scenario: ISACScenario, noiseVariance: Double) throws -> Matrix<Double> {
    let dims = scenario.grid.dimensions
    let total = dims.reduce(1, *)
    let p = scenario.paths.count
    var jacobian = [[Complex<Double>]](repeating: [], count: 5 * p)
    for (q, path) in scenario.paths.enumerated() {
        let w = scenario.grid.spatialFrequencies(of: path)
        let dw = scenario.grid.frequencyDerivatives(of: path)
        var columns = [[Complex<Double>]](repeating: [Complex<Double>](repeating: .zero, count: total), count: 5)
        for l in 0..<dims[2] {
            for k in 0..<dims[1] {
                for r in 0..<dims[0] {
                    let index = r + dims[0] * (k + dims[1] * l)
                    let phase = Complex<Double>(
                        length: 1, phase: w[0] * Double(r) + w[1] * Double(k) + w[2] * Double(l))
                    let s = path.gain * phase
                    columns[0][index] = s * Complex(0, dw[0] * Double(r))
                    columns[1][index] = s * Complex(0, dw[1] * Double(k))
                    columns[2][index] = s * Complex(0, dw[2] * Double(l))
                    columns[3][index] = phase
                    columns[4][index] = phase * Complex(0, 1)
                }
            }
        }
        for c in 0..<5 { jacobian[c * p + q] = columns[c] }
    }
    let n = 5 * p
    var fim = Matrix<Double>(rows: n, columns: n, repeating: 0)
    for j in 0..<n {
        for i in 0..<n {
            var sum = 0.0
            for t in 0..<total {
                let a = jacobian[i][t]
                let b = jacobian[j][t]
                sum += a.real * b.real + a.imaginary * b.imaginary
            }
            fim[i, j] = 2 / noiseVariance * sum
        }
    }
    let full = try inverse(fim)
    var block = Matrix<Double>(rows: 3 * p, columns: 3 * p, repeating: 0)
    for j in 0..<(3 * p) { for i in 0..<(3 * p) { block[i, j] = full[i, j] } }
    return block
}

struct OtherModesKnownBoundTests {
    @Test func isBelowJointBoundAndEqualForOnePath() throws {
        let scenario = smallScenario()
        let sigma2 = 0.05
        let joint = try CramerRaoBound(scenario: scenario, noiseVariance: sigma2)
        let known = try CramerRaoBound.otherModesKnown(scenario: scenario, noiseVariance: sigma2)
        for m in 0..<3 {
            for p in 0..<3 { #expect(known[m][p] <= joint.covariance[m * 3 + p, m * 3 + p] * (1 + 1e-12)) }
        }
        // One path on a full grid: the modes decouple, so knowing the others changes nothing.
        let single = ISACScenario(grid: scenario.grid, paths: [scenario.paths[1]])
        let jointSingle = try CramerRaoBound(scenario: single, noiseVariance: sigma2)
        let knownSingle = try CramerRaoBound.otherModesKnown(scenario: single, noiseVariance: sigma2)
        for m in 0..<3 {
            #expect(
                abs(knownSingle[m][0] - jointSingle.covariance[m, m]) / jointSingle.covariance[m, m]
                    < crbRelativeTolerance)
        }
    }
}
