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
    try luSolve(a, b, routine: "dgesv") { n, columns, lu, pivots, x in
        LAPACKE_dgesv_work(columnMajorLayout, n, columns, lu, n, pivots, x, n)
    }
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
    try luSolve(a, b, routine: "zgesv") { n, columns, lu, pivots, x in
        LAPACKE_zgesv_work(columnMajorLayout, n, columns, OpaquePointer(lu), n, pivots, OpaquePointer(x), n)
    }
}

/// The LU solve both `solve` wrappers run (`gesv` on copies of A and B; `routine` names it in errors).
/// - Throws: `.notSquare`, `.dimensionMismatch`, `.nonFiniteInput`, `.singular(pivot:)`.
func luSolve<Scalar: LAPACKScalar>(
    _ a: Matrix<Scalar>, _ b: Matrix<Scalar>, routine: String,
    gesv: (Int32, Int32, UnsafeMutablePointer<Scalar>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Scalar>)
        -> Int32
) throws(LinearAlgebraError) -> Matrix<Scalar> {
    if let empty = try emptySolution(a, b) { return empty }
    let n = a.rows
    let lu = LAPACKBuffer(copying: a.elements)
    let x = LAPACKBuffer(copying: b.elements)
    let pivots = LAPACKBuffer<Int32>(count: n)
    let info = gesv(try lapackInt(n), try lapackInt(b.columns), lu.pointer, pivots.pointer, x.pointer)
    try checkArgumentInfo(info, routine: routine)
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
    try luInverse(
        a, precision: "d", workspace: { $0 },
        factor: { n, storage, pivots in LAPACKE_dgetrf_work(columnMajorLayout, n, n, storage, n, pivots) },
        invert: { n, storage, pivots, work, count in
            LAPACKE_dgetri_work(columnMajorLayout, n, storage, n, pivots, work, count)
        })
}

/// Inverse of a square complex matrix by LU (LAPACK `zgetrf` + `zgetri`).
///
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.singular(pivot:)`.
public func inverse(_ a: Matrix<Complex<Double>>) throws(LinearAlgebraError) -> Matrix<Complex<Double>> {
    try luInverse(
        a, precision: "z", workspace: { $0.real },
        factor: { n, storage, pivots in
            LAPACKE_zgetrf_work(columnMajorLayout, n, n, OpaquePointer(storage), n, pivots)
        },
        invert: { n, storage, pivots, work, count in
            LAPACKE_zgetri_work(columnMajorLayout, n, OpaquePointer(storage), n, pivots, OpaquePointer(work), count)
        })
}

/// The LU inverse both wrappers run: `?getrf`, a workspace query of `?getri`, then `?getri` (`precision`
/// names the routines in errors; `workspace` reads the queried length from its element).
/// - Throws: `.notSquare`, `.nonFiniteInput`, `.singular(pivot:)`.
func luInverse<Scalar: LAPACKScalar>(
    _ a: Matrix<Scalar>, precision: String, workspace: (Scalar) -> Double,
    factor: (Int32, UnsafeMutablePointer<Scalar>, UnsafeMutablePointer<Int32>) -> Int32,
    invert: (Int32, UnsafeMutablePointer<Scalar>, UnsafeMutablePointer<Int32>, UnsafeMutablePointer<Scalar>, Int32)
        -> Int32
) throws(LinearAlgebraError) -> Matrix<Scalar> {
    guard let order = try a.checkedSquareOrder() else { return a }
    let n = a.rows
    let storage = LAPACKBuffer(copying: a.elements)
    let pivots = LAPACKBuffer<Int32>(count: n)
    var info = factor(order, storage.pointer, pivots.pointer)
    try checkArgumentInfo(info, routine: precision + "getrf")
    if info > 0 { throw LinearAlgebraError.singular(pivot: Int(info)) }
    let query = LAPACKBuffer<Scalar>(count: 1)
    info = invert(order, storage.pointer, pivots.pointer, query.pointer, -1)
    try checkArgumentInfo(info, routine: precision + "getri")
    let work = LAPACKBuffer<Scalar>(count: workspaceLength(workspace(query[0])))
    info = invert(order, storage.pointer, pivots.pointer, work.pointer, try lapackInt(work.count))
    try checkArgumentInfo(info, routine: precision + "getri")
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
