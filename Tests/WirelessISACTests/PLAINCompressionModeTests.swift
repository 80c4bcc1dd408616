import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessISAC

struct PLAINCompressionModeTests {
    static let modes: [(CompressionMode, [Int])] = [
        (.none, [1, 1, 1]), (.decimation, [1, 2, 4]), (.averaging, [1, 2, 4]), (.averaging, [1, 1, 7]),
        (.decimation2, [1, 2, 4]), (.smoothing, [1, 2, 4]),
    ]

    @Test(arguments: 0..<6)
    func everyCompressionModeRecoversPlantedPathsWithESPRIT(index: Int) throws {
        let (mode, factors) = Self.modes[index]
        let scenario = smallScenario()
        try scenario.validateUnambiguous(compressionFactors: mode == .smoothing ? [1, 1, 1] : factors)
        let tensor = scenario.noiselessTensor()
        let config = PLAINConfiguration(
            grid: scenario.grid, compression: mode, compressionFactors: factors, frequencyEstimator: .esprit,
            pathCount: 3)
        let estimate = try PLAINEstimator(configuration: config, shape: tensor.dimensions).estimate(tensor)
        let error = maximumFrequencyError(estimate, scenario)
        #expect(error < espritFrequencyTolerance, "\(mode) \(factors): max |Δω| = \(error)")
        let match = matchTargets(estimate.targets, to: scenario.paths, scales: [1, 10, 1])
        for (t, path) in scenario.paths.enumerated() {
            #expect((estimate.targets[match[t]].gain - path.gain).length < 1e-7)
        }
    }

    @Test(arguments: 0..<6)
    func everyCompressionModeRecoversPlantedPathsWithRootMUSIC(index: Int) throws {
        // docs/ISAC.md#test-tolerances: root-MUSIC ≤ 1e−6 rad noiseless in every mode, including Smoothing, whose short
        // (7-sample) time mode split the noiseless double roots by ≈ 1e−5 before the twins were paired.
        let (mode, factors) = Self.modes[index]
        let scenario = smallScenario()
        let tensor = scenario.noiselessTensor()
        let config = PLAINConfiguration(
            grid: scenario.grid, compression: mode, compressionFactors: factors, frequencyEstimator: .rootMUSIC,
            pathCount: 3)
        let estimate = try PLAINEstimator(configuration: config, shape: tensor.dimensions).estimate(tensor)
        let error = maximumFrequencyError(estimate, scenario)
        #expect(error < rootMUSICFrequencyTolerance, "\(mode) \(factors): max |Δω| = \(error)")
    }

    @Test(arguments: [CompressionMode.averaging, .decimation, .decimation2, .smoothing])
    func compressedGainRefitMatchesUncompressed(mode: CompressionMode) throws {
        let scenario = smallScenario()
        let tensor = scenario.noiselessTensor()
        let config = PLAINConfiguration(
            grid: scenario.grid, compression: mode, compressionFactors: [1, 2, 4], frequencyEstimator: .esprit,
            pathCount: 3, gainRefit: .compressed)
        let estimate = try PLAINEstimator(configuration: config, shape: tensor.dimensions).estimate(tensor)
        let match = matchTargets(estimate.targets, to: scenario.paths, scales: [1, 10, 1])
        for (t, path) in scenario.paths.enumerated() {
            #expect((estimate.targets[match[t]].gain - path.gain).length < 1e-7, "\(mode)")
        }
    }

    @Test func rootMUSICAndTensorLSRecoverSmallScenario() throws {
        let scenario = smallScenario()
        let tensor = scenario.noiselessTensor()
        for fusion in FusionMethod.allCases {
            let config = PLAINConfiguration(
                grid: scenario.grid, compressionFactors: [1, 2, 4], fusion: fusion, pathCount: 3)
            let estimate = try PLAINEstimator(configuration: config, shape: tensor.dimensions).estimate(tensor)
            #expect(maximumFrequencyError(estimate, scenario) < rootMUSICFrequencyTolerance, "\(fusion)")
        }
    }

