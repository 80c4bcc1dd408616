import Numerics
import Testing
import WirelessCore

@testable import WirelessLinearAlgebra

/// Well-conditioned problems (cond ≲ 10) solved two ways agree to ~cond²·ε ≈ 1e-14; 1e-10 margin.
private let solverTolerance = 1e-10
/// A simple root of a well-conditioned polynomial of degree ≤ 6 with O(1) roots: ~1e-13.
private let simpleRootTolerance = 1e-10
/// A double root is only determined to ~√ε ≈ 1.5e-8 (Edelman & Murakami 1995); allow 1e-6.
private let doubleRootTolerance = 1e-6

/// Matches every expected root to a distinct computed root (greedy nearest) and returns the largest distance.
private func rootMatchError(_ computed: [Complex<Double>], _ expected: [Complex<Double>]) -> Double {
    var remaining = computed
    var worst = 0.0
    for root in expected {
        guard let index = remaining.indices.min(by: { (remaining[$0] - root).length < (remaining[$1] - root).length })
        else { return .infinity }
        worst = max(worst, (remaining[index] - root).length)
        remaining.remove(at: index)
    }
    return remaining.isEmpty ? worst : .infinity
}

/// Coefficients (descending) of Π (z − rᵢ), multiplied by `leading`.
private func expand(roots: [Complex<Double>], leading: Complex<Double> = .one) -> [Complex<Double>] {
    var coefficients = [leading]
    for r in roots {
        var next = coefficients + [.zero]
        for i in 0..<coefficients.count { next[i + 1] = next[i + 1] - r * coefficients[i] }
        coefficients = next
    }
    return coefficients
}

@Test func polynomialRootsOfKnownFactors() throws {
    let realRoots: [Complex<Double>] = [Complex(1, 0), Complex(-2, 0), Complex(3.5, 0)]
    #expect(
        rootMatchError(try polynomialRoots(coefficients: expand(roots: realRoots)), realRoots) < simpleRootTolerance)

    // Complex roots from complex coefficients, non-monic leading term.
    let complexRoots: [Complex<Double>] = [Complex(0.5, 1), Complex(-1, -0.25), Complex(2, 2), Complex(0, -1.5)]
    let coefficients = expand(roots: complexRoots, leading: Complex(2, -1))
    #expect(rootMatchError(try polynomialRoots(coefficients: coefficients), complexRoots) < simpleRootTolerance)

    // Real coefficients with a conjugate pair: (z² + 1)(z − 2) = z³ − 2z² + z − 2.
    let pairRoots: [Complex<Double>] = [Complex(0, 1), Complex(0, -1), Complex(2, 0)]
    #expect(
        rootMatchError(try polynomialRoots(coefficients: [1, -2, 1, -2] as [Double]), pairRoots) < simpleRootTolerance)

    // Leading zeros stripped, trailing zeros give exact zero roots: 0·z⁴ + z³ − z² = z²(z − 1).
    let withZeros = try polynomialRoots(coefficients: [0, 1, -1, 0, 0] as [Double])
    #expect(withZeros.count == 3)
    #expect(rootMatchError(withZeros, [.zero, .zero, .one]) < simpleRootTolerance)

    // Double root at 1: accuracy ~√ε.
    let doubleRoot: [Complex<Double>] = [.one, .one, Complex(-3, 0)]
    #expect(
        rootMatchError(try polynomialRoots(coefficients: expand(roots: doubleRoot)), doubleRoot) < doubleRootTolerance)

    // Constant polynomial: no roots.
    #expect(try polynomialRoots(coefficients: [5.0] as [Double]).isEmpty)
}

@Test func realLeastSquaresMatchesNormalEquations() throws {
    let (m, n) = (30, 4)
    let a = RandomMatrices.realGaussian(rows: m, columns: n, seed: 21)
    let b = RandomMatrices.realGaussian(rows: m, columns: 1, seed: 22).elements
    let result = try leastSquares(a, b)
    #expect(result.rank == n)
    // Normal equations: (AᵀA)·x = Aᵀb, solved by Cholesky-based inverse and by LU.
    let gram = try multiply(a, a, .transpose)
    let atb = try multiply(a, b, .transpose)
    let viaInverse = try multiply(positiveDefiniteInverse(gram), atb)
    let viaSolve = try solve(gram, atb)
    let viaGeneralInverse = try multiply(inverse(gram), atb)
    for reference in [viaInverse, viaSolve, viaGeneralInverse] {
        let error = zip(result.solutionVector, reference).map { abs($0 - $1) }.max()!
        #expect(error < solverTolerance)
    }
    // Residual orthogonal to the columns of A.
    let residual = zip(b, try multiply(a, result.solutionVector)).map { $0 - $1 }
    #expect(try multiply(a, residual, .transpose).allSatisfy { abs($0) < solverTolerance })
}

