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
public func solve(_ a: Matrix<Double>, _ b: Matrix<Double>) throws -> Matrix<Double> {
    try a.requireSquare()
    guard b.rows == a.rows else {
        throw LinearAlgebraError.dimensionMismatch(reason: "A is \(a.rows) × \(a.columns) but B has \(b.rows) rows")
    }
    try a.requireFinite()
    try b.requireFinite()
    let n = a.rows
    guard n > 0, b.columns > 0 else { return Matrix(rows: n, columns: b.columns, repeating: 0) }
    var lu = a.elements
    var x = b
    var pivots = [Int32](repeating: 0, count: n)
    let order = try lapackInt(n)
    let info = LAPACKE_dgesv_work(
        columnMajorLayout, order, try lapackInt(b.columns), &lu, order, &pivots, &x.elements, order)
    try checkArgumentInfo(info, routine: "dgesv")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    return x
}

/// Solves `A·x = b` for one right-hand side (see `solve(_:_:)` for matrices).
public func solve(_ a: Matrix<Double>, _ b: [Double]) throws -> [Double] {
    try solve(a, Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
}

/// Solves `A·X = B` for complex square `A` by LU with partial pivoting (LAPACK `zgesv`).
///
/// - Throws: `.notSquare`, `.dimensionMismatch`, `.nonFiniteInput`, `.singular(pivot:)`.
public func solve(_ a: Matrix<Complex<Double>>, _ b: Matrix<Complex<Double>>) throws -> Matrix<Complex<Double>> {
    try a.requireSquare()
    guard b.rows == a.rows else {
        throw LinearAlgebraError.dimensionMismatch(reason: "A is \(a.rows) × \(a.columns) but B has \(b.rows) rows")
    }
    try a.requireFinite()
    try b.requireFinite()
    let n = a.rows
    guard n > 0, b.columns > 0 else { return Matrix(rows: n, columns: b.columns, repeating: .zero) }
    var lu = a.elements
    var x = b.elements
    var pivots = [Int32](repeating: 0, count: n)
    let order = try lapackInt(n)
    let columns = try lapackInt(b.columns)
    let info = lu.withLAPACKPointer { ap in
        x.withLAPACKPointer { xp in
            LAPACKE_zgesv_work(columnMajorLayout, order, columns, ap, order, &pivots, xp, order)
        }
    }
    try checkArgumentInfo(info, routine: "zgesv")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    return Matrix(rows: n, columns: b.columns, columnMajor: x)
}

/// Solves `A·x = b` for complex `A` and one right-hand side.
public func solve(_ a: Matrix<Complex<Double>>, _ b: [Complex<Double>]) throws -> [Complex<Double>] {
    try solve(a, Matrix(rows: b.count, columns: 1, columnMajor: b)).elements
}

/// Inverse of a square real matrix by LU (LAPACK `dgetrf` + `dgetri`).
///
/// Prefer `solve` for systems and `positiveDefiniteInverse` for Gram matrices (XᵀX)⁻¹.
///
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.singular(pivot:)`.
public func inverse(_ a: Matrix<Double>) throws -> Matrix<Double> {
    try a.requireSquare()
    try a.requireFinite()
    let n = a.rows
    guard n > 0 else { return a }
    var storage = a.elements
    var pivots = [Int32](repeating: 0, count: n)
    let order = try lapackInt(n)
    var info = LAPACKE_dgetrf_work(columnMajorLayout, order, order, &storage, order, &pivots)
    try checkArgumentInfo(info, routine: "dgetrf")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    var query = [Double](repeating: 0, count: 1)
    info = LAPACKE_dgetri_work(columnMajorLayout, order, &storage, order, pivots, &query, -1)
    try checkArgumentInfo(info, routine: "dgetri")
    var work = [Double](repeating: 0, count: workspaceLength(query[0]))
    info = LAPACKE_dgetri_work(columnMajorLayout, order, &storage, order, pivots, &work, try lapackInt(work.count))
    try checkArgumentInfo(info, routine: "dgetri")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    return Matrix(rows: n, columns: n, columnMajor: storage)
}

/// Inverse of a square complex matrix by LU (LAPACK `zgetrf` + `zgetri`).
///
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.singular(pivot:)`.
public func inverse(_ a: Matrix<Complex<Double>>) throws -> Matrix<Complex<Double>> {
    try a.requireSquare()
    try a.requireFinite()
    let n = a.rows
    guard n > 0 else { return a }
    var storage = a.elements
    var pivots = [Int32](repeating: 0, count: n)
    let order = try lapackInt(n)
    var info = storage.withLAPACKPointer { ap in
        LAPACKE_zgetrf_work(columnMajorLayout, order, order, ap, order, &pivots)
    }
    try checkArgumentInfo(info, routine: "zgetrf")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    var query = [Complex<Double>](repeating: .zero, count: 1)
    info = storage.withLAPACKPointer { ap in
        query.withLAPACKPointer { qp in LAPACKE_zgetri_work(columnMajorLayout, order, ap, order, pivots, qp, -1) }
    }
    try checkArgumentInfo(info, routine: "zgetri")
    var work = [Complex<Double>](repeating: .zero, count: workspaceLength(query[0].real))
    let lwork = try lapackInt(work.count)
    info = storage.withLAPACKPointer { ap in
        work.withLAPACKPointer { wp in LAPACKE_zgetri_work(columnMajorLayout, order, ap, order, pivots, wp, lwork) }
    }
    try checkArgumentInfo(info, routine: "zgetri")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    return Matrix(rows: n, columns: n, columnMajor: storage)
}
