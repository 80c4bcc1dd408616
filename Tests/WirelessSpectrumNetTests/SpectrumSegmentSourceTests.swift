import Foundation
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessSpectrumNet

@Suite struct SpectrumSegmentSourceTests {
    @Test func relativePathsWalkUpToTheCommonFolder() {
        #expect(SpectrumSegmentStudy.Source.relativePath(of: "/a/b/c.x", from: "/a/d/e") == "../../b/c.x")
        #expect(SpectrumSegmentStudy.Source.relativePath(of: "/a/c.x", from: "/a") == "c.x")
    }

    @Test func rawSamplesAndStandardInputNeedARate() {
        #expect(throws: SpectrumNetError.self) {
            try SpectrumSegmentStudy.Source("-", sampleRateHz: nil, frequencyHz: nil, streamDatatype: .ci16LE)
        }
        #expect(throws: SpectrumNetError.self) {
            try SpectrumSegmentStudy.Source("x.cf32", sampleRateHz: nil, frequencyHz: nil, streamDatatype: .cf32LE)
        }
    }

    /// A stream has no file to point at: its output meta is metadata-only and carries the run's counts.
    @Test func aStreamsOutputMetaIsMetadataOnly() throws {
        let source = try SpectrumSegmentStudy.Source(
            "-", sampleRateHz: 20e6, frequencyHz: 2.44e9, streamDatatype: .ci16LE)
        var counts = SpectrumStreamSegmenter.Summary()
        counts.emissions = 3
        let meta = source.outputMetadata(
            captures: [SigMFCapture(sampleStart: 0, frequencyHz: 2.44e9)], copiedData: false, outputFolder: "/tmp",
            counts: counts)
        #expect(meta.extraGlobalFields["core:metadata_only"] == .bool(true))
        #expect(meta.extraGlobalFields["core:dataset"] == nil)
        #expect(meta.extraGlobalFields["wtk:emissions"] == .integer(3))
        #expect(meta.datatype == .ci16LE)
    }

    /// The configuration takes the input's rate and gives a capture-less input one capture at its centre
    /// frequency; an input at another rate than the model's is refused before any output exists.
    @Test func configurationChecksTheRateAndFillsTheCaptures() throws {
        var generator = Xoshiro256StarStar(seed: 1)
        let network = try SegmentationNetwork<Float>(
            configuration: .compact(fftCount: 16, bins: 1024, widths: [2, 2, 2, 2]), using: &generator)
        let source = try SpectrumSegmentStudy.Source(
            "-", sampleRateHz: 20e6, frequencyHz: 2.44e9, streamDatatype: .ci16LE)
        let configuration = try source.configuration(network: network, path: "-")
        #expect(configuration.sampleRateHz == 20e6 && configuration.source == "-")
        #expect(configuration.captures == [SigMFCapture(sampleStart: 0, frequencyHz: 2.44e9)])
        var counts = SpectrumStreamSegmenter.Summary()
        counts.samples = 40_000_000  // 2 s at 20 MS/s, in 4 s of work
        let result = SpectrumSegmentStudy.Result(
            configuration: configuration, emissions: [], summaryCounts: counts, firstWindow: ([], [], []))
        #expect(result.speedSummary(elapsed: .seconds(4)).hasPrefix("spectrum segment: real-time factor 0.50 ("))
        let slow = try SpectrumSegmentStudy.Source("-", sampleRateHz: 10e6, frequencyHz: nil, streamDatatype: .ci16LE)
        #expect(
            throws: SpectrumNetError.inRecording(file: "-", error: .sampleRateMismatch(expectedHz: 20e6, foundHz: 10e6))
        ) {
            _ = try slow.configuration(network: network, path: "-")
        }
    }
}
