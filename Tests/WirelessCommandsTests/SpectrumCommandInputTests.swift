import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO
import WirelessSpectrumNet

@testable import WirelessCommands

/// `wtk spectrum` on labelled recordings (`--captures`, the authors' example folders) and on bad
/// recordings (docs/SPECTRUM.md#errors: every data error exits 65 and names the file).
///
/// Serialized: the error-message tests redirect the process's stderr while a command runs.
@Suite(.serialized) struct SpectrumCommandInputTests {
    /// W = M·N samples per window of the 20 MS/s models.
    static let windowSamples = 16_384
    /// Labelled band of the fixtures: bins 588..<640 of N = 1024, i.e. [1.5, 2.5) MHz baseband.
    static let bandHz = (lower: 1.5e6, upper: 2.5e6)

    /// Unit-variance complex noise plus unit tones on the N = 1024 bin centres 589..<639 (inside the
    /// labelled band): ≈ 26 dB per Welch bin, so a correct label lands on detected bins.
    /// `tones: false` gives the noise alone (cheaper, for tests where the content does not matter).
    func samples(windows: Int, seed: UInt64 = 5, tones: Bool = true) -> [Complex<Float>] {
        var generator = Xoshiro256StarStar(seed: seed)
        let noise = try! ComplexNormalDistribution(variance: 1)
        let count = windows * Self.windowSamples
        var x = (0..<count).map { _ -> Complex<Double> in noise.sample(using: &generator) }
        for k in 589..<639 where tones {
            let cyclesPerSample = Double(k - 512) / 1024  // f_k / fs
            let phase = Double(k * k) * 0.37
            for n in 0..<count {
                x[n] += Complex(length: 1, phase: 2 * Double.pi * cyclesPerSample * Double(n) + phase)
            }
        }
        return x.map { Complex(Float($0.real), Float($0.imaginary)) }
    }

    /// A baseband SigMF recording labelled with one annotation over the whole recording.
    @discardableResult
    func labelledCapture(_ samples: [Complex<Float>], at base: URL, sampleRateHz: Double = 20e6) throws -> (
        meta: URL, data: URL
    ) {
        let annotation = SigMFAnnotation(
            sampleStart: 0, sampleCount: samples.count, frequencyLowerEdgeHz: Self.bandHz.lower,
            frequencyUpperEdgeHz: Self.bandHz.upper, label: "QPSK")
        return try SigMFRecording(samples: samples, sampleRateHz: sampleRateHz, annotations: [annotation])
            .write(to: base)
    }

