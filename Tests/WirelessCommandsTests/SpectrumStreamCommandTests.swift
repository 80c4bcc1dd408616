import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO
import WirelessSpectrumNet

@testable import WirelessCommands

/// `wtk spectrum segment` on streams and multi-capture recordings, and `evaluate --captures` SNRs
/// (docs/SPECTRUM.md#streaming, #emissions). Streams run the built `wtk` in a subprocess with a real pipe.
@Suite struct SpectrumStreamCommandTests {
    static let w = 16_384

    struct Run {
        var status: Int32
        var stderr: String
    }

    /// Runs the built `wtk` with `input` written into its standard input through a pipe by another thread
    /// (`generate` makes the bytes a chunk at a time, so the test never holds a long stream either).
    static func run(_ arguments: [String], input: @escaping @Sendable (FileHandle) -> Void) throws -> Run {
        let process = Process()
        process.executableURL = CrossProcessDeterminismTests.executable
        process.arguments = arguments
        let stdin = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        let writer = Thread {
            input(stdin.fileHandleForWriting)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let text = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stderr: String(decoding: text, as: UTF8.self))
    }

    /// A tone switching on and off every 3 windows over noise, `count` samples from sample `first`.
    static func scene(_ range: Range<Int>, seed: UInt64 = 4) -> [Complex<Float>] {
        var generator = Xoshiro256StarStar(seed: seed &+ UInt64(range.lowerBound))
        return range.map { n in
            let on = (n / w) % 6 < 3
            let phase = 2 * Double.pi * 0.125 * Double(n)
            let noise = Complex<Float>(
                Float(generator.nextUnitDouble() - 0.5) * 0.02, Float(generator.nextUnitDouble() - 0.5) * 0.02)
            return (on ? Complex(Float(Foundation.cos(phase)) * 0.5, Float(Foundation.sin(phase)) * 0.5) : .zero)
                + noise
        }
    }

