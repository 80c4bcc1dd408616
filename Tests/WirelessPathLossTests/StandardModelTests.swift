import Foundation
import Testing
import WirelessCore

@testable import WirelessPathLoss

/// P.2109 reference values are quoted to 3 decimals; the tolerance is 0.01 dB (docs/PATHLOSS.md#test-tolerances).
private let p2109Tolerance = 0.01

@Test func p2109MatchesTheSpecReferenceValuesAt28GHz() throws {
    let cases: [(BuildingEntryLossP2109, Double, Double)] = [
        (.traditional, 1, 2.769), (.traditional, 10, 6.891), (.traditional, 50.11872, 20.218),
        (.thermallyEfficient, 1, 9.369), (.thermallyEfficient, 10, 19.484), (.thermallyEfficient, 50.11872, 41.732),
    ]
    for (model, p, expected) in cases {
        let value = try model.lossDB(frequency: .gigahertz(28), probabilityPercent: p)
        #expect(abs(value - expected) < p2109Tolerance, "\(model) p=\(p): \(value)")
    }
}

@Test func p2109IsNonDecreasingInProbabilityAndValidatesInputs() throws {
    for model in BuildingEntryLossP2109.allCases {
        var previous = -Double.infinity
        for p in stride(from: 0.5, through: 99.5, by: 0.5) {
            let value = try model.lossDB(frequency: .gigahertz(28), probabilityPercent: p, elevationDegrees: 10)
            #expect(value >= previous)
            previous = value
        }
        // |θ| enters: symmetric in the elevation sign.
        #expect(
            try model.lossDB(frequency: .gigahertz(28), probabilityPercent: 50, elevationDegrees: -20)
                == model.lossDB(frequency: .gigahertz(28), probabilityPercent: 50, elevationDegrees: 20))
    }
    #expect(throws: PathLossError.probabilityOutOfRange(value: 100)) {
        try BuildingEntryLossP2109.traditional.lossDB(frequency: .gigahertz(28), probabilityPercent: 100)
    }
    #expect(throws: PathLossError.probabilityOutOfRange(value: 0)) {
        try BuildingEntryLossP2109.traditional.lossDB(frequency: .gigahertz(28), probabilityPercent: 0)
    }
    #expect(throws: PathLossError.elevationOutOfRange(degrees: 91)) {
        try BuildingEntryLossP2109.traditional.lossDB(
            frequency: .gigahertz(28), probabilityPercent: 50, elevationDegrees: 91)
    }
    #expect(throws: PathLossError.frequencyOutOfRange(model: "ITU-R P.2109", frequencyGHz: 0.05, valid: 0.08...100)) {
        try BuildingEntryLossP2109.traditional.lossDB(frequency: .gigahertz(0.05), probabilityPercent: 50)
    }
}

@Test func o2iPenetrationMatchesAScalarOracle() throws {
    // Oracle: the TR 38.901 Table 7.4.3-1/-2 formulas written out longhand at fc = 28 GHz.
    let fc = 28.0
    let glass = 2 + 0.2 * fc
    let concrete = 5 + 4 * fc
    let irr17 = 23 + 0.3 * fc
    let irr19 = 25.4 + 0.11 * fc
    let lowOracle = 5 - 10 * log10(0.3 * pow(10, -glass / 10) + 0.7 * pow(10, -concrete / 10))
    let high17Oracle = 5 - 10 * log10(0.7 * pow(10, -irr17 / 10) + 0.3 * pow(10, -concrete / 10))
    let high19Oracle = 5 - 10 * log10(0.7 * pow(10, -irr19 / 10) + 0.3 * pow(10, -concrete / 10))
    let f = Frequency.gigahertz(fc)
    #expect(abs(try O2IBuildingPenetration(building: .lowLoss).throughWallLossDB(frequency: f) - lowOracle) < 1e-12)
    #expect(
        abs(
            try O2IBuildingPenetration(building: .highLoss, irrRelease: .r17).throughWallLossDB(frequency: f)
                - high17Oracle) < 1e-12)
    #expect(
        abs(
            try O2IBuildingPenetration(building: .highLoss, irrRelease: .r19).throughWallLossDB(frequency: f)
                - high19Oracle) < 1e-12)
    // Low-loss PL_tw does not depend on the IRR release.
    #expect(
        try O2IBuildingPenetration(building: .lowLoss, irrRelease: .r17).throughWallLossDB(frequency: f)
            == O2IBuildingPenetration(building: .lowLoss, irrRelease: .r19).throughWallLossDB(frequency: f))
    // Deterministic mean: PL_tw + 0.5·25/3.
    #expect(
        abs(
            try O2IBuildingPenetration(building: .lowLoss).meanPenetrationLossDB(frequency: f)
                - (lowOracle + 0.5 * 25 / 3)) < 1e-12)
    #expect(O2IBuildingPenetration(building: .highLoss).standardDeviationDB == 6.5)
    #expect(throws: PathLossError.frequencyOutOfRange(model: "TR 38.901 O2I", frequencyGHz: 0.4, valid: 0.5...100)) {
        try O2IBuildingPenetration(building: .lowLoss).throughWallLossDB(frequency: .gigahertz(0.4))
    }
}

