/// The settings an ISAC run records beside its outputs (the `parameters` of its metadata sidecar): the
/// resolved values, so that a sidecar says what ran (the scenario's compression factors, say, where no
/// factors were given).
extension PLAINConfiguration {
    /// `compression`, `factors` (Δ per mode, comma-separated), `estimator`, `criterion`, `fusion`, `omp_update`,
    /// `fba` and `path_count` (K, or the model-order criterion when K is estimated).
    public var recordedParameters: [String: String] {
        [
            "compression": compression.rawValue,
            "factors": compressionFactors.map(String.init).joined(separator: ","),
            "estimator": frequencyEstimator.rawValue, "criterion": modelOrderCriterion.rawValue,
            "fusion": fusion.rawValue, "omp_update": ompUpdate.rawValue, "fba": String(forwardBackwardAveraging),
            "path_count": pathCount.map(String.init) ?? modelOrderCriterion.rawValue,
        ]
    }
}

extension ISACEstimateStudy.Configuration {
    /// PLAIN's and the fft3d baseline's settings, `scenario`, `snr_db` (`n/a` for a given tensor) and `methods`.
    public var recordedParameters: [String: String] {
        plain.recordedParameters.merging(fft.recordedParameters) { a, _ in a }.merging([
            "scenario": preset.rawValue, "snr_db": tensor == nil ? String(snrDB) : "n/a",
            "methods": methods.map(\.rawValue).joined(separator: ","),
        ]) { a, _ in a }
    }
}

extension ISACSweepStudy.Configuration {
    /// PLAIN's and the fft3d baseline's settings, `evaluation`, `methods`, `trials` and `scenario`.
    public var recordedParameters: [String: String] {
        plain.recordedParameters.merging(fft.recordedParameters) { a, _ in a }.merging([
            "evaluation": evaluation.rawValue, "methods": methods.map(\.rawValue).joined(separator: ","),
            "trials": String(trials), "scenario": preset.rawValue,
        ]) { a, _ in a }
    }
}

extension ISACBenchStudy.Configuration {
    /// `repeats`, `parallel`, `snr_db` and `methods`.
    public var recordedParameters: [String: String] {
        [
            "repeats": String(repeats), "parallel": String(parallel), "snr_db": String(snrDB),
            "methods": methods.map(\.rawValue).joined(separator: ","),
        ]
    }
}

extension ISACSimulateStudy.Result {
    /// `scenario`, `range_mapping`, `snr_db`, `noiseless`, the drawn `noise_variance` and the tensor `shape`
    /// (N_R x N_F x N_T).
    public var recordedParameters: [String: String] {
        [
            "scenario": configuration.preset.rawValue, "range_mapping": configuration.rangeMapping.rawValue,
            "snr_db": String(configuration.snrDB), "noiseless": String(configuration.noiseless),
            "noise_variance": String(noiseVariance),
            "shape": scenario.grid.dimensions.map(String.init).joined(separator: "x"),
        ]
    }
}
