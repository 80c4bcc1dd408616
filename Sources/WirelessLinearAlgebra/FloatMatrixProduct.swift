import WirelessCore
import _WirelessLAPACKEShim

/// Single-precision general matrix product on raw row-major buffers (OpenBLAS `cblas_sgemm`).
///
///     C ← α·op(A)·op(B) + β·C,    op(X) = X or Xᵀ,   op(A): m × k,  op(B): k × n,  C: m × n
///
/// For hot loops that own their buffers (e.g. the convolutions of a neural network): no allocation,
/// no copies. Row-major with leading dimensions `lda`, `ldb`, `ldc` (elements between rows).
public enum FloatMatrixProduct {
    /// Computes C ← α·op(A)·op(B) + β·C.
    ///
    /// - Parameters:
    ///   - transposeA, transposeB: use Aᵀ / Bᵀ.
    ///   - m, n, k: product dimensions, ≥ 0.
    ///   - a, b, c: row-major buffers; `c` must not overlap `a` or `b`.
    ///   - lda, ldb, ldc: leading dimensions (row strides) of the stored A, B, C.
    /// - Precondition: dimensions non-negative (a programmer error otherwise).
    public static func multiply(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        precondition(m >= 0 && n >= 0 && k >= 0, "negative matrix dimension")
        guard m > 0 && n > 0 else { return }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// The dimension of C that `multiplyInBlocks` splits.
    public enum BlockAxis: Sendable {
        /// Row blocks of C (rows of op(A)); block starts are multiples of 8.
        case rows
        /// Column blocks of C (columns of op(B)); block starts are multiples of 16 (64 bytes).
        case columns
    }

    /// Computes C ← α·op(A)·op(B) + β·C as `parts` row or column blocks of C run concurrently.
    ///
    /// Each block is an independent sgemm over the full k, so every element of C is reduced exactly
    /// as in any other run with the same `parts` and axis: the result does not depend on the number
    /// of cores — provided BLAS itself runs on one thread (`BLASThreading.setThreadCount(1)`, as the
    /// `wtk` runner and the benchmarks set it); with more BLAS threads the products are still
    /// correct, but OpenBLAS may then split k and change the last bits.
    /// With fewer than `minimumPerPart` rows or columns per block the product runs as one call.
    ///
    /// - Parameters: as `multiply`, plus
    ///   - axis: the dimension of C to split.
    ///   - parts: number of blocks, ≥ 1 (a fixed choice, not the core count, for determinism).
    ///   - minimumPerPart: the smallest block worth a task.
    public static func multiplyInBlocks(
        along axis: BlockAxis, transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int,
        parts: Int = 2, minimumPerPart: Int = 256
    ) {
        precondition(parts >= 1, "parts must be ≥ 1")
        let extent = axis == .rows ? m : n
        guard parts > 1, extent >= parts * minimumPerPart else {
            multiply(
                transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: alpha,
                a: a, lda: lda, b: b, ldb: ldb, beta: beta, c: c, ldc: ldc)
            return
        }
        let alignment = axis == .rows ? 8 : 16
        // A and B are only read; each task writes a disjoint row or column block of C; the caller
        // keeps all three alive until this returns (SendablePointer's contract).
        let (sharedA, sharedB, sharedC) = (
            SendablePointer(readOnly: a), SendablePointer(readOnly: b), SendablePointer(c)
        )
        ParallelExecution.forEachTask(count: parts) { part in
            let first = (extent * part / parts) / alignment * alignment
            let last = part == parts - 1 ? extent : (extent * (part + 1) / parts) / alignment * alignment
            switch axis {
            case .rows:
                // Rows i of op(A) are rows of A, or columns of A when it is transposed.
                multiply(
                    transposeA: transposeA, transposeB: transposeB, m: last - first, n: n, k: k, alpha: alpha,
                    a: sharedA.base + (transposeA ? first : first * lda), lda: lda, b: sharedB.base, ldb: ldb,
                    beta: beta, c: sharedC.base + first * ldc, ldc: ldc)
            case .columns:
                // Columns j of op(B) are columns of B, or rows of B when it is transposed.
                multiply(
                    transposeA: transposeA, transposeB: transposeB, m: m, n: last - first, k: k, alpha: alpha,
                    a: sharedA.base, lda: lda, b: sharedB.base + (transposeB ? first * ldb : first), ldb: ldb,
                    beta: beta, c: sharedC.base + first, ldc: ldc)
            }
        }
    }
}
