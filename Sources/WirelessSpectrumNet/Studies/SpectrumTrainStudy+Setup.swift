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

extension SpectrumTrainStudy.Configuration {
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
