import Foundation
import Testing
import WirelessCore

@testable import WirelessPathLoss

/// `PathLossSynthesizeStudy`: the replica of `wtk pathloss synthesize` from the library.
@Test func synthesizeStudyMakesTheGeneratorsCampaignWithItsTruth() throws {
    let result = try PathLossSynthesizeStudy(.init(detectionFloorDB: -150)).run(seed: 5)
    var settings = SyntheticCampaignGenerator.Configuration()
    settings.seed = 5
    settings.detectionFloorDB = -150
    let (campaign, truth) = try SyntheticCampaignGenerator(configuration: settings).generate()
    #expect(result.campaign == campaign)
    #expect(result.truth == truth)
    #expect(result.linksCSV.hasPrefix("# SYNTHETIC"))
    let decoded = try JSONDecoder().decode(SyntheticCampaignGenerator.GroundTruth.self, from: try result.truthJSON())
    #expect(decoded == truth)
    let table = result.scenarioTable
    #expect(table.name == "_scenarios")
    #expect(table.columns.map(\.header).contains("center_distance_m"))
    #expect(table.columns.allSatisfy { $0.count == truth.scenarioCount })
    #expect(result.linksPlot.name == "_links")
    #expect(result.linksPlot.series.count >= GlassType.allCases.count)
}
