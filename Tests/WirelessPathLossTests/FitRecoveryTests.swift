import Foundation
import Testing
import WirelessCore

@testable import WirelessPathLoss

/// Closed-form (noiseless) recoveries: round-off only (docs/PATHLOSS.md#test-tolerances: 1e-9).
private let closedFormTolerance = 1e-9
private let fiveDistances: [Double] = [10, 20, 50, 100, 200]

@Test func floatingInterceptRecoversANoiselessLine() throws {
    let gains = fiveDistances.map { -60 - 25 * log10($0) }
    let fit = try FloatingInterceptFit(distancesMeters: fiveDistances, pathGainsDB: gains)
    #expect(abs(fit.intercept.estimate + 60) < closedFormTolerance)
    #expect(abs(fit.pathLossExponent.estimate - 2.5) < closedFormTolerance)
    #expect(fit.rmsErrorDB < closedFormTolerance)
}

@Test func closeInRecoversANoiselessExponent() throws {
    let anchor = FreeSpacePathLoss.exact.lossDB(distanceMeters: 1, frequency: .gigahertz(28))
    let gains = fiveDistances.map { -(anchor + 30 * log10($0)) }
    let fit = try CloseInFit(distancesMeters: fiveDistances, pathGainsDB: gains)
    #expect(abs(fit.pathLossExponent.estimate - 3) < closedFormTolerance)
    #expect(fit.rmsErrorDB < closedFormTolerance)
}

@Test func plusMinusTwoResidualsGiveTheSpecSigmas() throws {
    // Each distance twice, residuals +2 and −2 around the FI line / CI line.
    var d: [Double] = []
    var fiGains: [Double] = []
    var ciGains: [Double] = []
    let anchor = FreeSpacePathLoss.exact.lossDB(distanceMeters: 1, frequency: .gigahertz(28))
    for x in fiveDistances {
        for e in [2.0, -2.0] {
            d.append(x)
            fiGains.append(-60 - 25 * log10(x) + e)
            ciGains.append(-(anchor + 30 * log10(x)) + e)
        }
    }
    let fi = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: fiGains)
    #expect(abs(fi.rmsErrorDB - 2) < closedFormTolerance)
    #expect(abs(fi.residualStandardErrorDB - 2 * (10.0 / 8).squareRoot()) < closedFormTolerance)
    #expect(abs(fi.pathLossExponent.estimate - 2.5) < closedFormTolerance)
    let ci = try CloseInFit(distancesMeters: d, pathGainsDB: ciGains)
    #expect(abs(ci.rmsErrorDB - 2) < closedFormTolerance)

    // Standard errors against the textbook formulas, computed independently here.
    let x = d.map { 10 * log10($0) }
    let n = Double(x.count)
    let xBar = x.reduce(0, +) / n
    let sxx = x.reduce(0) { $0 + ($1 - xBar) * ($1 - xBar) }
    let sigma = 2 * (10.0 / 8).squareRoot()
    #expect(abs(fi.pathLossExponent.standardError - sigma / sxx.squareRoot()) < closedFormTolerance)
    #expect(abs(fi.intercept.standardError - sigma * (1 / n + xBar * xBar / sxx).squareRoot()) < closedFormTolerance)
    // t_{0.975, 8} = 2.306004135033371.
    let half = fi.pathLossExponent.confidenceInterval.upper - fi.pathLossExponent.estimate
    #expect(abs(half - 2.306004135033371 * fi.pathLossExponent.standardError) < 1e-8)
    // CI-with-offset view: L_x = −A − FSPL(1 m), Δn = n − 2.
    let view = fi.closeInWithOffset()
    #expect(abs(view.offsetDB - (60 - anchor)) < closedFormTolerance)
    #expect(abs(view.exponentDelta - 0.5) < closedFormTolerance)
}

