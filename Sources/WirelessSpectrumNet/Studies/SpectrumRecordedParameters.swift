import Foundation

extension RealisticSceneConfiguration {
    /// A list of scene names as `parseList` reads it: `all` for every case in declaration order, `none` for
    /// no case, otherwise the raw values comma-separated.
    public static func listText<T: RawRepresentable & CaseIterable & Equatable>(_ values: [T]) -> String
    where T.RawValue == String {
        if values == Array(T.allCases) { return "all" }
        return values.isEmpty ? "none" : values.map(\.rawValue).joined(separator: ",")
    }
}

extension WidebandGeneratorConfiguration {
    /// The generator settings a run records beside its outputs: `snr_reference` (`full-band` or `in-band`),
    /// `label_width`, `quirks` (the set ones of Q1, Q2, Q3, comma-separated), with the realistic scene mix
    /// `realistic_signal_families` and `realistic_effects` (`RealisticSceneConfiguration.listText`), and with a
    /// training mix `mix` (`TrainingMix.text`).
    public var recordedParameters: [String: String] {
        let quirks = [(authorsModulationNames, "Q1"), (noiseRefIncludesDropped, "Q2"), (keepStartTransient, "Q3")]
        var parameters = [
            "snr_reference": snrReference == .fullBandWeakest ? "full-band" : "in-band",
            "label_width": labelWidth.rawValue,
            "quirks": quirks.filter(\.0).map(\.1).joined(separator: ","),
        ]
        if let realistic {
            parameters["realistic_signal_families"] = RealisticSceneConfiguration.listText(realistic.families)
            parameters["realistic_effects"] = RealisticSceneConfiguration.listText(realistic.effects)
        }
        if let mix { parameters["mix"] = mix.text }
        return parameters
    }
}

extension SpectrumEvaluateStudy.Configuration {
    /// The scoring settings a run records beside its outputs (the generator's are
    /// `WidebandGeneratorConfiguration.recordedParameters`): `false_alarm`, `noise_estimator`, `rule`
    /// (`DecisionRule.summary`), `captures` (space-separated paths) and `authors_protocol`.
    public var recordedParameters: [String: String] {
        [
            "false_alarm": String(falseAlarm), "noise_estimator": noiseFloor.rawValue, "rule": rule.summary,
            "captures": captures.joined(separator: " "), "authors_protocol": String(authorsProtocol),
        ]
    }
}
