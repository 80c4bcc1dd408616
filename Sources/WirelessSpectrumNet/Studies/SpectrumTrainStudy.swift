import Foundation
import Numerics
import WirelessCore

/// The training study of `wtk spectrum train`: a CMuSeNet (or its real-valued counterpart) trained with
/// Adam in stages (one per learning rate, early stopping on the validation loss, the best weights
/// restored at the end of each stage) on the synthetic training split (or labelled captures, every
/// 10th window validating), with the loss and validation metrics per epoch.
///
/// The result's main table is deterministic for a seed; the `-timing` table (wall-clock) is not.
/// `checkpoint` receives a resumable checkpoint after every epoch (wall-clock fields zeroed).
///
///     var configuration = SpectrumTrainStudy.Configuration(start: .fresh(.compact(fftCount: 16, bins: 1024)))
///     configuration.training.maximumEpochsPerStage = 1
///     let result = try SpectrumTrainStudy(configuration).run(seed: 1)   // result.network, result.tables[0]
public struct SpectrumTrainStudy: Study {
    /// Where training starts.
    public enum Start: Sendable {
        /// New weights of this layout (drawn from the seed's stream 0xC0FFEE).
        case fresh(NetworkConfiguration)
        /// A trained network's weights and layout (transfer learning).
        case initial(SegmentationNetwork<Float>, label: String)
        /// An interrupted run: its weights, optimizer and position (`source` names the file in errors).
        case resume(Checkpoint, source: String)
    }

    /// What to train on, and how.
    public struct Configuration: Sendable {
        /// Where training starts.
        public var start: Start
        /// Stages, batch, early stopping, loss, seed (`training.seed` seeds the data and weights).
        public var training = TrainingConfiguration()
        /// The generator of the synthetic splits.
        public var generator = WidebandGeneratorConfiguration()
        /// SNR levels [dB].
        public var snrLevelsDB: [Double] = [0]
        /// Training example indices per level (the first block when `freshData`).
        public var trainIndices: Range<Int> = 0..<96
        /// Validation example indices per level.
        public var validationIndices: Range<Int> = 4000..<4016
        /// Draw new training windows every epoch (blocks of `trainIndices.count` through the 4000-window
        /// training range), holding one block in memory.
        public var freshData = false
        /// Labelled recordings to train on instead of the synthetic data (paths).
        public var captures: [String] = []
        /// Run the complex convolutions in the Gauss three-multiplication form.
        public var gaussMultiplication = false
        /// Provenance stored in the checkpoint (e.g. the command line), beside the seed and counts.
        public var provenance: [String: String] = [:]

        public init(start: Start) { self.start = start }

        /// The training indices of epoch `epoch` (fresh data: consecutive blocks through 0..<4000).
        public func trainIndices(epoch: Int) -> Range<Int> {
            guard freshData else { return trainIndices }
            let perLevel = trainIndices.count
            let blocks = Swift.max(1, 4000 / Swift.max(perLevel, 1))
            let start = (epoch % blocks) * perLevel
            return start..<(start + perLevel)
        }
    }

    /// The trained network and its log.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The trained network.
        public let network: SegmentationNetwork<Float>
        /// One record per epoch.
        public let history: [EpochRecord]
        /// Trainable parameters.
        public let parameterCount: Int
        /// Data generation and total wall time [s].
        public let generationSeconds: Double
        public let totalSeconds: Double

        public var tables: [StudyTable] {
            let epochs = history.indices.map { Double($0 + 1) }
            return [
                StudyTable(columns: [
                    StudyColumn("epoch", epochs),
                    StudyColumn("stage", history.map { Double($0.stage + 1) }),
                    StudyColumn("learning_rate", history.map(\.learningRate)),
                    StudyColumn("training_loss", history.map(\.trainingLoss)),
                    StudyColumn("validation_loss", history.map(\.validationLoss)),
                    StudyColumn("validation_accuracy", history.map(\.validationAccuracy)),
                    StudyColumn("validation_iou", history.map(\.validationIoU)),
                ]),
                // Wall-clock figures differ from run to run: their own table, outside the deterministic one.
                StudyTable(
                    name: "-timing",
                    columns: [
                        StudyColumn("epoch", epochs),
                        StudyColumn("epoch_seconds", history.map(\.seconds)),
                        StudyColumn("examples_per_second", history.map(\.examplesPerSecond)),
                    ]),
            ]
        }

        public var plots: [StudyPlot] {
            let epochs = history.indices.map { Double($0 + 1) }
            return [
                StudyPlot(
                    title: "CMuSeNet training (\(network.configuration.isComplex ? "complex" : "real-valued"))",
                    xLabel: "Epoch", yLabel: "Focal loss",
                    series: [
                        StudySeries("training", .line(x: epochs, y: history.map(\.trainingLoss))),
                        StudySeries("validation", .line(x: epochs, y: history.map(\.validationLoss))),
                    ])
            ]
        }

        public var summary: String {
            String(
                format: "spectrum train: %d parameters, %d epochs, data %.1f s, total %.1f s", parameterCount,
                history.count, generationSeconds, totalSeconds)
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Trains without keeping checkpoints.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        try run(progress: progress) { _ in }
    }

