import Numerics
import WirelessCore
import _WirelessLAPACKEShim

extension TallMatrixProduct {
    /// Columns of A per `zgemm` in `multiplyByColumnBlocks`: 16 columns of the 2880-row refit matrix are
    /// 737 KB, inside the L2 cache, read as 16 sequential streams.
    public static let defaultColumnBlock = 16

    /// `A·B` for a tall `A` in the caller's storage, summed over blocks of `columnBlock` columns:
    ///
    ///     C = Σ_b A[:, L_b]·B[L_b, :],   L_b = [b·L, (b+1)·L) ∩ [0, k)
    ///
    /// A block of columns is contiguous (column-major), so each `zgemm` reads a few hundred KB front to
    /// back: a handful of sequential streams that the hardware prefetcher follows, where row blocks
    /// (`multiply(_:rows:columns:by:rowBlock:)`) read all k columns at a stride, one stream per column.
    /// BLAS reads a block straight from A when at least one column of A follows it (the over-read bound
    /// of `LAPACKBuffer`: at most one column); the last block is copied into a padded buffer (one copy).
    /// The k sums are ordered by block, so C equals `multiply(A, B)` to rounding, not to the bit.
    ///
    /// - Parameters:
    ///   - a: `rows · columns` elements, column-major.
    ///   - rows: m ≥ 0.
    ///   - columns: k ≥ 0, equal to `b.rows`.
    ///   - b: `k × n`.
    ///   - columnBlock: Columns per `zgemm` call, ≥ 1.
    /// - Returns: `m × n`.
    /// - Throws: `.dimensionMismatch` if `a.count ≠ rows·columns` or `columns ≠ b.rows`;
    ///   `.invalidArgument` for a size beyond LAPACK's 32-bit integers or `columnBlock` < 1.
    public static func multiplyByColumnBlocks(
        _ a: UnsafeBufferPointer<Complex<Double>>, rows: Int, columns: Int, by b: Matrix<Complex<Double>>,
        columnBlock: Int = defaultColumnBlock
    ) throws(LinearAlgebraError) -> Matrix<Complex<Double>> {
        try checkOperands(a.count, rows: rows, columns: columns, by: b, block: columnBlock, blockName: "column block")
        let n = b.columns
        guard rows > 0, n > 0, columns > 0 else { return Matrix(rows: rows, columns: n, repeating: .zero) }
        let block = min(columnBlock, columns)
        let (mi, ni, lda, ldb) = (
            try lapackInt(rows), try lapackInt(n), try leadingDimension(rows), try leadingDimension(columns)
        )
        _ = try lapackInt(rows * block)
        var alpha = Complex<Double>.one
        let bp = LAPACKBuffer(copying: b.elements)
        let cp = LAPACKBuffer<Complex<Double>>(count: rows * n)
        let source = a.baseAddress!
        var start = 0
        while start < columns {
            let width = min(block, columns - start)
            var beta = start == 0 ? Complex<Double>.zero : .one
            let ki = Int32(width)
            if columns - (start + width) >= 1 {
                cblas_zgemm(
                    CblasColMajor, CblasNoTrans, CblasNoTrans, mi, ni, ki, &alpha, source + start * rows, lda,
                    bp.pointer + start, ldb, &beta, cp.pointer, lda)
            } else {
                let tail = LAPACKBuffer<Complex<Double>>(count: rows * width)
                tail.pointer.update(from: source + start * rows, count: rows * width)
                cblas_zgemm(
                    CblasColMajor, CblasNoTrans, CblasNoTrans, mi, ni, ki, &alpha, tail.pointer, lda,
                    bp.pointer + start, ldb, &beta, cp.pointer, lda)
            }
            start += width
        }
        return Matrix(rows: rows, columns: n, columnMajor: cp.array)
    }
}
