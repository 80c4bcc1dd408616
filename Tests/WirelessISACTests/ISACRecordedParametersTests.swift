import Testing

@testable import WirelessISAC

/// What an ISAC run records beside its outputs: the resolved PLAIN and fft3d settings in the command-line
/// spellings (kebab-case raw values), so a sidecar names what ran.
@Test func isacConfigurationsRecordTheirResolvedSettings() {
    var plain = PLAINConfiguration(compressionFactors: [1, 4, 7], frequencyEstimator: .tlsESPRIT, pathCount: 6)
    var estimate = ISACEstimateStudy.Configuration(plain: plain)
    estimate.fft = ISACMethod.FFTSettings(taper: .rectangular, paddingFactor: 2, refinement: .none)
    estimate.methods = [.plain, .fft3d]
    let recorded = estimate.recordedParameters
    #expect(recorded["factors"] == "1,4,7" && recorded["estimator"] == "tls-esprit" && recorded["path_count"] == "6")
    #expect(recorded["fusion"] == "omp" && recorded["fba"] == "true" && recorded["methods"] == "plain,fft3d")
    #expect(recorded["fft_window"] == "rectangular" && recorded["fft_padding"] == "2" && recorded["fft_peak"] == "none")
    #expect(recorded["snr_db"] == "10.0" && recorded["scenario"] == ISACScenarioPreset.paper.rawValue)
    plain.pathCount = nil
    var sweep = ISACSweepStudy.Configuration(plain: plain)
    sweep.trials = 3
    #expect(sweep.recordedParameters["path_count"] == "aic" && sweep.recordedParameters["trials"] == "3")
    #expect(sweep.recordedParameters["evaluation"] == sweep.evaluation.rawValue)
    #expect(RangeMapping.oneWay.rawValue == "one-way" && FrequencyEstimator.rootMUSIC.rawValue == "root-music")
}

/// The bench records its settings; a simulation records its scenario and what it drew.
@Test func isacBenchAndSimulationRecordTheirSettings() throws {
    var bench = ISACBenchStudy.Configuration()
    bench.methods = [.plain]
    bench.repeats = 2
    #expect(bench.recordedParameters == ["repeats": "2", "parallel": "false", "snr_db": "10.0", "methods": "plain"])
    var configuration = ISACSimulateStudy.Configuration()
    configuration.noiseless = true
    let result = try ISACSimulateStudy(configuration).run(seed: 1)
    let recorded = result.recordedParameters
    #expect(recorded["range_mapping"] == "one-way" && recorded["noiseless"] == "true")
    #expect(recorded["shape"] == result.scenario.grid.dimensions.map(String.init).joined(separator: "x"))
    #expect(recorded["noise_variance"] == String(result.noiseVariance))
}
