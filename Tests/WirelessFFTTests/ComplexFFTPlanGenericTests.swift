import Numerics
import Testing
import WirelessTestSupport

@testable import WirelessFFT

// One generic plan serves both precisions: these tests run the same generic code for `Double`
// and `Float` (they do not compile against the two separate classes this replaced).

/// inverse(forward(x)) with `.byLength` is x up to rounding: ≈ ε·log₂N per pass. 64·ε of the
/// type (ε_d ≈ 2.2e-16, ε_f ≈ 1.2e-7) leaves a wide margin at N ≤ 1000 (observed ≤ 4·ε).
private func roundTripTolerance<Scalar: FFTScalar>(_: Scalar.Type) -> Double {
    64 * Double(Scalar.ulpOfOne)
}

/// Forward then normalised inverse of a seeded signal, executed on buffers that start `offset`
/// elements into their arrays; the largest error relative to max|x|.
private func roundTripError<Scalar: FFTScalar>(_: Scalar.Type, count n: Int, offset: Int) throws -> Double {
    let forward = try ComplexFFTPlan<Scalar>(count: n)
    let inverse = try ComplexFFTPlan<Scalar>(count: n, direction: .inverse, normalization: .byLength)
    let signal = TestSignals.uniformComplex(count: n, seed: 40 + UInt64(n))
    var x = [Complex<Scalar>](repeating: .zero, count: n + offset)
    for i in 0..<n { x[offset + i] = Complex(Scalar(signal[i].real), Scalar(signal[i].imaginary)) }
    var spectrum = x
    var back = x
    x.withUnsafeBufferPointer { source in
        spectrum.withUnsafeMutableBufferPointer { middle in
            back.withUnsafeMutableBufferPointer { destination in
                forward.execute(input: source.baseAddress! + offset, output: middle.baseAddress! + offset)
                inverse.execute(input: middle.baseAddress! + offset, output: destination.baseAddress! + offset)
            }
        }
    }
    var worst = 0.0
    var scale = 0.0
    for i in offset..<(n + offset) {
        let difference = back[i] - x[i]
        worst = max(worst, Double(difference.length))
        scale = max(scale, Double(x[i].length))
    }
    return worst / scale
}

@Test(arguments: [1, 7, 64, 1000], [0, 1])
func genericPlanRoundTripsInBothPrecisions(n: Int, offset: Int) throws {
    // offset 1 puts a `Complex<Float>` buffer 8 bytes off FFTW's 16-byte alignment, so the
    // FFTW_UNALIGNED plan of the pair runs; for `Double` (16-byte elements) both offsets are aligned.
    #expect(try roundTripError(Double.self, count: n, offset: offset) < roundTripTolerance(Double.self))
    #expect(try roundTripError(Float.self, count: n, offset: offset) < roundTripTolerance(Float.self))
}

@Test func namedPlansAreTheGenericPlan() throws {
    let double: ComplexFFTPlan<Double> = try FFTPlan(count: 8)
    let single: ComplexFFTPlan<Float> = try FFTPlanFloat(count: 8)
    #expect(double.bufferCount == 8 && single.bufferCount == 8)
}

@Test func planningErrorsAreTyped() {
    // `throws(FFTError)`: the error needs no cast.
    do {
        _ = try ComplexFFTPlan<Float>(shape: [4], batchCount: 2, batchDistance: 3)
        Issue.record("a batch distance below the transform size must be rejected")
    } catch {
        #expect(error == .invalidBatch(count: 2, distance: 3))
    }
}
