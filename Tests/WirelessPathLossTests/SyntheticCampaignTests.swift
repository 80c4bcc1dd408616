import Foundation
import Testing
import WirelessCore

@testable import WirelessPathLoss

/// The bundled replica, located from this file (Tests/WirelessPathLossTests/ → repository root).
private let datasetFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("datasets/oti28-synthetic")

// Tolerances for the published aggregates (paper abstract, docs/PATHLOSS.md#published-aggregates). The replica is one
// seeded draw, so
// these bands are what a fit of ~2,200 links with 43 scenario clusters can be asked to hit:
/// Excess loss beyond 50 m: ±1 dB around 30 (≈ the intercept's CR1 standard error of the all-data fit).
private let excessLossToleranceDB = 1.0
/// Glass gap: ±1.5 dB around 20 (two group intercepts, each with SE ≈ 1 dB).
private let glassGapToleranceDB = 1.5
/// Maximum spread: ±5 dB around 40 (a max − min statistic over ~100 links moves by several dB between draws).
private let spreadToleranceDB = 5.0

private func loadBundled() throws -> (PathLossCampaign, SyntheticCampaignGenerator.GroundTruth) {
    let campaign = try CampaignCSV.read(contentsOf: datasetFolder.appendingPathComponent("oti28_synthetic_links.csv"))
    let data = try Data(contentsOf: datasetFolder.appendingPathComponent("oti28_synthetic_truth.json"))
    let truth = try JSONDecoder().decode(SyntheticCampaignGenerator.GroundTruth.self, from: data)
    return (campaign, truth)
}

@Test func bundledReplicaHasThePaperStructureAndIsLabelledSynthetic() throws {
    let (campaign, truth) = try loadBundled()
    #expect(campaign.isSynthetic)
    #expect(truth.synthetic)
    #expect(campaign.links.count >= 2200)
    #expect(campaign.scenarioIDs.count == 43)
    #expect(campaign.buildingIDs.count == 7)
    #expect(truth.linkCount == campaign.links.count)
    let censoredFraction = Double(campaign.censoredCount) / Double(campaign.links.count)
    #expect(censoredFraction > 0 && censoredFraction < 0.05)
    // Both glass types, every feature present and absent, several floors, some LOS cells empty.
    #expect(Set(campaign.links.compactMap(\.glassType)) == Set(GlassType.allCases))
    #expect(Set(campaign.links.compactMap(\.scaffolding)) == [true, false])
    #expect(Set(campaign.links.compactMap(\.foliage)) == [true, false])
    #expect(Set(campaign.links.compactMap(\.elevatedSubway)) == [true, false])
    #expect(Set(campaign.links.compactMap(\.floor)).count >= 3)
    #expect(campaign.links.contains { $0.lineOfSight == nil })
    #expect(
        try String(contentsOf: datasetFolder.appendingPathComponent("oti28_synthetic_links.csv"), encoding: .utf8)
            .hasPrefix(
                "# SYNTHETIC replica - generated, not measured; generator wtk-oti28-synthetic v1.0, seed 20220519"))
}

@Test func bundledReplicaMatchesItsGeneratorWithinRounding() throws {
    let (campaign, truth) = try loadBundled()
    let regenerated = try SyntheticCampaignGenerator(configuration: truth.configuration).generate().campaign
    #expect(regenerated.links.count == campaign.links.count)
    for (a, b) in zip(regenerated.links, campaign.links) {
        // Outputs are rounded to 0.01; libm may differ by ulps, so compare within one rounding step.
        #expect(abs(a.distanceMeters - b.distanceMeters) <= 0.0100001)
        #expect(abs(a.pathGainDB - b.pathGainDB) <= 0.0100001)
        #expect(a.scenarioID == b.scenarioID && a.glassType == b.glassType && a.isCensored == b.isCensored)
    }
}

@Test func bundledReplicaReproducesThePublishedAggregates() throws {
    let (campaign, _) = try loadBundled()
    let summary = try CampaignSummary(campaign: campaign)
    typealias P = CampaignSummary.Published
    let excessLoss = try #require(summary.excessLossDB)
    #expect(abs(excessLoss - P.excessLossDB) < excessLossToleranceDB, "excess loss \(excessLoss)")
    // RMSE tolerance 3σ/sqrt(2N) (docs/PATHLOSS.md#test-tolerances).
    let rmseTolerance = 3 * P.rmsErrorDB / (2 * Double(summary.allDataFit.usedCount)).squareRoot()
    #expect(abs(summary.rmsErrorDB - P.rmsErrorDB) < rmseTolerance, "RMSE \(summary.rmsErrorDB)")
    #expect(abs(summary.glassGapDB! - P.glassGapDB) < glassGapToleranceDB, "gap \(summary.glassGapDB!)")
    #expect(
        abs(summary.maximumSpread!.rangeDB - P.maximumSpreadDB) < spreadToleranceDB,
        "spread \(summary.maximumSpread!.rangeDB)")
    let regression = summary.featureRegression!
    for name in ["scaffolding", "foliage", "elevated_subway", "floor_3"] {
        let effect = regression.effect(named: name)!
        #expect(P.featureEffectRangeDB.contains(effect.estimate), "\(name) \(effect.estimate)")
    }
}

@Test func featureRegressionRecoversTheRecordedGroundTruthWithinThreeClusterRobustSEs() throws {
    let (campaign, truth) = try loadBundled()
    let c = truth.configuration
    let fit = try FeatureRegression(campaign: campaign)
    #expect(fit.clusterCount == 43)
    func check(_ parameter: FittedParameter, _ value: Double) {
        #expect(
            abs(parameter.estimate - value) < 3 * parameter.standardError,
            "\(parameter.name): \(parameter.estimate) vs \(value) ± \(parameter.standardError)")
    }
    check(fit.intercept, c.interceptDB)
    check(fit.pathLossExponent, c.pathLossExponent)
    check(fit.effect(named: "high_loss")!, c.highLossGlassDB)
    check(fit.effect(named: "scaffolding")!, c.scaffoldingDB)
    check(fit.effect(named: "foliage")!, c.foliageDB)
    check(fit.effect(named: "elevated_subway")!, c.elevatedSubwayDB)
    check(fit.effect(named: "floor_2")!, c.floorLossesDB[1])
    check(fit.effect(named: "floor_3")!, c.floorLossesDB[2])
}

@Test func generatorValidatesItsConfiguration() {
    var c = SyntheticCampaignGenerator.Configuration()
    c.floorLossesDB = [0, 1]
    #expect(throws: PathLossError.parameterOutOfRange(name: "floorLossesDB.count", value: 2, valid: "3")) {
        try SyntheticCampaignGenerator(configuration: c).generate()
    }
}
