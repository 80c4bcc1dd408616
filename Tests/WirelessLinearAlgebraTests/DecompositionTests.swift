import Numerics
import Testing
import WirelessCore
import WirelessTestSupport

@testable import WirelessLinearAlgebra

/// Backward-stable O(n³) decompositions reconstruct to c·n·ε·‖A‖; with ε = 2.2e-16 and n ≤ 64
/// that is ~1e-14 relative, so 1e-12 leaves a 100× margin without hiding a wrong factor (O(1)).
private let reconstructionTolerance = 1e-12
/// Orthonormality ‖VᴴV − I‖_F, same argument.
private let orthonormalityTolerance = 1e-12

@Test(arguments: [1, 2, 5, 16, 64])
func hermitianEigendecompositionReconstructs(n: Int) throws {
    let a = RandomMatrices.hermitian(n, seed: UInt64(n))
    let evd = try hermitianEigendecomposition(a)
    let v = evd.eigenvectors
    let reconstructed = try multiply(
        multiply(v, diagonal(evd.eigenvalues, rows: n, columns: n)), v, .none, .conjugateTranspose)
    #expect(differenceNorm(reconstructed, a) / frobeniusNorm(a) < reconstructionTolerance)
    #expect(differenceNorm(try multiply(v, v, .conjugateTranspose), identity(n)) < orthonormalityTolerance)
    #expect(zip(evd.eigenvalues, evd.eigenvalues.dropFirst()).allSatisfy { $0 <= $1 })
    let valuesOnly = try hermitianEigenvalues(a)
    #expect(zip(valuesOnly, evd.eigenvalues).allSatisfy { abs($0 - $1) <= 1e-12 * frobeniusNorm(a) })
}

@Test func hermitianEigenvaluesOfKnownMatrix() throws {
    // [[2, i], [−i, 2]] has eigenvalues 1 and 3.
    let a = Matrix<Complex<Double>>(rowMajor: [[Complex(2, 0), Complex(0, 1)], [Complex(0, -1), Complex(2, 0)]])
    let values = try hermitianEigenvalues(a)
    #expect(abs(values[0] - 1) < 1e-14 && abs(values[1] - 3) < 1e-14)
}

@Test(arguments: [(5, 3), (3, 5), (8, 8), (1, 4), (20, 7)])
func singularValueDecompositionReconstructs(rows: Int, columns: Int) throws {
    let a = RandomMatrices.complexGaussian(rows: rows, columns: columns, seed: UInt64(rows * 100 + columns))
    let k = min(rows, columns)
    for kind in SVDKind.allCases {
        let svd = try singularValueDecomposition(a, kind: kind)
        let uColumns = kind == .thin ? k : rows
        let vRows = kind == .thin ? k : columns
        #expect(svd.u.rows == rows && svd.u.columns == uColumns)
        #expect(svd.vHermitian.rows == vRows && svd.vHermitian.columns == columns)
        let sigma = diagonal(svd.singularValues, rows: uColumns, columns: vRows)
        let reconstructed = try multiply(multiply(svd.u, sigma), svd.vHermitian)
        #expect(differenceNorm(reconstructed, a) / frobeniusNorm(a) < reconstructionTolerance)
        #expect(
            differenceNorm(try multiply(svd.u, svd.u, .conjugateTranspose), identity(uColumns))
                < orthonormalityTolerance)
        #expect(
            differenceNorm(try multiply(svd.vHermitian, svd.vHermitian, .none, .conjugateTranspose), identity(vRows))
                < orthonormalityTolerance)
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
    }
    let valuesOnly = try singularValues(a)
    let reference = try singularValueDecomposition(a).singularValues
    #expect(zip(valuesOnly, reference).allSatisfy { abs($0 - $1) <= 1e-12 * reference[0] })
}

@Test func generalEigendecompositionSatisfiesDefinition() throws {
    let n = 12
    let a = RandomMatrices.complexGaussian(rows: n, columns: n, seed: 77)
    let evd = try eigendecomposition(a)
    // ‖A·V − V·Λ‖_F / ‖A‖_F
    let av = try multiply(a, evd.rightEigenvectors)
    var vl = evd.rightEigenvectors
    for j in 0..<n { for i in 0..<n { vl[i, j] = vl[i, j] * evd.eigenvalues[j] } }
    #expect(differenceNorm(av, vl) / frobeniusNorm(a) < reconstructionTolerance)
    // Trace = Σλ.
    let trace = (0..<n).reduce(Complex<Double>.zero) { $0 + a[$1, $1] }
    let sum = evd.eigenvalues.reduce(Complex<Double>.zero, +)
    #expect((trace - sum).length < 1e-12 * frobeniusNorm(a))
    let valuesOnly = try eigenvalues(a)
    #expect(valuesOnly.count == n)
}

