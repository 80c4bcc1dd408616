import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

private let abgReference = 1 / (1 + Double.pi / 4)
private let strongestReference = 2 / Double.pi

@Test func equalExponentDualSlopeReducesToSingleSlope() throws {
    // α0 = α1 = 4 forces the generic multi-slope code paths; the values are the single-slope closed forms.
    let dual = try MultiSlopePathGain.dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1)
    let nearest = try NearestCellCoverage.rayleigh(
        density: 1, threshold: 1, pathGain: dual, fading: .rayleigh, noise: 0)
    #expect(abs(nearest.value - abgReference) < 1e-6)
    let strongest = try StrongestCellCoverage.mecke(
        density: 1, threshold: 1, pathGain: dual, fading: .rayleigh, noise: 0)
    #expect(abs(strongest.value - strongestReference) < 1e-6)
    // Generic nested Gil-Pelaez (r, u, x) vs the single-slope λ-free form, Nakagami m = 2, at a looser accuracy.
    let single = try MultiSlopePathGain.singleSlope(exponent: 4)
    let nakagami = try FadingModel.nakagami(m: 2)
    let a = try NearestCellCoverage.gilPelaez(density: 1, threshold: 1, pathGain: single, fading: nakagami, noise: 0)
    let b = try NearestCellCoverage.gilPelaez(
        density: 1, threshold: 1, pathGain: dual, fading: nakagami, noise: 0, accuracy: 1e-4)
    #expect(abs(a.value - b.value) < 1e-3)
}

@Test func lowDensityRecoversFarFieldSingleSlope() throws {
    // λR_1² = 1e-4: almost every relevant BS is in the far field (α1 = 4).
    for alpha0 in [0.0, 2, 4] {
        let g = try MultiSlopePathGain.dualSlope(nearExponent: alpha0, farExponent: 4, criticalDistance: 1)
        let nearest = try NearestCellCoverage.rayleigh(
            density: 1e-4, threshold: 1, pathGain: g, fading: .rayleigh, noise: 0)
        let strongest = try StrongestCellCoverage.mecke(
            density: 1e-4, threshold: 1, pathGain: g, fading: .rayleigh, noise: 0)
        #expect(abs(nearest.value - abgReference) < 1e-3)
        #expect(abs(strongest.value - strongestReference) < 1e-3)
    }
}

@Test func saturationRegimeTendsToSincLimitFromAbove() throws {
    let g = try MultiSlopePathGain.dualSlope(nearExponent: 3, farExponent: 4, criticalDistance: 1)
    let limit = SpecialFunctions.sinc(2.0 / 3.0)
    var previous = 1.0
    for lambda in [1e-1, 1e1, 1e3, 1e5] {
        let v = try StrongestCellCoverage.mecke(density: lambda, threshold: 1, pathGain: g, fading: .rayleigh, noise: 0)
            .value
        #expect(v < previous)
        previous = v
    }
    #expect(previous - limit >= 0 && previous - limit <= 1e-3, "P_c(1e5) = \(previous), limit \(limit)")
}

@Test func decayRegimeSlopesAndAsymptote() throws {
    let rayleigh = FadingModel.rayleigh
    // α0 = 0.8: secant slope on [1e2, 1e3] within ±0.03 of 1 − 2/α0 = −1.5, and exact/asymptote ∈ [0.95, 1.05].
    let g08 = try MultiSlopePathGain.dualSlope(nearExponent: 0.8, farExponent: 4, criticalDistance: 1)
    let a = try NearestCellCoverage.rayleigh(density: 1e2, threshold: 1, pathGain: g08, fading: rayleigh, noise: 0)
        .value
    let b = try NearestCellCoverage.rayleigh(density: 1e3, threshold: 1, pathGain: g08, fading: rayleigh, noise: 0)
        .value
    let slope08 = log(b / a) / log(10)
    #expect(abs(slope08 - (1 - 2 / 0.8)) <= 0.03, "slope \(slope08)")
    for (lambda, exact) in [(1e2, a), (1e3, b)] {
        let asymptote = try DensificationAsymptotics.decayCoverageAsymptote(
            density: lambda, threshold: 1, pathGain: g08, fading: rayleigh)
        #expect(exact / asymptote >= 0.95 && exact / asymptote <= 1.05, "λ=\(lambda): ratio \(exact / asymptote)")
    }
    // D_c = λP_c falls for α0 = 0.8 (α0 < 1).
    #expect(1e3 * b < 1e2 * a)
    // α0 = 1.5: slope on [1e3, 1e4] within ±0.03 of −1/3; D_c rises (α0 > 1).
    let g15 = try MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
    let c = try NearestCellCoverage.rayleigh(density: 1e3, threshold: 1, pathGain: g15, fading: rayleigh, noise: 0)
        .value
    let d = try NearestCellCoverage.rayleigh(density: 1e4, threshold: 1, pathGain: g15, fading: rayleigh, noise: 0)
        .value
    let slope15 = log(d / c) / log(10)
    #expect(abs(slope15 - (1 - 2 / 1.5)) <= 0.03, "slope \(slope15)")
    #expect(1e4 * d > 1e3 * c)
}

