import Foundation
import WirelessCore

/// The synthetic dataset's three splits: disjoint example-index ranges per SNR level (authors: 1–4000
/// train, 4001–4500 validation, 4501–5000 test), so `generate`, `train` and `evaluate` regenerate exactly
/// the same examples from one seed (docs/SPECTRUM.md).
public struct SyntheticSplits: Sendable, Equatable {
    /// Training examples per SNR level, 0…4000.
    public var trainPerLevel: Int
    /// Validation examples per SNR level, 1…500.
    public var validationPerLevel: Int
    /// Test examples per SNR level, 1…500.
    public var testPerLevel: Int
    /// The SNR levels [dB]; level k seeds with SNR index k.
    public var snrLevelsDB: [Double]

    /// Examples per level in the training split; the validation split starts here.
    public static let trainingSplitSize = 4000
    /// First example index of the test split.
    public static let testSplitStart = 4500
    /// Most SNR levels (64). What training holds in memory is bounded separately (`maximumTrainingBytes`).
    public static let maximumSNRLevels = 64
    /// Most memory the windows training holds at once may take [bytes]: 12 GiB of the reference machine's 24.
    public static let maximumTrainingBytes = 12 << 30
    /// Bytes of one window of 16 384 complex `Float` samples plus its features, roughly [bytes].
    public static let bytesPerWindow = 16_384 * 8 * 2

    public init(trainPerLevel: Int = 96, validationPerLevel: Int = 16, testPerLevel: Int = 64, snrLevelsDB: [Double]) {
        self.trainPerLevel = trainPerLevel
        self.validationPerLevel = validationPerLevel
        self.testPerLevel = testPerLevel
        self.snrLevelsDB = snrLevelsDB
    }

    /// The levels `minimumDB`, `minimumDB + stepDB`, … up to `maximumDB` (within 1e-9 dB) [dB].
    public static func snrLevels(minimumDB: Double, maximumDB: Double, stepDB: Double) -> [Double] {
        stride(from: minimumDB, through: maximumDB + 1e-9, by: stepDB).map { $0 }
    }

    /// Example indices of the training split.
    public var trainIndices: Range<Int> { 0..<trainPerLevel }
    /// Example indices of the validation split.
    public var validationIndices: Range<Int> { Self.trainingSplitSize..<(Self.trainingSplitSize + validationPerLevel) }
    /// Example indices of the test split.
    public var testIndices: Range<Int> { Self.testSplitStart..<(Self.testSplitStart + testPerLevel) }

    /// Windows training holds in memory at once: the training block and the validation split [windows].
    public var windowsInMemory: Int { snrLevelsDB.count * (trainPerLevel + validationPerLevel) }

    /// Throws unless the windows training holds at once fit in `maximumTrainingBytes`.
    /// - Throws: `SpectrumNetError.invalidConfiguration` (exit 64) giving the sizes and the memory.
    public func checkTrainingMemory() throws(SpectrumNetError) {
        let bytes = windowsInMemory * Self.bytesPerWindow
        guard bytes <= Self.maximumTrainingBytes else {
            throw .invalidConfiguration(
                reason:
                    "\(snrLevelsDB.count) SNR levels × (--train-per-level \(trainPerLevel) + --validation-per-level \(validationPerLevel)) windows need about \(bytes >> 30) GiB; at most \(Self.maximumTrainingBytes >> 30) GiB are allowed (fewer windows per level, fewer levels with --snr-step, or --fresh-data with a smaller block)."
            )
        }
    }

    /// The split sizes and levels as recorded in the metadata sidecars.
    public var recordedParameters: [String: String] {
        [
            "train_per_level": String(trainPerLevel), "validation_per_level": String(validationPerLevel),
            "test_per_level": String(testPerLevel),
            "snr_levels_db": snrLevelsDB.map { String($0) }.joined(separator: " "),
        ]
    }
}

/// A name in a list of `SignalFamily` or `SceneEffect` values that is none of them (exit 64).
public struct UnknownSceneName: CategorizedError, Equatable {
    /// The name as given.
    public let name: String
    /// The valid names.
    public let expected: [String]

    public var category: ErrorCategory { .invalidArgument }
    public var description: String {
        "unknown value '\(name)' (expected \(expected.joined(separator: ", ")), all or none)."
    }
}

extension RealisticSceneConfiguration {
    /// A comma-separated list of raw values of `T` (`SignalFamily`, `SceneEffect`), "all" or "none".
    /// - Throws: `UnknownSceneName` for the first name that is not a raw value of `T`.
    public static func parseList<T: RawRepresentable & CaseIterable>(_ text: String, as type: T.Type)
        throws(UnknownSceneName) -> [T] where T.RawValue == String
    {
        if text == "all" { return Array(T.allCases) }
        if text == "none" { return [] }
        var values: [T] = []
        for item in text.split(separator: ",") {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard let value = T(rawValue: name) else {
                throw UnknownSceneName(name: name, expected: T.allCases.map(\.rawValue))
            }
            values.append(value)
        }
        return values
    }
}

extension SpectrumTrainStudy.Configuration {
    /// Trains on `generator`'s windows at the SNR levels and the training and validation splits of `splits`.
    public mutating func useSyntheticData(_ generator: WidebandGeneratorConfiguration, splits: SyntheticSplits) {
        self.generator = generator
        snrLevelsDB = splits.snrLevelsDB
        trainIndices = splits.trainIndices
        validationIndices = splits.validationIndices
    }
}

extension SpectrumEvaluateStudy.Configuration {
    /// Scores `generator`'s windows at the SNR levels and the test split of `splits`.
    public mutating func useSyntheticData(_ generator: WidebandGeneratorConfiguration, splits: SyntheticSplits) {
        self.generator = generator
        snrLevelsDB = splits.snrLevelsDB
        testIndices = splits.testIndices
    }
}