@Test(arguments: [3, 10, 40])
func symmetricEigendecompositionReconstructs(n: Int) throws {
    let g = RandomMatrices.realGaussian(rows: n, columns: n, seed: 500 + UInt64(n))
    let a = try multiply(g, g, .transpose)  // symmetric positive semi-definite
    let evd = try symmetricEigendecomposition(a)
    var vd = evd.eigenvectors
    for j in 0..<n { for i in 0..<n { vd[i, j] *= evd.eigenvalues[j] } }
    let reconstructed = try multiply(vd, evd.eigenvectors, .none, .transpose)
    #expect(differenceNorm(reconstructed, a) / frobeniusNorm(a) < reconstructionTolerance)
    let identityReal = Matrix<Double>.identity(n)
    #expect(
        differenceNorm(try multiply(evd.eigenvectors, evd.eigenvectors, .transpose), identityReal)
            < orthonormalityTolerance)
}

@Test func shapeAndDataErrors() throws {
    let rectangular = RandomMatrices.complexGaussian(rows: 3, columns: 4, seed: 1)
    #expect(throws: LinearAlgebraError.notSquare(rows: 3, columns: 4)) { try hermitianEigendecomposition(rectangular) }
    #expect(throws: LinearAlgebraError.notSquare(rows: 3, columns: 4)) { try eigenvalues(rectangular) }
    #expect(throws: LinearAlgebraError.notSquare(rows: 3, columns: 4)) { try inverse(rectangular) }
    let real = RandomMatrices.realGaussian(rows: 2, columns: 3, seed: 2)
    #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try solve(real, [1, 2]) }
    #expect(throws: LinearAlgebraError.notSquare(rows: 2, columns: 3)) { try symmetricEigendecomposition(real) }
    #expect(throws: LinearAlgebraError.self) { try multiply(real, real) }
    #expect(throws: LinearAlgebraError.self) { try multiply(rectangular, [Complex<Double>.one]) }
    #expect(throws: LinearAlgebraError.self) { try leastSquares(real, [1, 2, 3]) }
    var withNaN = RandomMatrices.hermitian(3, seed: 3)
    withNaN[1, 1] = Complex(.nan, 0)
    #expect(throws: LinearAlgebraError.nonFiniteInput) { try hermitianEigendecomposition(withNaN) }
    #expect(throws: LinearAlgebraError.nonFiniteInput) { try singularValueDecomposition(withNaN) }
    let singular = Matrix<Double>(rowMajor: [[1, 2], [2, 4]])
    #expect(throws: LinearAlgebraError.singular(pivot: 2)) { try inverse(singular) }
    #expect(throws: LinearAlgebraError.singular(pivot: 2)) { try solve(singular, [1, 1]) }
    let indefinite = Matrix<Double>(rowMajor: [[1, 2], [2, 1]])
    #expect(throws: LinearAlgebraError.notPositiveDefinite(order: 2)) { try choleskyFactorization(indefinite) }
    #expect(throws: LinearAlgebraError.invalidArgument(reason: "polynomial coefficients are empty or all zero")) {
        try polynomialRoots(coefficients: [0.0, 0.0] as [Double])
    }
    #expect(LinearAlgebraError.didNotConverge(info: 1).category == .numerical)
    #expect(LinearAlgebraError.singular(pivot: 1).category == .invalidData)
    #expect(LinearAlgebraError.notSquare(rows: 1, columns: 2).category == .invalidArgument)
}

@Test func emptyMatricesAreHandled() throws {
    let empty = Matrix<Complex<Double>>(rows: 0, columns: 0, repeating: .zero)
    #expect(try hermitianEigendecomposition(empty).eigenvalues.isEmpty)
    #expect(try eigenvalues(empty).isEmpty)
    let tall = Matrix<Complex<Double>>(rows: 3, columns: 0, repeating: .zero)
    #expect(try singularValues(tall).isEmpty)
    #expect(try pseudoInverse(tall).rows == 0)
}
