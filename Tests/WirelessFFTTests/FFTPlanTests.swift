import Numerics
import Testing
import WirelessCore
import WirelessTestSupport

@testable import WirelessFFT

/// FFT vs the O(N²) oracle, relative to the input scale: FFTW's error grows like ε·log N and the
/// oracle's like ε·√N·(a few); 1e-12 × max|X| leaves margin for N ≤ 1024 (observed ~1e-15).
private let doubleRelativeTolerance = 1e-12
/// Single precision: ε_f ≈ 6e-8; observed ≤ 1.3e-7 relative at N ≤ 1024, so 1e-6 (≈ 16 ε_f).
private let floatRelativeTolerance = 1e-6

private func relativeError(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
    DFTOracle.maxAbsoluteDifference(a, b) / max(DFTOracle.maxMagnitude(b), 1e-300)
}

@Test(arguments: [1, 2, 7, 13, 64, 100, 1024])
func forwardAndInverseMatchOracle1D(n: Int) throws {
    let x = TestSignals.uniformComplex(count: n, seed: UInt64(n))
    for direction in FFTDirection.allCases {
        let plan = try FFTPlan(count: n, direction: direction)
        let expected = DFTOracle.dft(x, sign: direction == .forward ? -1 : 1)
        #expect(relativeError(plan(x), expected) < doubleRelativeTolerance)
    }
}

@Test(arguments: [[4, 6], [3, 5], [2, 3, 4], [5, 1, 7]])
func multiDimensionalMatchesOracle(shape: [Int]) throws {
    let count = shape.reduce(1, *)
    let x = TestSignals.uniformComplex(count: count, seed: 99)
    for direction in FFTDirection.allCases {
        let plan = try FFTPlan(shape: shape, direction: direction)
        let expected = DFTOracle.dft(x, shape: shape, sign: direction == .forward ? -1 : 1)
        #expect(relativeError(plan(x), expected) < doubleRelativeTolerance)
    }
}

@Test func inPlaceMatchesOutOfPlace() throws {
    let x = TestSignals.uniformComplex(count: 100, seed: 5)
    let outOfPlace = try FFTPlan(count: 100)
    let inPlace = try FFTPlan(count: 100, inPlace: true)
    var y = x
    inPlace.execute(&y)
    #expect(relativeError(y, outOfPlace(x)) < doubleRelativeTolerance)
    var z = x
    outOfPlace.execute(&z)
    #expect(relativeError(z, outOfPlace(x)) < doubleRelativeTolerance)
}

@Test func batchedWithGapsMatchesOracle() throws {
    let (n, batches, distance) = (13, 4, 16)
    let plan = try FFTPlan(shape: [n], batchCount: batches, batchDistance: distance)
    #expect(plan.bufferCount == (batches - 1) * distance + n)
    let x = TestSignals.uniformComplex(count: plan.bufferCount, seed: 3)
    let y = plan(x)
    for b in 0..<batches {
        let segment = Array(x[(b * distance)..<(b * distance + n)])
        let expected = DFTOracle.dft(segment, sign: -1)
        #expect(relativeError(Array(y[(b * distance)..<(b * distance + n)]), expected) < doubleRelativeTolerance)
    }
}

@Test func normalizedInverseRoundTrips() throws {
    let x = TestSignals.uniformComplex(count: 100, seed: 8)
    let forward = try FFTPlan(count: 100)
    let inverse = try FFTPlan(count: 100, direction: .inverse, normalization: .byLength)
    #expect(relativeError(inverse(forward(x)), x) < doubleRelativeTolerance)
    let unitaryForward = try FFTPlan(count: 100, normalization: .unitary)
    let unitaryInverse = try FFTPlan(count: 100, direction: .inverse, normalization: .unitary)
    #expect(relativeError(unitaryInverse(unitaryForward(x)), x) < doubleRelativeTolerance)
}

@Test func linearity() throws {
    let n = 64
    let plan = try FFTPlan(count: n)
    let x = TestSignals.uniformComplex(count: n, seed: 10)
    let y = TestSignals.uniformComplex(count: n, seed: 11)
    let (a, b) = (Complex<Double>(0.3, -1.2), Complex<Double>(2.0, 0.5))
    let combined = zip(x, y).map { a * $0 + b * $1 }
    let expected = zip(plan(x), plan(y)).map { a * $0 + b * $1 }
    #expect(relativeError(plan(combined), expected) < doubleRelativeTolerance)
}

