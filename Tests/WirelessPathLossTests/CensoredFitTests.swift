import Foundation
import Testing
import WirelessCore

@testable import WirelessPathLoss

@Test func censoredFitWithoutCensoringEqualsOLS() throws {
    var generator = Xoshiro256StarStar(seed: 11)
    let d = (0..<60).map { _ in 10 * pow(20, generator.nextUnitDouble()) }
    let g = d.map { -65 - 27 * log10($0) + 5 * NormalDistribution.standard.sample(using: &generator) }
    let ols = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
    let tobit = try CensoredFit(distancesMeters: d, pathGainsDB: g, censored: [Bool](repeating: false, count: d.count))
    // Newton stops at |Δθ| < 1e-8.
    #expect(abs(tobit.intercept.estimate - ols.intercept.estimate) < 1e-6)
    #expect(abs(tobit.pathLossExponent.estimate - ols.pathLossExponent.estimate) < 1e-7)
    #expect(abs(tobit.sigma.estimate - ols.rmsErrorDB) < 1e-7)
}

@Test func censoredFitRecoversParametersWhereDroppingCensoredRowsIsBiased() throws {
    var generator = Xoshiro256StarStar(seed: 2024)
    let count = 1500
    let sigma = 8.0
    let floorDB = -125.0
    var d: [Double] = []
    var g: [Double] = []
    var c: [Bool] = []
    for _ in 0..<count {
        let distance = 10 * pow(30, generator.nextUnitDouble())
        let gain = -62 - 30 * log10(distance) + sigma * NormalDistribution.standard.sample(using: &generator)
        d.append(distance)
        g.append(max(gain, floorDB))
        c.append(gain < floorDB)
    }
    let censoredFraction = Double(c.filter { $0 }.count) / Double(count)
    #expect(censoredFraction > 0.1)
    let tobit = try CensoredFit(distancesMeters: d, pathGainsDB: g, censored: c)
    var keptD: [Double] = []
    var keptG: [Double] = []
    for i in 0..<count where !c[i] {
        keptD.append(d[i])
        keptG.append(g[i])
    }
    let dropped = try FloatingInterceptFit(distancesMeters: keptD, pathGainsDB: keptG)
    // ML is consistent: within 4 of its own SEs of the truth; dropping censored rows flattens the slope.
    #expect(abs(tobit.pathLossExponent.estimate - 3) < 4 * tobit.pathLossExponent.standardError)
    #expect(abs(tobit.intercept.estimate + 62) < 4 * tobit.intercept.standardError)
    #expect(abs(tobit.sigma.estimate - sigma) < 4 * tobit.sigma.standardError)
    #expect(abs(dropped.pathLossExponent.estimate - 3) > 8 * dropped.pathLossExponent.standardError)
    #expect(dropped.pathLossExponent.estimate < tobit.pathLossExponent.estimate)
}

@Test func censoredFitReportsNonConvergence() {
    let d: [Double] = [10, 20, 30, 40, 50, 60]
    let g: [Double] = [-90, -95, -99, -101, -120, -120]
    #expect(throws: PathLossError.notConverged(iterations: 1)) {
        try CensoredFit(
            distancesMeters: d, pathGainsDB: g, censored: [false, false, false, false, true, true], maximumIterations: 1
        )
    }
}

@Test func censoredLogLikelihoodGradientMatchesFiniteDifferences() {
    // The Mills ratio and log Φ helper against direct evaluation where Φ is not tiny.
    for z in [-5.0, -1.3, 0, 0.7, 3] {
        let (logPhi, lambda) = CensoredFit.logNormalCDFAndMillsRatio(z)
        let phi = SpecialFunctions.normalCDF(z)
        #expect(abs(logPhi - log(phi)) < 1e-12)
        #expect(abs(lambda - SpecialFunctions.normalPDF(z) / phi) < 1e-10 * max(1, lambda))
        // d/dz log Φ(z) = λ(z), checked by central differences.
        let h = 1e-5
        let numeric =
            (CensoredFit.logNormalCDFAndMillsRatio(z + h).0 - CensoredFit.logNormalCDFAndMillsRatio(z - h).0) / (2 * h)
        #expect(abs(numeric - lambda) < 1e-6)
    }
    // Far tail: λ(z) ≈ −z for z → −∞.
    #expect(abs(CensoredFit.logNormalCDFAndMillsRatio(-40).1 - 40.025) < 0.01)
}
