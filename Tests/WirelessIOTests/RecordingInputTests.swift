import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessIO

@Suite struct RecordingInputTests {
    /// A raw .cf32 file needs the sample rate (a usage error without it); SigMF metadata is overridden.
    @Test func rawAndSigMFRecordings() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let samples = [Complex<Float>(1, -1), Complex<Float>(0.5, 2)]
        try RawCF32File.write(samples, to: folder.file("x.CF32"))
        let raw = try SigMFRecording.read(
            sigMFOrRawCF32: folder.file("x.CF32").path, sampleRateHz: 1e6, centerFrequencyHz: 2.4e9)
        #expect(raw.samples == samples && raw.sampleRateHz == 1e6 && raw.centerFrequencyHz == 2.4e9)
        let missing = RecordingInputError.sampleRateRequired(file: folder.file("x.CF32").path)
        #expect(throws: missing) {
            try SigMFRecording.read(
                sigMFOrRawCF32: folder.file("x.CF32").path, sampleRateHz: nil, centerFrequencyHz: nil)
        }
        #expect(missing.category == .invalidArgument)
        _ = try SigMFRecording(samples: samples, sampleRateHz: 2e6, centerFrequencyHz: 1e9).write(to: folder.file("y"))
        let kept = try SigMFRecording.read(
            sigMFOrRawCF32: folder.file("y").path, sampleRateHz: nil, centerFrequencyHz: nil)
        #expect(kept.sampleRateHz == 2e6 && kept.centerFrequencyHz == 1e9 && kept.samples == samples)
        let overridden = try SigMFRecording.read(
            sigMFOrRawCF32: folder.file("y").path, sampleRateHz: 4e6, centerFrequencyHz: 3e9)
        #expect(overridden.sampleRateHz == 4e6 && overridden.centerFrequencyHz == 3e9)
    }
}
