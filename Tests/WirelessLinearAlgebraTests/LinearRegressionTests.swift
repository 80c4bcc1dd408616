import Foundation
import Testing
import WirelessCore
import WirelessLinearAlgebra

/// Closed-form comparisons on O(10) well-conditioned rows: round-off only.
private let tightTolerance = 1e-9

private func design(_ x: [Double]) -> Matrix<Double> {
    Matrix(rowMajor: x.map { [1, $0] })
}

@Test func simpleRegressionMatchesClosedFormStandardErrors() throws {
    let x: [Double] = [1, 2, 3, 4, 5, 6, 7]
    let y: [Double] = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8]
    let fit = try LinearRegression(design: design(x), response: y)
    let n = Double(x.count)
    let xBar = x.reduce(0, +) / n
    let yBar = y.reduce(0, +) / n
    let sxx = x.reduce(0) { $0 + ($1 - xBar) * ($1 - xBar) }
    let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - xBar) * ($1.1 - yBar) }
    let slope = sxy / sxx
    let intercept = yBar - slope * xBar
    let sse = zip(x, y).reduce(0) { $0 + pow($1.1 - intercept - slope * $1.0, 2) }
    let sigma = (sse / (n - 2)).squareRoot()
    #expect(abs(fit.coefficients[0] - intercept) < tightTolerance)
    #expect(abs(fit.coefficients[1] - slope) < tightTolerance)
    #expect(abs(fit.standardErrors[1] - sigma / sxx.squareRoot()) < tightTolerance)
    #expect(abs(fit.standardErrors[0] - sigma * (1 / n + xBar * xBar / sxx).squareRoot()) < tightTolerance)
    #expect(fit.referenceDegreesOfFreedom == 5)
    let ci = fit.confidenceInterval(1, level: 0.95)
    #expect(abs((ci.upper - ci.lower) / 2 - 2.570581835636314 * fit.standardErrors[1]) < 1e-8)
}

@Test func integerWeightsEqualDuplicatedRows() throws {
    let x: [Double] = [0.5, 1, 2, 3.5, 4]
    let y: [Double] = [1, 2.5, 2.9, 5, 6.1]
    let w: [Double] = [1, 3, 2, 1, 2]
    let weighted = try LinearRegression(design: design(x), response: y, weights: w)
    var xd: [Double] = []
    var yd: [Double] = []
    for i in 0..<x.count {
        for _ in 0..<Int(w[i]) {
            xd.append(x[i])
            yd.append(y[i])
        }
    }
    let duplicated = try LinearRegression(design: design(xd), response: yd)
    #expect(abs(weighted.coefficients[0] - duplicated.coefficients[0]) < tightTolerance)
    #expect(abs(weighted.coefficients[1] - duplicated.coefficients[1]) < tightTolerance)
}

@Test func clusterRobustCovarianceMatchesHandComputedSandwich() throws {
    // Intercept-only model: β = ȳ, u_g = Σ_{i∈g} e_i, V = c·Σ u_g² / N².
    let y: [Double] = [1, 2, 4, 3, 7, 6, 5, 9]
    let labels = [0, 0, 1, 1, 1, 2, 2, 2]
    let x = Matrix<Double>(rows: y.count, columns: 1, repeating: 1)
    let fit = try LinearRegression(design: x, response: y, covariance: .clusterRobust(clusterLabels: labels))
    let n = Double(y.count)
    let mean = y.reduce(0, +) / n
    var u = [0.0, 0, 0]
    for i in 0..<y.count { u[labels[i]] += y[i] - mean }
    let c = 3.0 / 2.0 * (n - 1) / (n - 1)
    let expected = (c * u.reduce(0) { $0 + $1 * $1 } / (n * n)).squareRoot()
    #expect(abs(fit.standardErrors[0] - expected) < tightTolerance)
    #expect(fit.referenceDegreesOfFreedom == 2)
    #expect(fit.clusterCount == 3)
}

@Test func rankDeficientDesignNamesTheColumns() {
    let rows: [[Double]] = [[1, 2, 4, 1], [1, 3, 6, 1], [1, 5, 10, 1], [1, 7, 14, 1], [1, 8, 16, 1]]
    #expect(throws: LinearRegressionError.rankDeficient(columns: [2, 3])) {
        try LinearRegression(design: Matrix(rowMajor: rows), response: [1, 2, 3, 4, 5])
    }
    #expect(throws: LinearRegressionError.insufficientData(needed: 3, got: 2)) {
        try LinearRegression(design: Matrix(rowMajor: [[1, 1], [1, 2]]), response: [1, 2])
    }
    #expect(throws: LinearRegressionError.dimensionMismatch(rows: 3, responses: 2)) {
        try LinearRegression(design: Matrix(rowMajor: [[1, 1], [1, 2], [1, 3]]), response: [1, 2])
    }
}