    @Test func sharedVelocityGivesOneCandidateButThreeTriplets() throws {
        // docs/ISAC.md#test-tolerances: three targets sharing v with distinct (θ, d): one time-mode candidate, three
        // triplets.
        let grid = ISACGrid(
            carrierFrequencyHz: 26e9, antennaCount: 8, subcarrierCount: 24, subcarrierSpacingHz: 60e3, symbolCount: 28)
        let paths = [
            ISACPath(angleDegrees: 45, distanceMeters: 300, velocityMetersPerSecond: 4, gain: Complex(1, 0)),
            ISACPath(angleDegrees: 90, distanceMeters: 1000, velocityMetersPerSecond: 4, gain: Complex(0, 0.8)),
            ISACPath(angleDegrees: 135, distanceMeters: 1800, velocityMetersPerSecond: 4, gain: Complex(-0.5, 0.3)),
        ]
        let scenario = ISACScenario(grid: grid, paths: paths)
        let tensor = scenario.noiselessTensor()
        let config = PLAINConfiguration(
            grid: grid, compressionFactors: [1, 2, 4], frequencyEstimator: .esprit, pathCount: 3)
        let estimate = try PLAINEstimator(configuration: config, shape: tensor.dimensions).estimate(tensor)
        #expect(estimate.modeEstimates[2].order == 1)
        #expect(maximumFrequencyError(estimate, scenario) < espritFrequencyTolerance)
    }

    @Test func pathReusingTwoIndicesIsRecoveredByCPUpdate() throws {
        // docs/ISAC.md#test-tolerances: a third path reusing the angle of path 1 and the delay of path 2 (pathCount =
        // 3).
        let grid = ISACGrid(
            carrierFrequencyHz: 26e9, antennaCount: 8, subcarrierCount: 24, subcarrierSpacingHz: 60e3, symbolCount: 28)
        let paths = [
            ISACPath(angleDegrees: 60, distanceMeters: 400, velocityMetersPerSecond: 2, gain: Complex(1, 0)),
            ISACPath(angleDegrees: 120, distanceMeters: 1500, velocityMetersPerSecond: -6, gain: Complex(0, 0.9)),
            ISACPath(angleDegrees: 60, distanceMeters: 1500, velocityMetersPerSecond: 10, gain: Complex(0.6, -0.4)),
        ]
        let scenario = ISACScenario(grid: grid, paths: paths)
        let tensor = scenario.noiselessTensor()
        let config = PLAINConfiguration(
            grid: grid, compressionFactors: [1, 2, 4], frequencyEstimator: .esprit, pathCount: 3)
        let estimate = try PLAINEstimator(configuration: config, shape: tensor.dimensions).estimate(tensor)
        #expect(estimate.modeEstimates.map(\.order) == [2, 2, 3])
        #expect(maximumFrequencyError(estimate, scenario) < espritFrequencyTolerance)
    }
}

struct TensorOMPUpdateTests {
    @Test func tuckerUpdateRecoversDistinctPaths() throws {
        let scenario = smallScenario()
        let tensor = scenario.noiselessTensor()
        let config = PLAINConfiguration(
            grid: scenario.grid, compressionFactors: [1, 2, 4], frequencyEstimator: .esprit, ompUpdate: .tucker,
            pathCount: 3)
        let estimate = try PLAINEstimator(configuration: config, shape: tensor.dimensions).estimate(tensor)
        #expect(maximumFrequencyError(estimate, scenario) < espritFrequencyTolerance)
    }

    @Test func cpUpdateRecoversAPathWhoseIndicesWereAllSelectedBefore() throws {
        // Paths (A1,F1,T1), (A2,F2,T2), (A1,F2,T1): after two picks the third triplet's indices are all
        // "used", which the Tucker core zeroes (pitfall 6); the CP update still finds it.
        let grid = smallScenario().grid
        let paths = [
            ISACPath(angleDegrees: 60, distanceMeters: 400, velocityMetersPerSecond: 2, gain: Complex(1, 0)),
            ISACPath(angleDegrees: 120, distanceMeters: 1500, velocityMetersPerSecond: -6, gain: Complex(0, 0.9)),
            ISACPath(angleDegrees: 60, distanceMeters: 1500, velocityMetersPerSecond: 2, gain: Complex(0.6, -0.4)),
        ]
        let scenario = ISACScenario(grid: grid, paths: paths)
        let tensor = scenario.noiselessTensor()
        let config = PLAINConfiguration(
            grid: grid, compressionFactors: [1, 2, 4], frequencyEstimator: .esprit, pathCount: 3)
        let estimate = try PLAINEstimator(configuration: config, shape: tensor.dimensions).estimate(tensor)
        #expect(maximumFrequencyError(estimate, scenario) < espritFrequencyTolerance)
    }
}
