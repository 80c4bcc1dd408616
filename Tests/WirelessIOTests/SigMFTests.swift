import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessIO

@Suite struct SigMFTests {
    static func randomSamples(count: Int, seed: UInt64) -> [Complex<Float>] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in
            Complex(Float(generator.nextUnitDouble() * 2 - 1), Float(generator.nextUnitDouble() * 2 - 1))
        }
    }

    static func writeMeta(_ json: String, data: [UInt8], base: URL) throws {
        try json.write(to: base.appendingPathExtension("sigmf-meta"), atomically: false, encoding: .utf8)
        try Data(data).write(to: base.appendingPathExtension("sigmf-data"))
    }

    @Test func cf32RoundTripPreservesEverything() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let recording = SigMFRecording(
            samples: Self.randomSamples(count: 257, seed: 5), sampleRateHz: 30.72e6, centerFrequencyHz: 3.5e9,
            annotations: [
                SigMFAnnotation(
                    sampleStart: 0, sampleCount: 100, frequencyLowerEdgeHz: 3.49e9, frequencyUpperEdgeHz: 3.51e9,
                    label: "ssb"),
                SigMFAnnotation(sampleStart: 120, sampleCount: 7),
            ],
            extraGlobalFields: [
                "core:author": .string("test"), "core:num_channels": .integer(1), "x:gain_db": .number(12.5),
            ])
        let (meta, data) = try recording.write(to: folder.file("capture"))
        #expect(meta.lastPathComponent == "capture.sigmf-meta" && data.lastPathComponent == "capture.sigmf-data")
        #expect(try Data(contentsOf: data).count == 257 * 8)
        for path in ["capture", "capture.sigmf-meta", "capture.sigmf-data"] {
            #expect(try SigMFRecording.read(from: folder.file(path)) == recording)
        }
        let metaText = try String(contentsOf: meta, encoding: .utf8)
        #expect(metaText.contains("\"core:datatype\" : \"cf32_le\""))
        #expect(try folder.contents() == ["capture.sigmf-data", "capture.sigmf-meta"])
    }

    /// A hand-made ci16_le file: bytes written out explicitly, values checked against x/32768.
    @Test func ci16FromHandMadeFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // (I, Q) = (16384, -32768), (32767, 1) as little-endian int16.
        let bytes: [UInt8] = [0x00, 0x40, 0x00, 0x80, 0xFF, 0x7F, 0x01, 0x00]
        try Self.writeMeta(
            """
            {"global": {"core:datatype": "ci16_le", "core:sample_rate": 1000000, "core:version": "1.0.0"},
             "captures": [{"core:sample_start": 0, "core:frequency": 915000000}],
             "annotations": [{"core:sample_start": 1, "core:sample_count": 1, "core:label": "burst"}]}
            """, data: bytes, base: folder.file("hand"))
        let recording = try SigMFRecording.read(from: folder.file("hand.sigmf-meta"))
        #expect(recording.datatype == .ci16LE)
        #expect(recording.sampleRateHz == 1e6)
        #expect(recording.centerFrequencyHz == 915e6)
        #expect(recording.samples == [Complex(0.5, -1), Complex(32767 / 32768, 1 / 32768)])
        #expect(recording.annotations == [SigMFAnnotation(sampleStart: 1, sampleCount: 1, label: "burst")])
        #expect(recording.extraGlobalFields.isEmpty)  // core:version is managed by the writer

        // Written back as ci16 it reproduces the same bytes.
        try recording.write(to: folder.file("again"))
        #expect(try Data(contentsOf: folder.file("again.sigmf-data")) == Data(bytes))
    }

    @Test func truncatedDataIsReported() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.writeMeta(
            #"{"global": {"core:datatype": "cf32_le", "core:sample_rate": 1e6}}"#,
            data: [UInt8](repeating: 0, count: 21),
            base: folder.file("t"))
        #expect(throws: IOError.truncated(file: folder.file("t.sigmf-data").path, expectedBytes: 24, actualBytes: 21)) {
            try SigMFRecording.read(from: folder.file("t"))
        }
    }

    @Test func unsupportedDatatypeIsNamed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.writeMeta(
            #"{"global": {"core:datatype": "ri8", "core:sample_rate": 1e6}}"#, data: [1, 2], base: folder.file("r"))
        #expect {
            try SigMFRecording.read(from: folder.file("r"))
        } throws: { error in
            guard case .unsupportedFormat(_, let reason) = error as? IOError else { return false }
            return reason.contains("'ri8'")
        }
    }

    @Test func nanSampleIsReportedWithItsIndex() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var samples = Self.randomSamples(count: 5, seed: 1)
        samples[3] = Complex(1, .nan)
        try Self.writeMeta(
            #"{"global": {"core:datatype": "cf32_le", "core:sample_rate": 1e6}}"#,
            data: [UInt8](IQSampleCodec.encodeCF32(samples)), base: folder.file("n"))
        #expect(
            throws: IOError.nonFiniteValue(
                file: folder.file("n.sigmf-data").path, line: nil, column: "sample 3 (quadrature)")
        ) {
            try SigMFRecording.read(from: folder.file("n"))
        }
        // The writer refuses NaN samples and writes nothing.
        #expect(throws: IOError.self) {
            try SigMFRecording(samples: samples, sampleRateHz: 1).write(to: folder.file("w"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("w.sigmf-meta").path))
    }

    @Test func missingFilesAndSampleRate() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(throws: IOError.missingFile(path: folder.file("absent.sigmf-meta").path)) {
            try SigMFRecording.read(from: folder.file("absent"))
        }
        try #"{"global": {"core:datatype": "cf32_le", "core:sample_rate": 1e6}}"#.write(
            to: folder.file("nodata.sigmf-meta"), atomically: false, encoding: .utf8)
        #expect(throws: IOError.missingFile(path: folder.file("nodata.sigmf-data").path)) {
            try SigMFRecording.read(from: folder.file("nodata"))
        }
        try Self.writeMeta(#"{"global": {"core:datatype": "cf32_le"}}"#, data: [], base: folder.file("norate"))
        #expect {
            try SigMFRecording.read(from: folder.file("norate"))
        } throws: { error in
            guard case .malformedInput(_, _, let column, _) = error as? IOError else { return false }
            return column == "core:sample_rate"
        }
        try Self.writeMeta("{not json", data: [], base: folder.file("badjson"))
        #expect(throws: IOError.self) { try SigMFRecording.read(from: folder.file("badjson")) }
    }

    @Test func rawCF32RoundTripAndChecks() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let samples = Self.randomSamples(count: 33, seed: 9)
        try RawCF32File.write(samples, to: folder.file("iq.cf32"))
        #expect(try RawCF32File.read(from: folder.file("iq.cf32")) == samples)
        // Independent little-endian decoding of sample 0's in-phase part.
        let bytes = try [UInt8](Data(contentsOf: folder.file("iq.cf32")))
        let bits = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24
        #expect(Float(bitPattern: bits) == samples[0].real)

        try Data(bytes.prefix(13)).write(to: folder.file("short.cf32"))
        #expect(throws: IOError.truncated(file: folder.file("short.cf32").path, expectedBytes: 16, actualBytes: 13)) {
            try RawCF32File.read(from: folder.file("short.cf32"))
        }
        var infinite = samples
        infinite[7] = Complex(.infinity, 0)
        try IQSampleCodec.encodeCF32(infinite).write(to: folder.file("inf.cf32"))
        #expect(
            throws: IOError.nonFiniteValue(file: folder.file("inf.cf32").path, line: nil, column: "sample 7 (in-phase)")
        ) {
            try RawCF32File.read(from: folder.file("inf.cf32"))
        }
    }
}

/// Overrides of a recording's sample rate and centre frequency are held to the ranges a file is held to,
/// and the message names the value as the caller calls it.
@Test func recordingOverridesAreHeldToTheFileRanges() {
    #expect(
        SigMFRecording.overrideProblem(sampleRateHz: 20e6, named: "rate", centerFrequencyHz: -2.4e9, named: "f")
            == nil)
    #expect(SigMFRecording.overrideProblem(sampleRateHz: nil, named: "rate", centerFrequencyHz: nil, named: "f") == nil)
    let rate = SigMFRecording.overrideProblem(
        sampleRateHz: 0, named: "--sample-rate", centerFrequencyHz: nil, named: "f")
    #expect(rate?.hasPrefix("--sample-rate must lie in") == true && rate?.hasSuffix("(got 0.0)") == true)
    let frequency = SigMFRecording.overrideProblem(
        sampleRateHz: 1, named: "rate", centerFrequencyHz: 2e13, named: "--frequency")
    #expect(frequency?.hasPrefix("--frequency must lie in") == true)
    #expect(
        SigMFRecording.overrideProblem(sampleRateHz: .nan, named: "rate", centerFrequencyHz: nil, named: "f") != nil)
}
