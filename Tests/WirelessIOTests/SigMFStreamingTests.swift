import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessIO

/// Multi-capture SigMF, extension members, the chunked I/Q reader, growing outputs and the streamed meta writer.
@Suite struct SigMFStreamingTests {
    /// Every capture is read (start, frequency, datetime, other members) and written back; annotations keep
    /// their extension members; `captureRanges` gives each capture's samples.
    @Test func capturesAndExtensionMembersRoundTrip() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let samples = SigMFTests.randomSamples(count: 300, seed: 3)
        let recording = SigMFRecording(
            samples: samples, sampleRateHz: 1e6, centerFrequencyHz: 1e9,
            annotations: [
                SigMFAnnotation(
                    sampleStart: 5, sampleCount: 10, label: "x",
                    extraFields: ["wtk:snr_db": .number(3.5), "core:comment": .string("kept")])
            ],
            captures: [
                SigMFCapture(sampleStart: 0, frequencyHz: 1e9, datetime: "2026-12-07T14:00:00.000Z"),
                SigMFCapture(sampleStart: 100, frequencyHz: 2e9, extraFields: ["vendor:gain": .integer(30)]),
                SigMFCapture(sampleStart: 250),
            ])
        try recording.write(to: folder.file("multi"))
        let read = try SigMFRecording.read(from: folder.file("multi"))
        #expect(read.captures == recording.captures)
        #expect(read.annotations == recording.annotations)
        #expect(read.centerFrequencyHz == 1e9)
        let ranges = read.captureRanges(sampleCount: read.samples.count)
        #expect(ranges.map(\.samples) == [0..<100, 100..<250, 250..<300])
        #expect(ranges[0].capture.startDate == Date(timeIntervalSince1970: 1_796_652_000))
        // The meta alone reads without the data file.
        try FileManager.default.removeItem(at: folder.file("multi.sigmf-data"))
        let meta = try SigMFRecording.readMetadata(from: folder.file("multi.sigmf-meta"))
        #expect(meta.samples.isEmpty && meta.captures == recording.captures)
    }

    /// Capture starts must increase and lie inside the data: bad data naming the field.
    @Test func badCapturesAreBadData() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let data = [UInt8](repeating: 0, count: 8 * 10)
        for (captures, field) in [
            (#"[{"core:sample_start": 5}, {"core:sample_start": 5}]"#, "captures[1].core:sample_start"),
            (#"[{"core:sample_start": 0}, {"core:sample_start": 20}]"#, "captures[1].core:sample_start"),
            (#"[{"core:sample_start": 0, "core:frequency": "x"}]"#, "captures[0].core:frequency"),
            (#"[{"core:sample_start": 0, "core:datetime": 5}]"#, "captures[0].core:datetime"),
        ] {
            let base = folder.file("bad")
            try SigMFTests.writeMeta(
                #"{"global": {"core:datatype": "cf32_le", "core:sample_rate": 1e6}, "captures": \#(captures)}"#,
                data: data, base: base)
            #expect {
                try SigMFRecording.read(from: base)
            } throws: { error in
                guard case .malformedInput(_, _, let column, _) = error as? IOError else { return false }
                return column == field
            }
        }
    }

    /// A meta naming its data in `core:dataset` (a path relative to the meta's folder, or absolute) reads it.
    @Test func datasetReferenceIsFollowed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let samples = SigMFTests.randomSamples(count: 16, seed: 1)
        try SigMFRecording(samples: samples, sampleRateHz: 1e6).write(to: folder.file("source"))
        for reference in ["source.sigmf-data", folder.file("source.sigmf-data").path] {
            var meta = SigMFRecording(samples: samples, sampleRateHz: 1e6)
            meta.extraGlobalFields["core:dataset"] = .string(reference)
            try meta.metaJSON().write(to: folder.file("ref.sigmf-meta"))
            #expect(try SigMFRecording.read(from: folder.file("ref.sigmf-meta")).samples == samples)
        }
    }

    /// The reader's buffer capacity is what it holds at most: a file 40× larger is read in calls of at most
    /// capacity / 8 samples, every sample decoded as the whole-file reader does.
    @Test func streamReaderReadsInBoundedChunks() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let samples = SigMFTests.randomSamples(count: 40 * 128 + 3, seed: 9)
        try SigMFRecording(samples: samples, sampleRateHz: 1e6).write(to: folder.file("long"))
        let reader = try IQStreamReader(
            url: folder.file("long.sigmf-data"), datatype: .cf32LE, bufferCapacityBytes: 1024)
        #expect(reader.bufferCapacityBytes == 1024)
        var all: [Complex<Float>] = []
        var largest = 0
        while true {
            var chunk: [Complex<Float>] = []
            let got = try reader.read(into: &chunk, maxCount: 1 << 20)
            if got == 0 { break }
            largest = max(largest, got)
            all += chunk
        }
        #expect(largest <= 128)
        #expect(all == samples && reader.samplesRead == samples.count)
        // ci16: scaled by 1/32768 as the SigMF reader does.
        try SigMFRecording(samples: samples, sampleRateHz: 1e6, datatype: .ci16LE).write(to: folder.file("short"))
        let whole = try SigMFRecording.read(from: folder.file("short")).samples
        let ci16 = try IQStreamReader(url: folder.file("short.sigmf-data"), datatype: .ci16LE, bufferCapacityBytes: 64)
        var decoded: [Complex<Float>] = []
        while try ci16.read(into: &decoded, maxCount: 1000) > 0 {}
        #expect(decoded == whole)
    }

    /// A stream that ends inside a sample, an empty stream and a NaN are bad data naming the file and sample.
    @Test func streamReaderErrors() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Data(repeating: 0, count: 8 * 3 + 5).write(to: folder.file("cut.cf32"))
        let cut = try IQStreamReader(url: folder.file("cut.cf32"), datatype: .cf32LE, bufferCapacityBytes: 16)
        var sink: [Complex<Float>] = []
        #expect(throws: IOError.self) { while try cut.read(into: &sink, maxCount: 100) > 0 {} }
        try Data().write(to: folder.file("empty.cf32"))
        let empty = try IQStreamReader(url: folder.file("empty.cf32"), datatype: .cf32LE)
        #expect(throws: IOError.truncated(file: folder.file("empty.cf32").path, expectedBytes: 8, actualBytes: 0)) {
            try empty.read(into: &sink, maxCount: 100)
        }
        var bytes = Data(repeating: 0, count: 8 * 20)
        withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) {
            bytes.replaceSubrange((13 * 8 + 4)..<(13 * 8 + 8), with: $0)
        }
        try bytes.write(to: folder.file("nan.cf32"))
        let nan = try IQStreamReader(url: folder.file("nan.cf32"), datatype: .cf32LE, bufferCapacityBytes: 32)
        #expect {
            while try nan.read(into: &sink, maxCount: 100) > 0 {}
        } throws: { error in
            guard case .nonFiniteValue(_, _, let column) = error as? IOError else { return false }
            return column == "sample 13 (quadrature)"
        }
        #expect(throws: IOError.self) { _ = try IQStreamReader(url: folder.file("missing.cf32"), datatype: .cf32LE) }
    }

    /// A live output grows as `<name>.part` and takes its name only when finished; the streamed meta reads back
    /// as SigMF with its annotations in order.
    @Test func liveOutputAndStreamedMeta() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try LiveOutputFile(url: folder.file("rows.csv"))
        try file.append("a,b\n")
        #expect(try folder.contents() == ["rows.csv.part"])
        #expect(try String(contentsOf: folder.file("rows.csv.part"), encoding: .utf8) == "a,b\n")
        try file.finish()
        #expect(try folder.contents() == ["rows.csv"])

        let metaFile = try LiveOutputFile(url: folder.file("s.sigmf-meta"))
        let writer = SigMFMetaStreamWriter(file: metaFile)
        try writer.begin()
        let annotations = (0..<3).map {
            SigMFAnnotation(sampleStart: $0, sampleCount: 1, label: "e\($0)", extraFields: ["wtk:windows": .integer(1)])
        }
        for a in annotations { try writer.append(a) }
        var head = SigMFRecording(
            samples: [], sampleRateHz: 2e6, datatype: .ci16LE, extraGlobalFields: ["core:metadata_only": .bool(true)],
            captures: [SigMFCapture(sampleStart: 0, frequencyHz: 1e9), SigMFCapture(sampleStart: 10, frequencyHz: 2e9)])
        try writer.end(head)
        try metaFile.finish()
        let read = try SigMFRecording.readMetadata(from: folder.file("s.sigmf-meta"))
        #expect(read.annotations == annotations && read.captures == head.captures && read.datatype == .ci16LE)
        #expect(read.extraGlobalFields["core:metadata_only"] == .bool(true))
        // No annotation at all is still valid JSON.
        let emptyFile = try LiveOutputFile(url: folder.file("e.sigmf-meta"))
        let emptyWriter = SigMFMetaStreamWriter(file: emptyFile)
        try emptyWriter.begin()
        head.captures = []
        try emptyWriter.end(head)
        try emptyFile.finish()
        #expect(try SigMFRecording.readMetadata(from: folder.file("e.sigmf-meta")).annotations.isEmpty)
    }
}
