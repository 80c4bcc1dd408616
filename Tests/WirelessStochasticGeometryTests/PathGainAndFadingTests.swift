import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// Quadrature cross-checks of closed forms are held to this relative accuracy (G7K15 at 1e-12).
private let quadratureRelativeTolerance = 1e-9

@Test func continuityConstantsMakeGainContinuous() throws {
    let g = try MultiSlopePathGain(exponents: [0, 2, 3.5, 4], breakpoints: [1, 5, 20])
    for r in [1.0, 5, 20] {
        let below = g.gain(atDistance: r * (1 - 1e-12))
        let above = g.gain(atDistance: r)
        #expect(abs(below - above) <= 1e-9 * above)
    }
    #expect(g.gain(atDistance: 0.3) == 1)  // α0 = 0 gives a bounded gain
    let single = try MultiSlopePathGain.singleSlope(exponent: 4)
    #expect(single.gain(atDistance: 0) == .infinity)
    #expect(abs(single.gain(atDistance: 2) - 1.0 / 16) < 1e-15)
}

@Test func inverseGainIsSupremumOfSuperlevelSet() throws {
    let g = try MultiSlopePathGain(exponents: [0, 2.5, 4], breakpoints: [1, 10])
    for r in [1.5, 3.0, 9.9, 10, 12, 100] {
        let z = g.gain(atDistance: r)
        #expect(abs(g.inverse(z) - r) <= 1e-9 * r)
    }
    #expect(g.inverse(2) == 0)  // above g(0) = 1
    #expect(g.inverse(1) == 0)  // g(0) = 1 is never exceeded
    #expect(abs(g.inverse(1 - 1e-12) - 1) < 1e-9)  // just below the plateau: sup is the plateau's end
    #expect(g.inverse(0) == .infinity)
}

@Test func tailIntegralMatchesQuadratureAndDualSlopeMeanGain() throws {
    let g = try MultiSlopePathGain(exponents: [1.2, 2, 3, 4.5], breakpoints: [0.5, 2, 7])
    for a in [0.1, 0.5, 1.3, 2, 9.0] {
        let numeric = g.integrateOverDistance(from: a, absTol: 1e-14, relTol: 1e-12) { x in g.gain(atDistance: x) * x }
        #expect(abs(g.tailIntegral(from: a) - numeric.value) <= quadratureRelativeTolerance * numeric.value)
    }
    // m_g = 2π R_c^{2−α0}(1/(2−α0) + 1/(α1−2)) for the dual slope.
    let dual = try MultiSlopePathGain.dualSlope(nearExponent: 0.8, farExponent: 4, criticalDistance: 3)
    let expected = 2 * Double.pi * pow(3, 1.2) * (1 / 1.2 + 1 / 2.0)
    #expect(abs(dual.meanGainIntegral - expected) <= 1e-12 * expected)
    #expect(
        try MultiSlopePathGain.dualSlope(nearExponent: 2, farExponent: 4, criticalDistance: 1).meanGainIntegral
            == .infinity)
}

@Test func pathGainRejectsBadInput() {
    #expect(throws: DensificationError.lastExponentNotAboveTwo(value: 2)) {
        try MultiSlopePathGain.singleSlope(exponent: 2)
    }
    #expect(throws: DensificationError.lastExponentNotAboveTwo(value: 1.5)) {
        try MultiSlopePathGain.dualSlope(nearExponent: 1, farExponent: 1.5, criticalDistance: 1)
    }
    #expect(throws: DensificationError.exponentsDecreasing(index: 1)) {
        try MultiSlopePathGain(exponents: [3, 2.5, 4], breakpoints: [1, 2])
    }
    #expect(throws: DensificationError.invalidExponent(index: 0, value: -1)) {
        try MultiSlopePathGain(exponents: [-1, 4], breakpoints: [1])
    }
    #expect(throws: DensificationError.breakpointCountMismatch(expected: 1, got: 2)) {
        try MultiSlopePathGain(exponents: [2, 4], breakpoints: [1, 2])
    }
    #expect(throws: DensificationError.breakpointsNotIncreasing(index: 1)) {
        try MultiSlopePathGain(exponents: [1, 2, 4], breakpoints: [2, 2])
    }
    #expect(throws: DensificationError.breakpointsNotIncreasing(index: 0)) {
        try MultiSlopePathGain(exponents: [1, 4], breakpoints: [0])
    }
    #expect(throws: DensificationError.breakpointsNotIncreasing(index: 0)) {
        try MultiSlopePathGain(exponents: [1, 4], breakpoints: [.nan])
    }
    // Must succeed: α0 = 0, inner α = 2, equal consecutive exponents.
    #expect(throws: Never.self) { try MultiSlopePathGain(exponents: [0, 2, 2, 4], breakpoints: [1, 2, 3]) }
}

