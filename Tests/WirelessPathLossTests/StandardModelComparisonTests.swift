import Foundation
import Testing
import WirelessCore

@testable import WirelessPathLoss

@Test func comparisonScoresEachModelAgainstDataGeneratedByIt() throws {
    let options = StandardModelComparison.Options()
    var links: [PathLossLink] = []
    for (k, d) in [25.0, 40, 60, 90, 130, 180].enumerated() {
        let glass: GlassType = k % 2 == 0 ? .lowLoss : .highLoss
        links.append(
            PathLossLink(distanceMeters: d, pathGainDB: 0, glassType: glass, floor: 1 + k % 3, lineOfSight: false))
    }
    // Data = the TR 38.901 mean per link: that row scores RMSE 0; free space is off by a positive loss.
    var o2i = links
    for i in o2i.indices { o2i[i].pathGainDB = StandardModelComparison.threeGPPGainDB(o2i[i], options)! }
    o2i.append(PathLossLink(distanceMeters: 50, pathGainDB: -170, glassType: .lowLoss, floor: 1, isCensored: true))
    let table = StandardModelComparison(campaign: PathLossCampaign(links: o2i, isSynthetic: false, source: "t"))
    let threeGPP = table.rows[1]
    #expect(threeGPP.rmseDB < 1e-9)
    #expect(threeGPP.usedCount == 6 && threeGPP.excludedCount == 1)
    let freeSpace = table.rows[0]
    #expect(freeSpace.biasDB < -10)  // data weaker than free space
    #expect(
        abs(
            freeSpace.rmseDB * freeSpace.rmseDB - freeSpace.biasDB * freeSpace.biasDB
                - freeSpace.debiasedStandardDeviationDB * freeSpace.debiasedStandardDeviationDB) < 1e-9)

    // Data = FSPL + P.2109 median (class by glass): that row scores RMSE 0.
    var p2109 = links
    for i in p2109.indices { p2109[i].pathGainDB = StandardModelComparison.p2109GainDB(p2109[i], options)! }
    let second = StandardModelComparison(campaign: PathLossCampaign(links: p2109, isSynthetic: false, source: "t"))
    #expect(second.rows[2].rmseDB < 1e-9)
    // Independent check of one P.2109 link: θ = atan((10 − 1.5)/d2D) for a floor-1 UE.
    let link = p2109[0]
    let d2D = (25.0 * 25 - 8.5 * 8.5).squareRoot()
    let bel = try BuildingEntryLossP2109.traditional.lossDB(
        frequency: .gigahertz(28), probabilityPercent: 50, elevationDegrees: atan(8.5 / d2D) * 180 / Double.pi)
    #expect(
        abs(link.pathGainDB + FreeSpacePathLoss.exact.lossDB(distanceMeters: 25, frequency: .gigahertz(28)) + bel)
            < 1e-9)
}

@Test func sampledO2IPenetrationMatchesItsMean() throws {
    // Mean of PL_tw + 0.5·min(U,U)·… + N(0, σ²) is PL_tw + 0.5·25/3; SE ≈ sqrt(6.5² + 0.5²·(25²/18))/sqrt(N).
    var generator = Xoshiro256StarStar(seed: 5)
    let model = O2IBuildingPenetration(building: .highLoss)
    let draws = 40_000
    var sum = 0.0
    for _ in 0..<draws { sum += try model.samplePenetrationLossDB(frequency: .gigahertz(28), using: &generator) }
    let se = (6.5 * 6.5 + 0.25 * 625.0 / 18).squareRoot() / Double(draws).squareRoot()
    #expect(abs(sum / Double(draws) - (try model.meanPenetrationLossDB(frequency: .gigahertz(28)))) < 4 * se)
}

