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
    let p = try GelsdProblem(a, b, rcond: rcond)
    let (rows, columns, columnsB, lda, ldb) = (p.rows, p.columns, p.columnsB, p.lda, p.ldb)
    let (storage, rhs, s) = (p.storage.pointer, p.rhs.pointer, p.singularValues.pointer)
    var rank: Int32 = 0
    let workQuery = LAPACKBuffer<Double>(count: 1)
    let iworkQuery = LAPACKBuffer<Int32>(count: 1)
    var info = LAPACKE_dgelsd_work(
        columnMajorLayout, rows, columns, columnsB, storage, lda, rhs, ldb, s, p.cutoff, &rank, workQuery.pointer, -1,
        iworkQuery.pointer)
    try checkArgumentInfo(info, routine: "dgelsd")
    let work = LAPACKBuffer<Double>(count: workspaceLength(workQuery[0]))
    let iwork = LAPACKBuffer<Int32>(count: max(1, Int(iworkQuery[0])))
    info = LAPACKE_dgelsd_work(
        columnMajorLayout, rows, columns, columnsB, storage, lda, rhs, ldb, s, p.cutoff, &rank, work.pointer,
        try lapackInt(work.count), iwork.pointer)
    try checkArgumentInfo(info, routine: "dgelsd")
    if info > 0 { throw LinearAlgebraError.didNotConverge(info: Int(info)) }
    return p.solution(rank: rank)
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
    let p = try GelsdProblem(a, b, rcond: rcond)
    let (rows, columns, columnsB, lda, ldb) = (p.rows, p.columns, p.columnsB, p.lda, p.ldb)
    let (storage, rhs, s) = (p.storage.opaque, p.rhs.opaque, p.singularValues.pointer)
    var rank: Int32 = 0
    let workQuery = LAPACKBuffer<Complex<Double>>(count: 1)
    let rworkQuery = LAPACKBuffer<Double>(count: 1)
    let iworkQuery = LAPACKBuffer<Int32>(count: 1)
    var info = LAPACKE_zgelsd_work(
        columnMajorLayout, rows, columns, columnsB, storage, lda, rhs, ldb, s, p.cutoff, &rank, workQuery.opaque, -1,
        rworkQuery.pointer, iworkQuery.pointer)
    try checkArgumentInfo(info, routine: "zgelsd")
    let work = LAPACKBuffer<Complex<Double>>(count: workspaceLength(workQuery[0].real))
    let rwork = LAPACKBuffer<Double>(count: workspaceLength(rworkQuery[0]))
    let iwork = LAPACKBuffer<Int32>(count: max(1, Int(iworkQuery[0])))
    info = LAPACKE_zgelsd_work(
        columnMajorLayout, rows, columns, columnsB, storage, lda, rhs, ldb, s, p.cutoff, &rank, work.opaque,
        try lapackInt(work.count), rwork.pointer, iwork.pointer)
    try checkArgumentInfo(info, routine: "zgelsd")
    if info > 0 { throw LinearAlgebraError.didNotConverge(info: Int(info)) }
    return p.solution(rank: rank)
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

/// The buffers and LAPACK sizes of one `?gelsd` call, shared by the real and complex wrappers: A copied
/// (`m × n`), B in a leading dimension ldb = max(m, n) (X comes back in its first n rows), room for the
/// k = min(m, n) singular values, and the rcond cut-off.
struct GelsdProblem<Scalar: LAPACKScalar & Sendable>: ~Copyable {
    /// n (columns of A) and nrhs (columns of B).
    let n, nrhs: Int
    /// B on entry, X in its first n rows on exit (`ldb × nrhs`); A (overwritten); σ, descending.
    let rhs, storage: LAPACKBuffer<Scalar>
    let singularValues: LAPACKBuffer<Double>
    /// The relative singular-value cut-off.
    let cutoff: Double
    /// m, n, nrhs, lda and ldb as LAPACK integers.
    let rows, columns, columnsB, lda, ldb: Int32

    /// - Throws: `.invalidArgument` when a size exceeds LAPACK's 32-bit integers.
    init(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>, rcond: Double?) throws(LinearAlgebraError) {
        let (m, n, nrhs) = (a.rows, a.columns, b.columns)
        let ldb = max(m, n)
        // Every size first, into locals: `self` (noncopyable) is initialised only after the last throw.
        let sizes = (
            try lapackInt(m), try lapackInt(n), try lapackInt(nrhs), try leadingDimension(m), try lapackInt(ldb)
        )
        let rhs = LAPACKBuffer<Scalar>(count: ldb * nrhs)
        for j in 0..<nrhs { for i in 0..<m { rhs[i + j * ldb] = b[i, j] } }
        self.rhs = rhs
        storage = LAPACKBuffer(copying: a.elements)
        singularValues = LAPACKBuffer<Double>(count: min(m, n))
        cutoff = rcond ?? defaultRcond(rows: m, columns: n)
        (self.n, self.nrhs) = (n, nrhs)
        (rows, columns, columnsB, lda, self.ldb) = sizes
    }

    /// X (the first n rows of the solved B), the rank LAPACK found and the singular values.
    func solution(rank: Int32) -> LeastSquaresSolution<Scalar> {
        let ldb = Int(self.ldb)
        var x = Matrix<Scalar>(rows: n, columns: nrhs, repeating: .zero)
        for j in 0..<nrhs { for i in 0..<n { x[i, j] = rhs[i + j * ldb] } }
        return LeastSquaresSolution(solution: x, rank: Int(rank), singularValues: singularValues.array)
    }
}
