import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO
import WirelessISAC
import WirelessSpectrumNet

@testable import WirelessCommands

/// Runs every command with cheap parameters, including ones that push estimators to failure (an SNR
/// of −30 dB, one trial) or reach an infinite quantity (κ = ∞ at α0 = 0), and scans every table and plot
/// it wrote for NaN or infinity: each run succeeds and writes finite numbers, missing values as empty
/// cells. (The output layer would turn a leak into exit 65; these runs must not need that.)
@Suite struct FiniteOutputScanTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let campaign = root.appendingPathComponent("datasets/oti28-synthetic/oti28_synthetic_links.csv").path

    /// A non-finite token as a whole CSV/JSON cell.
    static let cellPattern = try! NSRegularExpression(
        pattern: #"(^|[,\[])\s*"?[+-]?(nan|inf|infinity)"?\s*(?=[,\]\n]|$)"#,
        options: [.caseInsensitive, .anchorsMatchLines])
    /// A non-finite token as an SVG number (attribute values, coordinates).
    static let svgPattern = try! NSRegularExpression(
        pattern: #"[="\s,(][+-]?(nan|inf|infinity)\b"#, options: [.caseInsensitive])

    static func nonFiniteTokens(in folder: URL) throws -> [String] {
        var found: [String] = []
        for name in listing(folder) {
            let url = folder.appendingPathComponent(name)
            let pattern: NSRegularExpression
            if name.hasSuffix(".csv") || (name.hasSuffix(".json") && !name.hasSuffix(".meta.json")) {
                pattern = cellPattern
            } else if name.hasSuffix(".svg") {
                pattern = svgPattern
            } else {
                continue
            }
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = NSRange(text.startIndex..., in: text)
            if let match = pattern.firstMatch(in: text, range: range), let r = Range(match.range, in: text) {
                found.append("\(name): '\(text[r])'")
            }
        }
        return found
    }

    /// Each command line, run into its own folder (inputs prepared in `prepare`).
    static func commands(inputs: URL) -> [[String]] {
        let tone = inputs.appendingPathComponent("tone.sigmf-meta").path
        let model = inputs.appendingPathComponent("tiny.cmsn").path
        let capture = inputs.appendingPathComponent("capture.sigmf-meta").path
        let twoFrequencies = inputs.appendingPathComponent("two.csv").path
        let tensor = inputs.appendingPathComponent("tensor.npy").path
        return [
            ["psd", tone, "--segment-length", "256"],
            ["psd", tone, "--window", "kaiser", "--format", "json"],
            ["pathloss", "synthesize", "--seed", "2"],
            ["pathloss", "model", "fspl", "--distance", "1,10,100"],
            ["pathloss", "model", "p2109-traditional"],
            ["pathloss", "fit", "--input", campaign],
            ["pathloss", "effects", "--input", campaign, "--bootstrap", "10"],
            ["pathloss", "coverage", "--input", campaign],
            ["pathloss", "multifrequency", "--input", twoFrequencies],
            ["isac", "simulate", "--snr-db", "0"],
            ["isac", "estimate", "--input", tensor, "--method", "plain", "--method", "fft3d"],
            ["isac", "estimate", "--snr-db=-30", "--method", "plain"],
            ["isac", "sweep", "--method", "plain", "--snr-min=-30", "--snr-max=-30", "--trials", "1"],
            [
                "isac", "sweep", "--evaluation", "detect", "--method", "plain", "--snr-min=-30", "--snr-max=-30",
                "--trials", "1",
            ],
            [
                "isac", "sweep", "--evaluation", "resolution", "--method", "plain", "--separations", "0.5", "--trials",
                "1",
            ],
            ["isac", "bench", "--method", "fft3d", "--max-symbols", "140", "--repeats", "1"],
            ["densify", "regimes", "--alpha0", "0,0.8,3"],
            // Single slope: its strongest-BS rate is cheap; the two-slope rate costs ~0.5 s per density (release).
            [
                "densify", "sweep", "--exponents", "4", "--per-decade", "1", "--lambda-min", "1", "--lambda-max", "10",
                "--mc", "drops:100",
            ],
            ["densify", "coverage", "--densities", "1,10", "--mc", "drops:100"],
            [
                "spectrum", "generate", "--train-per-level", "0", "--validation-per-level", "1", "--test-per-level",
                "1", "--snr-min", "0", "--snr-max", "0",
            ],
            [
                "spectrum", "train", "--train-per-level", "1", "--validation-per-level", "1", "--snr-min", "0",
                "--snr-max", "0", "--widths", "2,2,2,2", "--context", "1", "--batch-size", "1", "--max-epochs", "1",
                "--learning-rates", "1e-3",
            ],
            ["spectrum", "evaluate", "--model", model, "--test-per-level", "1", "--snr-min", "0", "--snr-max", "0"],
            [
                "spectrum", "evaluate", "--model", model, "--test-per-level", "1", "--snr-min", "0", "--snr-max", "10",
                "--snr-step", "10", "--authors-protocol",
            ],
            ["spectrum", "segment", capture, "--model", model],
        ]
    }

    static func prepare(_ inputs: URL) throws {
        _ = try TwoToneRecording().make(seed: 1).write(to: inputs.appendingPathComponent("tone"))
        var generator = Xoshiro256StarStar(seed: 1)
        var network = try SegmentationNetwork<Float>(
            configuration: .compact(fftCount: 16, bins: 1024, widths: [2, 2, 2, 2]), using: &generator)
        try Checkpoint(network: &network).write(to: inputs.appendingPathComponent("tiny.cmsn"))
        let noise = try ComplexNormalDistribution(variance: 1)
        let samples = (0..<16_384).map { _ -> Complex<Float> in
            let z = noise.sample(using: &generator)
            return Complex(Float(z.real), Float(z.imaginary))
        }
        _ = try SigMFRecording(samples: samples, sampleRateHz: 20e6).write(to: inputs.appendingPathComponent("capture"))
        var text = "distance_m,path_gain_db,frequency_ghz\n"
        for f in [28.0, 73.0] {
            for d in stride(from: 5.0, through: 200, by: 15) {
                text += "\(d),\(-(31 * Foundation.log10(d) + 28 + 22 * Foundation.log10(f))),\(f)\n"
            }
        }
        try text.write(to: inputs.appendingPathComponent("two.csv"), atomically: true, encoding: .utf8)
        let scenario = ISACScenario.paperDefault()
        try scenario.tensor(snrDB: 10, using: &generator).write(to: inputs.appendingPathComponent("tensor.npy"))
    }

    @Test func everyCommandWritesOnlyFiniteNumbers() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputs = folder.appendingPathComponent("inputs")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try Self.prepare(inputs)
        for (index, arguments) in Self.commands(inputs: inputs).enumerated() {
            let out = folder.appendingPathComponent("run\(index)")
            let code = runWTK(arguments + ["--out-dir", out.path, "--quiet"])
            #expect(code == 0, "\(arguments.prefix(3)) exited \(code)")
            let found = try Self.nonFiniteTokens(in: out)
            #expect(found.isEmpty, "\(arguments.prefix(3)) wrote non-finite numbers: \(found)")
        }
    }

    /// The scanner itself finds what it looks for.
    @Test func scannerFindsNonFiniteCells() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "a,b\n1,nan\n".write(to: folder.appendingPathComponent("x.csv"), atomically: true, encoding: .utf8)
        try "{\"rows\": [[1, \"Inf\"]]}".write(
            to: folder.appendingPathComponent("y.json"), atomically: true, encoding: .utf8)
        try "<path d=\"M 1 nan\"/>".write(to: folder.appendingPathComponent("z.svg"), atomically: true, encoding: .utf8)
        try "a,b\ninformation,Nancy\n".write(
            to: folder.appendingPathComponent("w.csv"), atomically: true, encoding: .utf8)
        #expect(try Self.nonFiniteTokens(in: folder).count == 3)
    }
}
