import Foundation
import WirelessCore

extension TrainingConfiguration {
    /// Sets the epoch caps as a command line gives them: one value for every stage, or one per stage.
    ///
    /// - Parameter caps: Epoch caps, each ≥ 1; one value, or one per learning rate (empty: 50 per stage).
    public mutating func setEpochCaps(_ caps: [Int]) {
        maximumEpochsPerStage = caps.max() ?? 50
        stageEpochCaps = caps.count > 1 ? caps : []
    }

    /// The caps as `setEpochCaps` takes them: `50`, or `8,2` stage by stage.
    public var epochCapsText: String {
        stageEpochCaps.isEmpty ? String(maximumEpochsPerStage) : stageEpochCaps.map(String.init).joined(separator: ",")
    }

    /// The most epochs all stages can run (early stopping may end a stage sooner).
    public var totalEpochCap: Int {
        stageEpochCaps.isEmpty ? maximumEpochsPerStage * learningRates.count : stageEpochCaps.reduce(0, +)
    }
}

extension SpectrumTrainStudy.Start {
    /// The layout that is trained: the fresh layout, the initial network's or the checkpoint's.
    public var networkConfiguration: NetworkConfiguration {
        switch self {
        case .fresh(let layout): layout
        case .initial(let network, _): network.configuration
        case .resume(let stored, _): stored.header.configuration
        }
    }
}

extension SpectrumTrainStudy.Start {
    /// The start a command line asks for: the interrupted run stored in the checkpoint at `resuming`, else
    /// the trained network at `initialModel` (transfer learning), else new weights of `fresh`.
    /// - Throws: `IOError.missingFile` (exit 74) for a checkpoint that is not there, `SpectrumNetError`
    ///   naming the file for one that cannot be read or built (exit 65).
    public static func choosing(resuming: String?, initialModel: String?, fresh: () throws -> NetworkConfiguration)
        throws -> Self
    {
        if let resuming { return .resume(try SpectrumModelLoading.checkpoint(at: resuming), source: resuming) }
        if let initialModel { return .initial(try SpectrumModelLoading.load(initialModel).0, label: initialModel) }
        return .fresh(try fresh())
    }
}

extension SpectrumTrainStudy.Configuration {
    /// A configuration that trains with `training`, unless `start` resumes a run: a resumed run continues
    /// exactly as it was started, with the training settings (stages, batch, patience, δ, α, γ, seed,
    /// trainable scope) stored in its checkpoint.
    public init(start: SpectrumTrainStudy.Start, training: TrainingConfiguration) {
        self.init(start: start)
        if case .resume(let checkpoint, _) = start {
            self.training = checkpoint.header.trainingConfiguration ?? training
        } else {
            self.training = training
        }
    }

    /// Checks what can be checked before any data is generated or read: the training settings
    /// (`TrainingConfiguration.validate()`), a fresh layout (`NetworkConfiguration.validate()`), and the data:
    /// fresh data draws synthetic windows (not captures) in blocks of at least one window per SNR level.
    /// - Throws: `SpectrumNetError.invalidConfiguration` naming the setting.
    public func validate() throws(SpectrumNetError) {
        func fail(_ reason: String) -> SpectrumNetError { .invalidConfiguration(reason: reason) }
        try training.validate()
        if case .fresh(let layout) = start { try layout.validate() }
        if freshData && !captures.isEmpty {
            throw fail("fresh data applies to the synthetic data only, not to captures")
        }
        if freshData && trainIndices.isEmpty { throw fail("fresh data needs at least one training window per level") }
    }

    /// Training windows per epoch on the synthetic data (SNR levels × windows per level); 0 with captures,
    /// whose size is known only once they are read.
    public var windowsPerEpoch: Int { captures.isEmpty ? snrLevelsDB.count * trainIndices.count : 0 }

    /// The settings a run records beside its outputs: layout, stages, early stopping, loss, start and data mode
    /// (`architecture`, `batch_size`, `learning_rates`, `max_epochs`, `patience`, `min_delta`, `alpha`, `gamma`,
    /// `fresh_data`, `initial_model`, `train_only`, `resume`, `gauss_multiplication`).
    public var recordedParameters: [String: String] {
        let t = training
        var initialModel = ""
        var resume = false
        switch start {
        case .fresh: break
        case .initial(_, let label): initialModel = label
        case .resume: resume = true
        }
        return [
            "architecture": start.networkConfiguration.summary, "batch_size": String(t.batchSize),
            "learning_rates": t.learningRates.map { String($0) }.joined(separator: ","),
            "max_epochs": t.epochCapsText, "patience": String(t.patience), "min_delta": String(t.minimumImprovement),
            "alpha": String(t.focalAlpha), "gamma": String(t.focalGamma), "fresh_data": String(freshData),
            "initial_model": initialModel, "train_only": t.trainableScope.rawValue, "resume": String(resume),
            "gauss_multiplication": String(gaussMultiplication),
        ]
    }
}
