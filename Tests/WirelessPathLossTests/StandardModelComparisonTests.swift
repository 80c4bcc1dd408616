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
