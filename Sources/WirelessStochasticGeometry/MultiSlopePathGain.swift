import Foundation
import WirelessCore

/// Multi-slope path gain with automatic continuity constants (Zhang–Andrews, IEEE TCOM 63(5), 2015).
///
///     g(r) = K_k · r^{−α_k}   on [R_k, R_{k+1}),  k = 0 … N−1,   R_0 = 0 < R_1 < … < R_{N−1} < R_N = ∞
///     K_0 = 1,   K_k = K_{k−1} · R_k^{α_k − α_{k−1}}              (g continuous)
///     0 ≤ α_0 ≤ α_1 ≤ … ≤ α_{N−1},   α_{N−1} > 2                 (finite interference)
///
/// N = 1 is the single-slope law g = r^{−α}; α_0 = 0 gives a bounded gain g = 1 on [0, R_1).
/// Distances are in one arbitrary length unit used throughout (density is per unit area of it).
/// docs/DENSIFICATION.md#multi-slope-path-gain.
public struct MultiSlopePathGain: Sendable, Equatable, Codable {
    /// α_0 … α_{N−1} [dimensionless], non-decreasing, each ≥ 0, last > 2.
    public let exponents: [Double]
    /// R_1 … R_{N−1} [length unit], strictly increasing, > 0; empty for a single slope.
    public let breakpoints: [Double]
    /// Continuity constants K_0 … K_{N−1} (K_0 = 1).
    public let coefficients: [Double]

    /// Builds and validates a multi-slope gain.
    ///
    /// - Parameters:
    ///   - exponents: α_0 … α_{N−1} [dimensionless], N ≥ 1, finite, ≥ 0, non-decreasing, α_{N−1} > 2.
    ///   - breakpoints: R_1 … R_{N−1} [length unit], finite, > 0, strictly increasing.
    /// - Throws: `DensificationError.invalidExponent`, `.exponentsDecreasing`, `.lastExponentNotAboveTwo`,
    ///   `.breakpointCountMismatch`, `.breakpointsNotIncreasing`.
    public init(exponents: [Double], breakpoints: [Double] = []) throws(DensificationError) {
        guard !exponents.isEmpty else {
            throw DensificationError.breakpointCountMismatch(expected: 0, got: breakpoints.count)
        }
        for (k, a) in exponents.enumerated() where !(a.isFinite && a >= 0) {
            throw DensificationError.invalidExponent(index: k, value: a)
        }
        for k in 1..<exponents.count where exponents[k] < exponents[k - 1] {
            throw DensificationError.exponentsDecreasing(index: k)
        }
        guard exponents[exponents.count - 1] > 2 else {
            throw DensificationError.lastExponentNotAboveTwo(value: exponents[exponents.count - 1])
        }
        guard breakpoints.count == exponents.count - 1 else {
            throw DensificationError.breakpointCountMismatch(expected: exponents.count - 1, got: breakpoints.count)
        }
        for (k, r) in breakpoints.enumerated() {
            guard r.isFinite, r > 0, k == 0 || r > breakpoints[k - 1] else {
                throw DensificationError.breakpointsNotIncreasing(index: k)
            }
        }
        var k = [1.0]
        for i in 1..<exponents.count {
            k.append(k[i - 1] * pow(breakpoints[i - 1], exponents[i] - exponents[i - 1]))
        }
        self.exponents = exponents
        self.breakpoints = breakpoints
        self.coefficients = k
    }

    /// The single-slope gain g(r) = r^{−α}.
    ///
    /// - Parameter exponent: α [dimensionless], > 2.
    public static func singleSlope(exponent: Double) throws(DensificationError) -> MultiSlopePathGain {
        try MultiSlopePathGain(exponents: [exponent])
    }

    /// The dual-slope gain: r^{−α0} for r < R_c, R_c^{α1−α0} r^{−α1} beyond.
    ///
    /// - Parameters:
    ///   - nearExponent: α0 [dimensionless], 0 ≤ α0 ≤ α1.
    ///   - farExponent: α1 [dimensionless], > 2.
    ///   - criticalDistance: R_c [length unit], > 0.
    public static func dualSlope(nearExponent: Double, farExponent: Double, criticalDistance: Double)
        throws(DensificationError)
        -> MultiSlopePathGain
    {
        try MultiSlopePathGain(exponents: [nearExponent, farExponent], breakpoints: [criticalDistance])
    }

    /// Number of slopes N.
    public var slopeCount: Int { exponents.count }
    /// Whether N = 1.
    public var isSingleSlope: Bool { exponents.count == 1 }
    /// α_0, the near-field exponent that decides the dense-network regime.
    public var nearFieldExponent: Double { exponents[0] }
    /// α_{N−1}, the far-field exponent.
    public var farFieldExponent: Double { exponents[exponents.count - 1] }

