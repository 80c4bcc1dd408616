import Foundation
import WirelessCore

/// Closed form of the Rayleigh interference integral on one path-gain segment (g = K y^{−α} there):
///
///     ∫_a^b y / (1 + y^α/c) dy,   c = s·K > 0,  w = y^α/c
///     w ≤ 1:  A(y) = (y²/2) ₂F₁(1, δ; 1+δ; −w)                       (antiderivative from 0)
///     w ≥ 1:  D(y) = −(y²/(α−2)) w^{−1} ₂F₁(1, 1−δ; 2−δ; −1/w)        (antiderivative, D(∞) = 0 if α > 2)
///     α = 2:  (c/2) ln(1 + y²/c);   α = 0:  (b² − a²)/2 · c/(1+c)
///
/// δ = 2/α. Every ₂F₁ argument lies in [−1, 0]. Returns nil where a ₂F₁ parameter is a non-positive
/// integer (α = 2/n, n ≥ 2), so the caller integrates that segment numerically.
enum RayleighInterferenceIntegral {
    static func segment(from a: Double, to b: Double, exponent alpha: Double, c: Double) -> Double? {
        guard b > a else { return 0 }
        if alpha == 0 { return (b * b - a * a) / 2 * c / (1 + c) }
        if alpha == 2 {
            guard b.isFinite else { return nil }
            return c / 2 * (log1p(b * b / c) - log1p(a * a / c))
        }
        let delta = 2 / alpha
        if (2 - delta) <= 0 && (2 - delta) == (2 - delta).rounded() { return nil }
        let pivot = pow(c, 1 / alpha)  // w = 1
        func lowerPart(_ y: Double) -> Double {  // A(y), w ≤ 1
            if y == 0 { return 0 }
            let w = pow(y, alpha) / c
            return y * y / 2 * SpecialFunctions.hypergeometric2F1(1, delta, 1 + delta, -w)
        }
        func upperPart(_ y: Double) -> Double {  // D(y), w ≥ 1
            if y.isInfinite { return 0 }
            let inv = c * pow(y, -alpha)
            return -(y * y / (alpha - 2)) * inv * SpecialFunctions.hypergeometric2F1(1, 1 - delta, 2 - delta, -inv)
        }
        if b.isInfinite && alpha < 2 { return nil }
        var total = 0.0
        if a < pivot {
            total += lowerPart(min(b, pivot)) - lowerPart(a)
        }
        if b > pivot {
            total += upperPart(b) - upperPart(max(a, pivot))
        }
        return total.isFinite ? total : nil
    }
}
