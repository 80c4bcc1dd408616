import Foundation

/// Student's t distribution with ν degrees of freedom: CDF, density and quantile.
///
///     f(t) = Γ((ν+1)/2) / (sqrt(νπ)·Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2)
///     F(t) = 1 − ½·I_{ν/(ν+t²)}(ν/2, ½)          for t ≥ 0,   F(−t) = 1 − F(t)
///
/// `I_x(a, b)` is the regularised incomplete beta function, evaluated by its continued
/// fraction (modified Lentz). The quantile inverts F by safeguarded Newton steps inside a
/// bisection bracket, to a relative accuracy of about 1e-13.
///
/// Used for confidence intervals of regression coefficients (t_{1−α/2, N−p}).
public struct StudentTDistribution: Sendable, Equatable, Codable {
    /// Degrees of freedom ν [dimensionless], > 0 (need not be an integer).
    public let degreesOfFreedom: Double

    /// A t distribution with `degreesOfFreedom` ν.
    ///
    /// - Parameter degreesOfFreedom: ν [dimensionless], > 0 and finite.
    /// - Precondition: ν > 0 and finite (a programmer error otherwise; callers validate data first).
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite, "t distribution needs ν > 0")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Probability density at `t`.
    public func density(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        let logNormaliser = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNormaliser - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// Cumulative probability P(T ≤ t).
    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t == .infinity { return 1 }
        if t == -.infinity { return 0 }
        let nu = degreesOfFreedom
        let x = nu / (nu + t * t)
        let tail = 0.5 * SpecialFunctions.regularizedIncompleteBeta(x: x, a: nu / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The quantile t_p with P(T ≤ t_p) = `probability`.
    ///
    /// - Parameter probability: p [dimensionless], in (0, 1); 0 and 1 give ∓∞.
    /// - Returns: t_p; NaN for p outside [0, 1].
    public func quantile(_ probability: Double) -> Double {
        guard probability >= 0, probability <= 1 else { return .nan }
        if probability == 0 { return -.infinity }
        if probability == 1 { return .infinity }
        if probability == 0.5 { return 0 }
        // Work in the upper half for accuracy; symmetry gives the lower half.
        let upper = probability > 0.5
        let tailProbability = upper ? 1 - probability : probability
        // Bracket [0, hi] with upper-tail mass at hi below the target.
        var lo = 0.0
        var hi = 1.0
        while upperTail(hi) > tailProbability {
            lo = hi
            hi *= 2
            if hi > 1e300 { break }
        }
        var t = 0.5 * (lo + hi)
        for _ in 0..<200 {
            let g = upperTail(t) - tailProbability  // decreasing in t
            if g > 0 { lo = t } else { hi = t }
            let slope = -density(t)
            var next = slope != 0 ? t - g / slope : 0.5 * (lo + hi)
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if abs(next - t) <= 1e-14 * max(1, abs(t)) {
                t = next
                break
            }
            t = next
        }
        return upper ? t : -t
    }

    /// P(T > t) for t ≥ 0, computed without cancellation.
    private func upperTail(_ t: Double) -> Double {
        let nu = degreesOfFreedom
        return 0.5 * SpecialFunctions.regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
    }
}