    /// Lower end R_k of segment k (R_0 = 0).
    @inlinable func segmentStart(_ k: Int) -> Double { k == 0 ? 0 : breakpoints[k - 1] }
    /// Upper end R_{k+1} of segment k (∞ for the last).
    @inlinable func segmentEnd(_ k: Int) -> Double { k == breakpoints.count ? .infinity : breakpoints[k] }

    /// Index k of the segment containing `distance`.
    @inlinable func segmentIndex(_ distance: Double) -> Int {
        var k = 0
        while k < breakpoints.count && distance >= breakpoints[k] { k += 1 }
        return k
    }

    /// g(r) [linear gain, dimensionless]; g(0) = ∞ when α_0 > 0.
    ///
    /// - Parameter distance: r [length unit], ≥ 0.
    @inlinable public func gain(atDistance distance: Double) -> Double {
        let k = segmentIndex(distance)
        let a = exponents[k]
        if a == 0 { return coefficients[k] }
        return coefficients[k] * pow(distance, -a)
    }

    /// g⁻¹(z) = sup{r : g(r) > z} [length unit]; 0 if z ≥ g(0), ∞ if z ≤ 0.
    ///
    /// - Parameter gainValue: z [linear], any value.
    public func inverse(_ gainValue: Double) -> Double {
        if gainValue <= 0 { return .infinity }
        // Find the segment whose range of g contains z: g is non-increasing; on segment k it spans
        // [g(R_{k+1}), g(R_k)]. Flat segments (α = 0) have sup at their end.
        for k in 0..<exponents.count {
            let end = segmentEnd(k)
            let gEnd = end.isInfinite ? 0 : coefficients[k] * (exponents[k] == 0 ? 1 : pow(end, -exponents[k]))
            if gainValue >= gEnd {
                // z lies in this segment's range (or above g(0) for k = 0).
                if exponents[k] == 0 {
                    return gainValue >= coefficients[k] ? segmentStart(k) : end
                }
                let r = pow(gainValue / coefficients[k], -1 / exponents[k])
                return max(segmentStart(k), min(r, end))
            }
        }
        return .infinity
    }

    /// tail(a) = ∫_a^∞ g(x) x dx [length unit²], a > 0 (a ≥ 0 when α_0 < 2).
    ///
    ///     segment k on [a', b]: K_k (b^{2−α_k} − a'^{2−α_k})/(2−α_k),  K_k ln(b/a') if α_k = 2
    ///     last segment:         K_{N−1} a'^{2−α}/(α−2)
    ///
    /// Returns ∞ when a = 0 and α_0 ≥ 2.
    public func tailIntegral(from start: Double) -> Double {
        var total = 0.0
        for k in segmentIndex(start)..<exponents.count {
            let lo = max(start, segmentStart(k))
            let hi = segmentEnd(k)
            let a = exponents[k]
            let kk = coefficients[k]
            if hi.isInfinite {
                total += kk * pow(lo, 2 - a) / (a - 2)
            } else if a == 2 {
                if lo == 0 { return .infinity }
                total += kk * log(hi / lo)
            } else {
                if lo == 0 && a > 2 { return .infinity }
                total += kk * (pow(hi, 2 - a) - pow(lo, 2 - a)) / (2 - a)
            }
        }
        return total
    }

    /// m_g = 2π ∫_0^∞ g(r) r dr [length unit²]; finite iff α_0 < 2 (∞ otherwise).
    ///
    /// Dual slope: 2π R_c^{2−α0} (1/(2−α0) + 1/(α1−2)). Mean interference of a PPP of density λ is λ E[H] m_g.
    public var meanGainIntegral: Double {
        guard exponents[0] < 2 else { return .infinity }
        return 2 * Double.pi * tailIntegral(from: 0)
    }

    /// ∫_a^b f(x) dx over distance with the integrand split at the breakpoints and each piece integrated in
    /// log-distance s = ln x (so power laws become exponentials and r → 0, ∞ are handled).
    ///
    /// `a` may be 0 and `b` may be ∞.
    func integrateOverDistance(
        from a: Double, to b: Double = .infinity, absTol: Double, relTol: Double, maxIntervals: Int = 400,
        _ f: (Double) -> Double
    ) -> IntegrationResult {
        guard b > a else { return .zero }
        var cuts: [Double] = [a]
        for r in breakpoints where r > a && r < b { cuts.append(r) }
        cuts.append(b)
        var total = IntegrationResult.zero
        let pieces = Double(cuts.count - 1)
        for i in 0..<(cuts.count - 1) {
            let lo = cuts[i] == 0 ? -Double.infinity : log(cuts[i])
            let hi = cuts[i + 1].isInfinite ? Double.infinity : log(cuts[i + 1])
            total =
                total
                + Integration.integrate(
                    from: lo, to: hi, absTol: absTol / pieces, relTol: relTol, maxIntervals: maxIntervals
                ) { s in
                    let x = exp(s)
                    let v = f(x) * x
                    return v.isFinite ? v : 0
                }
        }
        return total
    }
}
