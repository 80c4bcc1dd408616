import Foundation

extension SpecialFunctions {
    /// Natural logarithm of |Γ(x)|.
    ///
    ///     ln Γ(z) = (z − ½) ln z − z + ½ ln 2π + Σₖ B₂ₖ / (2k(2k−1) z^(2k−1))     (z ≥ 15)
    ///
    /// Arguments below 15 are shifted up with Γ(x) = Γ(x+n)/(x(x+1)…(x+n−1)); x < ½ uses the
    /// reflection ln|Γ(x)| = ln(π/|sin πx|) − ln Γ(1−x) (DLMF 5.5.3, 5.11.1).
    /// Absolute error ≲ 5e−15 for x < 15 (so the relative error grows near the zeros x = 1, 2);
    /// relative error of a few ulps for larger x. +∞ at the poles x = 0, −1, −2, ….
    public static func logGamma(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x.isInfinite { return .infinity }
        if x <= 0 && x == x.rounded() { return .infinity }
        if x == 1 || x == 2 { return 0 }
        if x < 0.5 {
            return log(Double.pi / abs(sinPi(x))) - logGamma(1 - x)
        }
        var z = x
        var product = 1.0
        while z < 15 {
            product *= z
            z += 1
        }
        let stirling = (z - 0.5) * log(z) - z + 0.91893853320467274178 + stirlingSeries(z)
        return product == 1 ? stirling : stirling - log(product)
    }

    /// The gamma function Γ(x) for real x.
    ///
    /// x ≥ 15: Γ(x) = x^((x−½)/2) · (x^((x−½)/2) · e^(−x)) · √(2π) · exp(Stirling series), which
    /// keeps a few-ulp relative error up to the overflow at x ≈ 171.62; smaller x by the upward
    /// recurrence, x < ½ by reflection Γ(x) = π / (sin(πx) Γ(1−x)). Integers ≤ 30 are exact
    /// products. NaN at the poles x = 0, −1, −2, ….
    public static func gamma(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x == .infinity { return .infinity }
        if x == -.infinity { return .nan }
        if x <= 0 && x == x.rounded() { return .nan }
        if x > 171.7 { return .infinity }
        if x < 0.5 {
            return Double.pi / (sinPi(x) * gamma(1 - x))
        }
        if x == x.rounded() && x <= 30 {
            var result = 1.0
            var k = 2.0
            while k < x {
                result *= k
                k += 1
            }
            return result
        }
        var z = x
        var product = 1.0
        while z < 15 {
            product *= z
            z += 1
        }
        let half = pow(z, 0.5 * (z - 0.5))
        let large = half * (half * exp(-z)) * 2.5066282746310005024 * exp(stirlingSeries(z))
        return large / product
    }

    /// 1/Γ(x), an entire function: exactly 0 at x = 0, −1, −2, … (used by connection formulas).
    public static func reciprocalGamma(_ x: Double) -> Double {
        if x <= 0 && x == x.rounded() { return 0 }
        if x > 171.7 { return 0 }
        if x < 0.5 { return sinPi(x) * gamma(1 - x) / Double.pi }
        return 1 / gamma(x)
    }

    /// Digamma ψ(x) = d/dx ln Γ(x).
    ///
    ///     ψ(z) ~ ln z − 1/(2z) − Σₖ B₂ₖ / (2k z^(2k))     (z ≥ 10)
    ///
    /// with ψ(x) = ψ(x+1) − 1/x below 10 and ψ(x) = ψ(1−x) − π cot(πx) for x < 0 (DLMF 5.15.8,
    /// 5.5.4). Absolute error ≲ 1e−15·max(1, |ψ|) (relative error grows near the root 1.4616…).
    /// NaN at the poles x = 0, −1, −2, ….
    public static func digamma(_ x: Double) -> Double {
        if x.isNaN || x == -.infinity { return .nan }
        if x == .infinity { return .infinity }
        if x <= 0 && x == x.rounded() { return .nan }
        if x < 0 {
            return digamma(1 - x) - Double.pi * cosPi(x) / sinPi(x)
        }
        var z = x
        var shift = 0.0
        while z < 10 {
            shift += 1 / z
            z += 1
        }
        let w = 1 / (z * z)
        var series = 0.0
        for coefficient in digammaCoefficients.reversed() { series = series * w + coefficient }
        series *= w
        return log(z) - 0.5 / z - series - shift
    }

    /// cos(πx) with exact argument reduction.
    public static func cosPi(_ x: Double) -> Double {
        if !x.isFinite { return .nan }
        var r = abs(x - 2 * (x / 2).rounded())  // r ∈ [0, 1]
        var sign = 1.0
        if r > 0.5 {
            r = 1 - r
            sign = -1
        }
        if r == 0.5 { return 0 }
        return sign * cos(Double.pi * r)
    }

    /// B₂ₖ/(2k) for k = 1…7: the coefficients of w = 1/z² in ψ's asymptotic series.
    static let digammaCoefficients: [Double] = [
        1.0 / 12, -1.0 / 120, 1.0 / 252, -1.0 / 240, 1.0 / 132, -691.0 / 32760, 1.0 / 12,
    ]

    /// B₂ₖ/(2k(2k−1)) for k = 1…8: the coefficients of w = 1/z² in the Stirling series (÷ z).
    static let stirlingCoefficients: [Double] = [
        1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188, -691.0 / 360360, 1.0 / 156, -3617.0 / 122400,
    ]

    /// Σₖ₌₁⁸ B₂ₖ / (2k(2k−1) z^(2k−1)) for z ≥ 15 (truncation error < 1e−19).
    static func stirlingSeries(_ z: Double) -> Double {
        let w = 1 / (z * z)
        var inner = 0.0
        for coefficient in stirlingCoefficients.reversed() { inner = inner * w + coefficient }
        return inner / z
    }
}