@Test(arguments: [0, 1, 5, 63])
func circularShiftTheorem(shift: Int) throws {
    // x[(n − m) mod N] ↦ X[k]·exp(−2πi·k·m/N)
    let n = 64
    let plan = try FFTPlan(count: n)
    let x = TestSignals.uniformComplex(count: n, seed: 12)
    let shifted = (0..<n).map { x[(($0 - shift) % n + n) % n] }
    let spectrum = plan(x)
    let expected = (0..<n).map { k in
        spectrum[k] * Complex(length: 1, phase: -2 * Double.pi * Double((k * shift) % n) / Double(n))
    }
    #expect(relativeError(plan(shifted), expected) < doubleRelativeTolerance)
}

@Test(arguments: [7, 100, 1024])
func parseval(n: Int) throws {
    // Σ|x|² = (1/N)·Σ|X|²
    let x = TestSignals.uniformComplex(count: n, seed: 13)
    let spectrum = try FFTPlan(count: n)(x)
    let timeEnergy = x.reduce(0) { $0 + $1.lengthSquared }
    let frequencyEnergy = spectrum.reduce(0) { $0 + $1.lengthSquared } / Double(n)
    #expect(abs(timeEnergy - frequencyEnergy) / timeEnergy < doubleRelativeTolerance)
}

@Test(arguments: [1, 7, 13, 64, 1024])
func floatPlanMatchesOracle(n: Int) throws {
    let x = TestSignals.uniformComplex(count: n, seed: 20 + UInt64(n))
    let xf = x.map { Complex(Float($0.real), Float($0.imaginary)) }
    // The oracle sees the rounded input, so only the transform's error is measured.
    let xRounded = xf.map { Complex(Double($0.real), Double($0.imaginary)) }
    for direction in FFTDirection.allCases {
        let plan = try FFTPlanFloat(count: n, direction: direction)
        let y = plan(xf).map { Complex(Double($0.real), Double($0.imaginary)) }
        let expected = DFTOracle.dft(xRounded, sign: direction == .forward ? -1 : 1)
        #expect(relativeError(y, expected) < floatRelativeTolerance)
    }
}

@Test func floatPlanBatched2D() throws {
    let shape = [4, 6]
    let plan = try FFTPlanFloat(shape: shape, batchCount: 3)
    let x = TestSignals.uniformComplex(count: plan.bufferCount, seed: 21)
    let xf = x.map { Complex(Float($0.real), Float($0.imaginary)) }
    let y = plan(xf).map { Complex(Double($0.real), Double($0.imaginary)) }
    for b in 0..<3 {
        let range = (b * 24)..<((b + 1) * 24)
        let input = xf[range].map { Complex(Double($0.real), Double($0.imaginary)) }
        let expected = DFTOracle.dft(input, shape: shape, sign: -1)
        #expect(relativeError(Array(y[range]), expected) < floatRelativeTolerance)
    }
}

@Test(arguments: [[1], [7], [64], [100], [4, 6], [3, 4, 5]])
func realPlanMatchesComplexPlan(shape: [Int]) throws {
    let count = shape.reduce(1, *)
    var generator = Xoshiro256StarStarShim(seed: 31)
    let x = (0..<count).map { _ in generator.next() }
    let realPlan = try RealFFTPlan(shape: shape, batchCount: 2)
    let complexPlan = try FFTPlan(shape: shape)
    let y = realPlan(x + x.map { -2 * $0 })
    let last = shape.last!
    let half = last / 2 + 1
    for (b, factor) in [(0, 1.0), (1, -2.0)] {
        let full = complexPlan(x.map { Complex(factor * $0, 0) })
        // Output row r (all leading indices) keeps columns 0 … last/2 of the full transform.
        var expected: [Complex<Double>] = []
        for row in 0..<(count / last) { expected += full[(row * last)..<(row * last + half)] }
        let got = Array(y[(b * realPlan.outputCount)..<((b + 1) * realPlan.outputCount)])
        #expect(relativeError(got, expected) < doubleRelativeTolerance)
    }
}

/// A tiny local uniform source for real test data in [−1, 1).
private struct Xoshiro256StarStarShim {
    var inner: Xoshiro256StarStar
    init(seed: UInt64) { inner = Xoshiro256StarStar(seed: seed) }
    mutating func next() -> Double { 2 * inner.nextUnitDouble() - 1 }
}

