import Foundation

/// Snedecor's F distribution with d1, d2 > 0 degrees of freedom (the ratio (χ²_{d1}/d1)/(χ²_{d2}/d2)).
///
///     F(x) = I_{d1·x/(d1·x + d2)}(d1/2, d2/2),    S(x) = I_{d2/(d2 + d1·x)}(d2/2, d1/2)
///
/// with the regularised incomplete beta I evaluated by its continued fraction (modified Lentz;
/// DLMF 8.17.22), using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
public struct FDistribution: Sendable, Equatable, Codable {
    /// d1 [dimensionless], > 0.
    public let numeratorDegreesOfFreedom: Double
    /// d2 [dimensionless], > 0.
    public let denominatorDegreesOfFreedom: Double

    /// - Throws: `CoreError.valueOutOfRange` for a non-positive or non-finite d1 or d2.
    public init(numeratorDegreesOfFreedom d1: Double, denominatorDegreesOfFreedom d2: Double) throws(CoreError) {
        guard d1 > 0, d1.isFinite else { throw CoreError.valueOutOfRange(name: "numeratorDegreesOfFreedom", value: d1) }
        guard d2 > 0, d2.isFinite else {
            throw CoreError.valueOutOfRange(name: "denominatorDegreesOfFreedom", value: d2)
        }
        numeratorDegreesOfFreedom = d1
        denominatorDegreesOfFreedom = d2
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        guard x > 0 else { return 0 }
        let d1 = numeratorDegreesOfFreedom
        let d2 = denominatorDegreesOfFreedom
        return Self.regularizedBeta(d1 * x / (d1 * x + d2), d1 / 2, d2 / 2)
    }

    /// P(X > x).
    public func survival(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let d1 = numeratorDegreesOfFreedom
        let d2 = denominatorDegreesOfFreedom
        return Self.regularizedBeta(d2 / (d2 + d1 * x), d2 / 2, d1 / 2)
    }

    /// The x with P(X ≤ x) = p (upper quantiles through the survival function).
    ///
    /// - Throws: `CoreError.valueOutOfRange` for p ∉ (0, 1); `.didNotConverge`.
    public func quantile(_ p: Double) throws(CoreError) -> Double {
        guard p > 0, p < 1 else { throw CoreError.valueOutOfRange(name: "p", value: p) }
        let upper = p > 0.5
        let target = upper ? 1 - p : p
        let f: (Double) -> Double = { x in upper ? self.survival(x) - target : self.cdf(x) - target }
        var high = 1.0
        while upper ? survival(high) > target : cdf(high) < target { high *= 2 }
        return try BrentRootFinder(absoluteTolerance: 1e-13 * high).findRoot(of: f, lower: 0, upper: high)
    }

    /// Regularised incomplete beta I_x(a, b), 0 ≤ x ≤ 1, a, b > 0.
    static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedBeta(1 - x, b, a) }
        let logFront =
            a * log(x) + b * log(1 - x)
            - (SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b))
        let front = exp(logFront) / a
        // Modified Lentz for 1/(1 + d1/(1 + d2/(1 + …))).
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...10_000 {
            let mm = Double(m)
            let even = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return front * result
    }
}
