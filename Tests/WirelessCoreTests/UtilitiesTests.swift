import Foundation
import Synchronization
import Testing

@testable import WirelessCore

@Suite struct UtilitiesTests {
    @Test func decibelConversionsRoundTrip() {
        #expect(Decibels.fromPower(100) == 20)
        #expect(Decibels.fromAmplitude(10) == 20)
        #expect(abs(Decibels.toPower(3) - 1.9952623149688795) < 1e-15)
        #expect(abs(Decibels.toAmplitude(6) - 1.9952623149688795) < 1e-15)
        #expect(Decibels.wattsToDBm(1) == 30)
        #expect(abs(Decibels.dBmToWatts(-30) - 1e-6) < 1e-21)
        for db in [-120.0, -3.3, 0, 17.5, 80] {
            #expect(abs(Decibels.fromPower(Decibels.toPower(db)) - db) < 1e-12)
            #expect(abs(Decibels.fromAmplitude(Decibels.toAmplitude(db)) - db) < 1e-12)
        }
        #expect(Decibels.fromPower(0) == -.infinity)
    }

    @Test func physicalConstants() {
        #expect(PhysicalConstants.speedOfLightMetersPerSecond == 299_792_458)
        #expect(PhysicalConstants.boltzmannJoulesPerKelvin == 1.380649e-23)
        // 10·log10(1.380649e−23 · 290 · 1000) = −173.97722915699808… (mpmath).
        #expect(abs(PhysicalConstants.thermalNoiseDBmPerHz - -173.9751871942281) < 1e-12)
        // 20 MHz at 290 K: −174 + 73 ≈ −100.97 dBm.
        #expect(
            abs(PhysicalConstants.thermalNoiseDBm(bandwidthHz: 20e6) - (-173.9751871942281 + 10 * log10(20e6))) < 1e-12)
        #expect(abs(PhysicalConstants.wavelengthMeters(frequencyHz: 28e9) - 0.010706873500000001) < 1e-15)
    }

    @Test func parallelMapIsOrderedAndThreadCountIndependent() {
        // Each task draws from its own stream; the result must equal the sequential computation.
        let parallel = ParallelExecution.parallelMap(count: 64) { task -> Double in
            var g = Xoshiro256StarStar(seed: 77, stream: UInt64(task))
            var sum = 0.0
            for _ in 0..<1000 { sum += g.nextUnitDouble() }
            return sum
        }
        let sequential = (0..<64).map { task -> Double in
            var g = Xoshiro256StarStar(seed: 77, stream: UInt64(task))
            var sum = 0.0
            for _ in 0..<1000 { sum += g.nextUnitDouble() }
            return sum
        }
        #expect(parallel == sequential)
        #expect(ParallelExecution.parallelMap(count: 0) { $0 }.isEmpty)
        #expect(ParallelExecution.parallelMap(count: 1) { $0 * 3 } == [0])
        // Non-trivial element type (heap-allocated arrays) is initialised correctly.
        let arrays = ParallelExecution.parallelMap(count: 10) { [Int](repeating: $0, count: $0) }
        #expect(arrays.enumerated().allSatisfy { $0.element == [Int](repeating: $0.offset, count: $0.offset) })
    }

    @Test func forEachTaskRunsEveryTaskOnce() {
        let counter = Atomic<Int>(0)
        let mask = Atomic<UInt64>(0)
        ParallelExecution.forEachTask(count: 64) { task in
            counter.add(1, ordering: .relaxed)
            mask.bitwiseOr(UInt64(1) << UInt64(task), ordering: .relaxed)
        }
        #expect(counter.load(ordering: .relaxed) == 64)
        #expect(mask.load(ordering: .relaxed) == UInt64.max)
    }

    @Test func errorsDescribeThemselves() {
        let errors: [CoreError] = [
            .valueOutOfRange(name: "rate", value: -1), .insufficientData(name: "values", count: 0, required: 1),
            .dimensionMismatch(expected: 3, actual: 2), .didNotConverge(iterations: 10),
            .rootNotBracketed(lower: 0, upper: 1), .nonFiniteValue(name: "f", at: 2),
        ]
        for error in errors { #expect(!error.description.isEmpty) }
        #expect(
            errors.map(\.category) == [
                .invalidArgument, .invalidData, .invalidArgument, .numerical, .invalidArgument, .invalidData,
            ])
        let alias: NumericalError = .didNotConverge(iterations: 1)
        #expect(alias == CoreError.didNotConverge(iterations: 1))
    }

    @Test func matrixIsColumnMajor() {
        let m = Matrix(rowMajor: [[1.0, 2, 3], [4, 5, 6]])
        #expect(m.elements == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6)
        #expect(m.transposed.shape == (3, 2))
        #expect(m.transposed[2, 1] == 6)
        #expect(m.column(1) == [2, 5])
        #expect(m.row(0) == [1, 2, 3])
        #expect(!m.isSquare)
    }
}
