import Foundation

/// A spectral-analysis window (taper) `w[n]`, n = 0 … N−1.
///
/// With `M = N` for `.periodic` (DFT-even; the right choice for spectral analysis and Welch) and
/// `M = N − 1` for `.symmetric` (filter design), and `φ = 2πn/M`:
///
///     rectangular:     w = 1
///     hann:            w = 0.5 − 0.5·cos φ
///     hamming:         w = 0.54 − 0.46·cos φ
///     blackmanHarris:  w = 0.35875 − 0.48829·cos φ + 0.14128·cos 2φ − 0.01168·cos 3φ   (4-term, −92 dB)
///     kaiser(β):       w = I₀(β·√(1 − (2n/M − 1)²)) / I₀(β)
///
/// Harris, "On the use of windows for harmonic analysis with the discrete Fourier transform",
/// Proc. IEEE 66(1), 1978 (Table 1 and §4); Kaiser & Schafer, IEEE TASSP 28(1), 1980.
/// For `N = 1` every window is `[1]`.
public enum Window: Sendable, Equatable, Codable, Hashable {
    /// All ones.
    case rectangular
    /// Raised cosine (Hann).
    case hann(WindowSymmetry = .periodic)
    /// Hamming (0.54/0.46).
    case hamming(WindowSymmetry = .periodic)
    /// Four-term minimum Blackman–Harris.
    case blackmanHarris(WindowSymmetry = .periodic)
    /// Kaiser with shape `beta` ≥ 0 [dimensionless]; β = 0 is rectangular, larger β → lower
    /// sidelobes and wider main lobe (β ≈ 8.6 gives ≈ −90 dB sidelobes).
    case kaiser(beta: Double, symmetry: WindowSymmetry = .periodic)

    /// The `length` window coefficients.
    ///
    /// - Parameter length: N ≥ 0 [samples].
    /// - Precondition: `length ≥ 0`; `beta ≥ 0` for Kaiser (programmer errors).
    public func coefficients(length: Int) -> [Double] {
        precondition(length >= 0, "Window length must be non-negative")
        guard length > 1 else { return Array(repeating: 1, count: length) }
        switch self {
        case .rectangular:
            return Array(repeating: 1, count: length)
        case .hann(let symmetry):
            return Self.cosineSum([0.5, 0.5], length: length, symmetry: symmetry)
        case .hamming(let symmetry):
            return Self.cosineSum([0.54, 0.46], length: length, symmetry: symmetry)
        case .blackmanHarris(let symmetry):
            return Self.cosineSum([0.35875, 0.48829, 0.14128, 0.01168], length: length, symmetry: symmetry)
        case .kaiser(let beta, let symmetry):
            precondition(beta >= 0 && beta.isFinite, "Kaiser beta must be finite and ≥ 0")
            let m = Double(symmetry == .periodic ? length : length - 1)
            let normaliser = besselI0(beta)
            return (0..<length).map { n in
                let r = 2 * Double(n) / m - 1
                return besselI0(beta * max(0, 1 - r * r).squareRoot()) / normaliser
            }
        }
    }

    /// `Σₖ (−1)ᵏ aₖ cos(k·2πn/M)`.
    private static func cosineSum(_ a: [Double], length: Int, symmetry: WindowSymmetry) -> [Double] {
        let m = Double(symmetry == .periodic ? length : length - 1)
        return (0..<length).map { n in
            let phi = 2 * Double.pi * Double(n) / m
            var value = 0.0
            for (k, ak) in a.enumerated() {
                value += (k % 2 == 0 ? ak : -ak) * cos(Double(k) * phi)
            }
            return value
        }
    }
}

/// Whether a window is sampled for DFT analysis or for symmetric filter design.
public enum WindowSymmetry: String, Sendable, Equatable, Codable, Hashable, CaseIterable {
    /// Period `N` (DFT-even): `w[n] = f(n/N)`; the last sample is not repeated.
    case periodic
    /// Symmetric: `w[n] = f(n/(N−1))`, `w[0] = w[N−1]`.
    case symmetric
}
