import Foundation
import Testing
import WirelessIO
import WirelessSpectrumNet

@testable import WirelessCommands

/// `spectrum generate --realistic` (docs/SPECTRUM.md#realistic-scenes).
@Suite struct SpectrumRealisticCommandTests {
    /// The recording's annotations are the labels (frame runs of gated signals), and the window masks read back
    /// through `LabelledRecording` equal the masks the in-memory dataset trains on.
    @Test func realisticRecordingsCarryTheLabelsAndReadBackToTheSameMasks() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = runWTK([
            "spectrum", "generate", "--realistic", "--effects", "bursty,tdd,roll-off,ci16", "--train-per-level", "0",
            "--validation-per-level", "1", "--test-per-level", "3", "--snr-min", "5", "--snr-max", "5", "--out-dir",
            folder.path, "--quiet",
        ])
        #expect(code == 0)
        let recording = try SigMFRecording.read(from: folder.appendingPathComponent("test-snr5dB"))
        let options = try SpectrumDataOptions.parse(["--realistic", "--effects", "bursty,tdd,roll-off,ci16"])
        let generator = try WidebandGenerator(configuration: options.generatorConfiguration, seed: 20_250_101)
        let labels = (0..<3).flatMap { k in
            generator.generate(snrDB: 5, snrIndex: 0, index: 4500 + k).labels!.map { (k, $0) }
        }
        #expect(recording.annotations.count == labels.count && !labels.isEmpty)
        for (annotation, (k, label)) in zip(recording.annotations, labels) {
            #expect(
                annotation.sampleStart == k * 16_384 + label.sampleStart && annotation.sampleCount == label.sampleCount)
            #expect(
                annotation.frequencyLowerEdgeHz == label.lowerHz && annotation.frequencyUpperEdgeHz == label.upperHz)
        }
        let extractor = try SpectrumFeatureExtractor(fftCount: 16, bins: 1024)
        let fromFile = try LabelledRecording.dataset(from: recording, extractor: extractor).dataset
        let inMemory = try SpectrumDataset.synthetic(
            generator: generator, snrLevelsDB: [5], indices: 4500..<4503, extractor: extractor)
        #expect(fromFile.labels == inMemory.labels)
    }

    @Test func realisticOptionsAreValidated() throws {
        let common = ["spectrum", "generate", "--out-dir", "/nonexistent-never-written", "--quiet"]
        #expect(runWTK(common + ["--effects", "ci16"]) == 64)  // needs --realistic
        #expect(runWTK(common + ["--realistic", "--signal-families", "ofdm,radar"]) == 64)
        #expect(runWTK(common + ["--realistic", "--effects", "dc"]) == 64)
        let none = try SpectrumDataOptions.parse(["--realistic", "--signal-families", "none", "--effects", "none"])
        #expect(none.generatorConfiguration.realistic?.families == [])
        #expect(none.generatorConfiguration.realistic?.effects == [])
        #expect(try SpectrumDataOptions.parse([]).generatorConfiguration.realistic == nil)
    }

    @Test func mixOptionIsValidatedAndBuildsTheMix() throws {
        let common = ["spectrum", "train", "--out-dir", "/nonexistent-never-written", "--quiet"]
        #expect(runWTK(common + ["--mix", "paper:0.5,realistic:0.6"]) == 64)  // sums to 1.1
        #expect(runWTK(common + ["--mix", "paper:0.5,air:0.5"]) == 64)
        let options = try SpectrumDataOptions.parse(["--mix", "paper:0.4,realistic:0.45,noise:0.15"])
        #expect(options.generatorConfiguration.mix == .standard)
        #expect(options.recorded["mix"] == "paper:0.4,realistic:0.45,noise:0.15")
        #expect(try SpectrumDataOptions.parse([]).generatorConfiguration.mix == nil)
    }

    /// Scene lists and the mix are parsed once, when the command line is: a bad entry is a usage error naming the
    /// option and the value, before any other check (not a silent empty list later).
    @Test func sceneListsAndMixAreParsedOnce() throws {
        for (arguments, option) in [
            (["--signal-families", "ofdm,radar"], "--signal-families"), (["--effects", "dc"], "--effects"),
            (["--mix", "paper:0.5,air:0.5"], "--mix"),
        ] {
            do {
                _ = try SpectrumDataOptions.parse(arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                let message = SpectrumDataOptions.message(for: error)
                #expect(message.contains(option) && message.contains(arguments[1]), "\(message)")
                #expect(SpectrumDataOptions.exitCode(for: error).rawValue == 64)
            }
        }
        let options = try SpectrumDataOptions.parse(["--realistic", "--effects", "roll-off, ci16"])
        #expect(options.effects.values == [.rollOff, .ci16])
        #expect(options.recorded["realistic_effects"] == "roll-off,ci16")
    }
}
