import ArgumentParser
import Foundation
import WirelessSpectrumNet

/// The synthetic dataset shared by `generate`, `train` and `evaluate`: generator options and the
/// split sizes. Splits are disjoint index ranges per SNR level (authors: 1–4000 train,
/// 4001–4500 validation, 4501–5000 test), so every command regenerates exactly the same examples.
struct SpectrumDataOptions: ParsableArguments {
    @Option(
        name: .customLong("train-per-level"), parsing: .unconditional, help: "Training examples per SNR level, 0…4000.")
    var trainPerLevel: Int = 96

    @Option(
        name: .customLong("validation-per-level"), parsing: .unconditional,
        help: "Validation examples per SNR level, 1…500.")
    var validationPerLevel: Int = 16

    @Option(name: .customLong("test-per-level"), parsing: .unconditional, help: "Test examples per SNR level, 1…500.")
    var testPerLevel: Int = 64

    @Option(name: .customLong("snr-min"), parsing: .unconditional, help: "Lowest SNR level [dB], −100…100.")
    var snrMinimumDB: Double = -20

    @Option(name: .customLong("snr-max"), parsing: .unconditional, help: "Highest SNR level [dB], −100…100.")
    var snrMaximumDB: Double = 10

    @Option(name: .customLong("snr-step"), parsing: .unconditional, help: "SNR step [dB], > 0; at most 64 levels.")
    var snrStepDB: Double = 2

    @Option(
        name: .customLong("snr-reference"),
        help: "Noise reference: full-band (authors) or in-band (weakest signal per bin).")
    var snrReference: SNRReferenceName = .fullBand

    @Option(name: .customLong("label-width"), help: "Label width: nominal (authors) or occupied (0.675·bw).")
    var labelWidth: LabelWidthName = .nominal

    @Flag(
        name: .customLong("authors-modulation-names"),
        help: "Quirk Q1: record 8-PSK/8-QAM swapped, as the authors' generator.")
    var authorsModulationNames = false

    @Flag(name: .customLong("noise-ref-includes-dropped"), help: "Quirk Q2: noise referenced to dropped signals too.")
    var noiseRefIncludesDropped = false

    @Flag(name: .customLong("keep-start-transient"), help: "Quirk Q3: start the window in the filter start-up.")
    var keepStartTransient = false

    @Flag(
        name: .customLong("realistic"),
        help:
            "The realistic scene mix instead of the paper's generator (docs/SPECTRUM.md#realistic-scenes); SNR levels are then the weakest signal's in-band SNR."
    )
    var realistic = false

    @Option(
        name: .customLong("signal-families"),
        help: "With --realistic: comma-separated ofdm, single-carrier, cw, fm, am, or 'none' (receiver noise only).")
    var signalFamilies: SceneNames<SignalFamily> = .init(values: SignalFamily.allCases)

    @Option(
        name: .customLong("effects"),
        help:
            "With --realistic: comma-separated bursty, tdd, multipath, doppler, roll-off, dc-offset, iq-imbalance, coloured-noise, ci16, or 'none'."
    )
    var effects: SceneNames<SceneEffect> = .init(values: SceneEffect.allCases)

    @Option(
        name: .customLong("mix"),
        help:
            "Draw each window from a mix of sources with these fractions (summing to 1), e.g. paper:0.4,realistic:0.45,noise:0.15 (docs/SPECTRUM.md#training-mix).",
        transform: { try TrainingMix(parsing: $0) })
    var mix: TrainingMix?

    init() {}

    enum SNRReferenceName: String, ExpressibleByArgument, CaseIterable {
        case fullBand = "full-band"
        case inBand = "in-band"
    }

    enum LabelWidthName: String, ExpressibleByArgument, CaseIterable {
        case nominal, occupied
    }

    func validate() throws {
        guard (0...4000).contains(trainPerLevel) else { throw ValidationError("--train-per-level must be in 0…4000.") }
        guard (1...500).contains(validationPerLevel) else {
            throw ValidationError("--validation-per-level must be in 1…500.")
        }
        guard (1...500).contains(testPerLevel) else { throw ValidationError("--test-per-level must be in 1…500.") }
        if !realistic && (signalFamilies.values != SignalFamily.allCases || effects.values != SceneEffect.allCases) {
            throw ValidationError("--signal-families and --effects need --realistic.")
        }
        try OptionRange.check(snrMinimumDB, "--snr-min", in: -100...100, unit: " dB")
        try OptionRange.check(snrMaximumDB, "--snr-max", in: -100...100, unit: " dB")
        _ = try OptionRange.gridCount(
            from: snrMinimumDB, to: snrMaximumDB, step: snrStepDB, stepOption: "--snr-step",
            rangeOptions: "--snr-min…--snr-max", maximum: SyntheticSplits.maximumSNRLevels)
    }

    /// The splits and SNR levels (`SyntheticSplits`).
    var splits: SyntheticSplits {
        SyntheticSplits(
            trainPerLevel: trainPerLevel, validationPerLevel: validationPerLevel, testPerLevel: testPerLevel,
            snrLevelsDB: SyntheticSplits.snrLevels(minimumDB: snrMinimumDB, maximumDB: snrMaximumDB, stepDB: snrStepDB))
    }

    /// Throws unless the windows `train` holds at once fit in memory (`SyntheticSplits.checkTrainingMemory`).
    /// - Throws: `ValidationError` naming the options that size them.
    func checkTrainingMemory() throws {
        do { try splits.checkTrainingMemory() } catch .invalidConfiguration(let reason) {
            throw ValidationError(reason)
        }
    }

    /// The generator configuration (W = 16 384 at 20 MS/s).
    var generatorConfiguration: WidebandGeneratorConfiguration {
        var config = WidebandGeneratorConfiguration()
        config.snrReference = snrReference == .fullBand ? .fullBandWeakest : .inBandWeakest
        config.labelWidth = labelWidth == .nominal ? .nominal : .occupied
        config.authorsModulationNames = authorsModulationNames
        config.noiseRefIncludesDropped = noiseRefIncludesDropped
        config.keepStartTransient = keepStartTransient
        if realistic {
            var scene = RealisticSceneConfiguration()
            scene.families = signalFamilies.values
            scene.effects = effects.values
            config.realistic = scene
        }
        config.mix = mix
        return config
    }

    /// Parameters recorded in the metadata sidecars.
    var recorded: [String: String] {
        splits.recordedParameters.merging(generatorConfiguration.recordedParameters) { a, _ in a }
    }
}

/// A comma-separated list of scene names (`SignalFamily`, `SceneEffect`), `all` or `none`, parsed once when the
/// command line is parsed (`RealisticSceneConfiguration.parseList`); an unknown name is a usage error naming
/// the option (exit 64).
struct SceneNames<Name: RawRepresentable & CaseIterable & Equatable & Sendable>: ExpressibleByArgument, Sendable
where Name.RawValue == String {
    /// The names, in order.
    let values: [Name]

    init(values: [Name]) { self.values = values }

    init?(argument: String) {
        do { values = try RealisticSceneConfiguration.parseList(argument, as: Name.self) } catch { return nil }
    }

    var defaultValueDescription: String { RealisticSceneConfiguration.listText(values) }
}
