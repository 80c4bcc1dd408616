import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// The minimum-norm least-squares solution of `A·X ≈ B` and what LAPACK learned about `A`.
public struct LeastSquaresSolution<Scalar: Sendable & Equatable>: Sendable, Equatable {
    /// `X`, `n × nrhs`: minimises ‖A·X − B‖_F, and among minimisers has the least ‖X‖_F.
    public let solution: Matrix<Scalar>
    /// Effective rank of `A`: the number of σᵢ > rcond·σ₀.
    public let rank: Int
    /// Singular values of `A`, descending (k = min(m, n) of them).
    public let singularValues: [Double]

    /// Column 0 of `solution` (the answer for a single right-hand side).
    public var solutionVector: [Scalar] { solution.column(0) }
}

/// The default relative cut-off for negligible singular values, ε·max(m, n) (as NumPy's `lstsq`).
func defaultRcond(rows: Int, columns: Int) -> Double { Double.ulpOfOne * Double(max(rows, columns, 1)) }

/// Minimum-norm least squares for real matrices by SVD divide and conquer (LAPACK `dgelsd`).
///
///     X = argmin ‖A·X − B‖_F  (minimum ‖X‖_F among minimisers) = A⁺·B
///
/// Singular values σᵢ ≤ rcond·σ₀ are treated as zero, so rank-deficient designs are handled.
///
/// - Parameters:
///   - a: `m × n` design matrix, finite.
///   - b: `m × nrhs` right-hand sides, finite.
///   - rcond: Relative singular value cut-off ≥ 0; `nil` = ε·max(m, n).
/// - Throws: `.dimensionMismatch` if `b.rows ≠ a.rows`, `.nonFiniteInput`, `.didNotConverge(info:)`.
public func leastSquares(_ a: Matrix<Double>, _ b: Matrix<Double>, rcond: Double? = nil) throws(LinearAlgebraError)
    -> LeastSquaresSolution<Double>
{
    if let empty = try emptyLeastSquares(a, b) { return empty }
    let (m, n, nrhs) = (a.rows, a.columns, b.columns)
    let k = min(m, n)
    let ldb = max(m, n)
    let rhs = LAPACKBuffer<Double>(count: ldb * nrhs)
    for j in 0..<nrhs { for i in 0..<m { rhs[i + j * ldb] = b[i, j] } }
    let storage = LAPACKBuffer(copying: a.elements)
    let s = LAPACKBuffer<Double>(count: k)
    var rank: Int32 = 0
    let cutoff = rcond ?? defaultRcond(rows: m, columns: n)
    let (rows, columns, columnsB) = (try lapackInt(m), try lapackInt(n), try lapackInt(nrhs))
    let (lda, ldbInt) = (try leadingDimension(m), try lapackInt(ldb))

    let workQuery = LAPACKBuffer<Double>(count: 1)
    let iworkQuery = LAPACKBuffer<Int32>(count: 1)
    var info = LAPACKE_dgelsd_work(
        columnMajorLayout, rows, columns, columnsB, storage.pointer, lda, rhs.pointer, ldbInt, s.pointer, cutoff,
        &rank, workQuery.pointer, -1, iworkQuery.pointer)
    try checkArgumentInfo(info, routine: "dgelsd")
    let work = LAPACKBuffer<Double>(count: workspaceLength(workQuery[0]))
    let iwork = LAPACKBuffer<Int32>(count: max(1, Int(iworkQuery[0])))
    info = LAPACKE_dgelsd_work(
        columnMajorLayout, rows, columns, columnsB, storage.pointer, lda, rhs.pointer, ldbInt, s.pointer, cutoff,
        &rank, work.pointer, try lapackInt(work.count), iwork.pointer)
    try checkArgumentInfo(info, routine: "dgelsd")
    if info > 0 { throw LinearAlgebraError.didNotConverge(info: Int(info)) }
    var x = Matrix<Double>(rows: n, columns: nrhs, repeating: 0)
    for j in 0..<nrhs { for i in 0..<n { x[i, j] = rhs[i + j * ldb] } }
    return LeastSquaresSolution(solution: x, rank: Int(rank), singularValues: s.array)
}

/// Real least squares with one right-hand side `b` (length m); see `leastSquares(_:_:rcond:)`.
public func leastSquares(_ a: Matrix<Double>, _ b: [Double], rcond: Double? = nil) throws(LinearAlgebraError)
    -> LeastSquaresSolution<Double>
{
    try leastSquares(a, Matrix(rows: b.count, columns: 1, columnMajor: b), rcond: rcond)
}

