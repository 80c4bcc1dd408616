import Testing
import WirelessCore

@testable import WirelessSpectrumNet

@Suite struct SyntheticSplitsTests {
    /// The splits are the authors' disjoint index ranges; the SNR grid includes its end.
    @Test func splitsAndLevels() {
        let levels = SyntheticSplits.snrLevels(minimumDB: -20, maximumDB: 10, stepDB: 2)
        #expect(levels.count == 16 && levels.first == -20 && levels.last == 10)
        let splits = SyntheticSplits(trainPerLevel: 5, validationPerLevel: 3, testPerLevel: 2, snrLevelsDB: levels)
        #expect(splits.trainIndices == 0..<5)
        #expect(splits.validationIndices == 4000..<4003)
        #expect(splits.testIndices == 4500..<4502)
        #expect(splits.windowsInMemory == 16 * 8)
        #expect(splits.recordedParameters["snr_levels_db"]?.hasPrefix("-20.0 -18.0 ") == true)
    }

    /// The generate study over the splits writes the three splits in order and draws the figure from the test split.
    @Test func generateConfigurationTakesTheSplits() {
        let splits = SyntheticSplits(trainPerLevel: 0, validationPerLevel: 2, testPerLevel: 3, snrLevelsDB: [-4, 6])
        var generator = WidebandGeneratorConfiguration()
        generator.labelWidth = .occupied
        let configuration = SpectrumGenerateStudy.Configuration(generator: generator, splits: splits)
        #expect(configuration.generator == generator && configuration.snrLevelsDB == [-4, 6])
        #expect(configuration.splits.map(\.name) == ["train", "validation", "test"])
        #expect(configuration.splits.map(\.indices) == [0..<0, 4000..<4002, 4500..<4503])
        #expect(configuration.testIndices == 4500..<4503)
    }

    /// Training takes the training and validation splits, evaluation the test split, with the generator and levels.
    @Test func trainAndEvaluateTakeTheirSplits() {
        let splits = SyntheticSplits(trainPerLevel: 7, validationPerLevel: 2, testPerLevel: 3, snrLevelsDB: [-4, 6])
        var generator = WidebandGeneratorConfiguration()
        generator.keepStartTransient = true
        var train = SpectrumTrainStudy.Configuration(start: .fresh(.compact()))
        train.useSyntheticData(generator, splits: splits)
        #expect(train.generator == generator && train.snrLevelsDB == [-4, 6])
        #expect(train.trainIndices == 0..<7 && train.validationIndices == 4000..<4002)
        var evaluate = SpectrumEvaluateStudy.Configuration(networks: [])
        evaluate.useSyntheticData(generator, splits: splits)
        #expect(evaluate.generator == generator && evaluate.snrLevelsDB == [-4, 6])
        #expect(evaluate.testIndices == 4500..<4503)
    }

    /// Training that would hold more than 12 GiB of windows is refused as a usage error.
    @Test func trainingMemoryIsBounded() throws {
        let levels = SyntheticSplits.snrLevels(minimumDB: -100, maximumDB: 100, stepDB: 4)
        try SyntheticSplits(trainPerLevel: 96, snrLevelsDB: levels).checkTrainingMemory()
        let large = SyntheticSplits(trainPerLevel: 4000, validationPerLevel: 500, snrLevelsDB: levels)
        #expect(large.windowsInMemory * SyntheticSplits.bytesPerWindow > SyntheticSplits.maximumTrainingBytes)
        #expect(throws: SpectrumNetError.self) { try large.checkTrainingMemory() }
    }

    /// Scene lists: all, none, or known names; an unknown name is reported with the valid ones.
    @Test func sceneLists() throws {
        #expect(try RealisticSceneConfiguration.parseList("all", as: SignalFamily.self) == SignalFamily.allCases)
        #expect(try RealisticSceneConfiguration.parseList("none", as: SceneEffect.self) == [])
        #expect(try RealisticSceneConfiguration.parseList("cw, fm", as: SignalFamily.self) == [.cw, .fm])
        #expect(throws: UnknownSceneName.self) {
            try RealisticSceneConfiguration.parseList("cw,x", as: SignalFamily.self)
        }
        do {
            _ = try RealisticSceneConfiguration.parseList("cw,x", as: SignalFamily.self)
        } catch {
            #expect(error.name == "x" && error.category == .invalidArgument)
            #expect(error.description.hasPrefix("unknown value 'x' (expected ofdm, "))
        }
    }
}
