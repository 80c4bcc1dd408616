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
    var signalFamilies: String = "all"

    @Option(
        name: .customLong("effects"),
        help:
            "With --realistic: comma-separated bursty, tdd, multipath, doppler, roll-off, dc-offset, iq-imbalance, coloured-noise, ci16, or 'none'."
    )
    var effects: String = "all"

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
        if !realistic && (signalFamilies != "all" || effects != "all") {
            throw ValidationError("--signal-families and --effects need --realistic.")
        }
        _ = try Self.parseList(signalFamilies, option: "--signal-families", as: SignalFamily.self)
        _ = try Self.parseList(effects, option: "--effects", as: SceneEffect.self)
        try OptionRange.check(snrMinimumDB, "--snr-min", in: -100...100, unit: " dB")
        try OptionRange.check(snrMaximumDB, "--snr-max", in: -100...100, unit: " dB")
        _ = try OptionRange.gridCount(
            from: snrMinimumDB, to: snrMaximumDB, step: snrStepDB, stepOption: "--snr-step",
            rangeOptions: "--snr-min…--snr-max", maximum: Self.maximumSNRLevels)
    }

    /// Most SNR levels (64). What `train` holds in memory is bounded separately (`maximumTrainingBytes`).
    static let maximumSNRLevels = 64

    /// Most memory the windows `train` holds at once may take [bytes]: 12 GiB of the reference machine's 24.
    static let maximumTrainingBytes = 12 << 30

    /// Throws unless the windows `train` holds at once fit in `maximumTrainingBytes`.
    /// - Throws: `ValidationError` naming the options that size them.
    func checkTrainingMemory() throws {
        let bytes = windowsInMemory * Self.bytesPerWindow
        guard bytes <= Self.maximumTrainingBytes else {
            throw ValidationError(
                "\(snrLevelsDB.count) SNR levels × (--train-per-level \(trainPerLevel) + --validation-per-level \(validationPerLevel)) windows need about \(bytes >> 30) GiB; at most \(Self.maximumTrainingBytes >> 30) GiB are allowed (fewer windows per level, fewer levels with --snr-step, or --fresh-data with a smaller block)."
            )
        }
    }

    /// Windows `train` holds in memory at once: the training block and the validation split [windows].
    var windowsInMemory: Int { snrLevelsDB.count * (trainPerLevel + validationPerLevel) }

    /// Bytes of one window of 16 384 complex `Float` samples plus its features, roughly [bytes].
    static let bytesPerWindow = 16_384 * 8 * 2

    /// The SNR levels [dB].
    var snrLevelsDB: [Double] {
        stride(from: snrMinimumDB, through: snrMaximumDB + 1e-9, by: snrStepDB).map { $0 }
    }

    /// Example-index ranges of the three splits.
    var trainIndices: Range<Int> { 0..<trainPerLevel }

    var validationIndices: Range<Int> { 4000..<(4000 + validationPerLevel) }
    var testIndices: Range<Int> { 4500..<(4500 + testPerLevel) }

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
            // Validated in validate().
            scene.families = (try? Self.parseList(signalFamilies, option: "", as: SignalFamily.self)) ?? []
            scene.effects = (try? Self.parseList(effects, option: "", as: SceneEffect.self)) ?? []
            config.realistic = scene
        }
        return config
    }

    /// A comma-separated list of `T` raw values, "all" or "none".
    /// - Throws: `ValidationError` naming `option` and the unknown value.
    static func parseList<T: RawRepresentable & CaseIterable>(_ text: String, option: String, as type: T.Type) throws
        -> [T] where T.RawValue == String
    {
        if text == "all" { return Array(T.allCases) }
        if text == "none" { return [] }
        return try text.split(separator: ",").map { item in
            let name = item.trimmingCharacters(in: .whitespaces)
            guard let value = T(rawValue: name) else {
                throw ValidationError(
                    "\(option): unknown value '\(name)' (expected \(T.allCases.map(\.rawValue).joined(separator: ", ")), all or none)."
                )
            }
            return value
        }
    }

    /// Parameters recorded in the metadata sidecars.
    var recorded: [String: String] {
        [
            "train_per_level": String(trainPerLevel), "validation_per_level": String(validationPerLevel),
            "test_per_level": String(testPerLevel),
            "snr_levels_db": snrLevelsDB.map { String($0) }.joined(separator: " "),
            "snr_reference": snrReference.rawValue, "label_width": labelWidth.rawValue,
            "quirks": [
                authorsModulationNames ? "Q1" : nil, noiseRefIncludesDropped ? "Q2" : nil,
                keepStartTransient ? "Q3" : nil,
            ].compactMap { $0 }.joined(separator: ","),
        ].merging(
            realistic ? ["realistic_signal_families": signalFamilies, "realistic_effects": effects] : [:]
        ) { $1 }
    }
}
