import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// Solves `A·X = B` for square `A` by LU with partial pivoting (LAPACK `dgesv`).
///
///     P·A = L·U,   X = U⁻¹·L⁻¹·P·B
///
/// - Parameters:
///   - a: `n × n` matrix, finite.
///   - b: `n × nrhs` right-hand sides, finite.
/// - Returns: `X`, `n × nrhs`.
/// - Throws: `.notSquare`, `.dimensionMismatch`, `.nonFiniteInput`, `.singular(pivot:)` if `U` has an exact zero pivot.
public func solve(_ a: Matrix<Double>, _ b: Matrix<Double>) throws(LinearAlgebraError) -> Matrix<Double> {
    if let empty = try emptySolution(a, b) { return empty }
    let n = a.rows
    let lu = LAPACKBuffer(copying: a.elements)
    let x = LAPACKBuffer(copying: b.elements)
    let pivots = LAPACKBuffer<Int32>(count: n)
    let order = try lapackInt(n)
    let info = LAPACKE_dgesv_work(
        columnMajorLayout, order, try lapackInt(b.columns), lu.pointer, order, pivots.pointer, x.pointer, order)
    try checkArgumentInfo(info, routine: "dgesv")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    return Matrix(rows: n, columns: b.columns, columnMajor: x.array)
}

/// Solves `A·x = b` for one right-hand side (see `solve(_:_:)` for matrices).
public func solve(_ a: Matrix<Double>, _ b: [Double]) throws(LinearAlgebraError) -> [Double] {
    try solve(a, Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
}

/// Solves `A·X = B` for complex square `A` by LU with partial pivoting (LAPACK `zgesv`).
///
/// - Throws: `.notSquare`, `.dimensionMismatch`, `.nonFiniteInput`, `.singular(pivot:)`.
public func solve(_ a: Matrix<Complex<Double>>, _ b: Matrix<Complex<Double>>) throws(LinearAlgebraError) -> Matrix<
    Complex<Double>
> {
    if let empty = try emptySolution(a, b) { return empty }
    let n = a.rows
    let lu = LAPACKBuffer(copying: a.elements)
    let x = LAPACKBuffer(copying: b.elements)
    let pivots = LAPACKBuffer<Int32>(count: n)
    let order = try lapackInt(n)
    let columns = try lapackInt(b.columns)
    let info = LAPACKE_zgesv_work(columnMajorLayout, order, columns, lu.opaque, order, pivots.pointer, x.opaque, order)
    try checkArgumentInfo(info, routine: "zgesv")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    return Matrix(rows: n, columns: b.columns, columnMajor: x.array)
}

/// Solves `A·x = b` for complex `A` and one right-hand side.
public func solve(_ a: Matrix<Complex<Double>>, _ b: [Complex<Double>]) throws(LinearAlgebraError) -> [Complex<Double>]
{
    try solve(a, Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
}

/// Inverse of a square real matrix by LU (LAPACK `dgetrf` + `dgetri`).
///
/// Prefer `solve` for systems and `positiveDefiniteInverse` for Gram matrices (XᵀX)⁻¹.
///
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.singular(pivot:)`.
public func inverse(_ a: Matrix<Double>) throws(LinearAlgebraError) -> Matrix<Double> {
    guard let order = try a.checkedSquareOrder() else { return a }
    let n = a.rows
    let storage = LAPACKBuffer(copying: a.elements)
    let pivots = LAPACKBuffer<Int32>(count: n)
    var info = LAPACKE_dgetrf_work(columnMajorLayout, order, order, storage.pointer, order, pivots.pointer)
    try checkArgumentInfo(info, routine: "dgetrf")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    let query = LAPACKBuffer<Double>(count: 1)
    info = LAPACKE_dgetri_work(columnMajorLayout, order, storage.pointer, order, pivots.pointer, query.pointer, -1)
    try checkArgumentInfo(info, routine: "dgetri")
    let work = LAPACKBuffer<Double>(count: workspaceLength(query[0]))
    info = LAPACKE_dgetri_work(
        columnMajorLayout, order, storage.pointer, order, pivots.pointer, work.pointer, try lapackInt(work.count))
    try checkArgumentInfo(info, routine: "dgetri")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    return Matrix(rows: n, columns: n, columnMajor: storage.array)
}

/// Inverse of a square complex matrix by LU (LAPACK `zgetrf` + `zgetri`).
///
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.singular(pivot:)`.
public func inverse(_ a: Matrix<Complex<Double>>) throws(LinearAlgebraError) -> Matrix<Complex<Double>> {
    guard let order = try a.checkedSquareOrder() else { return a }
    let n = a.rows
    let storage = LAPACKBuffer(copying: a.elements)
    let pivots = LAPACKBuffer<Int32>(count: n)
    var info = LAPACKE_zgetrf_work(columnMajorLayout, order, order, storage.opaque, order, pivots.pointer)
    try checkArgumentInfo(info, routine: "zgetrf")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    let query = LAPACKBuffer<Complex<Double>>(count: 1)
    info = LAPACKE_zgetri_work(columnMajorLayout, order, storage.opaque, order, pivots.pointer, query.opaque, -1)
    try checkArgumentInfo(info, routine: "zgetri")
    let work = LAPACKBuffer<Complex<Double>>(count: workspaceLength(query[0].real))
    info = LAPACKE_zgetri_work(
        columnMajorLayout, order, storage.opaque, order, pivots.pointer, work.opaque, try lapackInt(work.count))
    try checkArgumentInfo(info, routine: "zgetri")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    return Matrix(rows: n, columns: n, columnMajor: storage.array)
}

/// The checks both `solve` wrappers start with (A square, B with as many rows, both finite), and the answer
/// when there is nothing to solve: X = 0 (`n × nrhs`) for n = 0 or nrhs = 0.
/// - Throws: `.notSquare`, `.dimensionMismatch`, `.nonFiniteInput`.
func emptySolution<Scalar: LAPACKScalar>(_ a: Matrix<Scalar>, _ b: Matrix<Scalar>) throws(LinearAlgebraError)
    -> Matrix<Scalar>?
{
    try a.requireSquare()
    guard b.rows == a.rows else {
        throw LinearAlgebraError.dimensionMismatch(reason: "A is \(a.rows) × \(a.columns) but B has \(b.rows) rows")
    }
    try a.requireFinite()
    try b.requireFinite()
    guard a.rows == 0 || b.columns == 0 else { return nil }
    return Matrix(rows: a.rows, columns: b.columns, repeating: .zero)
}
