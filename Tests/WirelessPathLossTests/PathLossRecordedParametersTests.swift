import Testing

@testable import WirelessPathLoss

/// What a coverage run records beside its outputs: the grouping, the link budget, the coverage level and the
/// rate mapping by its kebab-case name.
@Test func coverageConfigurationRecordsItsSettings() throws {
    let budget = try LinkBudget(
        eirpDBm: 60, ueGainDBi: 10, bandwidthHz: 400e6, noiseFigureDB: 10, extraGainDB: -3)
    var configuration = PathLossCoverageStudy.Configuration(
        campaign: PathLossCampaign(links: [], isSynthetic: false, source: "mine.csv"), budget: budget)
    configuration.groupBy = nil
    configuration.mapping = .attenuatedShannon
    let recorded = configuration.recordedParameters
    #expect(recorded["group_by"] == "none" && recorded["rate"] == "attenuated-shannon")
    #expect(
        recorded["eirp_dbm"] == "60.0" && recorded["extra_gain_db"] == "-3.0"
            && recorded["bandwidth_hz"] == "400000000.0")
    #expect(recorded["method"] == "model-based" && recorded["coverage"] == "0.9" && recorded["los_only"] == "false")
    #expect(RateMapping.nrTable(.cqiTable1).name == "nr-table" && RateMapping.shannon.name == "shannon")
}
