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

/// Central differences with step h have truncation error O(h²·ℓ''') and rounding error O(ε·|ℓ|/h); with
/// |ℓ| ~ 1e2 and h = 1e-5 both are below ~1e-7, so 1e-6 relative (to max(1, |value|)) cannot be met by a wrong formula.
private let finiteDifferenceStep = 1e-5
private let finiteDifferenceTolerance = 1e-6

@Test func tobitLogLikelihoodGradientAndHessianMatchFiniteDifferences() {
    // Mixed data (3 censored of 12), evaluated away from the optimum so every term of ∇ℓ and ∇²ℓ is non-zero.
    let d: [Double] = [10, 14, 20, 28, 40, 55, 75, 100, 140, 200, 280, 400]
    let x = d.map { -10 * log10($0) }
    let y: [Double] = [-88, -95, -96, -104, -108, -113, -117, -121, -127, -128, -128, -128]
    // The last three links sit at the detection floor −128 dB and are censored.
    let censoredFlags = y.map { $0 == -128 }
    #expect(censoredFlags.filter { $0 }.count == 3)
    for theta in [[-60.0, 2.7, log(4.0)], [-55, 3.4, log(9.0)], [-70, 2.0, log(2.5)]] {
        let state = CensoredFit.evaluate(theta, x: x, y: y, censored: censoredFlags)
        let h = finiteDifferenceStep
        for a in 0..<3 {
            var plus = theta
            var minus = theta
            plus[a] += h
            minus[a] -= h
            let up = CensoredFit.evaluate(plus, x: x, y: y, censored: censoredFlags)
            let down = CensoredFit.evaluate(minus, x: x, y: y, censored: censoredFlags)
            // Gradient: from ℓ alone.
            let numericGradient = (up.logLikelihood - down.logLikelihood) / (2 * h)
            #expect(
                abs(numericGradient - state.gradient[a]) < finiteDifferenceTolerance * max(1, abs(state.gradient[a])),
                "∂ℓ/∂θ\(a) at \(theta)")
            // Hessian column a: from the analytic gradient (checked above), a second route.
            for b in 0..<3 {
                let numericHessian = (up.gradient[b] - down.gradient[b]) / (2 * h)
                let analytic = state.hessian[b + 3 * a]
                #expect(
                    abs(numericHessian - analytic) < finiteDifferenceTolerance * max(1, abs(analytic)),
                    "∂²ℓ/∂θ\(b)∂θ\(a) at \(theta)")
            }
        }
    }
}

@Test func millsRatioAndLogNormalCDFMatchDirectEvaluation() {
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
