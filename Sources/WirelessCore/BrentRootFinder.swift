/// Brent's method for a root of a continuous f on a bracketing interval [lower, upper].
///
/// Combines bisection (guaranteed progress), the secant step and inverse quadratic
/// interpolation (superlinear convergence); stops when the bracket is narrower than
///
///     2·(4ε|b| + absoluteTolerance/2)   or   f(b) = 0
///
/// (Brent, *Algorithms for Minimization without Derivatives*, 1973, ch. 4.)
public struct BrentRootFinder: Sendable, Equatable, Codable {
    /// Absolute tolerance on the root [unit of x], > 0.
    public var absoluteTolerance: Double
    /// Maximum iterations before `NumericalError.didNotConverge`, ≥ 1.
    public var maximumIterations: Int

    public init(absoluteTolerance: Double = 1e-14, maximumIterations: Int = 200) {
        self.absoluteTolerance = absoluteTolerance
        self.maximumIterations = maximumIterations
    }

    /// A root of `f` in [lower, upper].
    ///
    /// - Throws: `NumericalError.rootNotBracketed` if f(lower) and f(upper) have the same sign
    ///   (neither zero), `valueOutOfRange` for a non-finite end or tolerance, `nonFiniteValue`
    ///   if f returns NaN/±∞, `didNotConverge(iterations:)` when the budget runs out.
    public func findRoot(of f: (Double) -> Double, lower: Double, upper: Double) throws(CoreError) -> Double {
        guard lower.isFinite else { throw .valueOutOfRange(name: "lower", value: lower) }
        guard upper.isFinite else { throw .valueOutOfRange(name: "upper", value: upper) }
        guard absoluteTolerance > 0, absoluteTolerance.isFinite else {
            throw .valueOutOfRange(name: "absoluteTolerance", value: absoluteTolerance)
        }
        var a = lower
        var b = upper
        var fa = f(a)
        var fb = f(b)
        guard fa.isFinite else { throw .nonFiniteValue(name: "f", at: a) }
        guard fb.isFinite else { throw .nonFiniteValue(name: "f", at: b) }
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard (fa > 0) != (fb > 0) else { throw .rootNotBracketed(lower: lower, upper: upper) }
        var c = a
        var fc = fa
        var d = b - a
        var e = d
        for _ in 0..<maximumIterations {
            if (fb > 0) == (fc > 0) {
                c = a
                fc = fa
                d = b - a
                e = d
            }
            if abs(fc) < abs(fb) {
                a = b
                b = c
                c = a
                fa = fb
                fb = fc
                fc = fa
            }
            let tolerance = 2 * Double.ulpOfOne * abs(b) + 0.5 * absoluteTolerance
            let m = 0.5 * (c - b)
            if abs(m) <= tolerance || fb == 0 { return b }
            if abs(e) >= tolerance && abs(fa) > abs(fb) {
                // Interpolation: secant (a == c) or inverse quadratic.
                let s = fb / fa
                var p: Double
                var q: Double
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qa = fa / fc
                    let r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tolerance * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = m
                    e = m
                }
            } else {
                d = m
                e = m
            }
            a = b
            fa = fb
            b += abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance)
            fb = f(b)
            guard fb.isFinite else { throw .nonFiniteValue(name: "f", at: b) }
        }
        throw .didNotConverge(iterations: maximumIterations)
    }
}
