import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO
import WirelessSpectrumNet

@testable import WirelessCommands

@Suite struct SpectrumCommandTests {

    func recording(samples: Int, sampleRateHz: Double = 20e6, seed: UInt64 = 3) -> SigMFRecording {
        var generator = Xoshiro256StarStar(seed: seed)
        let noise = try! ComplexNormalDistribution(variance: 1)
        let x = (0..<samples).map { n -> Complex<Float> in
            let z = noise.sample(using: &generator)
            let tone = Complex<Double>(length: 10, phase: 2 * Double.pi * 0.1 * Double(n))
            return Complex(Float(z.real + tone.real), Float(z.imaginary + tone.imaginary))
        }
        return SigMFRecording(samples: x, sampleRateHz: sampleRateHz, centerFrequencyHz: 2.4e9)
    }

    @Test func generateWritesLabelledSigMFThatReadsBack() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = runWTK([
            "spectrum", "generate", "--train-per-level", "0", "--validation-per-level", "1",
            "--test-per-level", "1", "--snr-min", "0", "--snr-max", "0", "--out-dir", folder.path, "--quiet",
        ])
        #expect(code == 0)
        let test = try SigMFRecording.read(from: folder.appendingPathComponent("test-snr0dB"))
        #expect(test.samples.count == 16_384 && test.sampleRateHz == 20e6)
        // The annotations are the generator's signals (round trip of the labels).
        let generator = try WidebandGenerator(seed: 20_250_101)  // the --seed default
        let example = generator.generate(snrDB: 0, snrIndex: 0, index: 4500)
        #expect(test.annotations.count == example.signals.count)
        for (annotation, interval) in zip(test.annotations, example.intervalsHz(labelWidth: .nominal)) {
            #expect(
                annotation.frequencyLowerEdgeHz == interval.lower && annotation.frequencyUpperEdgeHz == interval.upper)
        }
        #expect(listing(folder).contains("spectrum-dataset.csv") && listing(folder).contains("spectrum-dataset.svg"))
    }

    /// --fresh-data walks through the 4000-window training split in whole blocks and wraps.
    @Test func freshDataBlocksWalkTheTrainingSplit() throws {
        func split(_ perLevel: String) throws -> SpectrumTrainStudy.Configuration {
            var configuration = SpectrumTrainStudy.Configuration(start: .fresh(.compact()))
            configuration.trainIndices = try SpectrumDataOptions.parse(["--train-per-level", perLevel]).splits
                .trainIndices
            configuration.freshData = true
            return configuration
        }
        let blocks = try split("256")
        #expect(blocks.trainIndices(epoch: 0) == 0..<256)
        #expect(blocks.trainIndices(epoch: 1) == 256..<512)
        #expect(blocks.trainIndices(epoch: 14) == 3584..<3840)  // the last whole block (15 of 256)
        #expect(blocks.trainIndices(epoch: 15) == 0..<256)
        #expect(try split("4000").trainIndices(epoch: 3) == 0..<4000)
    }

    /// A two-epoch --fresh-data run trains (one window per epoch) and records the flag; --fresh-data
    /// with --captures, or a negative --min-delta, is a usage error.
    @Test func trainWithFreshDataAndItsUsageErrors() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let common = [
            "spectrum", "train", "--train-per-level", "1", "--validation-per-level", "1", "--snr-min", "0",
            "--snr-max", "0", "--widths", "2,2,2,2", "--context", "1", "--batch-size", "1", "--learning-rates",
            "1e-3", "--out-dir", folder.path, "--quiet",
        ]
        #expect(
            runWTK(common + ["--fresh-data", "--max-epochs", "2", "--patience", "5", "--gauss-multiplication"]) == 0)
        let checkpoint = try Checkpoint.read(from: folder.appendingPathComponent("spectrum-train.cmsn"))
        #expect(checkpoint.header.training?.history.count == 2)
        #expect(checkpoint.header.configuration.contextDilations == [1])
        let meta = try String(contentsOf: folder.appendingPathComponent("spectrum-train.meta.json"), encoding: .utf8)
        #expect(meta.contains("\"fresh_data\" : \"true\""))
        #expect(runWTK(common + ["--fresh-data", "--captures", "x.sigmf-meta"]) == 64)
        #expect(runWTK(common + ["--min-delta=-1"]) == 64)
        #expect(runWTK(common + ["--context", "0"]) == 64)
        #expect(runWTK(common + ["--architecture", "paper1d", "--context", "2"]) == 64)
        #expect(runWTK(common + ["--real", "--batch-norm", "naive"]) == 64)
        // Per-stage caps: one per learning rate, integers ≥ 1.
        #expect(runWTK(common + ["--max-epochs", "2,1"]) == 64)  // two caps, one stage
        #expect(runWTK(common + ["--max-epochs", "0"]) == 64)
        #expect(runWTK(common + ["--max-epochs", "x"]) == 64)
        let staged = try SpectrumTrainCommand.parse(["--learning-rates", "1e-3,1e-4", "--max-epochs", "8,2"])
        try staged.validate()
        #expect(staged.trainingConfiguration.stageEpochCaps == [8, 2])
        #expect(staged.trainingConfiguration.epochCap(stage: 1) == 2)
        // M = 1024 is above NetworkConfiguration.Limits.fftCount: refused while parsing, before any data (the
        // default context cut at N/8 is NetworkTests.layoutFromTrainingChoices).
        #expect(throws: (any Error).self) { try SpectrumTrainCommand.parse(["--fft-count", "1024"]) }
        let command = try SpectrumTrainCommand.parse(["--architecture", "paper1d", "--fft-count", "64"])
        try command.validate()
    }

    /// --initial-model --train-only head fine-tunes a trained checkpoint: the result keeps its
    /// architecture (whatever the layout flags say) and every non-head tensor; --resume cannot be
    /// combined with it.
    @Test func fineTuneTheHeadOfATrainedModel() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try tinyModel(in: folder)
        let tuned = folder.appendingPathComponent("tuned.cmsn")
        let arguments = [
            "spectrum", "train", "--initial-model", start.path, "--train-only", "head", "--train-per-level", "1",
            "--validation-per-level", "1", "--snr-min", "0", "--snr-max", "0", "--batch-size", "1",
            "--max-epochs", "1", "--learning-rates", "1e-2", "--widths", "5,5,5,5", "--model", tuned.path,
            "--out-dir", folder.path, "--quiet",
        ]
        #expect(runWTK(arguments) == 0)
        var original = try Checkpoint.read(from: start).makeNetwork()
        var result = try Checkpoint.read(from: tuned).makeNetwork()
        #expect(result.configuration == original.configuration)
        let moved = zip(original.parameterList(), result.parameterList()).filter { $0.value != $1.value }
        #expect(!moved.isEmpty && moved.allSatisfy { $0.0.name.hasPrefix("head.") }, "\(moved.map(\.0.name))")
        #expect(runWTK(arguments + ["--resume"]) == 64)
        #expect(runWTK(arguments.map { $0 == start.path ? folder.appendingPathComponent("none.cmsn").path : $0 }) != 0)
    }

    /// A truncated checkpoint passed as --model or --initial-model is bad data (exit 65) and the
    /// error names the file.
    @Test func truncatedCheckpointExits65AndNamesTheFile() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let bytes = try Data(contentsOf: model)
        let cut = folder.appendingPathComponent("cut.cmsn")
        try bytes.prefix(100).write(to: cut)
        #expect(throws: SpectrumNetError.self) { _ = try SpectrumModelLoading.load(cut.path) }
        do {
            _ = try SpectrumModelLoading.load(cut.path)
        } catch {
            #expect("\(error)".contains(cut.path), "\(error)")
        }
        #expect(
            runWTK([
                "spectrum", "train", "--initial-model", cut.path, "--train-per-level", "1", "--out-dir",
                folder.path, "--quiet",
            ]) == 65)
        let recording = folder.appendingPathComponent("capture")
        _ = try self.recording(samples: 16_384).write(to: recording)
        #expect(
            runWTK([
                "spectrum", "segment", recording.path + ".sigmf-meta", "--model", cut.path, "--out-dir",
                folder.path, "--quiet",
            ]) == 65)
    }

    /// --resume continues with the checkpoint's stored layout and training settings, whatever the
    /// flags say: a head-only run with three learning-rate stages, interrupted after one epoch,
    /// resumes with fewer stages, other widths and no --train-only on the command line, finishes all
    /// three stages and still trains the head alone.
    @Test func resumeKeepsTheStoredLayoutAndTrainingSettings() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = Xoshiro256StarStar(seed: 12)
        var network = try SegmentationNetwork<Float>(
            configuration: .compact(fftCount: 16, bins: 1024, widths: [2, 2, 2, 2], contextDilations: [1]),
            using: &generator)
        let original = network.parameterList()
        var configuration = TrainingConfiguration()
        configuration.batchSize = 1
        configuration.learningRates = [1e-2, 1e-3, 1e-4]
        configuration.maximumEpochsPerStage = 1
        configuration.trainableScope = .head
        configuration.seed = 20_250_101
        let generatorForData = try WidebandGenerator(seed: 20_250_101)
        let extractor = try SpectrumFeatureExtractor(for: network.configuration)
        let train = try SpectrumDataset.synthetic(
            generator: generatorForData, snrLevelsDB: [0], indices: 0..<1, extractor: extractor)
        let validation = try SpectrumDataset.synthetic(
            generator: generatorForData, snrLevelsDB: [0], indices: 4000..<4001, extractor: extractor)
        var session = SpectrumTrainer.Session()
        try SpectrumTrainer.train(
            network: &network, training: train, validation: validation, configuration: configuration,
            session: &session, maximumEpochs: 1)
        let model = folder.appendingPathComponent("run.cmsn")
        try Checkpoint(
            network: &network, training: session.state, trainingConfiguration: configuration,
            optimizer: session.optimizer, bestWeights: session.bestWeights
        ).write(to: model)
        #expect(
            runWTK([
                "spectrum", "train", "--resume", "--model", model.path, "--train-per-level", "1",
                "--validation-per-level", "1", "--snr-min", "0", "--snr-max", "0", "--learning-rates", "1e-3",
                "--widths", "3,3,3,3", "--out-dir", folder.path, "--quiet",
            ]) == 0)
        let resumed = try Checkpoint.read(from: model)
        #expect(resumed.header.configuration == network.configuration)
        #expect(resumed.header.trainingConfiguration == configuration)
        #expect(resumed.header.training?.history.count == 3 && resumed.header.training?.finished == true)
        var result = try resumed.makeNetwork()
        let moved = zip(original, result.parameterList()).filter { $0.value != $1.value }.map(\.0.name)
        #expect(!moved.isEmpty && moved.allSatisfy { $0.hasPrefix("head.") }, "\(moved)")
    }

    @Test func segmentWritesIntervalsAnnotationsAndFigure() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let base = folder.appendingPathComponent("capture")
        _ = try recording(samples: 2 * 16_384 + 100).write(to: base)
        let out = folder.appendingPathComponent("out")
        #expect(
            runWTK(["spectrum", "segment", base.path, "--model", model.path, "--out-dir", out.path, "--quiet"]) == 0)
        let files = listing(out)
        #expect(files.contains("spectrum-segment-emissions.csv") && files.contains("spectrum-segment.svg"))
        #expect(files.contains("spectrum-segment.sigmf-meta") && files.contains("spectrum-segment-emissions.meta.json"))
        // No copy of the data: the meta references the input's data file, which reads back through it.
        #expect(!files.contains("spectrum-segment.sigmf-data") && !files.contains { $0.hasSuffix(".part") })
        let annotated = try SigMFRecording.read(from: out.appendingPathComponent("spectrum-segment"))
        #expect(annotated.samples.count == 2 * 16_384 + 100)
        let table = try CSVReader.read(contentsOf: out.appendingPathComponent("spectrum-segment-emissions.csv"))
        let emissions = annotated.annotations.filter { $0.extraFields["wtk:source"] == .string("wtk spectrum segment") }
        #expect(emissions.count == table.rows.count && emissions.count == annotated.annotations.count)
        #expect(table.header.prefix(4) == ["capture", "start_s", "stop_s", "start_utc"])
        // RF edges: the centre frequency is known, so edges lie within 2.4 GHz ± 10 MHz.
        for annotation in emissions {
            #expect(abs(annotation.frequencyLowerEdgeHz! - 2.4e9) <= 10e6)
        }
        // Three windows, the last zero-padded (100 samples) and counted in the meta.
        #expect(annotated.extraGlobalFields["wtk:padded_windows"] == .integer(1))
    }

    @Test func badRecordingsExit65() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let out = folder.appendingPathComponent("out")
        // Sample-rate mismatch with the 20 MHz model.
        let slow = folder.appendingPathComponent("slow")
        _ = try recording(samples: 16_384, sampleRateHz: 10e6).write(to: slow)
        #expect(
            runWTK(["spectrum", "segment", slow.path, "--model", model.path, "--out-dir", out.path, "--quiet"]) == 65)
        // Empty data (a shorter recording is one zero-padded window, see segmentWritesIntervalsAnnotationsAndFigure).
        let empty = folder.appendingPathComponent("empty")
        let emptyFiles = try recording(samples: 16).write(to: empty)
        try Data().write(to: emptyFiles.data)
        #expect(
            runWTK(["spectrum", "segment", empty.path, "--model", model.path, "--out-dir", out.path, "--quiet"]) == 65)
        // Truncated data file (not a whole number of cf32 samples).
        let cut = folder.appendingPathComponent("cut")
        let files = try recording(samples: 16_384).write(to: cut)
        let data = try Data(contentsOf: files.data)
        try data.prefix(data.count - 3).write(to: files.data)
        #expect(
            runWTK(["spectrum", "segment", cut.path, "--model", model.path, "--out-dir", out.path, "--quiet"]) == 65)
        // NaN sample.
        // (The writer refuses NaN, so patch the data file: sample 77, in-phase float.)
        let nan = folder.appendingPathComponent("nan")
        let nanFiles = try recording(samples: 16_384).write(to: nan)
        var nanData = try Data(contentsOf: nanFiles.data)
        withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) {
            nanData.replaceSubrange((77 * 8)..<(77 * 8 + 4), with: $0)
        }
        try nanData.write(to: nanFiles.data)
        #expect(
            runWTK(["spectrum", "segment", nan.path, "--model", model.path, "--out-dir", out.path, "--quiet"]) == 65)
        // A corrupted checkpoint.
        var bytes = try Data(contentsOf: model)
        bytes[bytes.count / 2] ^= 0xFF
        let broken = folder.appendingPathComponent("broken.cmsn")
        try bytes.write(to: broken)
        let good = folder.appendingPathComponent("good")
        _ = try recording(samples: 16_384).write(to: good)
        #expect(
            runWTK(["spectrum", "segment", good.path, "--model", broken.path, "--out-dir", out.path, "--quiet"]) == 65)
        #expect(!listing(out).contains("spectrum-segment-emissions.csv"))
    }
}
