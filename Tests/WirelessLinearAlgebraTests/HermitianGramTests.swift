import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessLinearAlgebra

struct HermitianGramTests {
    /// Rounding bound for sums of k products of O(1) values: a few ε·k, with margin.
    static func tolerance(k: Int) -> Double { 8 * Double(k) * Double.ulpOfOne }

    @Test(arguments: [(1, 1), (3, 7), (16, 500), (45, 64)])
    func equalsTheGeneralProductAndIsExactlyHermitian(rows: Int, columns: Int) throws {
        var generator = Xoshiro256StarStar(seed: UInt64(rows * 1000 + columns))
        var a = Matrix<Complex<Double>>(rows: rows, columns: columns, repeating: .zero)
        for index in a.elements.indices {
            a.elements[index] = Complex(generator.nextUnitDouble() - 0.5, generator.nextUnitDouble() - 0.5)
        }
        let gram = try hermitianGram(a)
        let general = try multiply(a, a, .none, .conjugateTranspose)
        #expect(gram.rows == rows && gram.columns == rows)
        for j in 0..<rows {
            #expect(gram[j, j].imaginary == 0)
            for i in 0..<rows {
                #expect((gram[i, j] - general[i, j]).length <= Self.tolerance(k: columns))
                #expect(gram[i, j] == gram[j, i].conjugate)
            }
        }
    }

    @Test func emptyOperands() throws {
        #expect(try hermitianGram(Matrix(rows: 0, columns: 3, repeating: .zero)).rows == 0)
        let zero = try hermitianGram(Matrix(rows: 2, columns: 0, repeating: .zero))
        #expect(zero.rows == 2 && zero.elements.allSatisfy { $0 == .zero })
    }
}
