import Numerics
import Testing
import WirelessCore

@testable import WirelessLinearAlgebra

#if canImport(Glibc)
    import Glibc
#endif

/// `LAPACKBuffer`: every array handed to BLAS/LAPACK has a zeroed tail pad, so a kernel that reads a few
/// bytes past its operand (OpenBLAS 0.3.21's `zgemv_n` inside `zgelsd`) stays in owned memory.
struct LAPACKBufferTests {
    @Test func buffersAreZeroedAlignedAndPadded() {
        for count in [0, 1, 3, 9, 100] {
            let buffer = LAPACKBuffer<Complex<Double>>(count: count)
            #expect(Int(bitPattern: buffer.pointer) % LAPACKBuffer<Complex<Double>>.alignmentBytes == 0)
            let raw = UnsafeRawPointer(buffer.pointer)
            let bytes = count * MemoryLayout<Complex<Double>>.stride
            let total = bytes + tailPadding(forDataBytes: bytes)
            #expect((0..<total).allSatisfy { raw.load(fromByteOffset: $0, as: UInt8.self) == 0 })
        }
        let copy = LAPACKBuffer(copying: [1.0, 2.0, 3.0])
        #expect(copy.array == [1, 2, 3])
        #expect(copy.array(prefix: 2) == [1, 2])
        // A copy writes its data once (no zeroing first) and still zeroes the whole pad.
        for count in [1, 3, 9, 100] {
            let values = (0..<count).map { Complex(Double($0) + 1, -Double($0)) }
            let copied = LAPACKBuffer(copying: values)
            #expect(copied.array == values)
            let bytes = count * MemoryLayout<Complex<Double>>.stride
            let pad = UnsafeRawPointer(copied.pointer) + bytes
            #expect(
                (0..<tailPadding(forDataBytes: bytes)).allSatisfy { pad.load(fromByteOffset: $0, as: UInt8.self) == 0 })
        }
    }

    /// `multiply(a, a, …)` hands BLAS one padded copy for both operands; the product is the one of two
    /// separate copies, to the bit, and stays inside the pad.
    @Test func oneCopyServesBothOperandsOfTheSameMatrix() throws {
        for n in [1, 3, 16, 45] {
            let a = RandomMatrices.complexGaussian(rows: n, columns: 2 * n + 1, seed: UInt64(n))
            let separate = Matrix(rows: a.rows, columns: a.columns, columnMajor: a.elements.map { $0 })
            let shared = try LAPACKBufferTesting.$guardPages.withValue(true) {
                try multiply(a, a, .none, .conjugateTranspose)
            }
            #expect(shared == (try multiply(a, separate, .none, .conjugateTranspose)))
            #expect(
                (try multiply(a, a, .conjugateTranspose, .none))
                    == (try multiply(a, separate, .conjugateTranspose, .none)))
        }
    }

    /// The guard-page mode the regression test below relies on: the byte right after the pad is
    /// unreadable, the last byte of the pad is readable.
    @Test func guardPageModePlacesAnInaccessiblePageRightAfterThePad() async {
        LAPACKBufferTesting.$guardPages.withValue(true) {
            let buffer = LAPACKBuffer<Complex<Double>>(count: 9)
            let endOfPad = UnsafeRawPointer(buffer.pointer) + 9 * 16 + tailPadding(forDataBytes: 9 * 16)
            #expect((endOfPad - 1).load(as: UInt8.self) == 0)
            #expect(Int(bitPattern: endOfPad) % Int(sysconf(Int32(_SC_PAGESIZE))) == 0)
        }
        // A fault: SIGSEGV, or exit code 1 when AddressSanitizer's SEGV handler reports it (scripts/test --sanitize).
        await #expect(processExitsWith: .failure) {
            LAPACKBufferTesting.$guardPages.withValue(true) {
                let buffer = LAPACKBuffer<Complex<Double>>(count: 9)
                let endOfPad = UnsafeRawPointer(buffer.pointer) + 9 * 16 + tailPadding(forDataBytes: 9 * 16)
                print(endOfPad.load(as: UInt8.self))
            }
        }
    }

    /// Regression (issue 12, class 7): PLAIN's TensorOMP update solves a small Hermitian n × n system with
    /// `leastSquares` (zgelsd), whose OpenBLAS 0.3.21 `zgemv_n` kernel read 16 bytes past a 3 × 3 matrix
    /// and crashed ~1 run in 10 when the array ended a heap page. With every operand placed right before a
    /// guard page (so any read beyond the 64-byte pad faults deterministically), the path runs many times,
    /// at every small size, without a fault. With the pad removed (the old layout: data ending at the
    /// guard page), the same set-up faulted in `zgemv_n_ZEN` on the first 3 × 3 call.
    @Test func smallLeastSquaresNeverReadsPastThePad() throws {
        try LAPACKBufferTesting.$guardPages.withValue(true) {
            for n in 1...6 {
                for snapshots in [1, 2, 4] {
                    for seed in 0..<20 {
                        let a = RandomMatrices.complexGaussian(rows: n + 2, columns: n, seed: UInt64(100 * n + seed))
                        let gram = try multiply(a, a, .conjugateTranspose, .none)
                        let b = RandomMatrices.complexGaussian(rows: n, columns: snapshots, seed: UInt64(seed))
                        let x = try leastSquares(gram, b).solution
                        let residual = try multiply(gram, x)
                        #expect(differenceNorm(residual, b) < 1e-8 * max(1, frobeniusNorm(b)))
                    }
                }
            }
        }
    }

    /// Every other routine of the module, under the same guard pages. Measured with the pad removed, the
    /// over-read of `zgesdd`/`zgelsd` grows with the order (≈ 16·n bytes, 1 KiB at n = 64), so the sizes go
    /// beyond "small".
    @Test func everyRoutineStaysInsideThePad() throws {
        try LAPACKBufferTesting.$guardPages.withValue(true) {
            for n in [1, 2, 3, 4, 5, 6, 7, 8, 13, 33, 64] {
                let c = RandomMatrices.complexGaussian(rows: n, columns: n, seed: UInt64(n))
                let r = RandomMatrices.realGaussian(rows: n + 1, columns: n, seed: UInt64(n))
                let spd = try multiply(r, r, .transpose, .none)
                _ = try singularValueDecomposition(c, kind: .full)
                _ = try singularValues(c)
                _ = try pseudoInverse(c)
                _ = try hermitianEigendecomposition(RandomMatrices.hermitian(n, seed: UInt64(n)))
                _ = try eigendecomposition(c)
                _ = try inverse(c)
                _ = try solve(c, RandomMatrices.complexGaussian(rows: n, columns: 2, seed: 7))
                _ = try multiply(c, [Complex<Double>](repeating: .one, count: n))
                _ = try leastSquares(r, [Double](repeating: 1, count: n + 1))
                _ = try solve(spd, [Double](repeating: 1, count: n))
                _ = try inverse(spd)
                _ = try choleskyFactorization(spd)
                _ = try positiveDefiniteInverse(spd)
                _ = try symmetricEigendecomposition(spd)
                _ = try multiply(spd, [Double](repeating: 1, count: n))
                _ = frobeniusNorm(c)
                _ = frobeniusNorm(spd)
            }
        }
    }
}
