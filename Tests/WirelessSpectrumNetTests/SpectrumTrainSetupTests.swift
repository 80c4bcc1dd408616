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
