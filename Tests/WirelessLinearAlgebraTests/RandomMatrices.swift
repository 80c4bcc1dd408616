import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// Seeded random matrices for the tests (a local Box–Muller sampler: the core samplers are
/// written concurrently and this keeps the tests independent of them).
enum RandomMatrices {
    static func normal(using generator: inout Xoshiro256StarStar) -> Double {
        let u1 = generator.nextOpenUnitDouble()
        let u2 = generator.nextUnitDouble()
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }

    /// `rows × columns` with i.i.d. CN(0, 1) elements.
    static func complexGaussian(rows: Int, columns: Int, seed: UInt64) -> Matrix<Complex<Double>> {
        var generator = Xoshiro256StarStar(seed: seed)
        let elements = (0..<(rows * columns)).map { _ in
            Complex(normal(using: &generator), normal(using: &generator)).divided(by: 2.0.squareRoot())
        }
        return Matrix(rows: rows, columns: columns, columnMajor: elements)
    }

    /// `rows × columns` with i.i.d. N(0, 1) elements.
    static func realGaussian(rows: Int, columns: Int, seed: UInt64) -> Matrix<Double> {
        var generator = Xoshiro256StarStar(seed: seed)
        return Matrix(
            rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in normal(using: &generator) })
    }

    /// A random Hermitian `n × n` matrix (G + Gᴴ)/2.
    static func hermitian(_ n: Int, seed: UInt64) -> Matrix<Complex<Double>> {
        let g = complexGaussian(rows: n, columns: n, seed: seed)
        var h = g
        for j in 0..<n { for i in 0..<n { h[i, j] = (g[i, j] + g[j, i].conjugate).divided(by: 2) } }
        return h
    }
}

/// Elementwise difference norm ‖A − B‖_F.
func differenceNorm(_ a: Matrix<Complex<Double>>, _ b: Matrix<Complex<Double>>) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns)
    return frobeniusNorm(
        Matrix(rows: a.rows, columns: a.columns, columnMajor: zip(a.elements, b.elements).map { $0 - $1 }))
}

func differenceNorm(_ a: Matrix<Double>, _ b: Matrix<Double>) -> Double {
    precondition(a.rows == b.rows && a.columns == b.columns)
    return frobeniusNorm(
        Matrix(rows: a.rows, columns: a.columns, columnMajor: zip(a.elements, b.elements).map { $0 - $1 }))
}

/// Diagonal matrix with real entries.
func diagonal(_ values: [Double], rows: Int, columns: Int) -> Matrix<Complex<Double>> {
    var d = Matrix<Complex<Double>>(rows: rows, columns: columns, repeating: .zero)
    for (i, v) in values.enumerated() { d[i, i] = Complex(v, 0) }
    return d
}

func identity(_ n: Int) -> Matrix<Complex<Double>> { diagonal(Array(repeating: 1, count: n), rows: n, columns: n) }
