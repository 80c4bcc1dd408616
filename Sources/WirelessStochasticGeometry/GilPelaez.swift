import Foundation
import Numerics
import WirelessCore

/// Gil-Pelaez inversion integrals (J. Gil-Pelaez, Biometrika 38, 1951).
///
///     F_X(x) = ½ − (1/π) ∫_0^∞ Im[e^{−iωx} φ_X(ω)] / ω dω
///
/// The routes in this module build the complex integrand themselves (it mixes several characteristic
/// functions) and call `imaginaryPartIntegral`, which integrates
///
///     ∫_0^∞ Im[f(u)]/u du = ∫_{−∞}^{∞} Im[f(e^s)] ds,   s = ln u
///
/// in log-frequency. The integrand of a coverage probability has its structure on several frequency scales
/// (u ~ 1 from the serving fading, u ~ 1/T from the interference, u ~ g/(TW) from the noise); at a large
/// threshold T these are many decades apart, and a linear-frequency rule that starts on [0, 2π] never sees the
/// u ~ 1/T feature, so the integral loses the −π/2 it should give and P_c sticks at ½ (issue 13 item 1).
/// In s every scale is an O(1)-wide bump: the caller names the scales, the integral is split there.
enum GilPelaez {
    /// ∫_0^∞ Im[f(u)]/u du with f(0) real and Im f(u) = O(u) at 0, |f(u)| → 0 as u → ∞.
    ///
    /// - Parameters:
    ///   - scales: characteristic frequencies u > 0 of f (non-finite or non-positive entries are ignored);
    ///     the ln u line is cut at each of them.
    ///   - absTol: absolute tolerance of the whole integral.
    ///   - relTol: relative tolerance of each piece.
    /// - Returns: the value with its error estimate; a non-finite value of f is reported as `error = ∞`.
    static func imaginaryPartIntegral(
        scales: [Double], absTol: Double, relTol: Double = 1e-10, _ f: (Double) -> Complex<Double>
    ) -> IntegrationResult {
        var cuts = scales.filter { $0.isFinite && $0 > 0 }.map { Foundation.log($0) }.sorted()
        if cuts.isEmpty { cuts = [0] }
        // Merge cuts closer than one unit of ln u; pad one unit either side of the outermost.
        var merged: [Double] = []
        for c in cuts where merged.last.map({ c - $0 > 1 }) ?? true { merged.append(c) }
        // The integrand is O(u) below the smallest scale and decays at least like a power above the largest:
        // 40 units of ln u beyond either (a factor e^{−40} ≈ 4e−18) end the line.
        let edges = [merged[0] - 40] + merged + [merged[merged.count - 1] + 40]
        var total = IntegrationResult.zero
        var nonFinite = false
        let pieces = Double(edges.count - 1)
        for i in 0..<(edges.count - 1) {
            let r = Integration.integrate(
                from: edges[i], to: edges[i + 1], absTol: absTol / pieces, relTol: relTol, maxIntervals: 400
            ) { s in
                let u = Foundation.exp(s)
                if u == 0 || !u.isFinite { return 0 }
                let v = f(u).imaginary
                if !v.isFinite { nonFinite = true }
                return v
            }
            total = total + r
        }
        if nonFinite { total.error = .infinity }
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
