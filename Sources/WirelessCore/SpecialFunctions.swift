import Foundation

/// Special functions of real arguments in `Double`, each accurate to a few ulps unless stated.
///
/// Error functions (this file), gamma family (`SpecialFunctions+Gamma.swift`), the Gauss
/// hypergeometric function (`SpecialFunctions+Hypergeometric.swift`), Gauss–Hermite rules
/// (`SpecialFunctions+GaussHermite.swift`). Measured accuracies against mpmath are listed in
/// `Tests/WirelessCoreTests/SpecialFunctionsTests.swift`.
public enum SpecialFunctions {
    /// 2/√π.
    @usableFromInline static let twoOverSqrtPi = 1.1283791670955125739
    /// 1/√π.
    @usableFromInline static let oneOverSqrtPi = 0.56418958354775628695

    // MARK: Error functions

    /// Scaled complementary error function.
    ///
    ///     erfcx(x) = exp(x²) · erfc(x),     erfcx(x) ~ 1/(x·√π) for x → +∞
    ///
    /// Accurate to a few ulps for every x (no cancellation for large positive x); overflows to
    /// +∞ for x < −26.6 because erfcx(x) ≈ 2·exp(x²) there.
    ///
    /// Method: for 0 ≤ x < 6, a Taylor series around the nearest point of a 1/16-spaced table,
    /// with the coefficients from the ODE y′ = 2xy − 2/√π (y⁽ⁿ⁺¹⁾ = 2x·y⁽ⁿ⁾ + 2n·y⁽ⁿ⁻¹⁾).
    /// The table is built once by stepping that series from x = 6 down to 0 (the direction in
    /// which the growing solution exp(x²) decays, so rounding errors are damped). For x ≥ 6 the
    /// Laplace continued fraction erfcx(x) = (1/√π) / (x + (1/2)/(x + 1/(x + (3/2)/(x + …)))).
    /// For 0 ≤ x < ½: exp(x²)·(1 − erf x) with the Maclaurin series of erf (no cancellation).
    /// For x < 0: erfcx(x) = 2·exp(x²) − erfcx(−x). (DLMF 7.9.2, 7.4.2, 7.10.)
    public static func erfcx(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x >= 0 { return erfcxNonNegative(x) }
        if x < -26.7 { return .infinity }
        return 2 * expOfSquare(-x, sign: 1) - erfcxNonNegative(-x)
    }

    /// Complementary error function, erfc(x) = (2/√π) ∫ₓ^∞ exp(−t²) dt.
    ///
    /// Relative accuracy of a few ulps for all x, including the far tail (computed as
    /// exp(−x²)·erfcx(x) with x² split exactly by a fused multiply–add; 1 − erf(x) for |x| < ½).
    public static func erfc(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if abs(x) < 0.5 { return 1 - erf(x) }
        if x >= 0 {
            if x > 27.3 { return 0 }
            return expOfSquare(x, sign: -1) * erfcxNonNegative(x)
        }
        if x < -6 { return 2 }
        return 2 - expOfSquare(-x, sign: -1) * erfcxNonNegative(-x)
    }

    /// Error function, erf(x) = (2/√π) ∫₀ˣ exp(−t²) dt.
    ///
    /// Maclaurin series for |x| < 0.5 (full relative accuracy near 0), 1 − erfc(x) elsewhere.
    public static func erf(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if abs(x) < 0.5 {
            // erf x = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
            let x2 = x * x
            var term = x
            var sum = x
            var n = 0.0
            while true {
                n += 1
                term *= -x2 / n
                let contribution = term / (2 * n + 1)
                sum += contribution
                if abs(contribution) <= 1e-17 * abs(sum) { break }
            }
            return twoOverSqrtPi * sum
        }
        return x > 0 ? 1 - erfc(x) : erfc(-x) - 1
    }

    /// Standard normal cumulative distribution function.
    ///
    ///     Φ(x) = ½ · erfc(−x/√2)
    ///
    /// Relative accuracy of a few ulps in both tails (Φ(−37) ≈ 5.7e−300 is accurate); the
    /// rounding of x/√2 is compensated so the lower tail does not lose ~x² ulps.
    public static func normalCDF(_ x: Double) -> Double {
        if x.isNaN { return .nan }
        if x > 0 { return 1 - normalCDF(-x) }
        // t = −x/√2 ≥ 0 represented as t + δ (double-double product with a split 1/√2).
        let t = -x * invSqrt2High
        let delta = fma(-x, invSqrt2High, -t) + (-x) * invSqrt2Low
        if t > 27.3 { return 0 }
        if t < 0.5 { return 0.5 * (1 - erf(t + delta)) }
        // exp(−(t+δ)²) = exp(−t²)·exp(−2tδ) to first order in δ.
        let gaussian = expOfSquare(t, sign: -1) * (1 - 2 * t * delta)
        return 0.5 * gaussian * erfcxNonNegative(t + delta)
    }

    /// Standard normal complementary CDF, Q(x) = 1 − Φ(x) = Φ(−x), accurate in the upper tail.
    public static func normalSurvival(_ x: Double) -> Double { normalCDF(-x) }

    /// Standard normal density φ(x) = exp(−x²/2)/√(2π).
    public static func normalPDF(_ x: Double) -> Double {
        0.39894228040143267794 * exp(-0.5 * x * x)
    }

