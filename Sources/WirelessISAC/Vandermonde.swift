import Foundation
import Numerics
import WirelessCore

/// Vandermonde steering vectors a_N(ω) = [1, e^{jω}, …, e^{j(N−1)ω}]^T and the tools built on them.
///
/// The three modes of the ISAC tensor are all of this form (docs/ISAC.md#signal-model).
public enum Vandermonde {
    /// a_N(ω), length N.
    ///
    /// - Parameters:
    ///   - count: N ≥ 0.
    ///   - frequency: ω [rad/sample].
    public static func vector(count: Int, frequency: Double) -> [Complex<Double>] {
        (0..<count).map { Complex(length: 1, phase: frequency * Double($0)) }
    }

    /// The derivative ∂a_N(ω)/∂ω = [j·n·e^{jωn}]_n.
    public static func derivative(count: Int, frequency: Double) -> [Complex<Double>] {
        (0..<count).map { Complex(0, Double($0)) * Complex(length: 1, phase: frequency * Double($0)) }
    }

    /// The N × K dictionary [a_N(ω_1), …, a_N(ω_K)] (column-major).
    public static func matrix(count: Int, frequencies: [Double]) -> Matrix<Complex<Double>> {
        var elements: [Complex<Double>] = []
        elements.reserveCapacity(count * frequencies.count)
        for w in frequencies { elements += vector(count: count, frequency: w) }
        return Matrix(rows: count, columns: frequencies.count, columnMajor: elements)
    }

    /// Block-mean gain of Averaging compression (docs/ISAC.md#compression):
    ///
    ///     g_Δ(ω) = (1/Δ)·Σ_{q<Δ} e^{jωq} = e^{jω(Δ−1)/2}·sin(Δω/2) / (Δ·sin(ω/2)),   g_Δ(0) = 1
    public static func averagingGain(factor: Int, frequency: Double) -> Complex<Double> {
        var sum = Complex<Double>.zero
        for q in 0..<factor { sum += Complex(length: 1, phase: frequency * Double(q)) }
        return sum.divided(by: Double(factor))
    }
}
