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

/// What a fit run records: the grouping and fit settings, and the excess-loss averaging and bootstrap only
/// when they differ from their defaults (a default run's record is unchanged by their existence).
@Test func fitConfigurationRecordsItsSettings() {
    var configuration = PathLossFitStudy.Configuration(
        campaign: PathLossCampaign(links: [], isSynthetic: false, source: "mine.csv"))
    let defaults = configuration.recordedParameters
    #expect(
        defaults == [
            "group_by": "glass_type", "reference_distance_m": "1.0", "confidence_level": "0.95",
            "bin_weighting_decades": "0.0", "irr_release": "r17",
        ])
    configuration.groupBy = nil
    configuration.excessLossAveraging = .dataPoints
    configuration.bootstrapResamples = 200
    let recorded = configuration.recordedParameters
    #expect(recorded["group_by"] == "none" && recorded["bootstrap"] == "200")
    #expect(recorded["excess_loss_averaging"] == ExcessLoss.Averaging.dataPoints.rawValue)
}

/// What an effects run records: floor encoding, covariance (`automatic` when the study chooses), confidence
/// level and bootstrap resamples.
@Test func effectsConfigurationRecordsItsSettings() {
    var configuration = PathLossEffectsStudy.Configuration(
        campaign: PathLossCampaign(links: [], isSynthetic: false, source: "mine.csv"))
    #expect(configuration.recordedParameters["covariance"] == "automatic")
    configuration.covariance = .classical
    configuration.bootstrapResamples = 0
    #expect(
        configuration.recordedParameters == [
            "floor": "categorical", "covariance": "classical", "confidence_level": "0.95", "bootstrap": "0",
        ])
}

/// What a model run records: the model by its raw value, the grids comma-separated, and the geometry.
@Test func modelConfigurationRecordsItsSettings() {
    var configuration = PathLossModelStudy.Configuration(model: .p2109Traditional, distancesMeters: [10, 20.5])
    configuration.frequenciesGHz = [28, 39]
    configuration.lineOfSight = true
    let recorded = configuration.recordedParameters
    #expect(recorded["model"] == PathLossModelStudy.Model.p2109Traditional.rawValue)
    #expect(recorded["distance_m"] == "10.0,20.5" && recorded["frequency_ghz"] == "28.0,39.0")
    #expect(recorded["probability_percent"] == "1.0,10.0,50.0,90.0,99.0")
    #expect(recorded["los"] == "true" && recorded["bs_height_m"] == "10.0" && recorded["irr_release"] == "r17")
}

/// A synthetic campaign records its generator and version, and the detection floor only when one is given.
@Test func synthesizeConfigurationRecordsItsGenerator() {
    let generator = ["generator": SyntheticCampaignGenerator.name, "generator_version": "1.0"]
    #expect(PathLossSynthesizeStudy.Configuration().recordedParameters == generator)
    #expect(
        PathLossSynthesizeStudy.Configuration(detectionFloorDB: -150).recordedParameters
            == generator.merging(["detection_floor_db": "-150.0"]) { a, _ in a })
}