@Test func regimeClassifierTable() throws {
    #expect(
        try DensificationAsymptotics.classifyRegime(alpha0: 3, fadingTailIndex: .infinity)
            == .saturate(limitExponent: 3))
    guard
        case .decay(let pc15, _, let dc15, _) = try DensificationAsymptotics.classifyRegime(
            alpha0: 1.5, fadingTailIndex: .infinity)
    else {
        Issue.record("α0 = 1.5 is not decay")
        return
    }
    #expect(abs(pc15 + 1.0 / 3) < 1e-12 && abs(dc15 - 2.0 / 3) < 1e-12)
    guard
        case .decay(let pc08, let r08, let dc08, let ase08) = try DensificationAsymptotics.classifyRegime(
            alpha0: 0.8, fadingTailIndex: .infinity)
    else {
        Issue.record("α0 = 0.8 is not decay")
        return
    }
    #expect(abs(pc08 + 1.5) < 1e-12 && abs(dc08 + 0.5) < 1e-12)
    #expect(abs(r08 - (0.4 - 1)) < 1e-12 && abs(ase08 - 0.4) < 1e-12)
    #expect(try DensificationAsymptotics.classifyRegime(alpha0: 2, fadingTailIndex: .infinity) == .decayLogarithmic)
    #expect(try DensificationAsymptotics.classifyRegime(alpha0: 0, fadingTailIndex: .infinity) == .decaySuperPolynomial)
    #expect(try DensificationAsymptotics.classifyRegime(alpha0: 1.2, fadingTailIndex: 0) == .increase)
    #expect(try DensificationAsymptotics.classifyRegime(alpha0: 0, fadingTailIndex: 0.5) == .saturate(limitExponent: 4))
    #expect(throws: DensificationError.invalidTailIndex(value: -1)) {
        try DensificationAsymptotics.classifyRegime(alpha0: 1, fadingTailIndex: -1)
    }
    #expect(throws: DensificationError.invalidExponent(index: 0, value: .infinity)) {
        try DensificationAsymptotics.classifyRegime(alpha0: .infinity, fadingTailIndex: 1)
    }
    let g0 = try MultiSlopePathGain.dualSlope(nearExponent: 0, farExponent: 4, criticalDistance: 1)
    #expect(throws: DensificationError.nearFieldExponentNotPositive(value: 0)) {
        try DensificationAsymptotics.decayCoverageAsymptote(density: 1, threshold: 1, pathGain: g0, fading: .rayleigh)
    }
}

@Test func rayleighInterferenceClosedFormMatchesQuadrature() throws {
    // Segment closed form (₂F₁ antiderivatives either side of w = 1) vs adaptive quadrature in ln y.
    for alpha in [0.0, 0.8, 1.5, 2, 2.5, 3, 4, 6] {
        for c in [1e-6, 0.3, 1, 50, 1e8] {
            for (a, b) in [(0.0, 1.0), (0.01, 3.0), (2.0, 50.0), (1.0, Double.infinity)] {
                if b.isInfinite && alpha <= 2 { continue }
                let numeric = Integration.integrate(
                    from: a == 0 ? -.infinity : log(a), to: b.isInfinite ? .infinity : log(b), absTol: 0, relTol: 1e-12
                ) { t in
                    let y = exp(t)
                    return y * y / (1 + pow(y, alpha) / c)
                }
                guard let exact = RayleighInterferenceIntegral.segment(from: a, to: b, exponent: alpha, c: c) else {
                    Issue.record("no closed form for α=\(alpha)")
                    continue
                }
                #expect(
                    abs(exact - numeric.value) <= 1e-9 * abs(numeric.value) + 1e-300,
                    "α=\(alpha) c=\(c) [\(a),\(b)]: \(exact) vs \(numeric.value)")
            }
        }
    }
}

@Test func peakDensityBeatsAFineGrid() throws {
    // Nearest BS, Rayleigh, α0 = 1.5, α1 = 4, W = 1e-3: noise-limited rise, then near-field decay.
    let g = try MultiSlopePathGain.dualSlope(nearExponent: 1.5, farExponent: 4, criticalDistance: 1)
    let scenario = try DensificationScenario(pathGain: g, fading: .rayleigh, association: .nearest, noise: 1e-3)
    let peak = try scenario.peakDensity(threshold: 1, lowerDensity: 1e-3, upperDensity: 1e1)
    #expect(peak.density > 1e-3 && peak.density < 1e1)
    var gridMax = 0.0
    for i in 0...64 {
        gridMax = max(gridMax, try scenario.coverage(density: pow(10, -3 + Double(i) / 16), threshold: 1).value)
    }
    #expect(peak.coverage >= gridMax - 1e-9)
    #expect(peak.coverage - gridMax < 1e-3)
    #expect(throws: DensificationError.invalidSweep(reason: "λ_max ≤ λ_min")) {
        try scenario.peakDensity(threshold: 1, lowerDensity: 1, upperDensity: 1)
    }
}
