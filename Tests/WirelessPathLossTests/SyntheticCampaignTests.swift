import Foundation
import Testing
import WirelessCore
@testable import WirelessPathLoss

@Test func calibrationPrintout() throws {
    for seed: UInt64 in [20_220_519] {
    for floorDB in [-161.0, -160.0] {
    var c = SyntheticCampaignGenerator.Configuration()
    c.seed = seed
    c.detectionFloorDB = floorDB
    c.interceptDB = -58.2
    let (campaign, truth) = try SyntheticCampaignGenerator(configuration: c).generate()
    let s = try CampaignSummary(campaign: campaign)
    let f = s.featureRegression!
    print(seed, floorDB, "links", s.linkCount, "cens", s.censoredCount, String(format: "A %.2f n %.3f EL %.2f RMSE %.2f gap %.2f spread %.2f | A %.2f±%.2f n %.3f±%.3f", s.allDataFit.intercept.estimate, s.allDataFit.pathLossExponent.estimate, s.excessLossDB, s.rmsErrorDB, s.glassGapDB ?? .nan, s.maximumSpread?.rangeDB ?? .nan, f.intercept.estimate, f.intercept.standardError, f.pathLossExponent.estimate, f.pathLossExponent.standardError), f.effects.map { String(format: "%.2f±%.2f", $0.estimate, $0.standardError) }.joined(separator: " "), truth.censoredCount)
    }}
}