@Test func seededNoisyFloatingInterceptIsWithinBoundsDerivedFromN() throws {
    var generator = Xoshiro256StarStar(seed: 7)
    let count = 400
    let sigma = 8.0
    var d: [Double] = []
    var g: [Double] = []
    for _ in 0..<count {
        let distance = 10 * pow(30, generator.nextUnitDouble())
        d.append(distance)
        g.append(-70 - 28 * log10(distance) + sigma * NormalDistribution.standard.sample(using: &generator))
    }
    let fit = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
    // Theoretical SEs from the design (σ known): 4 SE is a 6e-5 two-sided miss probability.
    let x = d.map { 10 * log10($0) }
    let xBar = x.reduce(0, +) / Double(count)
    let sxx = x.reduce(0) { $0 + ($1 - xBar) * ($1 - xBar) }
    #expect(abs(fit.pathLossExponent.estimate - 2.8) < 4 * sigma / sxx.squareRoot())
    #expect(abs(fit.intercept.estimate + 70) < 4 * sigma * (1 / Double(count) + xBar * xBar / sxx).squareRoot())
    // RMSE tolerance 3σ/sqrt(2N) (docs/PATHLOSS.md#test-tolerances).
    #expect(abs(fit.rmsErrorDB - sigma) < 3 * sigma / (2 * Double(count)).squareRoot())
    #expect(fit.pathLossExponent.confidenceInterval.contains(2.8))
}

@Test func dualSlopeRecoversANoiselessBrokenLineAndReducesToOneSlope() throws {
    let d = (0..<120).map { 10 * pow(10, Double($0) / 119 * 1.5) }  // 10 m … 316 m
    // The grid starts at the type-7 10th percentile of log10 d: h = 119·0.1 = 11.9, between i = 11 and 12,
    // i.e. 1 + 1.5·11.9/119 = 1.15; log10 d_BP = 1.8 = 1.15 + 65·0.01 lies on the grid (no data point there).
    let breakpoint = pow(10, 1.8)
    let gains = d.map { -50 - 20 * log10($0) - 20 * max(0, log10($0 / breakpoint)) }  // n1 = 2, n2 = 4
    let fit = try DualSlopeFit(distancesMeters: d, pathGainsDB: gains)
    // Noiseless data with the breakpoint on the grid: exact recovery up to rounding (grid point 1.15 + 0.65
    // may differ from 1.8 by an ulp or two, which moves the exponents by ~1e-14).
    #expect(abs(log10(fit.breakpointMeters) - 1.8) < closedFormTolerance)
    #expect(abs(fit.nearExponent.estimate - 2) < closedFormTolerance)
    #expect(abs(fit.farExponent.estimate - 4) < closedFormTolerance)
    #expect(abs(fit.intercept.estimate + 50) < closedFormTolerance)
    #expect(fit.rmsErrorDB < 1e-8)
    #expect(fit.standardErrorsConditionalOnBreakpoint)

    let single = d.map { -50 - 27 * log10($0) }
    let one = try DualSlopeFit(distancesMeters: d, pathGainsDB: single)
    #expect(abs(one.nearExponent.estimate - 2.7) < closedFormTolerance)
    #expect(abs(one.farExponent.estimate - 2.7) < closedFormTolerance)
    #expect(one.rmsErrorDB < 1e-8)
}

@Test func alphaBetaGammaAndCloseInFrequencyRecoverNoiselessParameters() throws {
    var d: [Double] = []
    var f: [Double] = []
    var abg: [Double] = []
    var cif: [Double] = []
    let f0 = (28.0 + 38 + 73) / 3
    for freq in [28.0, 38, 73] {
        for x in fiveDistances {
            d.append(x)
            f.append(freq)
            abg.append(-(10 * 3.1 * log10(x) + 19.5 + 10 * 2.2 * log10(freq)))
            let fspl = FreeSpacePathLoss.exact.lossDB(distanceMeters: 1, frequency: .gigahertz(freq))
            cif.append(-(fspl + 10 * 2.9 * (1 + 0.07 * (freq - f0) / f0) * log10(x)))
        }
    }
    let a = try AlphaBetaGammaFit(distancesMeters: d, frequenciesGHz: f, pathGainsDB: abg)
    #expect(abs(a.alpha.estimate - 3.1) < closedFormTolerance)
    #expect(abs(a.beta.estimate - 19.5) < 1e-8)
    #expect(abs(a.gamma.estimate - 2.2) < closedFormTolerance)
    let c = try CloseInFrequencyFit(distancesMeters: d, frequenciesGHz: f, pathGainsDB: cif)
    #expect(abs(c.pathLossExponent.estimate - 2.9) < closedFormTolerance)
    #expect(abs(c.frequencySlope.estimate - 0.07) < closedFormTolerance)
    #expect(abs(c.referenceFrequencyGHz - f0) < closedFormTolerance)
    #expect(throws: PathLossError.insufficientFrequencies) {
        try AlphaBetaGammaFit(
            distancesMeters: fiveDistances, frequenciesGHz: [28, 28, 28, 28, 28], pathGainsDB: [1, 2, 3, 4, 5])
    }
    #expect(throws: PathLossError.insufficientFrequencies) {
        try CloseInFrequencyFit(
            distancesMeters: fiveDistances, frequenciesGHz: [28, 28, 28, 28, 28], pathGainsDB: [1, 2, 3, 4, 5])
    }
}

