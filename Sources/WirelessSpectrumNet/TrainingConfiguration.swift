import Numerics

/// Training hyper-parameters (docs/SPECTRUM.md#training; defaults from the authors' public code).
public struct TrainingConfiguration: Sendable, Equatable, Codable {
    /// Examples per Adam step, ≥ 1 (64); the last partial batch is kept.
    public var batchSize: Int = 64
    /// One stage per learning rate, each with a fresh Adam ([1e-3, 1e-4]).
    public var learningRates: [Double] = [1e-3, 1e-4]
    /// Epoch cap per stage, ≥ 1 (50); `stageEpochCaps` overrides it stage by stage.
    public var maximumEpochsPerStage: Int = 50
    /// Epoch caps, one per stage (each ≥ 1), or empty for `maximumEpochsPerStage` in every stage.
    public var stageEpochCaps: [Int] = []
    /// Early stopping: stop a stage after this many epochs without improvement, ≥ 1 (3).
    public var patience: Int = 3
    /// Early stopping: validation loss must fall by more than δ (absolute, 1e-3).
    public var minimumImprovement: Double = 1e-3
    /// CFL α > 0 (1).
    public var focalAlpha: Double = 1
    /// CFL γ ≥ 0 (2).
    public var focalGamma: Double = 2
    /// Seeds the per-epoch shuffles.
    public var seed: UInt64 = 1
    /// Which parameters train (transfer learning; docs/SPECTRUM.md#training project choices).
    public var trainableScope: TrainableScope = .all

    /// The parameters a run optimises.
    public enum TrainableScope: String, Sendable, Equatable, Codable, CaseIterable {
        /// Every parameter; batch-norm running statistics adapt (fine-tune all, as for BIG-RED).
        case all
        /// The output head only (retrain the head, as for the indoor OTA set). The body runs in
        /// inference mode: its weights and batch-norm running statistics stay frozen, and no
        /// gradient flows into it.
        case head
    }

    public init() {}

    /// The epoch cap of stage `stage` (0-based).
    public func epochCap(stage: Int) -> Int {
        stageEpochCaps.indices.contains(stage) ? stageEpochCaps[stage] : maximumEpochsPerStage
    }

    private enum CodingKeys: String, CodingKey {
        case batchSize, learningRates, maximumEpochsPerStage, stageEpochCaps, patience, minimumImprovement
        case focalAlpha, focalGamma, seed, trainableScope
    }

    /// Decodes a configuration; checkpoints written before `trainableScope` existed trained
    /// everything, and those written before `stageEpochCaps` had one cap for all stages.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        batchSize = try container.decode(Int.self, forKey: .batchSize)
        learningRates = try container.decode([Double].self, forKey: .learningRates)
        maximumEpochsPerStage = try container.decode(Int.self, forKey: .maximumEpochsPerStage)
        stageEpochCaps = try container.decodeIfPresent([Int].self, forKey: .stageEpochCaps) ?? []
        patience = try container.decode(Int.self, forKey: .patience)
        minimumImprovement = try container.decode(Double.self, forKey: .minimumImprovement)
        focalAlpha = try container.decode(Double.self, forKey: .focalAlpha)
        focalGamma = try container.decode(Double.self, forKey: .focalGamma)
        seed = try container.decode(UInt64.self, forKey: .seed)
        trainableScope = try container.decodeIfPresent(TrainableScope.self, forKey: .trainableScope) ?? .all
    }

    /// The valid range of every field, checked by `validate()` (by the trainer, and by
    /// `Checkpoint.decode` for a stored configuration before a run resumes from it).
    ///
    ///     batchSize                1 … 1024
    ///     learningRates            1 … 16 stages, each in (0, 1]
    ///     maximumEpochsPerStage    1 … 100 000   (each of stageEpochCaps too; one per stage or none)
    ///     patience                 1 … 100 000
    ///     minimumImprovement       finite, ≥ 0
    ///     focalAlpha               finite, > 0;  focalGamma finite, ≥ 0
    public enum Limits {
        /// Examples per step.
        public static let batchSize = 1...1024
        /// Learning-rate stages.
        public static let stages = 1...16
        /// Epochs per stage (cap), and patience [epochs].
        public static let epochs = 1...100_000
    }

    /// - Throws: `SpectrumNetError.invalidConfiguration` naming the field and its range.
    public func validate() throws(SpectrumNetError) {
        func fail(_ reason: String) -> SpectrumNetError { .invalidConfiguration(reason: reason) }
        guard Limits.batchSize.contains(batchSize) else {
            throw fail("batch size \(batchSize) is outside 1...\(Limits.batchSize.upperBound)")
        }
        guard Limits.stages.contains(learningRates.count) else {
            throw fail("\(learningRates.count) learning-rate stages; 1...\(Limits.stages.upperBound) are supported")
        }
        guard learningRates.allSatisfy({ $0 > 0 && $0 <= 1 }) else {
            throw fail("learning rates \(learningRates) must each lie in (0, 1]")
        }
        guard Limits.epochs.contains(maximumEpochsPerStage), stageEpochCaps.allSatisfy({ Limits.epochs.contains($0) })
        else {
            throw fail("epoch caps must lie in 1...\(Limits.epochs.upperBound)")
        }
        guard Limits.epochs.contains(patience) else {
            throw fail("patience \(patience) is outside 1...\(Limits.epochs.upperBound) epochs")
        }
        guard minimumImprovement >= 0, minimumImprovement.isFinite else {
            throw fail("the minimum improvement δ must be finite and ≥ 0 (got \(minimumImprovement))")
        }
        guard stageEpochCaps.isEmpty || stageEpochCaps.count == learningRates.count else {
            throw fail("\(stageEpochCaps.count) epoch caps for \(learningRates.count) learning-rate stages")
        }
        _ = try ComplexFocalLoss(alpha: focalAlpha, gamma: focalGamma)
    }
}

