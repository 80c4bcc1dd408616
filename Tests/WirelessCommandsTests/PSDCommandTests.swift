import Foundation
import Numerics
import Testing
import WirelessIO

@testable import WirelessCommands

@Suite struct PSDCommandTests {
    /// One bin of the Welch estimate: the tones must be found within it.
    static func binWidthHz(sampleRateHz: Double, segmentLength: Int) -> Double {
        sampleRateHz / Double(segmentLength)
    }

    @Test func findsBothTonesOfATwoToneSigMFFileWithinOneBin() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var recording = TwoToneRecording()
        recording.toneFrequenciesHz = [-187_500 + 137, 93_750 - 311]  // deliberately off-bin
        recording.toneAmplitudes = [1, 0.3]
        let base = folder.appendingPathComponent("tones")
        _ = try recording.make(seed: 7).write(to: base)
        let out = folder.appendingPathComponent("out")

        let code = runWTK([
            "psd", base.path + ".sigmf-meta", "--segment-length", "512", "--out-dir", out.path, "--quiet",
        ])
        #expect(code == 0)

        let document = try CSVReader.read(contentsOf: out.appendingPathComponent("psd.csv"))
        let frequencies = try document.doubles(column: "frequency_hz")
        let density = try document.doubles(column: "psd_db_per_hz")
        #expect(
            try document.doubles(column: "rf_frequency_hz").first == frequencies.first! + recording.centerFrequencyHz)
        let binWidth = Self.binWidthHz(sampleRateHz: recording.sampleRateHz, segmentLength: 512)

        // The two largest local maxima are the tones, in order of amplitude.
        var localMaxima: [Int] = []
        for index in 1..<(density.count - 1)
        where density[index] > density[index - 1] && density[index] >= density[index + 1] {
            localMaxima.append(index)
        }
        let peaks = localMaxima.sorted { density[$0] > density[$1] }.prefix(2)
        #expect(peaks.count == 2)
        for (peak, tone) in zip(peaks, recording.toneFrequenciesHz) {
            #expect(abs(frequencies[peak] - tone) <= binWidth, "tone \(tone) Hz found at \(frequencies[peak]) Hz")
        }
        #expect(listing(out) == ["psd.csv", "psd.meta.json", "psd.svg"])
    }

    @Test func truncatedSigMFFileExits65AndWritesNothing() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("cut")
        let files = try TwoToneRecording().make(seed: 1).write(to: base)
        let data = try Data(contentsOf: files.data)
        try data.prefix(data.count - 3).write(to: files.data)  // not a whole number of samples
        let out = folder.appendingPathComponent("out")

        #expect(runWTK(["psd", files.meta.path, "--out-dir", out.path, "--quiet"]) == 65)
        #expect(listing(out).isEmpty)
    }

    @Test(
        arguments: [
            ("wrong datatype", "ri8_le"),
            ("missing sample rate", nil),
        ] as [(String, String?)])
    func badMetadataExits65(label: String, datatype: String?) throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let meta = folder.appendingPathComponent("bad.sigmf-meta")
        let global: String =
            datatype.map { "\"core:datatype\": \"\($0)\", \"core:sample_rate\": 1e6" }
            ?? "\"core:datatype\": \"cf32_le\""
        try "{\"global\": {\(global), \"core:version\": \"1.2.0\"}, \"captures\": [], \"annotations\": []}"
            .write(to: meta, atomically: true, encoding: .utf8)
        try Data(count: 8 * 2048).write(to: folder.appendingPathComponent("bad.sigmf-data"))
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["psd", meta.path, "--out-dir", out.path, "--quiet"]) == 65, "\(label)")
        #expect(listing(out).isEmpty)
    }

    @Test func nanSamplesExit65() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var samples = [Complex<Float>](repeating: Complex(1, 0), count: 4096)
        samples[100] = Complex(.nan, 0)
        let raw = folder.appendingPathComponent("x.cf32")
        var bytes = Data()
        for sample in samples {
            withUnsafeBytes(of: sample.real.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: sample.imaginary.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
        }
        try bytes.write(to: raw)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["psd", raw.path, "--sample-rate", "1e6", "--out-dir", out.path, "--quiet"]) == 65)
        #expect(listing(out).isEmpty)
    }

    @Test func usageErrorsExit64() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = folder.appendingPathComponent("x.cf32")
        try Data(count: 8 * 4096).write(to: raw)
        let out = folder.appendingPathComponent("out").path
        #expect(runWTK(["psd", raw.path, "--out-dir", out, "--quiet"]) == 64)  // no --sample-rate
        #expect(runWTK(["psd", raw.path, "--sample-rate", "-5", "--out-dir", out]) == 64)
        #expect(runWTK(["psd", raw.path, "--sample-rate", "1e6", "--overlap", "1", "--out-dir", out]) == 64)
        #expect(runWTK(["psd", "--no-such-flag"]) == 64)
        #expect(runWTK(["psd", folder.appendingPathComponent("missing.sigmf-meta").path, "--out-dir", out]) == 74)
    }

    @Test func sameInputGivesByteIdenticalOutputs() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("r")
        _ = try TwoToneRecording().make(seed: 3).write(to: base)
        for run in ["a", "b"] {
            #expect(runWTK(["psd", base.path, "--out-dir", folder.appendingPathComponent(run).path, "--quiet"]) == 0)
        }
        for file in ["psd.csv", "psd.svg"] {
            let a = try Data(contentsOf: folder.appendingPathComponent("a/\(file)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("b/\(file)"))
            #expect(a == b, "\(file) differs between runs")
        }
    }
}