private func noiselessCampaign() -> PathLossCampaign {
    // 8 scenarios, features varied so the design is full rank; PG = −55 − 26 log d − Σ L x.
    var links: [PathLossLink] = []
    let designs: [(GlassType, Bool, Bool, Bool, Int)] = [
        (.lowLoss, false, false, false, 1), (.lowLoss, true, false, false, 2), (.lowLoss, false, true, true, 3),
        (.lowLoss, true, true, false, 1), (.highLoss, false, false, true, 2), (.highLoss, true, false, false, 3),
        (.highLoss, false, true, false, 1), (.highLoss, true, true, true, 2),
    ]
    for (s, design) in designs.enumerated() {
        for k in 0..<12 {
            let d = 20 + Double(k) * 15 + Double(s) * 3
            let loss =
                (design.0 == .highLoss ? 20.0 : 0) + (design.1 ? 7 : 0) + (design.2 ? 6 : 0) + (design.3 ? 8 : 0)
                + [0.0, 3, 6][design.4 - 1]
            links.append(
                PathLossLink(
                    distanceMeters: d, pathGainDB: -55 - 26 * log10(d) - loss, scenarioID: "S\(s)",
                    buildingID: "B\(s / 2)",
                    glassType: design.0, scaffolding: design.1, foliage: design.2, elevatedSubway: design.3,
                    floor: design.4))
        }
    }
    return PathLossCampaign(links: links, isSynthetic: true, source: "test")
}

@Test func featureRegressionRecoversNoiselessEffects() throws {
    let campaign = noiselessCampaign()
    let fit = try FeatureRegression(campaign: campaign, covariance: .classical)
    let expected: [String: Double] = [
        "high_loss": 20, "scaffolding": 7, "foliage": 6, "elevated_subway": 8, "floor_2": 3, "floor_3": 6,
    ]
    for (name, value) in expected {
        #expect(abs(fit.effect(named: name)!.estimate - value) < 1e-8, "\(name)")
    }
    #expect(abs(fit.pathLossExponent.estimate - 2.6) < 1e-9)
    #expect(abs(fit.intercept.estimate + 55) < 1e-8)
}

@Test func featureRegressionNamesConstantOrCollinearColumns() {
    var campaign = noiselessCampaign()
    for i in campaign.links.indices { campaign.links[i].foliage = false }
    #expect(throws: PathLossError.rankDeficient(columns: ["foliage"])) {
        try FeatureRegression(campaign: campaign, covariance: .classical)
    }
}

@Test func fixedSlopeOffsetsRecoverAnImposedDifference() throws {
    var links: [PathLossLink] = []
    for (k, d) in [15.0, 30, 45, 60, 90, 120, 150, 200].enumerated() {
        links.append(PathLossLink(distanceMeters: d, pathGainDB: -60 - 25 * log10(d), glassType: .lowLoss))
        links.append(
            PathLossLink(
                distanceMeters: d * 1.1 + Double(k), pathGainDB: -60 - 25 * log10(d * 1.1 + Double(k)) - 17.5,
                glassType: .highLoss))
    }
    let campaign = PathLossCampaign(links: links, isSynthetic: false, source: "test")
    let joint = try FixedSlopeOffsets(campaign: campaign, groupBy: .glassType, referenceGroup: "low_loss")
    let high = joint.offsets.first { $0.group == "high_loss" }!
    #expect(abs(high.impact.estimate - 17.5) < 1e-8)
    #expect(abs(joint.pathLossExponent.estimate - 2.5) < 1e-9)
    let supplied = try FixedSlopeOffsets(
        campaign: campaign, groupBy: .glassType, referenceGroup: "low_loss", slope: .supplied(2.5))
    #expect(abs(supplied.offsets.first { $0.group == "high_loss" }!.impact.estimate - 17.5) < 1e-8)
}

