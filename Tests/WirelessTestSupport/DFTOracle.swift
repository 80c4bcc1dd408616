import Foundation
import Numerics

/// The discrete Fourier transform by its definition, O(N²): the independent oracle for FFT tests.
///
///     X[k] = Σₙ x[n] · exp(σ·2πi·Σ_d k_d·n_d / N_d),   σ = −1 (forward) or +1 (inverse, unnormalised)
///
/// Multi-dimensional arrays are row-major (last index fastest), as FFTW's. The phase is reduced
/// exactly in integers (`(k·n) mod N`) before the trigonometric call, so the oracle's own error
/// stays at a few ulp per term regardless of N.
public enum DFTOracle {
    /// 1-D DFT of `x` with exponent sign `sign` (−1 forward, +1 inverse).
    public static func dft(_ x: [Complex<Double>], sign: Int) -> [Complex<Double>] {
        dft(x, shape: [x.count], sign: sign)
    }

    /// Multi-dimensional DFT of row-major `x` with extents `shape`.
    public static func dft(_ x: [Complex<Double>], shape: [Int], sign: Int) -> [Complex<Double>] {
        let total = shape.reduce(1, *)
        precondition(x.count == total, "DFTOracle: \(x.count) elements for shape \(shape)")
        let indices = (0..<total).map { multiIndex($0, shape: shape) }
        var result = [Complex<Double>](repeating: .zero, count: total)
        for k in 0..<total {
            var re = 0.0
            var im = 0.0
            for n in 0..<total {
                // Phase as a fraction of a turn: Σ_d ((k_d·n_d) mod N_d)/N_d, reduced mod 1.
                var turns = 0.0
                for d in 0..<shape.count {
                    turns += Double((indices[k][d] * indices[n][d]) % shape[d]) / Double(shape[d])
                }
                turns -= turns.rounded(.down)
                let angle = Double(sign) * 2 * Double.pi * turns
                let (c, s) = (cos(angle), sin(angle))
                re += x[n].real * c - x[n].imaginary * s
                im += x[n].real * s + x[n].imaginary * c
            }
            result[k] = Complex(re, im)
        }
        return result
    }

    /// Row-major multi-index of the flat index `flat`.
    static func multiIndex(_ flat: Int, shape: [Int]) -> [Int] {
        var index = [Int](repeating: 0, count: shape.count)
        var rest = flat
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            index[d] = rest % shape[d]
            rest /= shape[d]
        }
        return index
    }

    /// Largest |a − b| over two equally long sequences.
    public static func maxAbsoluteDifference(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
        precondition(a.count == b.count)
        return zip(a, b).reduce(0) { max($0, ($1.0 - $1.1).length) }
    }

    /// Largest |aᵢ|.
    public static func maxMagnitude(_ a: [Complex<Double>]) -> Double {
        a.reduce(0) { max($0, $1.length) }
    }
}
