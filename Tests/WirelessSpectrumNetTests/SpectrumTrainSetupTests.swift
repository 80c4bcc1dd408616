import Foundation
import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// What `wtk spectrum train` asks of its configuration: epoch caps as typed, the work bound, the recorded settings.
@Test func epochCapsAreOneForEveryStageOrOnePerStage() {
    var training = TrainingConfiguration()
    training.learningRates = [1e-3, 1e-4]
    training.setEpochCaps([8])
    #expect(training.maximumEpochsPerStage == 8 && training.stageEpochCaps.isEmpty)
    #expect(training.epochCapsText == "8" && training.totalEpochCap == 16)
    training.setEpochCaps([8, 2])
    #expect(training.maximumEpochsPerStage == 8 && training.stageEpochCaps == [8, 2])
    #expect(training.epochCapsText == "8,2" && training.totalEpochCap == 10)
}

@Test func trainConfigurationRecordsItsSettings() {
    let layout = NetworkConfiguration.compact(fftCount: 16, bins: 1024)
    var configuration = SpectrumTrainStudy.Configuration(start: .fresh(layout))
    configuration.snrLevelsDB = [0, 10]
    configuration.trainIndices = 0..<32
    configuration.freshData = true
    #expect(configuration.windowsPerEpoch == 64)
    #expect(configuration.start.networkConfiguration == layout)
    let recorded = configuration.recordedParameters
    #expect(recorded["architecture"] == layout.summary)
    #expect(recorded["max_epochs"] == "50")
    #expect(recorded["fresh_data"] == "true" && recorded["resume"] == "false" && recorded["initial_model"] == "")
    configuration.captures = ["capture.sigmf-meta"]
    #expect(configuration.windowsPerEpoch == 0)
}

/// `validate()` refuses, before any data is made, what the trainer would refuse after: a batch above
/// `TrainingConfiguration.Limits.batchSize`, fresh data with captures or with no window per block, a bad layout.
@Test func trainConfigurationIsCheckedBeforeAnyData() throws {
    let layout = NetworkConfiguration.compact(fftCount: 16, bins: 1024)
    var training = TrainingConfiguration()
    training.batchSize = TrainingConfiguration.Limits.batchSize.upperBound
    var configuration = SpectrumTrainStudy.Configuration(start: .fresh(layout), training: training)
    try configuration.validate()
    configuration.training.batchSize += 1
    #expect(throws: SpectrumNetError.self) { try configuration.validate() }
    configuration.training = training
    configuration.freshData = true
    configuration.captures = ["capture.sigmf-meta"]
    #expect(throws: SpectrumNetError.self) { try configuration.validate() }
    configuration.captures = []
    configuration.trainIndices = 0..<0
    #expect(throws: SpectrumNetError.self) { try configuration.validate() }
    var wide = layout
    wide.widths = [4, 4, 4]
    #expect(throws: SpectrumNetError.self) { try SpectrumTrainStudy.Configuration(start: .fresh(wide)).validate() }
}

/// `Start.choosing` prefers the checkpoint to resume, then the initial model, then the fresh layout; a
/// resumed run keeps the training settings stored in its checkpoint.
@Test func trainStartIsChosenFromTheCommandLine() throws {
    let layout = NetworkConfiguration.compact(fftCount: 16, bins: 1024)
    let fresh = try SpectrumTrainStudy.Start.choosing(resuming: nil, initialModel: nil, fresh: { layout })
    guard case .fresh(let chosen) = fresh else {
        Issue.record("expected a fresh start")
        return
    }
    #expect(chosen == layout)
    #expect(throws: (any Error).self) {
        try SpectrumTrainStudy.Start.choosing(resuming: "/nonexistent/run.cmsn", initialModel: nil, fresh: { layout })
    }
    var training = TrainingConfiguration()
    training.batchSize = 7
    #expect(SpectrumTrainStudy.Configuration(start: fresh, training: training).training.batchSize == 7)
}

/// What `wtk spectrum segment` records beside its outputs: the source, the rule, the rate and the merging settings.
@Test func segmentConfigurationRecordsItsSettings() throws {
    var generator = SplitMix64(seed: 1)
    let network = try SegmentationNetwork<Float>(
        configuration: .compact(fftCount: 4, bins: 64, widths: [4, 4, 8, 8]), using: &generator)
    var configuration = SpectrumSegmentStudy.Configuration(
        input: .standardInput(datatype: .cf32LE), network: network)
    configuration.source = "-"
    #expect(configuration.recordedParameters["sample_rate_hz"] == "recording")
    configuration.sampleRateHz = 20e6
    configuration.maxGapWindows = 2
    let recorded = configuration.recordedParameters
    #expect(recorded["input"] == "-" && recorded["rule"] == DecisionRule.standard.summary)
    #expect(recorded["sample_rate_hz"] == "20000000.0" && recorded["max_gap_windows"] == "2")
    #expect(recorded["batch_windows"] == "16" && recorded["tolerance_bins"] == "1")
}
