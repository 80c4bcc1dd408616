import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// Eigenvalues and right eigenvectors of a general (non-Hermitian) complex matrix, `A·V = V·diag(λ)`.
public struct GeneralEigendecomposition: Sendable, Equatable {
    /// λⱼ, in LAPACK's order (not sorted).
    public let eigenvalues: [Complex<Double>]
    /// `n × n`; column `j` is a right eigenvector of `eigenvalues[j]` with unit 2-norm and its
    /// largest component real. Not orthogonal in general; ill-conditioned for defective matrices.
    public let rightEigenvectors: Matrix<Complex<Double>>
}

/// Eigenvalues of a general complex square matrix (LAPACK `zgeev`: balancing, Hessenberg
/// reduction, shifted QR). Order is LAPACK's, not sorted.
///
/// - Parameter a: `n × n` complex matrix, finite.
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.didNotConverge(info:)`.
/// - Complexity: O(n³) (≈ 10n³ flops for values only).
public func eigenvalues(_ a: Matrix<Complex<Double>>) throws(LinearAlgebraError) -> [Complex<Double>] {
    try zgeev(a, computeVectors: false).0
}

/// Eigenvalues and unit right eigenvectors of a general complex square matrix (LAPACK `zgeev`).
///
///     A·vⱼ = λⱼ·vⱼ,   ‖vⱼ‖₂ = 1
///
/// - Parameter a: `n × n` complex matrix, finite.
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.didNotConverge(info:)`.
public func eigendecomposition(_ a: Matrix<Complex<Double>>) throws(LinearAlgebraError) -> GeneralEigendecomposition {
    let (values, vectors) = try zgeev(a, computeVectors: true)
    return GeneralEigendecomposition(
        eigenvalues: values, rightEigenvectors: Matrix(rows: a.rows, columns: a.rows, columnMajor: vectors))
}

private func zgeev(_ a: Matrix<Complex<Double>>, computeVectors: Bool) throws(LinearAlgebraError) -> (
    [Complex<Double>], [Complex<Double>]
) {
    guard let order = try a.checkedSquareOrder() else { return ([], []) }
    let n = a.rows
    let storage = LAPACKBuffer(copying: a.elements)
    let w = LAPACKBuffer<Complex<Double>>(count: n)
    let vl = LAPACKBuffer<Complex<Double>>(count: 1)
    let vr = LAPACKBuffer<Complex<Double>>(count: computeVectors ? n * n : 1)
    let ldvr = computeVectors ? order : 1
    let (jobvl, jobvr) = (lapackChar("N"), lapackChar(computeVectors ? "V" : "N"))
    let rwork = LAPACKBuffer<Double>(count: 2 * n)
    let query = LAPACKBuffer<Complex<Double>>(count: 1)
    var info = LAPACKE_zgeev_work(
        columnMajorLayout, jobvl, jobvr, order, storage.opaque, order, w.opaque, vl.opaque, 1, vr.opaque, ldvr,
        query.opaque, -1, rwork.pointer)
    try checkArgumentInfo(info, routine: "zgeev")
    let work = LAPACKBuffer<Complex<Double>>(count: workspaceLength(query[0].real))
    info = LAPACKE_zgeev_work(
        columnMajorLayout, jobvl, jobvr, order, storage.opaque, order, w.opaque, vl.opaque, 1, vr.opaque, ldvr,
        work.opaque, try lapackInt(work.count), rwork.pointer)
    try checkArgumentInfo(info, routine: "zgeev")
    if info > 0 { throw LinearAlgebraError.didNotConverge(info: Int(info)) }
    return (w.array, computeVectors ? vr.array : [])
}
