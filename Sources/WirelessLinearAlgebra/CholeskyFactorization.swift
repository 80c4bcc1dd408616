import WirelessCore
import _WirelessLAPACKEShim

/// Cholesky factor of a real symmetric positive-definite matrix (LAPACK `dpotrf`, lower).
///
///     A = L·Lᵀ,   L lower triangular with positive diagonal
///
/// Only the lower triangle of `a` is read; the strict upper triangle of the result is zero.
///
/// - Parameter a: `n × n` symmetric positive-definite matrix, finite.
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.notPositiveDefinite(order:)`.
public func choleskyFactorization(_ a: Matrix<Double>) throws(LinearAlgebraError) -> Matrix<Double> {
    guard let order = try a.checkedSquareOrder() else { return a }
    let n = a.rows
    let storage = LAPACKBuffer(copying: a.elements)
    let info = LAPACKE_dpotrf_work(columnMajorLayout, lapackChar("L"), order, storage.pointer, order)
    try checkArgumentInfo(info, routine: "dpotrf")
    if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: Int(info)) }
    var factor = Matrix(rows: n, columns: n, columnMajor: storage.array)
    for j in 1..<max(n, 1) { for i in 0..<j { factor[i, j] = 0 } }
    return factor
}

/// Inverse of a real symmetric positive-definite matrix via Cholesky (LAPACK `dpotrf` + `dpotri`).
///
///     A = L·Lᵀ   ⇒   A⁻¹ = L⁻ᵀ·L⁻¹     (returned full and exactly symmetric)
///
/// The tool for regression covariances: Cov(β̂) = σ²·(XᵀX)⁻¹.
///
/// - Parameter a: `n × n` symmetric positive-definite matrix (lower triangle read), finite.
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.notPositiveDefinite(order:)`, `.singular(pivot:)`.
public func positiveDefiniteInverse(_ a: Matrix<Double>) throws(LinearAlgebraError) -> Matrix<Double> {
    guard let order = try a.checkedSquareOrder() else { return a }
    let n = a.rows
    let buffer = LAPACKBuffer(copying: a.elements)
    let uplo = lapackChar("L")
    var info = LAPACKE_dpotrf_work(columnMajorLayout, uplo, order, buffer.pointer, order)
    try checkArgumentInfo(info, routine: "dpotrf")
    if info > 0 { throw LinearAlgebraError.notPositiveDefinite(order: Int(info)) }
    info = LAPACKE_dpotri_work(columnMajorLayout, uplo, order, buffer.pointer, order)
    try checkArgumentInfo(info, routine: "dpotri")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    var storage = Matrix(rows: n, columns: n, columnMajor: buffer.array)
    for j in 1..<max(n, 1) { for i in 0..<j { storage[i, j] = storage[j, i] } }
    return storage
}
