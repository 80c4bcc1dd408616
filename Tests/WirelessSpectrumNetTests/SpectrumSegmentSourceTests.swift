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
}
