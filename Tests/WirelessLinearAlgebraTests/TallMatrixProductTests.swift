import Numerics
import Testing
import WirelessCore

@testable import WirelessLinearAlgebra

/// `TallMatrixProduct` against `multiply(_:_:)` (one `zgemm` on the whole padded copy), the reference.
struct TallMatrixProductTests {
    /// Two summation orders of the same k products differ by at most 2·k·ε·Σₗ|A_il||B_lj| per element
    /// (each order's error is ≤ k·ε·Σ|a||b| to first order, Higham, Accuracy and Stability, §3.1). With one
    /// BLAS thread OpenBLAS 0.3.21 gives the same bits for some shapes and not for others (the 1000 × 300
    /// case differs in the last bit), so the test allows this bound, not more.
    static func orderingBound(_ a: Matrix<Complex<Double>>, _ b: Matrix<Complex<Double>>, _ i: Int, _ j: Int) -> Double
    {
        var sum = 0.0
        for l in 0..<a.columns { sum += a[i, l].length * b[l, j].length }
        return 2 * Double(a.columns) * Double.ulpOfOne * sum
    }

    /// Shapes of PLAIN's gain refit in small: a row count that leaves a partial last block, k beyond
    /// OpenBLAS's k-block so the k split is exercised, n of 1 to 6; and the refit's own shape.
    @Test(arguments: [(1000, 300, 4, 128), (2880, 560, 4, 128), (17, 5, 1, 4), (5, 3, 2, 128)])
    func equalsTheWholeMatrixProductToRounding(shape: (rows: Int, columns: Int, n: Int, block: Int)) throws {
        let a = RandomMatrices.complexGaussian(rows: shape.rows, columns: shape.columns, seed: 11)
        let b = RandomMatrices.complexGaussian(rows: shape.columns, columns: shape.n, seed: 12)
        let reference = try multiply(a, b)
        let blocked = try a.elements.withUnsafeBufferPointer { elements in
            try TallMatrixProduct.multiply(
                elements, rows: shape.rows, columns: shape.columns, by: b, rowBlock: shape.block)
        }
        #expect(blocked.rows == shape.rows && blocked.columns == shape.n)
        var worst = 0.0  // largest difference in units of the element's bound
        for j in 0..<shape.n {
            for i in 0..<shape.rows {
                worst = max(worst, (blocked[i, j] - reference[i, j]).length / Self.orderingBound(a, b, i, j))
            }
        }
        #expect(worst <= 1)
    }

    /// Column blocks: a column count that leaves a partial last block, one block, one column per block,
    /// and the refit's own shape (2880 × 560, 16 columns per block).
    @Test(arguments: [(1000, 300, 4, 16), (2880, 560, 4, 16), (17, 5, 1, 1), (5, 3, 2, 16), (40, 33, 6, 8)])
    func columnBlocksEqualTheWholeMatrixProductToRounding(shape: (rows: Int, columns: Int, n: Int, block: Int)) throws {
        let a = RandomMatrices.complexGaussian(rows: shape.rows, columns: shape.columns, seed: 21)
        let b = RandomMatrices.complexGaussian(rows: shape.columns, columns: shape.n, seed: 22)
        let reference = try multiply(a, b)
        let blocked = try a.elements.withUnsafeBufferPointer { elements in
            try TallMatrixProduct.multiplyByColumnBlocks(
                elements, rows: shape.rows, columns: shape.columns, by: b, columnBlock: shape.block)
        }
        #expect(blocked.rows == shape.rows && blocked.columns == shape.n)
        var worst = 0.0
        for j in 0..<shape.n {
            for i in 0..<shape.rows {
                worst = max(worst, (blocked[i, j] - reference[i, j]).length / Self.orderingBound(a, b, i, j))
            }
        }
        #expect(worst <= 1)
        a.elements.withUnsafeBufferPointer { elements in
            #expect(throws: LinearAlgebraError.self) {
                try TallMatrixProduct.multiplyByColumnBlocks(
                    elements, rows: shape.rows, columns: shape.columns, by: b, columnBlock: 0)
            }
        }
    }

    @Test func staysInsideThePad() throws {
        try LAPACKBufferTesting.$guardPages.withValue(true) {
            for (rows, columns, n) in [(1, 1, 1), (7, 3, 2), (130, 33, 5)] {
                let a = RandomMatrices.complexGaussian(rows: rows, columns: columns, seed: 3)
                let b = RandomMatrices.complexGaussian(rows: columns, columns: n, seed: 4)
                _ = try a.elements.withUnsafeBufferPointer {
                    try TallMatrixProduct.multiply($0, rows: rows, columns: columns, by: b)
                }
                _ = try a.elements.withUnsafeBufferPointer {
                    try TallMatrixProduct.multiplyByColumnBlocks(
                        $0, rows: rows, columns: columns, by: b, columnBlock: 2)
                }
            }
        }
    }

    @Test func refusesMismatchedShapes() {
        let b = Matrix<Complex<Double>>(rows: 3, columns: 2, repeating: .one)
        let a = [Complex<Double>](repeating: .one, count: 12)
        a.withUnsafeBufferPointer { elements in
            #expect(throws: LinearAlgebraError.self) {
                try TallMatrixProduct.multiply(elements, rows: 4, columns: 2, by: b)
            }
            #expect(throws: LinearAlgebraError.self) {
                try TallMatrixProduct.multiply(elements, rows: 5, columns: 3, by: b)
            }
            #expect(throws: LinearAlgebraError.self) {
                try TallMatrixProduct.multiply(elements, rows: 4, columns: 3, by: b, rowBlock: 0)
            }
        }
    }

    @Test func emptyShapesGiveZeroMatrices() throws {
        let b = Matrix<Complex<Double>>(rows: 0, columns: 2, repeating: .one)
        let c = try [Complex<Double>]().withUnsafeBufferPointer {
            try TallMatrixProduct.multiply($0, rows: 3, columns: 0, by: b)
        }
        #expect(c.rows == 3 && c.columns == 2 && c.elements.allSatisfy { $0 == .zero })
    }
}
