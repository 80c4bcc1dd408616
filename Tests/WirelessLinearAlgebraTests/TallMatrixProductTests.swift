import Numerics
import Testing
import WirelessCore

@testable import WirelessLinearAlgebra

/// `TallMatrixProduct` against `multiply(_:_:)` (one `zgemm` on the whole padded copy), the reference.
struct TallMatrixProductTests {
    /// Shapes of PLAIN's gain refit in small: a row count that leaves a partial last block, k beyond
    /// OpenBLAS's k-block (256 for zgemm on these kernels) so the k split is exercised, n of 1 to 6.
    @Test(arguments: [(1000, 300, 4, 128), (2880, 560, 6, 128), (17, 5, 1, 4), (5, 3, 2, 128)])
    func equalsTheWholeMatrixProductToTheBit(shape: (rows: Int, columns: Int, n: Int, block: Int)) throws {
        let a = RandomMatrices.complexGaussian(rows: shape.rows, columns: shape.columns, seed: 11)
        let b = RandomMatrices.complexGaussian(rows: shape.columns, columns: shape.n, seed: 12)
        let reference = try multiply(a, b)
        let blocked = try a.elements.withUnsafeBufferPointer { elements in
            try TallMatrixProduct.multiply(
                elements, rows: shape.rows, columns: shape.columns, by: b, rowBlock: shape.block)
        }
        #expect(blocked.rows == shape.rows && blocked.columns == shape.n)
        #expect(blocked.elements == reference.elements)
    }

    @Test func staysInsideThePad() throws {
        try LAPACKBufferTesting.$guardPages.withValue(true) {
            for (rows, columns, n) in [(1, 1, 1), (7, 3, 2), (130, 33, 5)] {
                let a = RandomMatrices.complexGaussian(rows: rows, columns: columns, seed: 3)
                let b = RandomMatrices.complexGaussian(rows: columns, columns: n, seed: 4)
                _ = try a.elements.withUnsafeBufferPointer {
                    try TallMatrixProduct.multiply($0, rows: rows, columns: columns, by: b)
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