    /// Reading standard input through a pipe gives the same emissions, byte for byte, as reading the same
    /// samples from a file; the meta differs only in how it points at the data (core:dataset vs metadata-only).
    @Test(.enabled(if: CrossProcessDeterminismTests.executable != nil, "wtk not built beside the tests"))
    func pipeEqualsFile() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let samples = Self.scene(0..<(7 * Self.w + 777))
        let file = folder.appendingPathComponent("scene.cf32")
        try RawCF32File.write(samples, to: file)
        let common = ["--sample-rate", "20e6", "--frequency", "2.44e9", "--model", model.path, "--quiet"]
        let a = folder.appendingPathComponent("file")
        let b = folder.appendingPathComponent("pipe")
        let fromFile = try Self.run(["spectrum", "segment", file.path, "--out-dir", a.path] + common) { _ in }
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
        let bytes = try Data(contentsOf: file)
        let fromPipe = try Self.run(
            ["spectrum", "segment", "-", "--datatype", "cf32_le", "--out-dir", b.path] + common
        ) { handle in
            // In uneven pieces, as a receiver delivers them.
            var offset = 0
            var piece = 1000
            while offset < bytes.count {
                let end = min(bytes.count, offset + piece)
                handle.write(bytes.subdata(in: offset..<end))
                offset = end
                piece = piece * 3 % 70_001 + 8
            }
        }
        #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
        let csvA = try Data(contentsOf: a.appendingPathComponent("spectrum-segment-emissions.csv"))
        let csvB = try Data(contentsOf: b.appendingPathComponent("spectrum-segment-emissions.csv"))
        #expect(csvA == csvB)
        let metaA = try SigMFRecording.readMetadata(from: a.appendingPathComponent("spectrum-segment.sigmf-meta"))
        let metaB = try SigMFRecording.readMetadata(from: b.appendingPathComponent("spectrum-segment.sigmf-meta"))
        #expect(metaA.annotations == metaB.annotations && metaA.captures == metaB.captures)
        #expect(metaA.extraGlobalFields["core:dataset"] == .string("../scene.cf32"))  // relative to the output folder
        #expect(SpectrumSegmentStudy.Source.relativePath(of: "/a/b/c.x", from: "/a/d/e") == "../../b/c.x")
        #expect(SpectrumSegmentStudy.Source.relativePath(of: "/a/c.x", from: "/a") == "c.x")
        #expect(metaB.extraGlobalFields["core:metadata_only"] == .bool(true))
        // The trailing 777 samples are a padded, marked window.
        #expect(metaA.extraGlobalFields["wtk:padded_windows"] == .integer(1))
        let table = try CSVReader.read(contentsOf: a.appendingPathComponent("spectrum-segment-emissions.csv"))
        let end = try #require(table.rows.compactMap { Int($0[14]) }.max())
        #expect(end <= samples.count)
    }

    /// Bounded memory on a long stream: 160 windows (2.6 M samples, 10.5 MB of ci16 through a pipe, 21 MB as
    /// complex floats) peak within 12 MB of a 24-window run (measured: ≈ 1 MB apart; with the shipped model in
    /// a release build, 100, 1 000 and 3 000 windows all peak at the same ≈ 56–92 MB). Holding the stream, as
    /// the old reader did (the bytes, then the decoded floats), would add ≥ 136 windows × 196 KB ≈ 27 MB.
    /// The peak comes from the command's own getrusage report.
    @Test(.enabled(if: CrossProcessDeterminismTests.executable != nil, "wtk not built beside the tests"))
    func longStreamPeakMemoryDoesNotGrowWithItsLength() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        func peak(windows: Int) throws -> Int {
            let run = try Self.run([
                "spectrum", "segment", "-", "--sample-rate", "20e6", "--datatype", "ci16_le", "--model", model.path,
                "--out-dir", folder.appendingPathComponent("out-\(windows)").path,
            ]) { handle in
                // One window of ci16 noise, written `windows` times (generated once, never the whole stream).
                var generator = Xoshiro256StarStar(seed: 3)
                var chunk = Data(count: 4 * Self.w)
                chunk.withUnsafeMutableBytes { raw in
                    for k in 0..<(2 * Self.w) {
                        let value = Int16(truncatingIfNeeded: Int(generator.next() % 2001) - 1000)
                        raw.storeBytes(of: value.littleEndian, toByteOffset: 2 * k, as: Int16.self)
                    }
                }
                for _ in 0..<windows { handle.write(chunk) }
            }
            #expect(run.status == 0, "\(run.stderr)")
            let line = try #require(run.stderr.split(separator: "\n").first { $0.contains("peak memory") })
            #expect(line.contains("real-time factor"))
            let words = line.split(separator: " ")
            let index = try #require(words.firstIndex(of: "memory"))
            return try #require(Int(words[index + 1]))
        }
        let short = try peak(windows: 24)
        let long = try peak(windows: 160)
        #expect(long - short < 12, "peak \(short) MB for 24 windows, \(long) MB for 160")
    }

    /// A multi-capture SigMF recording: the output meta keeps every capture and the input's annotations
    /// (marked wtk:source input), and each emission lies in the band of the capture it starts in.
    @Test func multiCaptureRecordingUsesEachCapturesFrequency() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let captures = [
            SigMFCapture(sampleStart: 0, frequencyHz: 1e9, datetime: "2026-12-07T14:00:00Z"),
            SigMFCapture(sampleStart: Self.w + 300, frequencyHz: 2e9, datetime: "2026-12-07T15:00:00Z"),
        ]
        let recording = SigMFRecording(
            samples: Self.scene(0..<(3 * Self.w)), sampleRateHz: 20e6, centerFrequencyHz: 1e9,
            annotations: [SigMFAnnotation(sampleStart: 0, sampleCount: 10, label: "mine")], captures: captures)
        let base = folder.appendingPathComponent("multi")
        try recording.write(to: base)
        let out = folder.appendingPathComponent("out")
        #expect(
            runWTK(["spectrum", "segment", base.path, "--model", model.path, "--out-dir", out.path, "--quiet"]) == 0)
        let meta = try SigMFRecording.read(from: out.appendingPathComponent("spectrum-segment"))
        #expect(meta.captures == captures && meta.samples == recording.samples)
        #expect(
            meta.annotations.first?.label == "mine"
                && meta.annotations.first?.extraFields["wtk:source"] == .string("input"))
        let table = try CSVReader.read(contentsOf: out.appendingPathComponent("spectrum-segment-emissions.csv"))
        // Windows: capture 0 → [0, W) and a padded [W, W + 300); capture 1 → [W + 300, 2W + 300), padded rest.
        #expect(meta.extraGlobalFields["wtk:padded_windows"] == .integer(2))
        for row in table.rows {
            let capture = try #require(Int(row[0]))
            let centre = captures[capture].frequencyHz!
            #expect(Double(row[4])! >= centre - 10e6 && Double(row[5])! <= centre + 10e6)
            let start = try #require(Int(row[13]))
            #expect(start == 0 || start == Self.w || start == Self.w + 300 || start == 2 * Self.w + 300)
            // Dated from the capture's core:datetime plus the offset into it.
            #expect(row[3].hasPrefix(capture == 0 ? "2026-12-07T14:00:00" : "2026-12-07T15:00:00"))
        }
    }

    /// `evaluate --captures` reports each recording's SNR from its `wtk:snr_db`, and numbers recordings on an
    /// integer axis.
    @Test func evaluateCapturesTakesTheRecordedSNR() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        #expect(
            runWTK([
                "spectrum", "generate", "--train-per-level", "0", "--validation-per-level", "1", "--test-per-level",
                "1", "--snr-min=-4", "--snr-max", "6", "--snr-step", "10", "--out-dir", folder.path, "--quiet",
            ]) == 0)
        let out = folder.appendingPathComponent("out")
        let paths = ["test-snr-4dB", "test-snr6dB"].map { folder.appendingPathComponent($0 + ".sigmf-meta").path }
        #expect(
            runWTK(
                ["spectrum", "evaluate", "--model", model.path, "--out-dir", out.path, "--quiet"]
                    + paths.flatMap { ["--captures", $0] }) == 0)
        let table = try CSVReader.read(contentsOf: out.appendingPathComponent("spectrum-evaluate.csv"))
        let snr = try #require(table.header.firstIndex(of: "snr_db"))
        let source = try #require(table.header.firstIndex(of: "source"))
        for row in table.rows where row[source] != "all" {
            #expect(row[snr] == (row[source] == paths[0] ? "-4" : "6"))
        }
        let svg = try String(contentsOf: out.appendingPathComponent("spectrum-evaluate-accuracy.svg"), encoding: .utf8)
        #expect(!svg.contains(">1.5<") && !svg.contains(">0.5<"))
    }
}