    /// Inverse of the standard normal CDF (probit), Φ⁻¹(p), for p ∈ [0, 1].
    ///
    /// Acklam's rational approximation (relative error < 1.2e−9) refined by one Halley step on
    /// Φ(x) − p using the accurate `normalCDF`, which brings it to full double precision
    /// (measured ≤ 7e−16 relative against mpmath for p ∈ [1e−300, 1 − 1e−10]).
    /// Symmetric: for p > ½ it returns −Φ⁻¹(1 − p) (1 − p is exact there).
    /// Returns −∞ at 0, +∞ at 1 and NaN outside [0, 1].
    public static func inverseNormalCDF(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p > 0.5 { return -inverseNormalCDF(1 - p) }
        var x = acklamLowerHalf(p)
        let density = normalPDF(x)
        if density > 0 {
            // Halley's method on F(x) = Φ(x) − p: u = F/φ, x ← x − u/(1 + x·u/2).
            let u = (normalCDF(x) - p) / density
            x -= u / (1 + 0.5 * x * u)
        }
        return x
    }

    /// Alias of `inverseNormalCDF(_:)` (the normal quantile function).
    @inlinable
    public static func normalQuantile(_ p: Double) -> Double { inverseNormalCDF(p) }

    /// Normalised sinc, sinc(x) = sin(πx)/(πx), sinc(0) = 1.
    ///
    /// The argument of the sine is reduced exactly modulo 2 first, so zeros at non-zero
    /// integers are exact and large arguments keep their accuracy.
    public static func sinc(_ x: Double) -> Double {
        if x == 0 { return 1 }
        if !x.isFinite { return x.isNaN ? .nan : 0 }
        return sinPi(x) / (Double.pi * x)
    }

    /// sin(πx) with exact argument reduction (`sinPi(n) == 0` for integers n).
    public static func sinPi(_ x: Double) -> Double {
        if !x.isFinite { return .nan }
        // r = x − 2·round(x/2) ∈ [−1, 1], exact in floating point.
        var r = x - 2 * (x / 2).rounded()
        var sign = 1.0
        if r < 0 {
            r = -r
            sign = -1
        }
        if r > 0.5 { r = 1 - r }  // sin(π(1 − r)) = sin(πr)
        if r == 0 { return 0 }
        return sign * sin(Double.pi * r)
    }

    // MARK: Internals

    @usableFromInline static let invSqrt2High = 0.70710678118654757  // nearest double to 1/√2
    @usableFromInline static let invSqrt2Low = -4.8336466567264567e-17  // 1/√2 − invSqrt2High

    /// exp(sign·x²) with x² split exactly (p + e = x², e from an FMA), so that large x do not
    /// lose ~x² ulps to the rounding of x².
    @usableFromInline static func expOfSquare(_ x: Double, sign: Double) -> Double {
        let p = x * x
        let e = fma(x, x, -p)
        return exp(sign * p) * (1 + sign * e)
    }

    /// Table spacing and extent for `erfcxNonNegative`.
    static let erfcxTableStep = 1.0 / 16
    static let erfcxTableEnd = 6.0

    /// erfcx at x_k = k/16, k = 0…96, built by backward Taylor steps from the continued
    /// fraction at x = 6 (see `erfcx`). Static lets are initialised once, thread-safely.
    static let erfcxTable: [Double] = {
        let count = Int(erfcxTableEnd / erfcxTableStep) + 1
        var table = [Double](repeating: 0, count: count)
        table[count - 1] = erfcxContinuedFraction(erfcxTableEnd)
        for k in stride(from: count - 1, to: 0, by: -1) {
            let xk = Double(k) * erfcxTableStep
            table[k - 1] = erfcxTaylor(center: xk, value: table[k], offset: -erfcxTableStep)
        }
        return table
    }()

    /// Σ cₙ hⁿ with c₀ = y(x₀), c₁ = 2x₀c₀ − 2/√π, cₙ₊₁ = (2x₀cₙ + 2cₙ₋₁)/(n+1).
    static func erfcxTaylor(center x0: Double, value y0: Double, offset h: Double) -> Double {
        var previous = y0
        var current = 2 * x0 * y0 - twoOverSqrtPi
        var sum = y0 + current * h
        var power = h
        var n = 1.0
        while n < 40 {
            let next = (2 * x0 * current + 2 * previous) / (n + 1)
            previous = current
            current = next
            power *= h
            let term = current * power
            sum += term
            n += 1
            if abs(term) <= 1e-18 * abs(sum) && n > 3 { break }
        }
        return sum
    }

    /// Laplace continued fraction evaluated bottom-up with a depth that gives < 1e−17 for x ≥ 6.
    static func erfcxContinuedFraction(_ x: Double) -> Double {
        if x > 1e8 { return oneOverSqrtPi / x }
        let depth = x < 8 ? 22 : (x < 20 ? 16 : (x < 50 ? 11 : 7))
        var f = x
        var k = depth
        while k > 0 {
            f = x + 0.5 * Double(k) / f
            k -= 1
        }
        return oneOverSqrtPi / f
    }

    static func erfcxNonNegative(_ x: Double) -> Double {
        // Below ½, 1 − erf(x) ≥ 0.48 has no cancellation (and erfcx(0) is exactly 1).
        if x < 0.5 { return expOfSquare(x, sign: 1) * (1 - erf(x)) }
        if x >= erfcxTableEnd { return erfcxContinuedFraction(x) }
        let k = Int((x / erfcxTableStep).rounded())
        let xk = Double(k) * erfcxTableStep
        return erfcxTaylor(center: xk, value: erfcxTable[k], offset: x - xk)
    }

    /// Acklam's rational approximation of Φ⁻¹(p) for 0 < p ≤ ½ (relative error < 1.15e−9).
    static func acklamLowerHalf(_ p: Double) -> Double {
        let a = (
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
        )
        let b = (
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01
        )
        let c = (
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
        )
        let d = (
            7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00
        )
        if p < 0.02425 {
            let q = (-2 * log(p)).squareRoot()
            let num = ((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5
            let den = (((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1
            return num / den
        }
        let q = p - 0.5
        let r = q * q
        let num = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
        let den = ((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1
        return num / den
    }
}
