import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessISAC

struct PLAINErrorTests {
    let grid = smallScenario().grid

    func plan(_ configure: (inout PLAINConfiguration) -> Void, shape: [Int]? = nil) throws -> PLAINEstimator {
        var config = PLAINConfiguration(grid: grid, compressionFactors: [1, 2, 4])
        configure(&config)
        return try PLAINEstimator(configuration: config, shape: shape ?? grid.dimensions)
    }

    @Test func configurationErrors() {
        #expect(throws: ISACError.invalidCompressionFactor(mode: 1, factor: 0)) {
            try plan { $0.compressionFactors = [1, 0, 4] }
        }
        #expect(throws: ISACError.compressionFactorNotDivisor(mode: 2, size: 28, factor: 5)) {
            try plan { $0.compressionFactors = [1, 2, 5] }
        }
        #expect(throws: ISACError.zeroPaths) { try plan { $0.pathCount = 0 } }
        #expect(throws: ISACError.tooManyPaths(mode: 0, requested: 8, limit: 7)) {
            try plan {
                $0.pathCount = 8
                $0.pathCountUse = .everywhere
            }
        }
        #expect(throws: ISACError.tooManyPaths(mode: -1, requested: 500, limit: 7 * 11 * 6)) {
            try plan { $0.pathCount = 500 }
        }
        #expect(throws: ISACError.dimensionTooSmall(mode: 2, size: 1)) {
            try plan { $0.compressionFactors = [1, 2, 28] }
        }
        #expect(throws: ISACError.invalidParameter(name: "carrierFrequencyHz")) {
            try plan { $0.grid.carrierFrequencyHz = -1 }
        }
        #expect(throws: ISACError.invalidParameter(name: "subcarrierSpacingHz")) {
            try plan { $0.grid.subcarrierSpacingHz = .nan }
        }
        #expect(throws: ISACError.invalidParameter(name: "antennaSpacingMeters")) {
            try plan { $0.grid.antennaSpacingMeters = 0 }
        }
        #expect(throws: ISACError.invalidParameter(name: "symbolDurationSeconds")) {
            try plan { $0.grid.symbolDurationSeconds = 0 }
        }
        #expect(throws: ISACError.shapeMismatch(expected: [8, 24, 28], actual: [8, 24])) {
            try plan({ _ in }, shape: [8, 24])
        }
        #expect(throws: ISACError.shapeMismatch(expected: [8, 24, 28], actual: [8, 20, 28])) {
            try plan({ _ in }, shape: [8, 20, 28])
        }
    }

    @Test func dataErrors() throws {
        let estimator = try plan { $0.pathCount = 3 }
        var tensor = smallScenario().noiselessTensor()
        tensor.elements[17] = Complex(.nan, 0)
        #expect(throws: ISACError.nonFiniteInput(index: 17)) { try estimator.estimate(tensor) }
        tensor.elements[17] = Complex(.infinity, 0)
        #expect(throws: ISACError.nonFiniteInput(index: 17)) { try estimator.estimate(tensor) }
        let zero = ChannelTensor(dimensions: grid.dimensions)
        #expect(throws: ISACError.zeroEnergyInput) { try estimator.estimate(zero) }
        let wrong = ChannelTensor(dimensions: [8, 24, 14])
        #expect(throws: ISACError.shapeMismatch(expected: [8, 24, 28, 1], actual: [8, 24, 14, 1])) {
            try estimator.estimate(wrong)
        }
        #expect(throws: ISACError.shapeMismatch(expected: [8, 24, 28, 1], actual: [10])) {
            try ChannelTensor(dimensions: [8, 24, 28], elements: Array(repeating: .zero, count: 10))
        }
        // Every error maps to a CLI category: data errors → invalidData, settings → invalidArgument.
        #expect(ISACError.nonFiniteInput(index: 0).category == .invalidData)
        #expect(ISACError.zeroPaths.category == .invalidArgument)
    }

    @Test func generatorTruthOutsideUnambiguousRange() {
        var scenario = smallScenario()
        scenario.paths[2].distanceMeters = 3000  // > c/(Δf·Δ_F) = 2498 m for Δ_F = 2
        #expect(throws: ISACError.outsideUnambiguousRange(path: 2, parameter: "distance")) {
            try scenario.validateUnambiguous(compressionFactors: [1, 2, 4])
        }
        scenario = smallScenario()
        scenario.paths[0].velocityMetersPerSecond = 90  // > 323/4 m/s
        #expect(throws: ISACError.outsideUnambiguousRange(path: 0, parameter: "velocity")) {
            try scenario.validateUnambiguous(compressionFactors: [1, 2, 4])
        }
        #expect(throws: ISACError.zeroPaths) { try ISACScenario(grid: grid, paths: []).validate() }
    }
}
