import Foundation
import Testing

@testable import WirelessPathLoss

private let header = "distance_m,path_gain_db,scenario_id,glass_type,scaffolding,floor,los"

@Test func readerAcceptsTheSchemaCaseInsensitivelyAndIgnoresExtraColumns() throws {
    let text = """
        # SYNTHETIC replica - generated, not measured; generator x v1, seed 1
        # second comment line
        Distance_M,PATH_LOSS_DB,Scenario_ID,glass_type,scaffolding,floor,los,notes
        12.5,101.25,S1,low_loss,yes,2,,hello
        40,120,S1,HIGH_LOSS,0,1,1,"a, quoted note"
        """
    let campaign = try CampaignCSV.parse(text, file: "c.csv")
    #expect(campaign.isSynthetic)
    #expect(campaign.links.count == 2)
    #expect(campaign.links[0].pathGainDB == -101.25)  // loss is sign-flipped
    #expect(campaign.links[0].scaffolding == true)
    #expect(campaign.links[0].lineOfSight == nil)  // empty = unknown
    #expect(campaign.links[1].glassType == .highLoss)
    #expect(campaign.links[1].lineOfSight == true)
    #expect(campaign.links[1].frequencyGHz == 28)
}

@Test func writerAndReaderRoundTripLosslessly() throws {
    let (campaign, truth) = try SyntheticCampaignGenerator().generate()
    let banner = CampaignCSV.syntheticBanner(
        generator: truth.generator, version: truth.generatorVersion, seed: truth.configuration.seed)
    let text = CampaignCSV.render(campaign, banner: banner)
    let back = try CampaignCSV.parse(text, file: "roundtrip.csv")
    #expect(back.isSynthetic)
    #expect(back.links == campaign.links)
}

/// Every malformed-input case of docs/PATHLOSS.md#errors, with the error (file, line, column) it must raise.
@Test(arguments: [
    ("distance,path_gain_db\n10,-80\n", PathLossError.missingColumn(name: "distance_m", file: "bad.csv")),
    ("distance_m,rx_power\n10,-80\n", PathLossError.missingColumn(name: "path_gain_db", file: "bad.csv")),
    ("distance_m,path_gain_db,path_loss_db\n10,-80,80\n", PathLossError.ambiguousColumns(file: "bad.csv")),
    (
        "distance_m,path_gain_db\n10,-80\n20,abc\n",
        PathLossError.malformedRow(
            file: "bad.csv", line: 3, column: "path_gain_db", reason: "expected a number, got 'abc'")
    ),
    (
        "distance_m,path_gain_db\n10,-80\nnan,-90\n",
        PathLossError.nonFiniteValue(file: "bad.csv", line: 3, column: "distance_m")
    ),
    (
        "distance_m,path_gain_db\n10,inf\n",
        PathLossError.nonFiniteValue(file: "bad.csv", line: 2, column: "path_gain_db")
    ),
    (
        "# c\ndistance_m,path_gain_db\n10,-80\n0,-90\n",
        PathLossError.nonPositiveDistance(file: "bad.csv", line: 4, value: 0)
    ),
    ("distance_m,path_gain_db\n-3,-90\n", PathLossError.nonPositiveDistance(file: "bad.csv", line: 2, value: -3)),
    (
        "distance_m,path_gain_db,glass_type\n10,-80,tinted\n",
        PathLossError.invalidCategory(file: "bad.csv", line: 2, column: "glass_type", value: "tinted")
    ),
    (
        "distance_m,path_gain_db,foliage\n10,-80,\n",
        PathLossError.invalidCategory(file: "bad.csv", line: 2, column: "foliage", value: "")
    ),
    (
        "distance_m,path_gain_db,scaffolding\n10,-80,2\n",
        PathLossError.invalidCategory(file: "bad.csv", line: 2, column: "scaffolding", value: "2")
    ),
    (
        "distance_m,path_gain_db,floor\n10,-80,0\n",
        PathLossError.invalidCategory(file: "bad.csv", line: 2, column: "floor", value: "0")
    ),
    (
        "distance_m,path_gain_db,frequency_ghz\n10,-80,-28\n",
        PathLossError.frequencyOutOfRangeInFile(file: "bad.csv", line: 2, column: "frequency_ghz", frequencyGHz: -28)
    ),
    (
        "distance_m,path_gain_db,frequency_ghz\n10,-80,0\n",
        PathLossError.frequencyOutOfRangeInFile(file: "bad.csv", line: 2, column: "frequency_ghz", frequencyGHz: 0)
    ),
    (
        "distance_m,path_gain_db,glass_type\n10,-80,low_loss\n20,-85,\n",
        PathLossError.invalidCategory(file: "bad.csv", line: 3, column: "glass_type", value: "")
    ),
    (
        "distance_m,path_gain_db\n10,-80\n20,95\n",
        PathLossError.positivePathGain(file: "bad.csv", line: 3, column: "path_gain_db", value: 95)
    ),
    (
        "distance_m,path_loss_db\n10,80\n20,-95\n",
        PathLossError.positivePathGain(file: "bad.csv", line: 3, column: "path_loss_db", value: -95)
    ),
])
func readerRejectsMalformedInput(text: String, expected: PathLossError) {
    #expect(throws: expected) { try CampaignCSV.parse(text, file: "bad.csv") }
    // The error actually thrown (not the expected value) is a data error: exit 65, never a usage error.
    do {
        _ = try CampaignCSV.parse(text, file: "bad.csv")
    } catch {
        #expect(error.category == .invalidData, "\(error)")
    }
}

