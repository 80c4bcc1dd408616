import Foundation

/// Brent's one-dimensional minimiser on [lower, upper]: golden-section search accelerated by
/// parabolic interpolation (Brent 1973, ch. 5). Finds a local minimum of a continuous f.
///
/// Stops when |x − midpoint| ≤ 2·tol − (upper − lower)/2 with tol = relativeTolerance·|x| + absoluteTolerance.
public struct BrentMinimizer: Sendable, Equatable, Codable {
    /// Relative tolerance on x [dimensionless], ≥ √ε is sensible (≈ 1.5e−8).
    public var relativeTolerance: Double
    /// Absolute tolerance on x [unit of x], > 0.
    public var absoluteTolerance: Double
    /// Maximum iterations before `NumericalError.didNotConverge`, ≥ 1.
    public var maximumIterations: Int

    public init(relativeTolerance: Double = 1.5e-8, absoluteTolerance: Double = 1e-12, maximumIterations: Int = 500) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.maximumIterations = maximumIterations
    }

    /// The minimiser x* and f(x*) within [lower, upper].
    ///
    /// - Throws: `valueOutOfRange` for a bad interval, `nonFiniteValue` for NaN values of f,
    ///   `didNotConverge(iterations:)` when the budget runs out.
    public func minimize(_ f: (Double) -> Double, lower: Double, upper: Double) throws(CoreError) -> (
        x: Double, value: Double
    ) {
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw .valueOutOfRange(name: "upper", value: upper)
        }
        let golden = 0.5 * (3 - 5.0.squareRoot())
        var a = lower
        var b = upper
        var x = a + golden * (b - a)
        var w = x
        var v = x
        var fx = f(x)
        guard !fx.isNaN else { throw .nonFiniteValue(name: "f", at: x) }
        var fw = fx
        var fv = fx
        var d = 0.0
        var e = 0.0
        for _ in 0..<maximumIterations {
            let midpoint = 0.5 * (a + b)
            let tol1 = relativeTolerance * abs(x) + absoluteTolerance
            let tol2 = 2 * tol1
            if abs(x - midpoint) <= tol2 - 0.5 * (b - a) { return (x, fx) }
            var useGolden = true
            if abs(e) > tol1 {
                // Parabola through (v, fv), (w, fw), (x, fx).
                var r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p } else { q = -q }
                r = e
                e = d
                if abs(p) < abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x) {
                    d = p / q
                    let u = x + d
                    if u - a < tol2 || b - u < tol2 { d = x < midpoint ? tol1 : -tol1 }
                    useGolden = false
                }
            }
            if useGolden {
                e = (x < midpoint ? b : a) - x
                d = golden * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d > 0 ? tol1 : -tol1)
            let fu = f(u)
            guard !fu.isNaN else { throw .nonFiniteValue(name: "f", at: u) }
            if fu <= fx {
                if u < x { b = x } else { a = x }
                v = w
                fv = fw
                w = x
                fw = fx
                x = u
                fx = fu
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    v = w
                    fv = fw
                    w = u
                    fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u
                    fv = fu
                }
            }
        }
        throw .didNotConverge(iterations: maximumIterations)
    }
}
