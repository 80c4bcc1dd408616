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
}