@Test func umaMatchesAScalarOracle() throws {
    let d2D = 150.0
    let d3D = (d2D * d2D + 15.5 * 15.5).squareRoot()
    let los = 28.0 + 22 * log10(d3D) + 20 * log10(28)
    let nlos = max(los, 13.54 + 39.08 * log10(d3D) + 20 * log10(28) - 0.6 * (4.5 - 1.5))
    let value = try ThreeGPPStreetPathLoss.urbanMacro.basicLoss(
        distance3DMeters: d3D, distance2DMeters: d2D, frequency: .gigahertz(28), baseStationHeightMeters: 20,
        userHeightMeters: 4.5, lineOfSight: false)
    #expect(abs(value.lossDB - nlos) < 1e-12)
    #expect(value.shadowFadingStandardDeviationDB == 6)
}

/// Scalar oracle written from the formulas of docs/PATHLOSS.md#o2i-penetration (UMi-SC + O2I, comparison defaults),
/// independent of the
/// module: h_UT from the floor, d2D from d3D, breakpoint, LOS/NLOS PL_b, wall loss, mean indoor loss.
private func umiO2IGainOracleDB(distance3D d3D: Double, floor: Int, highLoss: Bool, fGHz fc: Double = 28) -> Double {
    let hBS = 10.0
    let hUT = 3 * Double(floor - 1) + 1.5
    let d2D = (d3D * d3D - (hBS - hUT) * (hBS - hUT)).squareRoot()
    let breakpoint = 4 * (hBS - 1) * (hUT - 1) * fc * 1e9 / 299_792_458
    let los =
        d2D <= breakpoint
        ? 32.4 + 21 * log10(d3D) + 20 * log10(fc)
        : 32.4 + 40 * log10(d3D) + 20 * log10(fc)
            - 9.5 * log10(breakpoint * breakpoint + (hBS - hUT) * (hBS - hUT))
    let nlos = max(los, 22.4 + 35.3 * log10(d3D) + 21.3 * log10(fc) - 0.3 * (hUT - 1.5))
    let concrete = 5 + 4 * fc
    let wall =
        highLoss
        ? 5 - 10 * log10(0.7 * pow(10, -(23 + 0.3 * fc) / 10) + 0.3 * pow(10, -concrete / 10))
        : 5 - 10 * log10(0.3 * pow(10, -(2 + 0.2 * fc) / 10) + 0.7 * pow(10, -concrete / 10))
    return -(nlos + wall + 0.5 * 25 / 3)
}

/// Per-link predictions to 1e-9 dB: the oracle and the module compute the same closed forms in different orders.
private let oracleToleranceDB = 1e-9

@Test func threeGPPComparisonMatchesAnIndependentScalarOracle() throws {
    // Data are NOT built by the module: PG_i = oracle_i + r_i with known residuals, so RMSE and bias are known.
    let residuals: [Double] = [3, -1, 4, -1.5, 5, -9, 2.5, 0.5]
    var links: [PathLossLink] = []
    var expected: [Double] = []
    for (k, d) in [15.0, 25, 40, 60, 90, 130, 180, 260].enumerated() {
        let floor = 1 + k % 4  // h_UT 1.5, 4.5, 7.5, 10.5 m
        let high = k % 2 == 1
        let oracle = umiO2IGainOracleDB(distance3D: d, floor: floor, highLoss: high)
        expected.append(oracle)
        links.append(
            PathLossLink(
                distanceMeters: d, pathGainDB: oracle + residuals[k], glassType: high ? .highLoss : .lowLoss,
                floor: floor))  // LOS unknown → NLOS
    }
    let options = StandardModelComparison.Options()
    for (link, oracle) in zip(links, expected) {
        let value = try #require(StandardModelComparison.threeGPPGainDB(link, options))
        #expect(abs(value - oracle) < oracleToleranceDB, "d = \(link.distanceMeters), floor \(link.floor!)")
    }
    let row = StandardModelComparison(campaign: PathLossCampaign(links: links, isSynthetic: false, source: "t"))
        .rows[1]
    let bias = residuals.reduce(0, +) / Double(residuals.count)
    let rmse = (residuals.reduce(0) { $0 + $1 * $1 } / Double(residuals.count)).squareRoot()
    #expect(row.usedCount == 8 && row.excludedCount == 0)
    #expect(abs(row.biasDB - bias) < oracleToleranceDB)
    #expect(abs(row.rmseDB - rmse) < oracleToleranceDB)
}
