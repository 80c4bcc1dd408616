import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// Which singular vectors `singularValueDecomposition` returns.
public enum SVDKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// Economy size: `U` is `m × k`, `Vᴴ` is `k × n`, k = min(m, n).
    case thin
    /// Full: `U` is `m × m`, `Vᴴ` is `n × n` (unitary).
    case full
}

/// `A = U·diag(σ)·Vᴴ` of a complex matrix.
public struct SingularValueDecomposition: Sendable, Equatable {
    /// Left singular vectors as columns: `m × k` (thin) or `m × m` (full).
    public let u: Matrix<Complex<Double>>
    /// σ₀ ≥ σ₁ ≥ … ≥ σ_{k−1} ≥ 0, k = min(m, n).
    public let singularValues: [Double]
    /// `Vᴴ` (conjugate transpose of the right singular vectors): rows are right singular vectors
    /// conjugated; `k × n` (thin) or `n × n` (full).
    public let vHermitian: Matrix<Complex<Double>>
}

/// Singular value decomposition by divide and conquer (LAPACK `zgesdd`).
///
///     A = U·Σ·Vᴴ,   UᴴU = I,   VᴴV = I,   Σ = diag(σ₀ ≥ … ≥ σ_{k−1} ≥ 0),  k = min(m, n)
///
/// - Parameters:
///   - a: `m × n` complex matrix (column-major), finite; m, n ≥ 0.
///   - kind: `.thin` (default) or `.full` singular vectors.
/// - Throws: `.nonFiniteInput`, `.didNotConverge(info:)`.
/// - Complexity: O(m·n·min(m, n)).
public func singularValueDecomposition(_ a: Matrix<Complex<Double>>, kind: SVDKind = .thin) throws(LinearAlgebraError)
    -> SingularValueDecomposition
{
    let result = try zgesdd(a, job: kind == .thin ? "S" : "A")
    let (m, n, k) = (a.rows, a.columns, min(a.rows, a.columns))
    let uColumns = kind == .thin ? k : m
    let vRows = kind == .thin ? k : n
    return SingularValueDecomposition(
        u: Matrix(rows: m, columns: uColumns, columnMajor: result.u),
        singularValues: result.s,
        vHermitian: Matrix(rows: vRows, columns: n, columnMajor: result.vt))
}

/// Singular values only (descending), cheaper than the full decomposition (`zgesdd`, JOBZ = 'N').
///
/// - Parameter a: `m × n` complex matrix, finite.
/// - Throws: `.nonFiniteInput`, `.didNotConverge(info:)`.
public func singularValues(_ a: Matrix<Complex<Double>>) throws(LinearAlgebraError) -> [Double] {
    try zgesdd(a, job: "N").s
}

private func zgesdd(_ a: Matrix<Complex<Double>>, job: Unicode.Scalar) throws(LinearAlgebraError)
    -> (u: [Complex<Double>], s: [Double], vt: [Complex<Double>])
{
    try a.requireFinite()
    let (m, n) = (a.rows, a.columns)
    let k = min(m, n)
    let mx = max(m, n)
    let full = job == "A"
    let vectors = job != "N"
    let uColumns = full ? m : k
    let vRows = full ? n : k
    if k == 0 {
        // Empty: the full factors are identities of the non-zero dimension.
        let u = (full ? Matrix<Complex<Double>>.identity(m) : Matrix(rows: m, columns: 0, repeating: .zero)).elements
        let vt = (full ? Matrix<Complex<Double>>.identity(n) : Matrix(rows: 0, columns: n, repeating: .zero)).elements
        return (vectors ? u : [], [], vectors ? vt : [])
    }
    let storage = LAPACKBuffer(copying: a.elements)
    let s = LAPACKBuffer<Double>(count: k)
    let u = LAPACKBuffer<Complex<Double>>(count: vectors ? m * uColumns : 1)
    let vt = LAPACKBuffer<Complex<Double>>(count: vectors ? vRows * n : 1)
    let ldu = try leadingDimension(vectors ? m : 1)
    let ldvt = try leadingDimension(vectors ? vRows : 1)
    // RWORK size from the zgesdd documentation (LAPACK ≥ 3.7).
    let lrwork = vectors ? max(5 * k * k + 5 * k, 2 * mx * k + 2 * k * k + k) : 7 * k
    let rwork = LAPACKBuffer<Double>(count: max(1, lrwork))
    let iwork = LAPACKBuffer<Int32>(count: 8 * k)
    let (rows, columns, lda) = (try lapackInt(m), try lapackInt(n), try leadingDimension(m))
    let jobz = lapackChar(job)

    let query = LAPACKBuffer<Complex<Double>>(count: 1)
    var info = LAPACKE_zgesdd_work(
        columnMajorLayout, jobz, rows, columns, storage.opaque, lda, s.pointer, u.opaque, ldu, vt.opaque, ldvt,
        query.opaque, -1, rwork.pointer, iwork.pointer)
    try checkArgumentInfo(info, routine: "zgesdd")
    let work = LAPACKBuffer<Complex<Double>>(count: workspaceLength(query[0].real))
    info = LAPACKE_zgesdd_work(
        columnMajorLayout, jobz, rows, columns, storage.opaque, lda, s.pointer, u.opaque, ldu, vt.opaque, ldvt,
        work.opaque, try lapackInt(work.count), rwork.pointer, iwork.pointer)
    try checkArgumentInfo(info, routine: "zgesdd")
    if info > 0 { throw LinearAlgebraError.didNotConverge(info: Int(info)) }
    return (vectors ? u.array : [], s.array, vectors ? vt.array : [])
}
