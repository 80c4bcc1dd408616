import Foundation
import Numerics
import WirelessCore

/// Gil-Pelaez inversion integrals (J. Gil-Pelaez, Biometrika 38, 1951).
///
///     F_X(x) = ½ − (1/π) ∫_0^∞ Im[e^{−iωx} φ_X(ω)] / ω dω
///
/// The routes in this module build the complex integrand themselves (it mixes several characteristic
/// functions) and call `imaginaryPartIntegral`, which integrates ∫_0^∞ Im[f(u)]/u du over pieces
/// [0, w], [w, 2w], [2w, 4w], … (adaptive Gauss–Kronrod on each) until the integrand has decayed.
enum GilPelaez {
    /// ∫_0^∞ Im[f(u)]/u du, f(0) real (so the integrand is finite at 0).
    ///
    /// - Parameters:
    ///   - firstPiece: w, the width of the first piece (≈ one oscillation period of f).
    ///   - absTol: absolute tolerance of the whole integral.
    ///   - envelope: an upper bound on |f(u)| for the stop rule (|f(u)|·ln 2 ≤ piece contribution bound).
    static func imaginaryPartIntegral(
        firstPiece: Double = 1, absTol: Double, maxPieces: Int = 60,
        envelope: (Double) -> Double, _ f: (Double) -> Complex<Double>
    ) -> IntegrationResult {
        var total = IntegrationResult.zero
        var lo = 0.0
        var hi = firstPiece
        var piece = 0
        while piece < maxPieces {
            let r = Integration.integrate(from: lo, to: hi, absTol: absTol / 8, relTol: 1e-10, maxIntervals: 600) { u in
                if u == 0 { return 0 }
                let v = f(u).imaginary / u
                return v.isFinite ? v : 0
            }
            total = total + r
            // Remaining tail ≤ ∫_hi^∞ env(u)/u du; env is decreasing, bound the next doubling by env(hi)·ln2 per piece.
            if piece >= 1 && envelope(hi) < absTol / 64 { break }
            lo = hi
            hi *= 2
            piece += 1
        }
        return total
    }
}

extension Complex where RealType == Double {
    /// e^{z} for a complex exponent.
    @inlinable static func expOf(_ z: Complex<Double>) -> Complex<Double> {
        let m = Foundation.exp(z.real)
        return Complex(m * Foundation.cos(z.imaginary), m * Foundation.sin(z.imaginary))
    }
}