@Test func indoorDistanceIsTheMinimumOfTwoUniforms() {
    // E[min(U1, U2)] = 25/3 for U(0, 25); 1e6 draws: SE ≈ 5.9/1000 m, tolerance 0.02 m
    // (docs/PATHLOSS.md#test-tolerances) ≈ 3.4 SE.
    var generator = Xoshiro256StarStar(seed: 38_901)
    let model = O2IBuildingPenetration(building: .lowLoss)
    var sum = 0.0
    let draws = 1_000_000
    for _ in 0..<draws { sum += model.sampleIndoorDistanceMeters(using: &generator) }
    #expect(abs(sum / Double(draws) - 25.0 / 3) < 0.02)
    #expect(model.meanIndoorDistanceMeters == 25.0 / 3)
}

@Test func umiStreetCanyonMatchesAScalarOracle() throws {
    let f = Frequency.gigahertz(28)
    let hBS = 10.0
    let hUT = 4.5
    let breakpoint = 4 * (hBS - 1) * (hUT - 1) * 28e9 / 299_792_458.0  // ≈ 11 767 m: LOS stays on the first segment
    for d2D in [20.0, 80, 300] {
        let d3D = (d2D * d2D + (hBS - hUT) * (hBS - hUT)).squareRoot()
        let los = 32.4 + 21 * log10(d3D) + 20 * log10(28)
        let nlos = max(los, 22.4 + 35.3 * log10(d3D) + 21.3 * log10(28) - 0.3 * (hUT - 1.5))
        let l = try ThreeGPPStreetPathLoss.urbanMicroStreetCanyon.basicLoss(
            distance3DMeters: d3D, distance2DMeters: d2D, frequency: f, baseStationHeightMeters: hBS,
            userHeightMeters: hUT,
            lineOfSight: true)
        let n = try ThreeGPPStreetPathLoss.urbanMicroStreetCanyon.basicLoss(
            distance3DMeters: d3D, distance2DMeters: d2D, frequency: f, baseStationHeightMeters: hBS,
            userHeightMeters: hUT,
            lineOfSight: false)
        #expect(d2D < breakpoint)
        #expect(abs(l.lossDB - los) < 1e-12)
        #expect(abs(n.lossDB - nlos) < 1e-12)
        #expect(n.shadowFadingStandardDeviationDB == 7.82)
    }
    // Beyond the breakpoint (low frequency shortens it): the second LOS segment.
    let f2 = Frequency.gigahertz(2)
    let bp2 = 4 * 9 * 3.5 * 2e9 / 299_792_458.0
    let d2D = 2 * bp2
    let d3D = (d2D * d2D + 5.5 * 5.5).squareRoot()
    let second = 32.4 + 40 * log10(d3D) + 20 * log10(2) - 9.5 * log10(bp2 * bp2 + 5.5 * 5.5)
    let value = try ThreeGPPStreetPathLoss.urbanMicroStreetCanyon.basicLoss(
        distance3DMeters: d3D, distance2DMeters: d2D, frequency: f2, baseStationHeightMeters: 10, userHeightMeters: 4.5,
        lineOfSight: true)
    #expect(abs(value.lossDB - second) < 1e-12)
    #expect(throws: PathLossError.parameterOutOfRange(name: "d2D", value: 5, valid: "10–5000 m")) {
        try ThreeGPPStreetPathLoss.urbanMicroStreetCanyon.basicLoss(
            distance3DMeters: 7, distance2DMeters: 5, frequency: f, baseStationHeightMeters: 10, userHeightMeters: 4.5,
            lineOfSight: true)
    }
    let flagged = try ThreeGPPStreetPathLoss.urbanMicroStreetCanyon.basicLoss(
        distance3DMeters: 7, distance2DMeters: 5, frequency: f, baseStationHeightMeters: 10, userHeightMeters: 4.5,
        lineOfSight: true, validity: .extrapolate)
    #expect(flagged.outOfValidity)
}
