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
) throws -> Matrix<Complex<Double>> {
    let (m, k) = operationA.shape(rows: a.rows, columns: a.columns)
    let (kb, n) = operationB.shape(rows: b.rows, columns: b.columns)
    guard k == kb else {
        throw LinearAlgebraError.dimensionMismatch(reason: "op(A) is \(m) × \(k) but op(B) is \(kb) × \(n)")
    }
    var c = Matrix<Complex<Double>>(rows: m, columns: n, repeating: .zero)
    guard m > 0, n > 0, k > 0 else { return c }
    let (mi, ni, ki) = (try lapackInt(m), try lapackInt(n), try lapackInt(k))
    let (lda, ldb, ldc) = (try leadingDimension(a.rows), try leadingDimension(b.rows), try leadingDimension(m))
    var alpha = Complex<Double>.one
    var beta = Complex<Double>.zero
    a.elements.withUnsafeBufferPointer { ap in
        b.elements.withUnsafeBufferPointer { bp in
            c.elements.withUnsafeMutableBufferPointer { cp in
                cblas_zgemm(
                    CblasColMajor, operationA.cblas, operationB.cblas, mi, ni, ki, &alpha, ap.baseAddress, lda,
                    bp.baseAddress, ldb, &beta, cp.baseAddress, ldc)
            }
        }
    }
    return c
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
) throws -> [Complex<Double>] {
    let (m, n) = operation.shape(rows: a.rows, columns: a.columns)
    guard x.count == n else {
        throw LinearAlgebraError.dimensionMismatch(reason: "op(A) is \(m) × \(n) but x has \(x.count) elements")
    }
    var y = [Complex<Double>](repeating: .zero, count: m)
    guard m > 0, n > 0 else { return y }
    let (rows, columns, lda) = (try lapackInt(a.rows), try lapackInt(a.columns), try leadingDimension(a.rows))
    var alpha = Complex<Double>.one
    var beta = Complex<Double>.zero
    a.elements.withUnsafeBufferPointer { ap in
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                cblas_zgemv(
                    CblasColMajor, operation.cblas, rows, columns, &alpha, ap.baseAddress, lda, xp.baseAddress, 1,
                    &beta, yp.baseAddress, 1)
            }
        }
    }
    return y
}

/// Real matrix product `C = op(A)·op(B)` (BLAS `dgemm`); `.conjugateTranspose` = `.transpose`.
///
/// - Throws: `.dimensionMismatch` if the inner dimensions differ.
public func multiply(
    _ a: Matrix<Double>, _ b: Matrix<Double>, _ operationA: MatrixOperation = .none,
    _ operationB: MatrixOperation = .none
) throws -> Matrix<Double> {
    let (m, k) = operationA.shape(rows: a.rows, columns: a.columns)
    let (kb, n) = operationB.shape(rows: b.rows, columns: b.columns)
    guard k == kb else {
        throw LinearAlgebraError.dimensionMismatch(reason: "op(A) is \(m) × \(k) but op(B) is \(kb) × \(n)")
    }
    var c = Matrix<Double>(rows: m, columns: n, repeating: 0)
    guard m > 0, n > 0, k > 0 else { return c }
    let (mi, ni, ki) = (try lapackInt(m), try lapackInt(n), try lapackInt(k))
    let (lda, ldb, ldc) = (try leadingDimension(a.rows), try leadingDimension(b.rows), try leadingDimension(m))
    let (ta, tb) = (realTranspose(operationA), realTranspose(operationB))
    a.elements.withUnsafeBufferPointer { ap in
        b.elements.withUnsafeBufferPointer { bp in
            c.elements.withUnsafeMutableBufferPointer { cp in
                cblas_dgemm(
                    CblasColMajor, ta, tb, mi, ni, ki, 1, ap.baseAddress, lda, bp.baseAddress, ldb, 0, cp.baseAddress,
                    ldc)
            }
        }
    }
    return c
}

/// Real matrix–vector product `y = op(A)·x` (BLAS `dgemv`).
///
/// - Throws: `.dimensionMismatch` if `x.count` ≠ columns of `op(A)`.
public func multiply(_ a: Matrix<Double>, _ x: [Double], _ operation: MatrixOperation = .none) throws -> [Double] {
    let (m, n) = operation.shape(rows: a.rows, columns: a.columns)
    guard x.count == n else {
        throw LinearAlgebraError.dimensionMismatch(reason: "op(A) is \(m) × \(n) but x has \(x.count) elements")
    }
    var y = [Double](repeating: 0, count: m)
    guard m > 0, n > 0 else { return y }
    let (rows, columns, lda) = (try lapackInt(a.rows), try lapackInt(a.columns), try leadingDimension(a.rows))
    a.elements.withUnsafeBufferPointer { ap in
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in
                cblas_dgemv(
                    CblasColMajor, realTranspose(operation), rows, columns, 1, ap.baseAddress, lda, xp.baseAddress, 1,
                    0, yp.baseAddress, 1)
            }
        }
    }
    return y
}

private func realTranspose(_ operation: MatrixOperation) -> CBLAS_TRANSPOSE {
    operation == .none ? CblasNoTrans : CblasTrans
}
