import Foundation
import Testing
import WirelessCore

/// Closed forms: ν = 1 is Cauchy, ν = 2 has an algebraic CDF and quantile.
private let closedFormTolerance = 1e-12
/// Published quantiles are quoted to 12–16 significant digits (R `qt`).
private let publishedTolerance = 1e-9

@Test func studentTMatchesCauchyForOneDegreeOfFreedom() {
    let t1 = StudentTDistribution(degreesOfFreedom: 1)
    for t in [-30.0, -2, -0.5, 0, 0.3, 1, 4, 100] {
        #expect(abs(t1.cdf(t) - (0.5 + atan(t) / Double.pi)) < closedFormTolerance)
    }
    for p in [0.01, 0.1, 0.4, 0.6, 0.9, 0.975] {
        let exact = tan(Double.pi * (p - 0.5))
        #expect(abs(t1.quantile(p) - exact) < closedFormTolerance * max(1, abs(exact)))
    }
}

@Test func studentTMatchesClosedFormForTwoDegreesOfFreedom() {
    let t2 = StudentTDistribution(degreesOfFreedom: 2)
    for t in [-10.0, -1, 0, 0.7, 3, 25] {
        #expect(abs(t2.cdf(t) - (0.5 + t / (2 * sqrt(2 + t * t)))) < closedFormTolerance)
    }
    for p in [0.005, 0.05, 0.3, 0.8, 0.95, 0.999] {
        let exact = (2 * p - 1) / sqrt(2 * p * (1 - p))
        #expect(abs(t2.quantile(p) - exact) < closedFormTolerance * max(1, abs(exact)))
    }
}

@Test func studentTQuantilesMatchPublishedValues() {
    let cases: [(nu: Double, p: Double, t: Double)] = [
        (8, 0.975, 2.306004135033371),
        (10, 0.95, 1.812461122811676),
        (30, 0.975, 2.042272456301238),
        (3, 0.995, 5.840909309733350),
        (120, 0.975, 1.979930405082423),
    ]
    for c in cases {
        let q = StudentTDistribution(degreesOfFreedom: c.nu).quantile(c.p)
        #expect(abs(q - c.t) < publishedTolerance, "ν=\(c.nu) p=\(c.p): \(q)")
        #expect(abs(StudentTDistribution(degreesOfFreedom: c.nu).cdf(c.t) - c.p) < publishedTolerance)
    }
    // Large ν approaches the standard normal quantile 1.959963984540054 (difference ~ 1/ν).
    let nearNormal = StudentTDistribution(degreesOfFreedom: 1e8).quantile(0.975)
    #expect(abs(nearNormal - 1.959963984540054) < 1e-6)
}

@Test func studentTQuantileIsSymmetricAndInvertsTheCDF() {
    let t = StudentTDistribution(degreesOfFreedom: 5.5)
    for p in [1e-6, 0.02, 0.25, 0.5, 0.75, 0.98, 1 - 1e-6] {
        let q = t.quantile(p)
        #expect(abs(t.cdf(q) - p) < 1e-12)
        #expect(abs(q + t.quantile(1 - p)) < 1e-9 * max(1, abs(q)))
    }
    #expect(t.quantile(0) == -.infinity)
    #expect(t.quantile(1) == .infinity)
    #expect(t.quantile(1.5).isNaN)
}