    /// The same samples and label as one example of the authors' generator: `data.dat` (complex128 LE)
    /// and `meta-data.json` (fc ± bw/2 = the labelled band).
    func authorsExample(_ samples: [Complex<Float>], in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var bytes = Data(capacity: 16 * samples.count)
        for z in samples {
            for value in [Double(z.real), Double(z.imaginary)] {
                withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            }
        }
        try bytes.write(to: folder.appendingPathComponent("data.dat"))
        try Data(#"[{"fc": 2000000, "bw": 1000000, "mod": "QPSK", "txPower": 3, "noisePower": 1}]"#.utf8)
            .write(to: folder.appendingPathComponent("meta-data.json"))
    }

    /// Runs `wtk <arguments>` with stderr redirected to a file; returns the exit code and what was written.
    func runCapturingStandardError(_ arguments: [String], in folder: URL) throws -> (code: Int32, stderr: String) {
        let log = folder.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let saved = dup(STDERR_FILENO)
        dup2(handle.fileDescriptor, STDERR_FILENO)
        let code = runWTK(arguments)
        dup2(saved, STDERR_FILENO)
        close(saved)
        try handle.close()
        return (code, try String(contentsOf: log, encoding: .utf8))
    }

    @Test func trainOnCapturesUsesEveryTenthWindowForValidation() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let capture = folder.appendingPathComponent("capture")
        try labelledCapture(samples(windows: 10, tones: false), at: capture)
        let out = folder.appendingPathComponent("out")
        let code = runWTK([
            "spectrum", "train", "--captures", capture.path, "--widths", "2,2,2,2", "--max-epochs", "1",
            "--learning-rates", "1e-3", "--batch-size", "9", "--name", "cap", "--out-dir", out.path, "--quiet",
        ])
        #expect(code == 0)
        let checkpoint = try Checkpoint.read(from: out.appendingPathComponent("cap.cmsn"))
        // 10 windows: window 9 validates, windows 0…8 train.
        #expect(checkpoint.header.provenance["train_examples"] == "9")
        #expect(checkpoint.header.provenance["validation_examples"] == "1")
        #expect(checkpoint.header.training?.history.count == 1)
        // Fewer than 10 windows leaves no validation window: a data error.
        let small = folder.appendingPathComponent("small")
        try labelledCapture(samples(windows: 2, tones: false), at: small)
        #expect(
            runWTK([
                "spectrum", "train", "--captures", small.path, "--widths", "2,2,2,2", "--max-epochs", "1",
                "--out-dir", out.path, "--quiet", "--name", "small",
            ]) == 65)
    }

    @Test func evaluateScoresASigMFCaptureAndTheSameAuthorsExampleAlike() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let x = samples(windows: 2)
        let capture = folder.appendingPathComponent("capture")
        try labelledCapture(x, at: capture)
        let authors = folder.appendingPathComponent("authors-example")
        try authorsExample(x, in: authors)
        let out = folder.appendingPathComponent("out")
        let code = runWTK([
            "spectrum", "evaluate", "--model", model.path, "--captures", capture.path, "--captures", authors.path,
            "--authors-protocol", "--out-dir", out.path, "--quiet",
        ])
        #expect(code == 0)
        let table = try CSVReader.read(contentsOf: out.appendingPathComponent("spectrum-evaluate.csv"))
        let column = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        let metricColumns = table.header.indices.filter { !["method", "source"].contains(table.header[$0]) }
        for method in ["cmusenet", "energy-detector", "ca-cfar"] {
            let rows = table.rows.filter { $0[0] == method }
            try #require(rows.count == 3)  // two recordings and the mean row
            #expect(rows[0][column["source"]!] == capture.path && rows[1][column["source"]!] == authors.path)
            #expect(rows[0][column["examples"]!] == "2" && rows[2][column["snr_db"]!] == "mean")
            // The importer and the SigMF reader give the same windows and labels, hence the same scores.
            #expect(metricColumns.map { rows[0][$0] } == metricColumns.map { rows[1][$0] })
        }
        // The labels sit on the band the tones occupy: the energy detector finds almost all labelled bins.
        let energy = table.rows.first { $0[0] == "energy-detector" }!
        #expect(Double(energy[column["recall"]!])! >= 0.9)
        // Baselines have one mask: their CIoU columns equal their IoU columns.
        #expect(energy[column["mask_ciou"]!] == energy[column["mask_iou"]!])
        #expect(energy[column["interval_ciou"]!] == energy[column["interval_iou"]!])
        #expect(table.header.contains("authors_protocol_mask_iou"))
        // The oracle noise floor is unknown for recordings: a usage error.
        #expect(
            runWTK([
                "spectrum", "evaluate", "--model", model.path, "--captures", capture.path, "--noise-estimator",
                "oracle", "--out-dir", out.path, "--quiet",
            ]) == 64)
    }

    @Test func evaluateOnTheSyntheticSplitReportsBothIoUsAndTheAuthorsProtocol() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let out = folder.appendingPathComponent("out")
        #expect(
            runWTK([
                "spectrum", "evaluate", "--model", model.path, "--test-per-level", "1", "--snr-min", "0",
                "--snr-max", "10", "--snr-step", "10", "--authors-protocol", "--out-dir", out.path, "--quiet",
            ]) == 0)
        let table = try CSVReader.read(contentsOf: out.appendingPathComponent("spectrum-evaluate.csv"))
        let column = Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, $0) })
        #expect(table.rows.filter { $0[0] == "cmusenet" }.map { $0[column["snr_db"]!] } == ["0", "10", "mean"])
        for row in table.rows where row[column["snr_db"]!] != "mean" {
            let examples = Double(row[column["examples"]!])!
            let withPrediction = Double(row[column["authors_protocol_examples"]!])!
            #expect(examples == 1 && withPrediction <= examples)
            for key in ["mask_iou", "mask_ciou", "interval_iou", "interval_ciou"] {
                let cell = row[column[key]!]  // empty when undefined (no labelled bin)
                #expect(cell.isEmpty || (0...1).contains(Double(cell) ?? -1), "\(key) = \(cell)")
            }
        }
    }

    @Test func segmentReadsAnAuthorsExampleFolder() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let authors = folder.appendingPathComponent("authors-example")
        try authorsExample(samples(windows: 1, tones: false), in: authors)
        let out = folder.appendingPathComponent("out")
        #expect(
            runWTK(["spectrum", "segment", authors.path, "--model", model.path, "--out-dir", out.path, "--quiet"]) == 0)
        // The authors' float64 data cannot be referenced from SigMF: the meta is metadata-only unless
        // --copy-data writes the samples read (cf32_le) beside it.
        let meta = try SigMFRecording.readMetadata(from: out.appendingPathComponent("spectrum-segment.sigmf-meta"))
        #expect(meta.extraGlobalFields["core:metadata_only"] == .bool(true) && meta.sampleRateHz == 20e6)
        #expect(
            runWTK([
                "spectrum", "segment", authors.path, "--model", model.path, "--out-dir", out.path, "--quiet",
                "--copy-data",
            ]) == 0)
        let annotated = try SigMFRecording.read(from: out.appendingPathComponent("spectrum-segment"))
        #expect(annotated.samples.count == Self.windowSamples && annotated.sampleRateHz == 20e6)
        #expect(annotated.extraGlobalFields["core:metadata_only"] == nil)
    }

    /// Each bad recording of docs/SPECTRUM.md#errors exits 65 from `segment` and from `evaluate --captures`, and the
    /// message names the recording.
    @Test func badRecordingsExit65AndNameTheFile() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try tinyModel(in: folder)
        let out = folder.appendingPathComponent("out")
        let good = samples(windows: 1, seed: 9, tones: false)
        var bad: [(name: String, path: String)] = []
        // Datatype other than cf32_le/ci16_le.
        let wide = folder.appendingPathComponent("wide-datatype")
        let wideFiles = try labelledCapture(good, at: wide)
        let meta = try String(contentsOf: wideFiles.meta, encoding: .utf8)
        try Data(meta.replacingOccurrences(of: "cf32_le", with: "cf64_le").utf8).write(to: wideFiles.meta)
        bad.append(("datatype cf64_le", wide.path))
        // Byte count not a whole number of samples.
        let cut = folder.appendingPathComponent("cut")
        let cutFiles = try labelledCapture(good, at: cut)
        let bytes = try Data(contentsOf: cutFiles.data)
        try bytes.prefix(bytes.count - 3).write(to: cutFiles.data)
        bad.append(("truncated", cut.path))
        // NaN sample (in-phase float of sample 77).
        let nan = folder.appendingPathComponent("nan")
        let nanFiles = try labelledCapture(good, at: nan)
        var nanBytes = try Data(contentsOf: nanFiles.data)
        withUnsafeBytes(of: Float.nan.bitPattern.littleEndian) {
            nanBytes.replaceSubrange((77 * 8)..<(77 * 8 + 4), with: $0)
        }
        try nanBytes.write(to: nanFiles.data)
        bad.append(("NaN sample", nan.path))
        // Shorter than one window.
        let short = folder.appendingPathComponent("short")
        try labelledCapture(Array(good.prefix(1000)), at: short)
        bad.append(("shorter than a window", short.path))  // evaluate only: segment pads it
        // Sample rate other than the model's 20 MHz.
        let slow = folder.appendingPathComponent("slow")
        try labelledCapture(good, at: slow, sampleRateHz: 10e6)
        bad.append(("sample-rate mismatch", slow.path))
        // An authors' example with an infinite sample.
        let authors = folder.appendingPathComponent("authors-inf")
        try authorsExample(good, in: authors)
        var authorsBytes = try Data(contentsOf: authors.appendingPathComponent("data.dat"))
        withUnsafeBytes(of: Double.infinity.bitPattern.littleEndian) { authorsBytes.replaceSubrange(16..<24, with: $0) }
        try authorsBytes.write(to: authors.appendingPathComponent("data.dat"))
        bad.append(("authors' example with Inf", authors.path))

        for (name, path) in bad {
            for arguments in [
                ["spectrum", "segment", path],
                ["spectrum", "evaluate", "--captures", path],
            ] where !(name == "shorter than a window" && arguments[1] == "segment") {
                let (code, message) = try runCapturingStandardError(
                    arguments + ["--model", model.path, "--out-dir", out.path, "--quiet"], in: folder)
                #expect(code == 65, "\(name): \(arguments[1]) exited \(code)")
                #expect(message.contains(path), "\(name): \(arguments[1]) said \(message)")
            }
        }
        #expect(
            !listing(out).contains("spectrum-segment-emissions.csv") && !listing(out).contains("spectrum-evaluate.csv"))
    }
}
