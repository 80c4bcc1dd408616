import Foundation
import Testing

@testable import WirelessPathLoss

/// Every constructor fed bad arguments (house style: the `config` test): each must throw a typed
/// `PathLossError`, never hang, trap or silently truncate.

private let distances: [Double] = (1...40).map { 5 * Double($0) }
private let gains: [Double] = distances.map {
    -60 - 25 * log10($0) + ($0.truncatingRemainder(dividingBy: 10) == 0 ? 1 : -1)
}

private func withNaN(_ values: [Double], at index: Int = 7) -> [Double] {
    var copy = values
    copy[index] = .nan
    return copy
}

@Test func fitsRejectNonFiniteGains() {
    for bad in [
        withNaN(gains),
        {
            var g = gains
            g[3] = .infinity
            return g
        }(),
    ] {
        #expect(throws: PathLossError.nonFiniteData(name: "pathGainsDB")) {
            try FloatingInterceptFit(distancesMeters: distances, pathGainsDB: bad)
        }
        #expect(throws: PathLossError.nonFiniteData(name: "pathGainsDB")) {
            try CloseInFit(distancesMeters: distances, pathGainsDB: bad)
        }
        #expect(throws: PathLossError.nonFiniteData(name: "pathGainsDB")) {
            try DualSlopeFit(distancesMeters: distances, pathGainsDB: bad)
        }
        #expect(throws: PathLossError.nonFiniteData(name: "pathGainsDB")) {
            try CensoredFit(
                distancesMeters: distances, pathGainsDB: bad, censored: distances.map { $0 > 150 })
        }
    }
}

@Test func fitsRejectUnequalArrays() {
    let short = Array(gains.dropLast())
    let mismatch = PathLossError.dimensionMismatch(name: "pathGainsDB", expected: 40, got: 39)
    #expect(throws: mismatch) { try FloatingInterceptFit(distancesMeters: distances, pathGainsDB: short) }
    #expect(throws: mismatch) { try CloseInFit(distancesMeters: distances, pathGainsDB: short) }
    #expect(throws: mismatch) { try DualSlopeFit(distancesMeters: distances, pathGainsDB: short) }
    #expect(throws: PathLossError.dimensionMismatch(name: "censored", expected: 40, got: 2)) {
        try CensoredFit(distancesMeters: distances, pathGainsDB: gains, censored: [false, true])
    }
}

@Test(arguments: [0.0, -0.01, Double.nan, Double.infinity])
func dualSlopeRejectsBadGridStepsInsteadOfLoopingForever(step: Double) {
    #expect(throws: PathLossError.self) {
        try DualSlopeFit(distancesMeters: distances, pathGainsDB: gains, gridStepDecades: step)
    }
}

@Test func censoredFitChecksCensoredDistancesToo() {
    // The only bad distance is on a censored row (it used to enter the likelihood as log10 of a negative).
    var d = distances
    d[39] = -5
    let censored = (0..<40).map { $0 >= 35 }
    #expect(throws: PathLossError.self) { try CensoredFit(distancesMeters: d, pathGainsDB: gains, censored: censored) }
    d[39] = 0.5  // below d0 = 1 m
    #expect(throws: PathLossError.distanceBelowReference(distanceMeters: 0.5, referenceMeters: 1)) {
        try CensoredFit(distancesMeters: d, pathGainsDB: gains, censored: censored)
    }
    #expect(throws: PathLossError.self) {
        try CensoredFit(distancesMeters: distances, pathGainsDB: gains, censored: censored, maximumIterations: 0)
    }
}

@Test func fixedSlopeOffsetsRejectANonFiniteSuppliedSlope() throws {
    var links: [PathLossLink] = []
    for (i, (d, g)) in zip(distances, gains).enumerated() {
        var link = PathLossLink(distanceMeters: d, pathGainDB: g)
        link.glassType = i % 2 == 0 ? .lowLoss : .highLoss
        links.append(link)
    }
    let campaign = PathLossCampaign(links: links, isSynthetic: false, source: "t")
    _ = try FixedSlopeOffsets(campaign: campaign, groupBy: .glassType, slope: .supplied(2))
    for bad in [Double.nan, .infinity] {
        #expect(throws: PathLossError.nonFiniteData(name: "slope")) {
            try FixedSlopeOffsets(campaign: campaign, groupBy: .glassType, slope: .supplied(bad))
        }
    }
}

@Test func bootstrapRejectsBadConfidenceLevelsInsteadOfTrapping() throws {
    let (campaign, _) = try SyntheticCampaignGenerator().generate()
    let reference = try FeatureRegression(campaign: campaign)
    for level in [0.0, 1.0, 1.5, -0.1, Double.nan] {
        #expect(throws: PathLossError.self) {
            try FeatureEffectBootstrap(
                campaign: campaign, reference: reference, resamples: 2, seed: 1, confidenceLevel: level)
        }
    }
}

@Test func azimuthScansRejectUnequalArrays() {
    #expect(throws: PathLossError.dimensionMismatch(name: "rxPowersDBm", expected: 3, got: 2)) {
        try AzimuthScan.scans(linkIDs: ["a", "a", "a"], azimuthsDegrees: [0, 120, 240], rxPowersDBm: [-60, -61])
    }
    #expect(throws: PathLossError.dimensionMismatch(name: "azimuthsDegrees", expected: 3, got: 4)) {
        try AzimuthScan.scans(
            linkIDs: ["a", "a", "a"], azimuthsDegrees: [0, 90, 180, 270], rxPowersDBm: [-60, -61, -62])
    }
}

@Test func nrOverheadMustLieInTheUnitInterval() throws {
    for overhead in [1.0, 1.5, -0.1, Double.nan] {
        #expect(throws: PathLossError.self) {
            try CoverageAnalysis(mapping: .nrTable(.cqiTable2, overhead: overhead))
        }
    }
    _ = try CoverageAnalysis(mapping: .nrTable(.cqiTable2, overhead: 0.14))
}

@Test func indoorDistanceMustBeNonNegative() throws {
    let model = O2IBuildingPenetration(building: .lowLoss)
    for bad in [-1.0, .nan, .infinity] {
        #expect(throws: PathLossError.self) {
            try model.meanPenetrationLossDB(frequency: .gigahertz(28), indoorDistanceMeters: bad)
        }
    }
    let atZero = try model.meanPenetrationLossDB(frequency: .gigahertz(28), indoorDistanceMeters: 0)
    #expect(atZero == (try model.throughWallLossDB(frequency: .gigahertz(28))))
}