@Test func groupGapAveragesOverTheCommonRange() throws {
    let d1: [Double] = [10, 20, 40, 80, 160]
    let d2: [Double] = [30, 60, 120, 240, 480]
    let g1 = try FloatingInterceptFit(distancesMeters: d1, pathGainsDB: d1.map { -60 - 20 * log10($0) })
    let g2 = try FloatingInterceptFit(distancesMeters: d2, pathGainsDB: d2.map { -70 - 30 * log10($0) })
    // Δ(d) = 10 + 10·log10 d on [30, 160]; independent numeric average by the midpoint rule.
    let steps = 200_000
    var sum = 0.0
    for k in 0..<steps {
        let d = 30 + (Double(k) + 0.5) / Double(steps) * 130
        sum += 10 + 10 * log10(d)
    }
    #expect(abs(try GroupFits.gapDB(g1, g2) - sum / Double(steps)) < 1e-6)
    let far = try FloatingInterceptFit(distancesMeters: [500, 600, 700], pathGainsDB: [-1, -2, -3])
    #expect(throws: PathLossError.noCommonDistanceRange) { try GroupFits.gapDB(g1, far) }
}

@Test func equalCountBinWeightingEqualsOLS() throws {
    // One link per 0.1-decade bin: all weights are 1.
    let d = (0..<12).map { pow(10, 1.05 + 0.1 * Double($0)) }
    let g = d.enumerated().map { -60 - 24 * log10($1) + ($0 % 2 == 0 ? 1.5 : -1.0) }
    let ols = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
    let wls = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g, weighting: .distanceBins(widthDecades: 0.1))
    #expect(abs(ols.pathLossExponent.estimate - wls.pathLossExponent.estimate) < closedFormTolerance)
    #expect(abs(ols.intercept.estimate - wls.intercept.estimate) < closedFormTolerance)
    #expect(abs(ols.pathLossExponent.standardError - wls.pathLossExponent.standardError) < closedFormTolerance)
}

@Test func binWeightingStopsADenseClusterFromSettingTheSlope() throws {
    // A dense cluster at 100 m sitting 10 dB above the line pulls OLS; bin weighting limits it to one bin's weight.
    var d: [Double] = (0..<10).map { pow(10, 1.05 + 0.15 * Double($0)) }
    var g = d.map { -60 - 30 * log10($0) }
    for k in 0..<200 {
        let x = 100 * (1 + 0.001 * Double(k % 5))
        d.append(x)
        g.append(-60 - 30 * log10(x) + 10)
    }
    let ols = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
    let wls = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g, weighting: .distanceBins(widthDecades: 0.1))
    #expect(abs(wls.pathLossExponent.estimate - 3) < abs(ols.pathLossExponent.estimate - 3))
}

@Test func meanLineBandMatchesTheTextbookFormula() throws {
    let d: [Double] = [10, 15, 30, 45, 80, 120, 200]
    let g: [Double] = [-80, -86, -92, -93, -101, -103, -110]
    let fit = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g, confidenceLevel: 0.9)
    let x = d.map { 10 * log10($0) }
    let xBar = x.reduce(0, +) / 7
    let sxx = x.reduce(0) { $0 + ($1 - xBar) * ($1 - xBar) }
    let x0 = 10 * log10(60.0)
    // t_{0.95, 5} = 2.015048372669157.
    let expected =
        2.015048372669157 * fit.residualStandardErrorDB * (1.0 / 7 + (x0 - xBar) * (x0 - xBar) / sxx).squareRoot()
    #expect(abs(fit.meanLineHalfWidthDB(distanceMeters: 60) - expected) < 1e-8)
}
