import Numerics
import Testing
import WirelessCore

@testable import WirelessISAC

// The pieces every ISAC estimator shares: the checked compression, the gain refit of the last
// step, the greedy TensorOMP loop and the gain column in dB.

@Test func validatedCompressionRejectsAnotherShape() throws {
    let tensor = smallScenario().noiselessTensor()  // 8 × 24 × 28
    for mode in [CompressionMode.averaging, .decimation] {
        let compression = try TensorCompression(mode: mode, factors: [1, 2, 2], dimensions: [8, 24, 14])
        #expect(throws: ISACError.shapeMismatch(expected: [8, 24, 14, 1], actual: [8, 24, 28, 1])) {
            try compression.validatedCompression(of: tensor)
        }
    }
}

@Test func validatedCompressionReportsTheInputsFirstBadSample() throws {
    var tensor = smallScenario().noiselessTensor()
    tensor.elements[37] = Complex(.nan, 0)
    for mode in [CompressionMode.averaging, .decimation] {
        let compression = try TensorCompression(mode: mode, factors: [1, 2, 2], dimensions: [8, 24, 28])
        #expect(throws: ISACError.nonFiniteInput(index: 37)) { try compression.validatedCompression(of: tensor) }
    }
}

@Test func refitGainsRecoversTheGainsOfANoiselessTensor() throws {
    let scenario = smallScenario()
    var targets = scenario.paths.map { path in
        ISACTargetEstimate(
            angleDegrees: path.angleDegrees, distanceMeters: path.distanceMeters,
            velocityMetersPerSecond: path.velocityMetersPerSecond, gain: .zero,
            frequencies: scenario.grid.spatialFrequencies(of: path))
    }
    try GainRefit.refitGains(of: &targets, on: scenario.noiselessTensor())
    for (target, path) in zip(targets, scenario.paths) {
        // Exact frequencies on a noiseless tensor: LS returns β up to rounding (κ(G) is small for
        // well-separated paths), 1e-9 relative.
        #expect((target.gain - path.gain).length < 1e-9 * path.gain.length)
    }
    var none: [ISACTargetEstimate] = []
    try GainRefit.refitGains(of: &none, on: scenario.noiselessTensor())
    #expect(none.isEmpty)
}

@Test func greedySelectionPicksTheStrongestUnselectedAndStopsWhenAllAreTaken() throws {
    // Three candidates, two snapshots: powers 1+1, 9+0, 4+4 → order 1, 2, 0; a fourth pick has
    // nothing left. The update here leaves the correlation as it is.
    let correlation: [Complex<Double>] = [
        Complex(1, 0), Complex(3, 0), Complex(2, 0),
        Complex(0, 1), Complex(0, 0), Complex(0, 2),
    ]
    var updates: [[Int]] = []
    let picked = try TensorFusion.greedySelection(count: 4, candidates: 3, snapshots: 2, correlation: correlation) {
        selected in
        updates.append(selected)
        return correlation
    }
    #expect(picked == [1, 2, 0])
    #expect(updates == [[1], [1, 2], [1, 2, 0]])
    // Ties go to the lower index.
    let tied = try TensorFusion.greedySelection(
        count: 1, candidates: 2, snapshots: 1, correlation: [Complex(1, 0), Complex(0, 1)]
    ) { _ in [] }
    #expect(tied == [0])
}

@Test func gainPowerInDecibelsIsFloored() {
    let path = ISACPath(angleDegrees: 90, distanceMeters: 10, velocityMetersPerSecond: 0, gain: Complex(0, 0.1))
    // |0.1j|² = 0.01 → −20 dB up to the rounding of 0.1² (1 ulp) and log10.
    #expect(abs(path.gainPowerDB + 20) < 1e-12)
    let silent = ISACPath(angleDegrees: 90, distanceMeters: 10, velocityMetersPerSecond: 0, gain: .zero)
    #expect(silent.gainPowerDB.isFinite && silent.gainPowerDB < -3000)
}