@Test func onlyTheExactBannerMarksACampaignSynthetic() throws {
    let ordinary = "# not synthetic: measured in 2021; synthetic aperture not used\ndistance_m,path_gain_db\n10,-80\n"
    #expect(try CampaignCSV.parse(ordinary, file: "m.csv").isSynthetic == false)
    let lower =
        "# synthetic replica - generated, not measured; generator x v1, seed 1\ndistance_m,path_gain_db\n10,-80\n"
    #expect(try CampaignCSV.parse(lower, file: "m.csv").isSynthetic == false)
    let banner =
        CampaignCSV.syntheticBanner(generator: "g", version: "1", seed: 3) + "\ndistance_m,path_gain_db\n10,-80\n"
    #expect(try CampaignCSV.parse(banner, file: "s.csv").isSynthetic)
}

@Test func dataFrequencyErrorsAreDataErrorsWhileArgumentErrorsStayUsageErrors() {
    // Same physical condition, different source: a CSV field (exit 65) vs an API/CLI argument (exit 64).
    let fromFile = PathLossError.frequencyOutOfRangeInFile(
        file: "f.csv", line: 2, column: "frequency_ghz", frequencyGHz: 0)
    let fromArgument = PathLossError.frequencyOutOfRange(model: "TR 38.901 O2I", frequencyGHz: 200, valid: 0.5...100)
    #expect(fromFile.category == .invalidData)
    #expect(fromArgument.category == .invalidArgument)
    #expect(fromFile.description.contains("f.csv:2") && fromFile.description.contains("frequency_ghz"))
}

@Test func singleFrequencyFitsRejectMixedFrequencies() throws {
    let text = "distance_m,path_gain_db,frequency_ghz\n10,-80,28\n20,-87,28\n40,-95,39\n80,-103,39\n"
    let campaign = try CampaignCSV.parse(text, file: "mixed.csv")
    #expect(throws: PathLossError.mixedFrequencies(frequenciesGHz: [28, 39])) {
        try FloatingInterceptFit(campaign: campaign)
    }
    #expect(throws: PathLossError.mixedFrequencies(frequenciesGHz: [28, 39])) {
        try CensoredFit(campaign: campaign)
    }
    #expect(PathLossError.mixedFrequencies(frequenciesGHz: [28, 39]).category == .invalidData)
}

@Test func readerReportsWrongFieldCountsWithTheLine() {
    do {
        _ = try CampaignCSV.parse("# banner\ndistance_m,path_gain_db\n10,-80\n20,-85,extra\n", file: "bad.csv")
        Issue.record("expected an error")
    } catch {
        guard case .malformedRow(let file, let line, _, _) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(file == "bad.csv")
        #expect(line == 4)
    }
}

@Test func dropInvalidRowsDropsAndCounts() throws {
    let campaign = try CampaignCSV.parse(
        "distance_m,path_gain_db\n10,-80\nnan,-90\n0,-95\n30,-99\n", file: "d.csv",
        options: .init(dropInvalidRows: true))
    #expect(campaign.links.count == 2)
    #expect(campaign.droppedRowCount == 2)
}

@Test func distancesBelowTheReferenceAreRejectedByLogDistanceFits() {
    #expect(throws: PathLossError.distanceBelowReference(distanceMeters: 0.5, referenceMeters: 1)) {
        try FloatingInterceptFit(distancesMeters: [0.5, 10, 20], pathGainsDB: [-50, -80, -86])
    }
    #expect(throws: PathLossError.insufficientData(needed: 3, got: 2)) {
        try FloatingInterceptFit(distancesMeters: [10, 20], pathGainsDB: [-80, -86])
    }
    #expect(throws: PathLossError.degenerateDistances) {
        try FloatingInterceptFit(distancesMeters: [10, 10, 10], pathGainsDB: [-80, -86, -83])
    }
}