    /// Trains (the seed is `configuration.training.seed`, which a resumed run takes from its checkpoint),
    /// handing `checkpoint` a resumable checkpoint after every epoch.
    /// - Throws: `SpectrumNetError` (bad configuration, unreadable capture, too few capture windows),
    ///   `IOError` for a capture that cannot be read; whatever `checkpoint` throws.
    public func run(progress: any StudyProgress, checkpoint: (Checkpoint) throws -> Void) throws -> Result {
        let c = configuration
        let trainingConfig = c.training
        let networkConfig: NetworkConfiguration
        switch c.start {
        case .fresh(let layout): networkConfig = layout
        case .initial(let network, _): networkConfig = network.configuration
        case .resume(let stored, _): networkConfig = stored.header.configuration
        }
        let generator = try WidebandGenerator(configuration: c.generator, seed: trainingConfig.seed)
        let extractor = try SpectrumFeatureExtractor(for: networkConfig)
        progress.note(
            "spectrum train: generating \(c.snrLevelsDB.count) SNR levels × \(c.trainIndices.count) training and \(c.validationIndices.count) validation windows"
        )
        let started = Date()
        var training: SpectrumDataset
        let validation: SpectrumDataset
        if c.captures.isEmpty {
            training = try SpectrumDataset.synthetic(
                generator: generator, snrLevelsDB: c.snrLevelsDB, indices: c.trainIndices(epoch: 0),
                extractor: extractor)
            validation = try SpectrumDataset.synthetic(
                generator: generator, snrLevelsDB: c.snrLevelsDB, indices: c.validationIndices, extractor: extractor)
        } else {
            var parts: [SpectrumDataset] = []
            for path in c.captures {
                let (_, part, skipped) = try SpectrumRecordingInput.labelledWindows(path, extractor: extractor)
                if skipped > 0 { progress.note("spectrum train: \(path): \(skipped) labels outside the band skipped") }
                parts.append(part)
            }
            let all = SpectrumDataset.concatenated(parts)
            let validationIndices = Array(stride(from: 9, to: all.count, by: 10))
            let validationSet = Set(validationIndices)
            guard !validationIndices.isEmpty else {
                throw SpectrumNetError.lengthMismatch(
                    expected: 10 * extractor.windowSamples, found: all.count * extractor.windowSamples)
            }
            training = all.subset((0..<all.count).filter { !validationSet.contains($0) })
            validation = all.subset(validationIndices)
        }
        let generationSeconds = Date().timeIntervalSince(started)

        var network: SegmentationNetwork<Float>
        var session = SpectrumTrainer.Session()
        switch c.start {
        case .resume(let stored, let source):
            (network, session) = try SpectrumNetError.naming(file: source) {
                var network = try stored.makeNetwork()
                let session = try stored.session(for: &network)
                return (network, session)
            }
            progress.note(
                "spectrum train: resuming at stage \(session.state.stage + 1), epoch \(session.state.epochInStage + 1)")
        case .initial(let initial, let label):
            network = initial
            progress.note(
                "spectrum train: starting from \(label) (\(networkConfig.summary)), training \(trainingConfig.trainableScope.rawValue)"
            )
        case .fresh:
            var weights = Xoshiro256StarStar(seed: trainingConfig.seed, stream: 0xC0FFEE)
            network = try SegmentationNetwork<Float>(configuration: networkConfig, using: &weights)
        }
        network.setGaussMultiplication(c.gaussMultiplication)
        let provenance = c.provenance.merging([
            "seed": String(trainingConfig.seed), "train_examples": String(training.count),
            "validation_examples": String(validation.count),
        ]) { _, new in new }
        var trainingEpochIndices = c.trainIndices(epoch: 0)
        try SpectrumTrainer.train(
            network: &network,
            trainingEpoch: { epoch in
                let indices = c.trainIndices(epoch: epoch)
                if indices != trainingEpochIndices {
                    training = SpectrumDataset(
                        inputs: ComplexTensor(batch: 0, channels: extractor.fftCount, length: extractor.bins),
                        labels: [], snrDB: [])  // release the previous block before generating the next
                    training = try SpectrumDataset.synthetic(
                        generator: generator, snrLevelsDB: c.snrLevelsDB, indices: indices, extractor: extractor)
                    trainingEpochIndices = indices
                }
                return training
            },
            validation: validation, configuration: trainingConfig, session: &session,
            progress: { record in
                progress.note(
                    String(
                        format:
                            "stage %d epoch %2d lr %.0e: train loss %.5f, validation loss %.5f, accuracy %.4f, IoU %.4f, %.1f s (%.1f examples/s)",
                        record.stage + 1, record.epoch, record.learningRate, record.trainingLoss, record.validationLoss,
                        record.validationAccuracy, record.validationIoU, record.seconds, record.examplesPerSecond))
            },
            checkpoint: { network, session in
                // Deterministic bytes: wall-clock fields are zeroed in the checkpoint's copy of the log.
                var state = session.state
                for k in state.history.indices {
                    state.history[k].seconds = 0
                    state.history[k].examplesPerSecond = 0
                }
                let finished = session.state.finished
                try checkpoint(
                    Checkpoint(
                        network: &network, training: state, trainingConfiguration: trainingConfig,
                        optimizer: finished ? nil : session.optimizer,
                        bestWeights: finished ? nil : session.bestWeights, provenance: provenance))
            })
        var counted = network
        return Result(
            configuration: c, network: network, history: session.state.history,
            parameterCount: counted.trainableParameterCount(), generationSeconds: generationSeconds,
            totalSeconds: Date().timeIntervalSince(started))
    }
}
