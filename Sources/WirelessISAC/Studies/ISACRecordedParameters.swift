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
