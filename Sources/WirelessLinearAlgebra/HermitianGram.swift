import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// The Hermitian product `C = A·Aᴴ` (BLAS `zherk`): half the multiplications of `multiply(a, a, .none,
/// .conjugateTranspose)`, which computes both triangles.
///
///     C[i, j] = Σₗ A[i, l]·conj(A[j, l]),   A: m × k,   C: m × m Hermitian
///
/// `zherk` computes the upper triangle (real diagonal); the lower one is its mirror, so C is exactly
/// Hermitian. The entries equal `multiply`'s to rounding (the k sums may be ordered differently).
///
/// - Parameter a: `m × k`, any size.
/// - Returns: `m × m`.
/// - Throws: `.invalidArgument` for sizes beyond LAPACK's 32-bit integers.
/// - Complexity: O(m²·k/2).
public func hermitianGram(_ a: Matrix<Complex<Double>>) throws(LinearAlgebraError) -> Matrix<Complex<Double>> {
    let (m, k) = (a.rows, a.columns)
    guard m > 0, k > 0 else { return Matrix(rows: m, columns: m, repeating: .zero) }
    let (mi, ki, lda, ldc) = (try lapackInt(m), try lapackInt(k), try leadingDimension(m), try leadingDimension(m))
    let ap = LAPACKBuffer(copying: a.elements)
    let cp = LAPACKBuffer<Complex<Double>>(count: m * m)
    cblas_zherk(CblasColMajor, CblasUpper, CblasNoTrans, mi, ki, 1, ap.pointer, lda, 0, cp.pointer, ldc)
    var c = Matrix<Complex<Double>>(rows: m, columns: m, columnMajor: cp.array)
    for j in 0..<m {
        c[j, j] = Complex(c[j, j].real, 0)
        for i in (j + 1)..<m { c[i, j] = c[j, i].conjugate }
    }
    return c
}
