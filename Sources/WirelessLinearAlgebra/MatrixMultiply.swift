import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// Matrix product `C = op(A)·op(B)` (BLAS `zgemm`).
///
///     C[i, j] = Σₗ op(A)[i, l] · op(B)[l, j],   op ∈ {·, ·ᵀ, ·ᴴ}
///
/// - Parameters:
///   - a: Left operand; `op(A)` is `m × k`.
///   - b: Right operand; `op(B)` is `k × n`.
///   - operationA: `.none`, `.transpose` or `.conjugateTranspose` applied to `a`.
///   - operationB: Same for `b`.
/// - Returns: `m × n` product.
/// - Throws: `.dimensionMismatch` if the inner dimensions differ.
/// - Complexity: O(m·n·k).
public func multiply(
    _ a: Matrix<Complex<Double>>, _ b: Matrix<Complex<Double>>, _ operationA: MatrixOperation = .none,
    _ operationB: MatrixOperation = .none
) throws(LinearAlgebraError) -> Matrix<Complex<Double>> {
    let (m, k) = operationA.shape(rows: a.rows, columns: a.columns)
    let (kb, n) = operationB.shape(rows: b.rows, columns: b.columns)
    guard k == kb else {
        throw LinearAlgebraError.dimensionMismatch(reason: "op(A) is \(m) × \(k) but op(B) is \(kb) × \(n)")
    }
    guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n, repeating: .zero) }
    let (mi, ni, ki) = (try lapackInt(m), try lapackInt(n), try lapackInt(k))
    let (lda, ldb, ldc) = (try leadingDimension(a.rows), try leadingDimension(b.rows), try leadingDimension(m))
    var alpha = Complex<Double>.one
    var beta = Complex<Double>.zero
    let ap = LAPACKBuffer(copying: a.elements)
    let cp = LAPACKBuffer<Complex<Double>>(count: m * n)
    if sharesStorage(a.elements, b.elements) {
        // A·Aᴴ and the like (a mode covariance): both operands are the same values, one padded copy serves.
        cblas_zgemm(
            CblasColMajor, operationA.cblas, operationB.cblas, mi, ni, ki, &alpha, ap.pointer, lda, ap.pointer, ldb,
            &beta, cp.pointer, ldc)
    } else {
        let bp = LAPACKBuffer(copying: b.elements)
        cblas_zgemm(
            CblasColMajor, operationA.cblas, operationB.cblas, mi, ni, ki, &alpha, ap.pointer, lda, bp.pointer, ldb,
            &beta, cp.pointer, ldc)
    }
    return Matrix(rows: m, columns: n, columnMajor: cp.array)
}

/// Whether two arrays are the same storage (copies of one array value): then their elements are equal.
private func sharesStorage<Element>(_ a: [Element], _ b: [Element]) -> Bool {
    a.count == b.count
        && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
}

/// Matrix–vector product `y = op(A)·x` (BLAS `zgemv`).
///
/// - Parameters:
///   - a: Matrix; `op(A)` is `m × n`.
///   - x: Vector of length n.
///   - operation: `op` applied to `a`.
/// - Returns: `y`, length m.
/// - Throws: `.dimensionMismatch` if `x.count ≠ n`.
public func multiply(
    _ a: Matrix<Complex<Double>>, _ x: [Complex<Double>], _ operation: MatrixOperation = .none
) throws(LinearAlgebraError) -> [Complex<Double>] {
    let (m, n) = operation.shape(rows: a.rows, columns: a.columns)
    guard x.count == n else {
        throw LinearAlgebraError.dimensionMismatch(reason: "op(A) is \(m) × \(n) but x has \(x.count) elements")
    }
    guard m > 0, n > 0 else { return [Complex<Double>](repeating: .zero, count: m) }
    let (rows, columns, lda) = (try lapackInt(a.rows), try lapackInt(a.columns), try leadingDimension(a.rows))
    var alpha = Complex<Double>.one
    var beta = Complex<Double>.zero
    let ap = LAPACKBuffer(copying: a.elements)
    let xp = LAPACKBuffer(copying: x)
    let yp = LAPACKBuffer<Complex<Double>>(count: m)
    cblas_zgemv(
        CblasColMajor, operation.cblas, rows, columns, &alpha, ap.pointer, lda, xp.pointer, 1, &beta, yp.pointer, 1)
    return yp.array
}

/// Real matrix product `C = op(A)·op(B)` (BLAS `dgemm`); `.conjugateTranspose` = `.transpose`.
///
/// - Throws: `.dimensionMismatch` if the inner dimensions differ.
public func multiply(
    _ a: Matrix<Double>, _ b: Matrix<Double>, _ operationA: MatrixOperation = .none,
    _ operationB: MatrixOperation = .none
) throws(LinearAlgebraError) -> Matrix<Double> {
    let (m, k) = operationA.shape(rows: a.rows, columns: a.columns)
    let (kb, n) = operationB.shape(rows: b.rows, columns: b.columns)
    guard k == kb else {
        throw LinearAlgebraError.dimensionMismatch(reason: "op(A) is \(m) × \(k) but op(B) is \(kb) × \(n)")
    }
    guard m > 0, n > 0, k > 0 else { return Matrix(rows: m, columns: n, repeating: 0) }
    let (mi, ni, ki) = (try lapackInt(m), try lapackInt(n), try lapackInt(k))
    let (lda, ldb, ldc) = (try leadingDimension(a.rows), try leadingDimension(b.rows), try leadingDimension(m))
    let (ta, tb) = (realTranspose(operationA), realTranspose(operationB))
    let ap = LAPACKBuffer(copying: a.elements)
    let bp = LAPACKBuffer(copying: b.elements)
    let cp = LAPACKBuffer<Double>(count: m * n)
    cblas_dgemm(CblasColMajor, ta, tb, mi, ni, ki, 1, ap.pointer, lda, bp.pointer, ldb, 0, cp.pointer, ldc)
    return Matrix(rows: m, columns: n, columnMajor: cp.array)
}

/// Real matrix–vector product `y = op(A)·x` (BLAS `dgemv`).
///
/// - Throws: `.dimensionMismatch` if `x.count` ≠ columns of `op(A)`.
public func multiply(_ a: Matrix<Double>, _ x: [Double], _ operation: MatrixOperation = .none)
    throws(LinearAlgebraError) -> [Double]
{
    let (m, n) = operation.shape(rows: a.rows, columns: a.columns)
    guard x.count == n else {
        throw LinearAlgebraError.dimensionMismatch(reason: "op(A) is \(m) × \(n) but x has \(x.count) elements")
    }
    guard m > 0, n > 0 else { return [Double](repeating: 0, count: m) }
    let (rows, columns, lda) = (try lapackInt(a.rows), try lapackInt(a.columns), try leadingDimension(a.rows))
    let ap = LAPACKBuffer(copying: a.elements)
    let xp = LAPACKBuffer(copying: x)
    let yp = LAPACKBuffer<Double>(count: m)
    cblas_dgemv(
        CblasColMajor, realTranspose(operation), rows, columns, 1, ap.pointer, lda, xp.pointer, 1, 0, yp.pointer, 1)
    return yp.array
}

private func realTranspose(_ operation: MatrixOperation) -> CBLAS_TRANSPOSE {
    operation == .none ? CblasNoTrans : CblasTrans
}
