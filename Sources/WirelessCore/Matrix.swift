/// A dense matrix in column-major (Fortran/LAPACK) storage.
///
///     element (row i, column j) = elements[i + j·rows]
///
/// Column-major is LAPACK's native order, so `elements` goes to LAPACKE and BLAS without a copy.
/// `Scalar` is typically `Double`, `Float`, `Complex<Double>` or `Complex<Float>`.
public struct Matrix<Scalar> {
    /// Number of rows, ≥ 0.
    public let rows: Int
    /// Number of columns, ≥ 0.
    public let columns: Int
    /// The elements in column-major order; `count == rows · columns`.
    public var elements: [Scalar]

    /// A `rows × columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Scalar) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A `rows × columns` matrix over column-major `elements`.
    ///
    /// - Precondition: `elements.count == rows · columns` (a programmer error otherwise).
    public init(rows: Int, columns: Int, columnMajor elements: [Scalar]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(elements.count == rows * columns, "Matrix storage does not match its shape")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from row-major nested arrays (convenient for literals in tests and examples).
    ///
    /// - Precondition: every row has the same length.
    public init(rowMajor nested: [[Scalar]]) {
        let rowCount = nested.count
        let columnCount = nested.first?.count ?? 0
        precondition(nested.allSatisfy { $0.count == columnCount }, "Ragged rows")
        var storage: [Scalar] = []
        storage.reserveCapacity(rowCount * columnCount)
        for j in 0..<columnCount {
            for i in 0..<rowCount { storage.append(nested[i][j]) }
        }
        self.init(rows: rowCount, columns: columnCount, columnMajor: storage)
    }

    /// Element at (`row`, `column`), zero-based.
    @inlinable
    public subscript(row: Int, column: Int) -> Scalar {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// The shape as `(rows, columns)`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// Whether the matrix has as many rows as columns.
    public var isSquare: Bool { rows == columns }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Scalar] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Scalar] {
        (0..<columns).map { self[i, $0] }
    }

    /// The transpose (no conjugation).
    public var transposed: Matrix {
        var storage: [Scalar] = []
        storage.reserveCapacity(elements.count)
        for i in 0..<rows {
            for j in 0..<columns { storage.append(self[i, j]) }
        }
        return Matrix(rows: columns, columns: rows, columnMajor: storage)
    }
}

extension Matrix: Equatable where Scalar: Equatable {}
extension Matrix: Hashable where Scalar: Hashable {}
extension Matrix: Sendable where Scalar: Sendable {}
extension Matrix: Codable where Scalar: Codable {}
