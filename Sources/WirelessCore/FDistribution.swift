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
        return SpecialFunctions.regularizedIncompleteBeta(x: d1 * x / (d1 * x + d2), a: d1 / 2, b: d2 / 2)
    }

    /// P(X > x).
    public func survival(_ x: Double) -> Double {
        guard x > 0 else { return 1 }
        let d1 = numeratorDegreesOfFreedom
        let d2 = denominatorDegreesOfFreedom
        return SpecialFunctions.regularizedIncompleteBeta(x: d2 / (d2 + d1 * x), a: d2 / 2, b: d1 / 2)
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
}