@Test func badShapesThrow() {
    #expect(throws: FFTError.invalidShape([])) { try FFTPlan(shape: []) }
    #expect(throws: FFTError.invalidShape([0])) { try FFTPlan(count: 0) }
    #expect(throws: FFTError.invalidShape([4, -1])) { try FFTPlan(shape: [4, -1]) }
    #expect(throws: FFTError.invalidBatch(count: 0, distance: 8)) { try FFTPlan(shape: [8], batchCount: 0) }
    #expect(throws: FFTError.invalidBatch(count: 2, distance: 4)) {
        try FFTPlan(shape: [8], batchCount: 2, batchDistance: 4)
    }
    #expect(throws: FFTError.invalidShape([1 << 40])) { try FFTPlanFloat(count: 1 << 40) }
    #expect(throws: FFTError.invalidShape([0])) { try RealFFTPlan(count: 0) }
    #expect(FFTError.invalidShape([]).category == .invalidArgument)
}

@Test func misalignedBuffersUseTheUnalignedPlan() throws {
    // Offsetting by one element (16 bytes) changes FFTW's SIMD alignment class on AVX builds;
    // the result must not depend on it.
    let n = 64
    let plan = try FFTPlan(count: n)
    let x = TestSignals.uniformComplex(count: n + 1, seed: 40)
    var output = [Complex<Double>](repeating: .zero, count: n + 1)
    x.withUnsafeBufferPointer { source in
        output.withUnsafeMutableBufferPointer { destination in
            plan.execute(input: source.baseAddress! + 1, output: destination.baseAddress! + 1)
        }
    }
    let expected = DFTOracle.dft(Array(x[1...]), sign: -1)
    #expect(relativeError(Array(output[1...]), expected) < doubleRelativeTolerance)
}

@Test func concurrentExecuteMatchesSerial() async throws {
    let n = 1024
    let plan = try FFTPlan(count: n)
    let inputs = (0..<8).map { TestSignals.uniformComplex(count: n, seed: 100 + UInt64($0)) }
    let serial = inputs.map { plan($0) }
    let concurrent = await withTaskGroup(of: (Int, [Complex<Double>]).self) { group in
        for (i, x) in inputs.enumerated() {
            group.addTask {
                var y: [Complex<Double>] = []
                for _ in 0..<20 { y = plan(x) }
                return (i, y)
            }
        }
        var results = [[Complex<Double>]](repeating: [], count: inputs.count)
        for await (i, y) in group { results[i] = y }
        return results
    }
    #expect(concurrent == serial)
}

@Test func concurrentPlanningIsSafe() async throws {
    // Planning from many tasks at once must be serialised by the planner lock.
    let sizes = [8, 12, 30, 64, 97, 128, 200, 256]
    let ok = try await withThrowingTaskGroup(of: Bool.self) { group in
        for n in sizes {
            group.addTask {
                let x = TestSignals.uniformComplex(count: n, seed: UInt64(n))
                for _ in 0..<10 {
                    let plan = try FFTPlan(count: n)
                    let inverse = try FFTPlan(count: n, direction: .inverse, normalization: .byLength)
                    if relativeError(inverse(plan(x)), x) > doubleRelativeTolerance { return false }
                }
                return true
            }
        }
        var all = true
        for try await result in group { all = all && result }
        return all
    }
    #expect(ok)
}

@Test func measuredInPlaceBatchedNormalizedPlan() throws {
    // `.measure` may choose another algorithm; results agree with the estimate plan to rounding.
    let (n, batches) = (48, 3)
    let measured = try FFTPlan(
        shape: [n], direction: .inverse, batchCount: batches, inPlace: true, normalization: .byLength,
        rigor: .measure)
    let estimated = try FFTPlan(shape: [n], direction: .inverse, batchCount: batches, normalization: .byLength)
    let x = TestSignals.uniformComplex(count: measured.bufferCount, seed: 50)
    var y = x
    measured.execute(&y)
    #expect(relativeError(y, estimated(x)) < doubleRelativeTolerance)
    for b in 0..<batches {
        let expected = DFTOracle.dft(Array(x[(b * n)..<((b + 1) * n)]), sign: 1).map { $0.divided(by: Double(n)) }
        #expect(relativeError(Array(y[(b * n)..<((b + 1) * n)]), expected) < doubleRelativeTolerance)
    }
}