/// One epoch of the training log.
public struct EpochRecord: Sendable, Equatable, Codable {
    /// Stage index (learning-rate step), ≥ 0.
    public var stage: Int
    /// Epoch within the stage, ≥ 1.
    public var epoch: Int
    public var learningRate: Double
    /// Mean training loss over the epoch's batches.
    public var trainingLoss: Double
    public var validationLoss: Double
    /// Validation per-bin accuracy and mean mask IoU (decision rule Re > 0.5).
    public var validationAccuracy: Double
    public var validationIoU: Double
    /// Wall time of the epoch [s] (not stored in deterministic checkpoints; 0 there).
    public var seconds: Double
    /// Training throughput, forward + backward [examples/s].
    public var examplesPerSecond: Double
}

/// Where a training run stands; stored in checkpoints so a run resumes.
public struct TrainingState: Sendable, Equatable, Codable {
    public var stage = 0
    /// Epochs completed in the current stage.
    public var epochInStage = 0
    /// Epochs completed overall (seeds the next shuffle).
    public var totalEpochs = 0
    /// The early-stopping reference: the last validation loss that improved on its predecessor by
    /// more than δ (patience counts epochs since).
    public var bestValidationLoss = Double.infinity
    public var epochsWithoutImprovement = 0
    /// The lowest validation loss seen; its weights are the ones restored at the end of a stage.
    ///
    /// Kept apart from `bestValidationLoss` (project choice): the authors' absolute δ = 1e-3 only
    /// decides whether training still improves. Restoring the δ-reference weights instead would
    /// throw away epochs that lower a ≈ 0.01 focal loss by less than 1e-3 (docs/SPECTRUM.md#pitfalls, pitfall 4).
    public var lowestValidationLoss = Double.infinity
    /// Adam steps taken in the current stage.
    public var adamStep = 0
    public var finished = false
    public var history: [EpochRecord] = []

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case stage, epochInStage, totalEpochs, bestValidationLoss, epochsWithoutImprovement
        case lowestValidationLoss, adamStep, finished, history
    }

    /// Decodes a state; checkpoints written before `lowestValidationLoss` existed restored the
    /// δ-reference weights, so it starts equal to `bestValidationLoss`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stage = try container.decode(Int.self, forKey: .stage)
        epochInStage = try container.decode(Int.self, forKey: .epochInStage)
        totalEpochs = try container.decode(Int.self, forKey: .totalEpochs)
        bestValidationLoss = try container.decode(Double.self, forKey: .bestValidationLoss)
        epochsWithoutImprovement = try container.decode(Int.self, forKey: .epochsWithoutImprovement)
        lowestValidationLoss =
            try container.decodeIfPresent(Double.self, forKey: .lowestValidationLoss) ?? bestValidationLoss
        adamStep = try container.decode(Int.self, forKey: .adamStep)
        finished = try container.decode(Bool.self, forKey: .finished)
        history = try container.decode([EpochRecord].self, forKey: .history)
    }
}

extension TrainingState {
    /// Checks a stored state: every counter ≥ 0 (a negative stage would index the learning rates
    /// out of range when a run resumes).
    ///
    /// - Throws: `SpectrumNetError.invalidConfiguration` naming the counter.
    public func validate() throws(SpectrumNetError) {
        let counters = [
            ("stage", stage), ("epochInStage", epochInStage), ("totalEpochs", totalEpochs),
            ("epochsWithoutImprovement", epochsWithoutImprovement), ("adamStep", adamStep),
        ]
        for (name, value) in counters where value < 0 {
            throw SpectrumNetError.invalidConfiguration(reason: "training state \(name) = \(value) is negative")
        }
    }
}
