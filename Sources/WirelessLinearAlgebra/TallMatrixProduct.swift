import Numerics
import WirelessCore
import _WirelessLAPACKEShim

/// `C = A·B` for a tall complex `A` that stays in the caller's storage: its rows are copied a block at a
/// time into one small padded buffer and multiplied there (BLAS `zgemm` per block).
///
///     C[i, j] = Σₗ A[i, l]·B[l, j],   A: m × k column-major in the caller's buffer,  B: k × n,  n ≪ m
///
/// Why: `multiply(_:_:)` copies each operand into a `LAPACKBuffer` (the tail pad that absorbs OpenBLAS
/// 0.3.21's over-reads, see `LAPACKBuffer`). For the 25.8 MB channel tensor of PLAIN's gain refit that
/// copy was a fresh 51.6 MB zeroed mapping per call — page faults, zeroing and a copy that cost far more
/// than the product (`docs/ISAC.md#measured`). Here every block of `rowBlock` rows × k lives in one
/// reused `LAPACKBuffer` (about 1 MiB for k = 560), which stays in cache, so the copy is a cheap gather
/// and the workaround is kept: BLAS never sees the caller's memory.
///
/// Each block is one `zgemm` over the full k, so the result equals `multiply(A, B)` to rounding: with one
/// BLAS thread, OpenBLAS 0.3.21 gives the same bits for some shapes and differs in the last bit for others
/// (its kernels order the k sums by block shape); `TallMatrixProductTests` bounds the difference by the
/// error bound of either order. Deterministic: the same blocks for any core count.
public enum TallMatrixProduct {
    /// Rows of A per block: 128 rows × k = 560 columns of `Complex<Double>` is 1.1 MiB.
    public static let defaultRowBlock = 128

    /// The checks both products make of their operands: A has `rows · columns` elements, `columns = b.rows`,
    /// and the block (`blockName`, as the message says it) is ≥ 1.
    /// - Throws: `.dimensionMismatch` or `.invalidArgument`, as the products document.
    static func checkOperands(
        _ count: Int, rows: Int, columns: Int, by b: Matrix<Complex<Double>>, block: Int, blockName: String
    ) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, count == rows * columns else {
            throw LinearAlgebraError.dimensionMismatch(reason: "A has \(count) elements, not \(rows) × \(columns)")
        }
        guard columns == b.rows else {
            throw LinearAlgebraError.dimensionMismatch(
                reason: "A is \(rows) × \(columns) but B is \(b.rows) × \(b.columns)")
        }
        guard block >= 1 else { throw LinearAlgebraError.invalidArgument(reason: "\(blockName) \(block) < 1") }
    }

    /// `A·B` with `A` given as `rows × columns` column-major elements (leading dimension `rows`).
    ///
    /// - Parameters:
    ///   - a: `rows · columns` elements, column-major.
    ///   - rows: m ≥ 0.
    ///   - columns: k ≥ 0, equal to `b.rows`.
    ///   - b: `k × n`.
    ///   - rowBlock: Rows copied and multiplied per `zgemm` call, ≥ 1.
    /// - Returns: `m × n`.
    /// - Throws: `.dimensionMismatch` if `a.count ≠ rows·columns` or `columns ≠ b.rows`;
    ///   `.invalidArgument` for a size beyond LAPACK's 32-bit integers or `rowBlock` < 1.
    public static func multiply(
        _ a: UnsafeBufferPointer<Complex<Double>>, rows: Int, columns: Int, by b: Matrix<Complex<Double>>,
        rowBlock: Int = defaultRowBlock
    ) throws(LinearAlgebraError) -> Matrix<Complex<Double>> {
        try checkOperands(a.count, rows: rows, columns: columns, by: b, block: rowBlock, blockName: "row block")
        let n = b.columns
        var c = Matrix<Complex<Double>>(rows: rows, columns: n, repeating: .zero)
        guard rows > 0, n > 0, columns > 0 else { return c }
        let block = min(rowBlock, rows)
        let (ni, ki, ldb) = (try lapackInt(n), try lapackInt(columns), try leadingDimension(b.rows))
        _ = try lapackInt(block * columns)
        var alpha = Complex<Double>.one
        var beta = Complex<Double>.zero
        let ap = LAPACKBuffer<Complex<Double>>(count: block * columns)
        let bp = LAPACKBuffer(copying: b.elements)
        let cp = LAPACKBuffer<Complex<Double>>(count: block * n)
        let source = a.baseAddress!
        c.elements.withUnsafeMutableBufferPointer { target in
            var start = 0
            while start < rows {
                let m = min(block, rows - start)
                for l in 0..<columns {
                    (ap.pointer + l * m).update(from: source + start + l * rows, count: m)
                }
                let mi = Int32(m)
                cblas_zgemm(
                    CblasColMajor, CblasNoTrans, CblasNoTrans, mi, ni, ki, &alpha, ap.pointer, mi, bp.pointer, ldb,
                    &beta, cp.pointer, mi)
                for j in 0..<n {
                    (target.baseAddress! + start + j * rows).update(from: cp.pointer + j * m, count: m)
                }
                start += m
            }
        }
        return c
    }
}
