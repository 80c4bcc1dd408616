import WirelessCore
import _WirelessLAPACKEShim

/// Eigenvalues and orthonormal eigenvectors of a real symmetric matrix, `A = V·diag(λ)·Vᵀ`.
public struct SymmetricEigendecomposition: Sendable, Equatable {
    /// λ₀ ≤ … ≤ λ_{n−1} (ascending).
    public let eigenvalues: [Double]
    /// `n × n` orthogonal `V`; column `j` is the unit eigenvector of `eigenvalues[j]`.
    public let eigenvectors: Matrix<Double>
}

/// Eigendecomposition of a real symmetric matrix by divide and conquer (LAPACK `dsyevd`).
///
///     A = V·diag(λ)·Vᵀ,   VᵀV = I,   λ ascending
///
/// Only the lower triangle of `a` is read.
///
/// - Parameter a: `n × n` symmetric matrix, finite.
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.didNotConverge(info:)`.
public func symmetricEigendecomposition(_ a: Matrix<Double>) throws(LinearAlgebraError) -> SymmetricEigendecomposition {
    try a.requireSquare()
    try a.requireFinite()
    let n = a.rows
    guard n > 0 else { return SymmetricEigendecomposition(eigenvalues: [], eigenvectors: a) }
    let order = try lapackInt(n)
    let storage = LAPACKBuffer(copying: a.elements)
    let values = LAPACKBuffer<Double>(count: n)
    let (jobz, uplo) = (lapackChar("V"), lapackChar("L"))
    let workQuery = LAPACKBuffer<Double>(count: 1)
    let iworkQuery = LAPACKBuffer<Int32>(count: 1)
    var info = LAPACKE_dsyevd_work(
        columnMajorLayout, jobz, uplo, order, storage.pointer, order, values.pointer, workQuery.pointer, -1,
        iworkQuery.pointer, -1)
    try checkArgumentInfo(info, routine: "dsyevd")
    let work = LAPACKBuffer<Double>(count: workspaceLength(workQuery[0]))
    let iwork = LAPACKBuffer<Int32>(count: max(1, Int(iworkQuery[0])))
    info = LAPACKE_dsyevd_work(
        columnMajorLayout, jobz, uplo, order, storage.pointer, order, values.pointer, work.pointer,
        try lapackInt(work.count), iwork.pointer, try lapackInt(iwork.count))
    try checkArgumentInfo(info, routine: "dsyevd")
    if info > 0 { throw LinearAlgebraError.didNotConverge(info: Int(info)) }
    return SymmetricEigendecomposition(
        eigenvalues: values.array, eigenvectors: Matrix(rows: n, columns: n, columnMajor: storage.array))
}