@Test func rankDeficientLeastSquaresReportsRankAndMinimumNorm() throws {
    // Two identical columns: rank 1; minimum-norm solution splits the weight equally.
    let a = Matrix<Double>(rowMajor: [[1, 1], [2, 2], [3, 3]])
    let result = try leastSquares(a, [2, 4, 6])
    #expect(result.rank == 1)
    #expect(abs(result.solutionVector[0] - 1) < solverTolerance && abs(result.solutionVector[1] - 1) < solverTolerance)
}

@Test func complexLeastSquaresMatchesPseudoInverse() throws {
    let (m, n) = (12, 5)
    let a = RandomMatrices.complexGaussian(rows: m, columns: n, seed: 31)
    let b = RandomMatrices.complexGaussian(rows: m, columns: 2, seed: 32)
    let result = try leastSquares(a, b)
    #expect(result.rank == n)
    let viaPinv = try multiply(pseudoInverse(a), b)
    #expect(differenceNorm(result.solution, viaPinv) < solverTolerance)
    // Normal equations AᴴA·x = Aᴴb via complex solve.
    let viaNormal = try solve(multiply(a, a, .conjugateTranspose), multiply(a, b, .conjugateTranspose))
    #expect(differenceNorm(result.solution, viaNormal) < solverTolerance)
}

@Test(arguments: [(6, 4), (4, 6), (5, 5)])
func pseudoInverseSatisfiesMoorePenrose(rows: Int, columns: Int) throws {
    // Rank-deficient: A = B·C with inner dimension 3 < min(rows, columns) when possible.
    let inner = min(3, min(rows, columns))
    let a = try multiply(
        RandomMatrices.complexGaussian(rows: rows, columns: inner, seed: 41),
        RandomMatrices.complexGaussian(rows: inner, columns: columns, seed: 42))
    let p = try pseudoInverse(a, rcond: 1e-10)
    #expect(p.rows == columns && p.columns == rows)
    let scale = frobeniusNorm(a) * frobeniusNorm(p)
    let ap = try multiply(a, p)
    let pa = try multiply(p, a)
    #expect(differenceNorm(try multiply(ap, a), a) / frobeniusNorm(a) < solverTolerance)
    #expect(differenceNorm(try multiply(pa, p), p) / frobeniusNorm(p) < solverTolerance)
    #expect(differenceNorm(ap, conjugateTranspose(ap)) / scale < solverTolerance)
    #expect(differenceNorm(pa, conjugateTranspose(pa)) / scale < solverTolerance)
}

@Test func inversesAndCholesky() throws {
    let n = 6
    let g = RandomMatrices.realGaussian(rows: n, columns: n, seed: 51)
    var spd = try multiply(g, g, .transpose)
    for i in 0..<n { spd[i, i] += Double(n) }  // well conditioned
    let identityReal = Matrix<Double>.identity(n)
    #expect(differenceNorm(try multiply(inverse(spd), spd), identityReal) < solverTolerance)
    #expect(differenceNorm(try multiply(positiveDefiniteInverse(spd), spd), identityReal) < solverTolerance)
    let l = try choleskyFactorization(spd)
    #expect(differenceNorm(try multiply(l, l, .none, .transpose), spd) / frobeniusNorm(spd) < solverTolerance)
    for j in 1..<n { for i in 0..<j { #expect(l[i, j] == 0) } }

    let c = RandomMatrices.complexGaussian(rows: n, columns: n, seed: 52)
    #expect(differenceNorm(try multiply(inverse(c), c), identity(n)) < solverTolerance)
}

@Test func multiplyOperationsMatchExplicitLoops() throws {
    let a = RandomMatrices.complexGaussian(rows: 3, columns: 4, seed: 61)
    let b = RandomMatrices.complexGaussian(rows: 3, columns: 2, seed: 62)
    // Aᴴ·B by explicit sums.
    let product = try multiply(a, b, .conjugateTranspose)
    var worst = 0.0
    for i in 0..<4 {
        for j in 0..<2 {
            let expected = (0..<3).reduce(Complex<Double>.zero) { $0 + a[$1, i].conjugate * b[$1, j] }
            worst = max(worst, (product[i, j] - expected).length)
        }
    }
    #expect(worst < 1e-14)
    let transposeProduct = try multiply(a, b, .transpose)
    let expected00 = (0..<3).reduce(Complex<Double>.zero) { $0 + a[$1, 0] * b[$1, 0] }
    #expect((transposeProduct[0, 0] - expected00).length < 1e-14)
    let x = RandomMatrices.complexGaussian(rows: 4, columns: 1, seed: 63).elements
    let y = try multiply(a, x)
    let yReference = try multiply(a, Matrix(rows: 4, columns: 1, columnMajor: x)).elements
    #expect(zip(y, yReference).allSatisfy { ($0 - $1).length < 1e-14 })
    #expect(conjugateTranspose(a)[2, 1] == a[1, 2].conjugate)
    // ‖A‖_F² = Σ|aᵢⱼ|².
    let sumSquares = a.elements.reduce(0) { $0 + $1.lengthSquared }
    #expect(abs(frobeniusNorm(a) - sumSquares.squareRoot()) < 1e-14)
}
