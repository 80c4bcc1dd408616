import Foundation
import Testing
import WirelessCore

@testable import WirelessSpectrumNet

@Suite struct MetricsTests {
    func mask(_ text: String) -> [Bool] { text.map { $0 == "1" } }

    @Test func handMadeMasks() {
        var metrics = SegmentationMetrics()
        // truth runs [2,6) and [8,10); prediction runs [3,6) and [9,10) plus a false alarm at 0.
        metrics.add(prediction: mask("1001110001"), truth: mask("0011110011"))
        #expect(metrics.truePositives == 4 && metrics.falsePositives == 1)
        #expect(metrics.falseNegatives == 2 && metrics.trueNegatives == 3)
        #expect(abs(metrics.accuracy - 0.7) < 1e-12)
        #expect(abs(metrics.falseAlarmRate - 0.25) < 1e-12)
        #expect(abs(metrics.meanIoU - 4.0 / 7.0) < 1e-12)
        // Interval IoUs: [2,6) vs [3,6) = 3/4; [8,10) vs [9,10) = 1/2; [0,1) matches nothing useful.
        #expect(metrics.groundTruthIntervals == 2 && metrics.predictedIntervals == 3)
        #expect(metrics.recallAtIoU == [1.0, 0.5, 0.0])
        #expect(abs(metrics.meanIntervalIoU - 0.625) < 1e-12)
    }

    @Test func hungarianPairingMaximisesTotalIoU() {
        // Truth runs [0,4), [5,9); prediction runs [2,6), [7,9).
        var metrics = SegmentationMetrics()
        metrics.add(prediction: mask("0011110110"), truth: mask("1111011110"))
        // Optimal: [0,4)↔[2,6) IoU 2/6, [5,9)↔[7,9) IoU 2/4; total 0.833 (vs crossing 0 + 1/9).
        #expect(abs(metrics.meanIntervalIoU - (2.0 / 6.0 + 0.5) / 2) < 1e-12)
    }

    @Test func emptyMasksScoreOneAndMissedExamplesCount() {
        var metrics = SegmentationMetrics()
        metrics.add(prediction: mask("0000"), truth: mask("0000"))
        #expect(metrics.meanIoU == 1)
        metrics.add(prediction: mask("0000"), truth: mask("0110"))
        #expect(metrics.meanIoU == 0.5)
        #expect(metrics.recallAtIoU == [0, 0, 0])
    }

    @Test func intervalIoUOnHalfOpenRuns() {
        let g = [BinInterval(start: 0, end: 4), BinInterval(start: 4, end: 6)]
        let p = [BinInterval(start: 1, end: 5)]
        #expect(abs(g[0].intersectionOverUnion(p[0]) - 0.6) < 1e-12)
        #expect(abs(g[1].intersectionOverUnion(p[0]) - 0.2) < 1e-12)
        #expect(BinInterval.runs(mask("0110011")) == [BinInterval(start: 1, end: 3), BinInterval(start: 5, end: 7)])
        #expect(BinInterval(start: 3, end: 4).intersectionOverUnion(BinInterval(start: 3, end: 4)) == 1)
    }

    @Test func decisionRules() throws {
        let re: [Float] = [0.9, 0.2, 0.7, 0.1, 0.1]
        let im: [Float] = [0.1, 0.8, 0.6, 0.1, 0.1]
        #expect(
            try DecisionRule(part: .real).decide(real: re[...], imaginary: im[...]) == [
                true, false, true, false, false,
            ])
        #expect(
            try DecisionRule(part: .and).decide(real: re[...], imaginary: im[...]) == [
                false, false, true, false, false,
            ])
        #expect(
            try DecisionRule(part: .or).decide(real: re[...], imaginary: im[...]) == [true, true, true, false, false])
        #expect(
            try DecisionRule(part: .real, dilationBins: 1).decide(real: re[...], imaginary: im[...])
                == [true, true, true, true, false])
        #expect(throws: SpectrumNetError.self) { try DecisionRule(threshold: 1) }
    }
}

@Suite struct CheckpointTests {
    func smallNetwork(seed: UInt64) throws -> SegmentationNetwork<Float> {
        var generator = Xoshiro256StarStar(seed: seed)
        return try SegmentationNetwork<Float>(
            configuration: .compact(fftCount: 2, bins: 32, widths: [2, 3, 3, 4], contextDilations: [1, 2]),
            using: &generator)
    }

    @Test func roundTripIsBitIdentical() throws {
        var network = try smallNetwork(seed: 1)
        var state = TrainingState()
        state.stage = 1
        state.history = [
            EpochRecord(
                stage: 0, epoch: 1, learningRate: 1e-3, trainingLoss: 0.5, validationLoss: 0.4,
                validationAccuracy: 0.9, validationIoU: 0.5, seconds: 0, examplesPerSecond: 0)
        ]
        let bytes = try Checkpoint(network: &network, training: state, provenance: ["command": "test"]).encoded()
        let decoded = try Checkpoint.decode(bytes)
        var loaded = try decoded.makeNetwork()
        #expect(loaded.parameterList() == network.parameterList())
        #expect(decoded.header.training == state)
        #expect(try Checkpoint(network: &loaded, training: state, provenance: ["command": "test"]).encoded() == bytes)
        // Through the file system (atomic write).
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wtk-ckpt-\(UUID().uuidString).cmsn")
        defer { try? FileManager.default.removeItem(at: url) }
        try Checkpoint(network: &network).write(to: url)
        var fromFile = try Checkpoint.read(from: url).makeNetwork()
        #expect(fromFile.parameterList() == network.parameterList())
    }

    @Test func corruptionIsDetectedInOrder() throws {
        var network = try smallNetwork(seed: 2)
        let bytes = try Checkpoint(network: &network).encoded()
        var badMagic = bytes
        badMagic[0] = UInt8(ascii: "X")
        #expect(throws: SpectrumNetError.badMagic) { try Checkpoint.decode(badMagic) }
        var badVersion = bytes
        badVersion[8] = 2
        #expect(throws: SpectrumNetError.unsupportedVersion(2)) { try Checkpoint.decode(badVersion) }
        let truncated = bytes.prefix(bytes.count - 10)
        #expect {
            try Checkpoint.decode(Data(truncated))
        } throws: { error in
            if case SpectrumNetError.truncated = error { return true } else { return false }
        }
        var flipped = bytes
        flipped[bytes.count - 40] ^= 0x10
        #expect {
            try Checkpoint.decode(flipped)
        } throws: { error in
            if case SpectrumNetError.checksumMismatch = error { return true } else { return false }
        }
    }

    @Test func architectureMismatchLoadsNothing() throws {
        var network = try smallNetwork(seed: 3)
        let checkpoint = try Checkpoint.decode(try Checkpoint(network: &network).encoded())
        #expect {
            _ = try checkpoint.makeNetwork(
                expecting: .compact(fftCount: 2, bins: 32, widths: [2, 3, 3, 5], contextDilations: [1, 2]))
        } throws: { error in
            if case SpectrumNetError.architectureMismatch = error { return true } else { return false }
        }
    }
}
