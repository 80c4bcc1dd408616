import Testing

@testable import WirelessSpectrumNet

/// What a spectrum run records beside its outputs: the generator's settings by their CLI names, scene lists as
/// `all`, `none` or the names, the training mix as `TrainingMix.text`, and the evaluation's scoring settings.
@Suite struct SpectrumRecordedParametersTests {
    @Test func generatorRecordsItsSettings() {
        var generator = WidebandGeneratorConfiguration()
        #expect(generator.recordedParameters == ["snr_reference": "full-band", "label_width": "nominal", "quirks": ""])
        generator.snrReference = .inBandWeakest
        generator.labelWidth = .occupied
        generator.authorsModulationNames = true
        generator.keepStartTransient = true
        var scene = RealisticSceneConfiguration()
        scene.families = []
        scene.effects = [.rollOff, .dcOffset]
        generator.realistic = scene
        generator.mix = TrainingMix(paper: 0.5, realistic: 0.5, noise: 0)
        #expect(
            generator.recordedParameters == [
                "snr_reference": "in-band", "label_width": "occupied", "quirks": "Q1,Q3",
                "realistic_signal_families": "none", "realistic_effects": "roll-off,dc-offset",
                "mix": "paper:0.5,realistic:0.5,noise:0.0",
            ])
        generator.realistic = RealisticSceneConfiguration()
        #expect(generator.recordedParameters["realistic_signal_families"] == "all")
        #expect(generator.recordedParameters["realistic_effects"] == "all")
    }

    @Test func evaluationRecordsItsScoringSettings() throws {
        var configuration = SpectrumEvaluateStudy.Configuration(networks: [])
        configuration.rule = try DecisionRule(threshold: 0.7, part: .or, dilationBins: 2)
        configuration.falseAlarm = 0.01
        configuration.noiseFloor = .median
        configuration.captures = ["a.sigmf-meta", "b"]
        #expect(
            configuration.recordedParameters == [
                "false_alarm": "0.01", "noise_estimator": "median", "rule": "or > 0.7, dilation 2",
                "captures": "a.sigmf-meta b", "authors_protocol": "false",
            ])
    }
}