/// Minimum-norm least squares for complex matrices by SVD divide and conquer (LAPACK `zgelsd`).
///
///     X = argmin ‖A·X − B‖_F  (minimum ‖X‖_F among minimisers) = A⁺·B
///
/// - Parameters:
///   - a: `m × n` complex matrix, finite.
///   - b: `m × nrhs` right-hand sides, finite.
///   - rcond: Relative singular value cut-off ≥ 0; `nil` = ε·max(m, n).
/// - Throws: `.dimensionMismatch`, `.nonFiniteInput`, `.didNotConverge(info:)`.
public func leastSquares(_ a: Matrix<Complex<Double>>, _ b: Matrix<Complex<Double>>, rcond: Double? = nil)
    throws(LinearAlgebraError)
    -> LeastSquaresSolution<Complex<Double>>
{
    if let empty = try emptyLeastSquares(a, b) { return empty }
    let (m, n, nrhs) = (a.rows, a.columns, b.columns)
    let k = min(m, n)
    let ldb = max(m, n)
    let rhs = LAPACKBuffer<Complex<Double>>(count: ldb * nrhs)
    for j in 0..<nrhs { for i in 0..<m { rhs[i + j * ldb] = b[i, j] } }
    let storage = LAPACKBuffer(copying: a.elements)
    let s = LAPACKBuffer<Double>(count: k)
    var rank: Int32 = 0
    let cutoff = rcond ?? defaultRcond(rows: m, columns: n)
    let (rows, columns, columnsB) = (try lapackInt(m), try lapackInt(n), try lapackInt(nrhs))
    let (lda, ldbInt) = (try leadingDimension(m), try lapackInt(ldb))

    let workQuery = LAPACKBuffer<Complex<Double>>(count: 1)
    let rworkQuery = LAPACKBuffer<Double>(count: 1)
    let iworkQuery = LAPACKBuffer<Int32>(count: 1)
    var info = LAPACKE_zgelsd_work(
        columnMajorLayout, rows, columns, columnsB, storage.opaque, lda, rhs.opaque, ldbInt, s.pointer, cutoff, &rank,
        workQuery.opaque, -1, rworkQuery.pointer, iworkQuery.pointer)
    try checkArgumentInfo(info, routine: "zgelsd")
    let work = LAPACKBuffer<Complex<Double>>(count: workspaceLength(workQuery[0].real))
    let rwork = LAPACKBuffer<Double>(count: workspaceLength(rworkQuery[0]))
    let iwork = LAPACKBuffer<Int32>(count: max(1, Int(iworkQuery[0])))
    info = LAPACKE_zgelsd_work(
        columnMajorLayout, rows, columns, columnsB, storage.opaque, lda, rhs.opaque, ldbInt, s.pointer, cutoff, &rank,
        work.opaque, try lapackInt(work.count), rwork.pointer, iwork.pointer)
    try checkArgumentInfo(info, routine: "zgelsd")
    if info > 0 { throw LinearAlgebraError.didNotConverge(info: Int(info)) }
    var x = Matrix<Complex<Double>>(rows: n, columns: nrhs, repeating: .zero)
    for j in 0..<nrhs { for i in 0..<n { x[i, j] = rhs[i + j * ldb] } }
    return LeastSquaresSolution(solution: x, rank: Int(rank), singularValues: s.array)
}

/// Complex least squares with one right-hand side `b` (length m).
public func leastSquares(_ a: Matrix<Complex<Double>>, _ b: [Complex<Double>], rcond: Double? = nil)
    throws(LinearAlgebraError)
    -> LeastSquaresSolution<Complex<Double>>
{
    try leastSquares(a, Matrix(rows: b.count, columns: 1, columnMajor: b), rcond: rcond)
}

/// The checks both least-squares wrappers start with (A and B have as many rows, both finite), and the
/// answer when there is nothing to solve: X = 0 (`n × nrhs`), rank 0, for min(m, n) = 0 or nrhs = 0.
/// - Throws: `.dimensionMismatch`, `.nonFiniteInput`.
func emptyLeastSquares<Scalar: LAPACKScalar & Sendable>(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>)
    throws(LinearAlgebraError) -> LeastSquaresSolution<Scalar>?
{
    guard a.rows == b.rows else {
        throw LinearAlgebraError.dimensionMismatch(reason: "A has \(a.rows) rows but B has \(b.rows)")
    }
    try a.requireFinite()
    try b.requireFinite()
    guard min(a.rows, a.columns) == 0 || b.columns == 0 else { return nil }
    return LeastSquaresSolution(
        solution: Matrix(rows: a.columns, columns: b.columns, repeating: .zero), rank: 0, singularValues: [])
}
