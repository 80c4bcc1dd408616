import Testing

@testable import WirelessLinearAlgebra

@Suite struct FloatMatrixProductTests {
    @Test(
        arguments: [(false, false), (true, false), (false, true), (true, true)],
        [FloatMatrixProduct.BlockAxis?.none, .rows, .columns])
    func matchesTripleLoop(transposes: (Bool, Bool), blocks: FloatMatrixProduct.BlockAxis?) {
        let (transposeA, transposeB) = transposes
        // Oracle: the O(mnk) triple loop over the same row-major data. The blocked products split
        // 100 columns into 3 blocks at multiples of 16 (0, 32, 64, 100) or 37 rows at multiples of
        // 8 (0, 8, 24, 37): uneven block sizes.
        let m = blocks == .rows ? 37 : 5
        let n = blocks == .columns ? 100 : 4
        let k = 3
        let aStored = (0..<(m * k)).map { Float(($0 * 7) % 11) - 5 }  // op(A) is m × k
        let bStored = (0..<(k * n)).map { Float(($0 * 5) % 9) - 4 }
        let lda = transposeA ? m : k
        let ldb = transposeB ? k : n
        func a(_ i: Int, _ p: Int) -> Float { transposeA ? aStored[p * m + i] : aStored[i * k + p] }
        func b(_ p: Int, _ j: Int) -> Float { transposeB ? bStored[j * k + p] : bStored[p * n + j] }
        var c = [Float](repeating: 1, count: m * n)
        aStored.withUnsafeBufferPointer { ap in
            bStored.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    if let blocks {
                        FloatMatrixProduct.multiplyInBlocks(
                            along: blocks, transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                            alpha: 2, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                            beta: 0.5, c: cp.baseAddress!, ldc: n, parts: 3, minimumPerPart: 8)
                    } else {
                        FloatMatrixProduct.multiply(
                            transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                            alpha: 2, a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                            beta: 0.5, c: cp.baseAddress!, ldc: n)
                    }
                }
            }
        }
        for i in 0..<m {
            for j in 0..<n {
                var s: Float = 0
                for p in 0..<k { s += a(i, p) * b(p, j) }
                // Small integers: exact in Float.
                #expect(c[i * n + j] == 2 * s + 0.5)
            }
        }
    }
}
