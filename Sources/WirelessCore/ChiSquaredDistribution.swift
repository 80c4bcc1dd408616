import Foundation

/// The chi-squared distribution with ν > 0 (not necessarily integer) degrees of freedom.
///
///     F(x) = P(ν/2, x/2),   S(x) = Q(ν/2, x/2)      (regularised incomplete gamma)
///     mean ν, variance 2ν
///
/// `quantile` inverts the CDF (or, above p = ½, the survival function, so that tail quantiles such
/// as F⁻¹(1 − 10⁻⁶) keep full relative accuracy) with Brent's method.
public struct ChiSquaredDistribution: Sendable, Equatable, Codable {
    /// ν [dimensionless], > 0.
    public let degreesOfFreedom: Double

    /// - Throws: `CoreError.valueOutOfRange` for ν ≤ 0 or non-finite.
    public init(degreesOfFreedom: Double) throws(CoreError) {
        guard degreesOfFreedom > 0, degreesOfFreedom.isFinite else {
            throw CoreError.valueOutOfRange(name: "degreesOfFreedom", value: degreesOfFreedom)
        }
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(X ≤ x).
    public func cdf(_ x: Double) -> Double {
        x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(degreesOfFreedom / 2, x / 2)
    }

    /// P(X > x).
    public func survival(_ x: Double) -> Double {
        x <= 0 ? 1 : SpecialFunctions.regularizedGammaQ(degreesOfFreedom / 2, x / 2)
    }

    /// The x with P(X ≤ x) = p.
    ///
    /// - Parameter p: probability in (0, 1).
    /// - Throws: `CoreError.valueOutOfRange` for p ∉ (0, 1); `.didNotConverge` from the root finder.
    public func quantile(_ p: Double) throws(CoreError) -> Double {
        guard p > 0, p < 1 else { throw CoreError.valueOutOfRange(name: "p", value: p) }
        let upper = p > 0.5
        let target = upper ? 1 - p : p
        let f: (Double) -> Double = { x in upper ? self.survival(x) - target : self.cdf(x) - target }
        var high = max(1.0, degreesOfFreedom)
        while upper ? survival(high) > target : cdf(high) < target { high *= 2 }
        return try BrentRootFinder(absoluteTolerance: 1e-13 * high).findRoot(of: f, lower: 0, upper: high)
    }
}