@Test func fadingMomentsMatchQuadratureOfTheLaw() throws {
    // E[h^s] for Gamma(m, 1/m) by direct quadrature of the density (independent of the Γ-ratio formula).
    for m in [0.5, 1, 3] {
        let law = try FadingModel.nakagami(m: m)
        for s in [0.5, 2.0 / 3.0, 1.7] {
            let q = Integration.integrate(from: 0, to: .infinity, absTol: 1e-14, relTol: 1e-12) { x in
                pow(x, s) * exp(m * log(m) + (m - 1) * log(x) - m * x - SpecialFunctions.logGamma(m))
            }
            #expect(abs(law.moment(order: s) - q.value) <= 1e-8 * q.value)
        }
    }
    // Log-normal: E[S] = 1 and E[S^s] = exp(σ²s(s−1)/2) through the 48-node Gauss–Hermite rule.
    let ln = try FadingModel.logNormal(sigmaDB: 8)
    let q = ln.shadowingQuadrature
    for s in [1.0, 0.5, 2] {
        let gh = zip(q.values, q.weights).map { pow($0, s) * $1 }.reduce(0, +)
        #expect(abs(gh - ln.moment(order: s)) <= 1e-9 * ln.moment(order: s))
    }
}

@Test func laplaceAndCharacteristicFunctionsAgreeWithClosedForms() throws {
    let rayleigh = FadingModel.rayleigh
    let nak1 = try FadingModel.nakagami(m: 1)
    for s in [0.0, 0.3, 2, 40] {
        #expect(abs(rayleigh.laplaceTransform(s) - 1 / (1 + s)) < 1e-15)
        #expect(abs(nak1.laplaceTransform(s) - 1 / (1 + s)) < 1e-14)
        let phi = nak1.characteristicFunction(s)
        let exact = 1 / (1 + s * s)
        #expect(abs(phi.real - exact) < 1e-14 && abs(phi.imaginary - s * exact) < 1e-14)
    }
    // Composite Rayleigh × log-normal: L_H(s) by Gauss–Hermite vs a direct quadrature over the normal variable.
    let composite = try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: 6)
    let sigma = 6 * M_LN10 / 10
    for s in [0.1, 1, 10] {
        let direct = Integration.integrate(from: -12, to: 12, absTol: 1e-14, relTol: 1e-12) { z in
            exp(-z * z / 2) / (2 * Double.pi).squareRoot() / (1 + s * exp(sigma * z - sigma * sigma / 2))
        }
        #expect(abs(composite.laplaceTransform(s) - direct.value) < 1e-8)
    }
}

@Test func fadingRejectsBadParameters() {
    #expect(throws: DensificationError.invalidNakagamiM(value: 0)) { try FadingModel.nakagami(m: 0) }
    #expect(throws: DensificationError.invalidNakagamiM(value: -2)) { try FadingModel.nakagami(m: -2) }
    #expect(throws: DensificationError.invalidNakagamiM(value: .infinity)) { try FadingModel.nakagami(m: .infinity) }
    #expect(throws: DensificationError.invalidShadowingSigma(value: -1)) { try FadingModel.logNormal(sigmaDB: -1) }
    #expect(throws: DensificationError.invalidShadowingSigma(value: .infinity)) {
        try FadingModel.logNormal(sigmaDB: .infinity)
    }
}
