import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// Eigenvalues and orthonormal eigenvectors of a Hermitian matrix, `A = V·diag(λ)·Vᴴ`.
public struct HermitianEigendecomposition: Sendable, Equatable {
    /// λ₀ ≤ λ₁ ≤ … ≤ λ_{n−1} (real, ascending).
    public let eigenvalues: [Double]
    /// `n × n` unitary `V`; column `j` is the unit eigenvector of `eigenvalues[j]`.
    public let eigenvectors: Matrix<Complex<Double>>
}

/// Eigendecomposition of a Hermitian matrix by divide and conquer (LAPACK `zheevd`).
///
///     A = V·diag(λ)·Vᴴ,   VᴴV = I,   λ ascending
///
/// Only the lower triangle of `a` is read; Hermitian symmetry is assumed, not checked.
/// Backward stable: the computed pair is exact for `A + E`, ‖E‖₂ = O(ε‖A‖₂) (LAPACK Users' Guide §4.7).
///
/// - Parameter a: `n × n` Hermitian matrix (column-major), finite.
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.didNotConverge(info:)`.
/// - Complexity: O(n³) time; allocates the result and the LAPACK workspace.
public func hermitianEigendecomposition(_ a: Matrix<Complex<Double>>) throws(LinearAlgebraError)
    -> HermitianEigendecomposition
{
    let (values, vectors) = try zheevd(a, computeVectors: true)
    return HermitianEigendecomposition(
        eigenvalues: values, eigenvectors: Matrix(rows: a.rows, columns: a.columns, columnMajor: vectors))
}

/// Eigenvalues only of a Hermitian matrix (ascending), cheaper than the full decomposition.
///
/// - Parameter a: `n × n` Hermitian matrix; only the lower triangle is read.
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.didNotConverge(info:)`.
public func hermitianEigenvalues(_ a: Matrix<Complex<Double>>) throws(LinearAlgebraError) -> [Double] {
    try zheevd(a, computeVectors: false).0
}

private func zheevd(_ a: Matrix<Complex<Double>>, computeVectors: Bool) throws(LinearAlgebraError) -> (
    [Double], [Complex<Double>]
) {
    guard let order = try a.checkedSquareOrder() else { return ([], []) }
    let n = a.rows
    let jobz = lapackChar(computeVectors ? "V" : "N")
    let uplo = lapackChar("L")
    let storage = LAPACKBuffer(copying: a.elements)
    let values = LAPACKBuffer<Double>(count: n)

    // Workspace query.
    let workQuery = LAPACKBuffer<Complex<Double>>(count: 1)
    let rworkQuery = LAPACKBuffer<Double>(count: 1)
    let iworkQuery = LAPACKBuffer<Int32>(count: 1)
    var info = LAPACKE_zheevd_work(
        columnMajorLayout, jobz, uplo, order, storage.opaque, order, values.pointer, workQuery.opaque, -1,
        rworkQuery.pointer, -1, iworkQuery.pointer, -1)
    try checkArgumentInfo(info, routine: "zheevd")
    let work = LAPACKBuffer<Complex<Double>>(count: workspaceLength(workQuery[0].real))
    let rwork = LAPACKBuffer<Double>(count: workspaceLength(rworkQuery[0]))
    let iwork = LAPACKBuffer<Int32>(count: max(1, Int(iworkQuery[0])))
    info = LAPACKE_zheevd_work(
        columnMajorLayout, jobz, uplo, order, storage.opaque, order, values.pointer, work.opaque,
        try lapackInt(work.count), rwork.pointer, try lapackInt(rwork.count), iwork.pointer,
        try lapackInt(iwork.count))
    try checkArgumentInfo(info, routine: "zheevd")
    if info > 0 { throw LinearAlgebraError.didNotConverge(info: Int(info)) }
    return (values.array, computeVectors ? storage.array : [])
}
