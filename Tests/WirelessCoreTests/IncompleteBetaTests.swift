import Foundation
import Testing
import WirelessCore

/// I_x(a, b) against mpmath (`mpmath.betainc(a, b, 0, x, regularized=True)` at 30 digits; the
/// values below were printed by that call and are rounded to 17 significant digits).
@Suite struct IncompleteBetaTests {
    /// The continued fraction converges to a few ulps, but the prefactor exp(lnΓ(a+b) − lnΓ(a) − lnΓ(b) + …)
    /// carries the absolute rounding of its log-gamma terms (≈ ε·|lnΓ|, ~1e-12 when a + b ≈ 1000) as a
    /// relative error; the bound is 8ε·(1 + Σ|lnΓ|) plus a few ulps for the fraction.
    static func relativeTolerance(a: Double, b: Double) -> Double {
        let logGammas = abs(lgamma(a + b)) + abs(lgamma(a)) + abs(lgamma(b))
        return 8 * Double.ulpOfOne * (1 + logGammas) + 1e-14
    }

    static let references: [(x: Double, a: Double, b: Double, value: Double)] = [
        (0.3, 2, 5, 0.57982499999999998),
        (0.9, 10, 3, 0.88913002225500006),
        (0.01, 0.7, 20, 0.32860792367096758),
        (0.55, 50, 50, 0.84134780106290142),
        (0.0002, 0.1, 1000, 0.87939397995028506),
        (0.7, 3.5, 0.5, 0.12687036692367097),
    ]

    @Test func matchesMpmath() {
        for r in Self.references {
            let value = SpecialFunctions.regularizedIncompleteBeta(x: r.x, a: r.a, b: r.b)
            #expect(
                abs(value - r.value) <= Self.relativeTolerance(a: r.a, b: r.b) * r.value,
                "I_\(r.x)(\(r.a), \(r.b)) = \(value), expected \(r.value)")
        }
    }

    @Test func symmetryAndEnds() {
        #expect(SpecialFunctions.regularizedIncompleteBeta(x: 0, a: 2, b: 3) == 0)
        #expect(SpecialFunctions.regularizedIncompleteBeta(x: 1, a: 2, b: 3) == 1)
        // I_x(a, b) = 1 − I_{1−x}(b, a); I_x(1, 1) = x.
        for x in stride(from: 0.05, to: 1, by: 0.1) {
            let direct = SpecialFunctions.regularizedIncompleteBeta(x: x, a: 2.5, b: 4)
            let mirrored = 1 - SpecialFunctions.regularizedIncompleteBeta(x: 1 - x, a: 4, b: 2.5)
            #expect(abs(direct - mirrored) < 1e-14)
            #expect(abs(SpecialFunctions.regularizedIncompleteBeta(x: x, a: 1, b: 1) - x) < 1e-15)
        }
    }
}
