import ArgumentParser
import Foundation
import Numerics
import Testing
import WirelessCore
import WirelessIO
import WirelessSpectrumNet

@testable import WirelessCommands

/// The output layer every command goes through: plain output names, no non-finite cell, whole runs
/// that appear together or not at all, stale temporaries removed, figure sets swapped in.
@Suite struct OutputLayerTests {
    // MARK: names (class 3)

    /// `--name ../x` (and other non-plain names) is refused with 64 by every densify and spectrum
    /// subcommand, and nothing is written inside or beside --out-dir.
    @Test(arguments: [
        ["densify", "sweep", "--mc", "off", "--per-decade", "1", "--metrics", "coverage"],
        ["densify", "coverage", "--mc", "off"],
        ["densify", "regimes"],
        [
            "spectrum", "generate", "--train-per-level", "0", "--validation-per-level", "1", "--test-per-level", "1",
            "--snr-min", "0", "--snr-max", "0",
        ],
        [
            "spectrum", "train", "--train-per-level", "1", "--validation-per-level", "1", "--snr-min", "0", "--snr-max",
            "0",
        ],
        ["spectrum", "evaluate", "--test-per-level", "1", "--snr-min", "0", "--snr-max", "0"],
        ["spectrum", "segment", "missing.sigmf-meta"],
    ])
    func nameOutsideTheOutputFolderIsRefused(_ arguments: [String]) throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        for name in ["../escaped", "a/b", "..", ".", ""] {
            let code = runWTK(arguments + ["--name", name, "--out-dir", out.path, "--quiet"])
            #expect(code == 64, "\(arguments[0...1]) --name '\(name)' exited \(code)")
        }
        #expect(listing(folder).allSatisfy { $0 == "out" }, "\(listing(folder))")
        #expect(listing(out).isEmpty)
    }

    /// The output layer itself refuses such names, for a command that forgot to check in validate().
    @Test func outputContextRefusesNamesThatAreNotPlainFileNames() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = try OutputOptions.parse(["--out-dir", folder.appendingPathComponent("out").path])
        let context = OutputContext(options: options)
        let table = CSVTable(columns: [("x", [1.0])])
        for name in ["../x", "/tmp/x", "a/b", "..", "", "a\u{0}b", "line\nbreak", String(repeating: "n", count: 300)] {
            #expect(throws: OutputError.self) { try context.write(table, name: name) }
            #expect(throws: OutputError.self) { try context.writeSVG("<svg/>", name: name) }
            #expect(throws: OutputError.self) { try context.writeFile(Data(), named: name) }
        }
        #expect(throws: OutputError.self) {
            try context.writeRecording(SigMFRecording(samples: [], sampleRateHz: 1), name: "../r")
        }
        do {
            try context.write(table, name: "../x")
        } catch let error as OutputError {
            #expect(error.category == .invalidArgument)
            #expect(error.description.contains("--name"))
        }
        #expect(listing(folder).allSatisfy { $0 == "out" })
        #expect(listing(folder.appendingPathComponent("out")).isEmpty)
    }

    // MARK: non-finite results (class 5)

    @Test func nonFiniteCellsAreRefusedWith65AndNothingIsWritten() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in TableFormat.allCases {
            let options = try OutputOptions.parse(["--out-dir", folder.path, "--format", format.rawValue])
            let context = OutputContext(options: options)
            for bad in ["NaN", "nan", "Inf", "-Inf", "inf", "+infinity", "1e999", " nan"] {
                let table = CSVTable(header: ["label", "value_db"], rows: [["a", "1.5"], ["b", bad]])
                do {
                    try context.write(table, name: "t")
                    Issue.record("\(bad) was written")
                } catch let error as OutputError {
                    #expect(
                        error == .nonFiniteResult(file: "t.\(format.rawValue)", line: 3, column: "value_db", value: bad)
                    )
                    #expect(ExitStatus.code(for: error.category) == 65)
                }
            }
            // Missing values are empty cells; words are not numbers.
            try context.write(
                CSVTable(header: ["label", "value"], rows: [["information", ""], ["Nancy", "2"]]), name: "ok")
        }
        #expect(listing(folder) == ["ok.csv", "ok.json", "ok.meta.json"])
    }

    /// The issue's example: a sample rate of 5e-324 Hz gave 1,024 `Inf` cells and exit 0. Given as an
    /// option it is now refused before any work as out of range (64); the same rate in a SigMF header
    /// is bad data (65, `HostileFileTests`). Either way nothing is written.
    @Test func psdWithADenormalSampleRateWritesNothing() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let raw = folder.appendingPathComponent("x.cf32")
        var generator = Xoshiro256StarStar(seed: 1)
        let noise = try ComplexNormalDistribution(variance: 1)
        let samples = (0..<4096).map { _ -> Complex<Float> in
            let z = noise.sample(using: &generator)
            return Complex(Float(z.real), Float(z.imaginary))
        }
        try RawCF32File.write(samples, to: raw)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["psd", raw.path, "--sample-rate", "5e-324", "--out-dir", out.path, "--quiet"]) == 64)
        #expect(listing(out).isEmpty)
    }

    // MARK: atomic runs (class 6)

    /// `psd` writes psd.csv, psd.meta.json, then psd.svg; a folder squatting on psd.svg makes the last
    /// write fail. The run exits 74 and leaves nothing but the squatter (no csv, no sidecar, no staging).
    @Test func aRunWhoseLastWriteFailsLeavesNothing() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let base = folder.appendingPathComponent("tone")
        _ = try TwoToneRecording().make(seed: 1).write(to: base)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("psd.svg"), withIntermediateDirectories: true)
        #expect(runWTK(["psd", base.path + ".sigmf-meta", "--out-dir", out.path, "--quiet"]) == 74)
        #expect(listing(out) == ["psd.svg"])
        // Without the squatter the same run writes all three files, and no staging folder stays behind.
        try FileManager.default.removeItem(at: out.appendingPathComponent("psd.svg"))
        #expect(runWTK(["psd", base.path + ".sigmf-meta", "--out-dir", out.path, "--quiet"]) == 0)
        #expect(listing(out) == ["psd.csv", "psd.meta.json", "psd.svg"])
    }

    /// A run that fails after its SigMF pair was staged (spectrum generate with a squatted table name)
    /// leaves neither the .sigmf-data nor the .sigmf-meta.
    @Test func aFailedGenerateLeavesNoRecording() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("spectrum-dataset.csv"), withIntermediateDirectories: true)
        let code = runWTK([
            "spectrum", "generate", "--train-per-level", "0", "--validation-per-level", "1", "--test-per-level", "1",
            "--snr-min", "0", "--snr-max", "0", "--out-dir", folder.path, "--quiet",
        ])
        #expect(code == 74)
        #expect(listing(folder) == ["spectrum-dataset.csv"])
    }

    /// Temporaries named with the id of a process that has exited are removed at the start of the next
    /// run in that folder; those of live processes (this one) are kept.
    @Test func staleTemporariesOfDeadProcessesAreRemoved() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = process.processIdentifier
        let live = ProcessInfo.processInfo.processIdentifier
        let deadFile = ".psd.csv.tmp-\(dead)-\(UUID().uuidString)"
        let deadFolder = ".wtk-staging-\(dead)-\(UUID().uuidString)"
        let liveFile = ".psd.csv.tmp-\(live)-\(UUID().uuidString)"
        let liveFolder = ".wtk-staging-\(live)-\(UUID().uuidString)"
        let unrelated = ".psd.csv.tmp-notapid-\(UUID().uuidString)"
        for name in [deadFile, liveFile, unrelated] {
            try Data("partial".utf8).write(to: folder.appendingPathComponent(name))
        }
        for name in [deadFolder, liveFolder] {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(name), withIntermediateDirectories: false)
            try Data("x".utf8).write(to: folder.appendingPathComponent(name).appendingPathComponent("psd.csv"))
        }
        #expect(runWTK(["densify", "regimes", "--alpha0", "3", "--out-dir", folder.path, "--quiet"]) == 0)
        let names = Set(listing(folder))
        #expect(!names.contains(deadFile) && !names.contains(deadFolder))
        #expect(names.contains(liveFile) && names.contains(liveFolder) && names.contains(unrelated))
        #expect(names.contains("densify-regimes.csv"))
    }

    /// A figure set whose build fails half way (as an interrupted run would) keeps the previous set
    /// untouched and leaves no build folder; a successful build replaces the set as a whole.
    @Test func anInterruptedFigureSetKeepsTheOldSet() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = root.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("old report".utf8).write(to: target.appendingPathComponent("README.md"))
        try Data("old".utf8).write(to: target.appendingPathComponent("old-only.csv"))
        struct Interrupted: Error {}
        let failing = FigureSet(name: "demo", title: "Demo", summary: "s") { context in
            try context.run(
                DensifyRegimesCommand.self, arguments: ["--alpha0", "3"], seeded: false, caption: "regimes")
            throw Interrupted()
        }
        #expect(throws: Interrupted.self) { try FigureSetFolder.build(failing, in: target, seed: 1) }
        #expect(listing(target) == ["README.md", "old-only.csv"])
        #expect(listing(root) == ["demo"])
        let working = FigureSet(name: "demo", title: "Demo", summary: "s") { context in
            try context.run(
                DensifyRegimesCommand.self, arguments: ["--alpha0", "3"], seeded: false, caption: "regimes")
        }
        try FigureSetFolder.build(working, in: target, seed: 1)
        #expect(listing(target).contains("densify-regimes.csv"))
        #expect(!listing(target).contains("old-only.csv"))
        #expect(listing(root) == ["demo"])
        let report = try String(contentsOf: target.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(report.contains("densify-regimes.svg"))
    }

    // MARK: sizes of the work (class 10)

    /// Options that size an allocation or a loop are checked while parsing, before any work: exit 64,
    /// the option and its range named, nothing written.
    static let sizingCases: [SizingCase] = [
        SizingCase(["isac", "sweep", "--snr-step", "1e-9", "--trials", "1"], option: "--snr-step"),
        SizingCase(["isac", "sweep", "--trials", "1000000000"], option: "--trials"),
        SizingCase(["isac", "sweep", "--trials", "0"], option: "--trials"),
        SizingCase(["isac", "sweep", "--evaluation", "resolution", "--separations", "0.5,x"], option: "--separations"),
        SizingCase(["isac", "sweep", "--snr-min=-1e300"], option: "--snr-min"),
        SizingCase(["isac", "estimate", "--path-count", "100000"], option: "--path-count"),
        SizingCase(["isac", "bench", "--repeats", "100000000"], option: "--repeats"),
        SizingCase(["densify", "sweep", "--mc", "drops:1000000000000"], option: "--mc drops:N"),
        SizingCase(["densify", "coverage", "--mc", "drops:0"], option: "--mc drops:N"),
        SizingCase(["spectrum", "generate", "--snr-step", "1e-9"], option: "--snr-step"),
        SizingCase(["spectrum", "train", "--train-per-level", "4000", "--validation-per-level", "500"], option: "GiB"),
        SizingCase(["spectrum", "train", "--batch-size", "1000000"], option: "--batch-size"),
        // The trainer's own limit (TrainingConfiguration.Limits.batchSize), refused before any data is made.
        SizingCase(["spectrum", "train", "--batch-size", "2000"], option: "--batch-size must be in 1…1024"),
        SizingCase(["spectrum", "train", "--max-epochs", "100000000"], option: "--max-epochs"),
        SizingCase(["spectrum", "evaluate", "--dilation", "100000000"], option: "--dilation"),
        SizingCase(
            ["psd", "x.cf32", "--sample-rate", "1", "--segment-length", "1073741824"], option: "--segment-length"),
        SizingCase(["figures", "--jobs", "100000"], option: "--jobs"),
        SizingCase(
            ["pathloss", "model", "fspl", "--distance", Array(repeating: "1", count: 100_001).joined(separator: ",")],
            option: "--distance"),
    ]

    struct SizingCase: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var option: String
        init(_ arguments: [String], option: String) {
            self.arguments = arguments
            self.option = option
        }
        var testDescription: String { arguments.prefix(4).joined(separator: " ") }
    }

    @Test(arguments: sizingCases)
    func optionsThatSizeTheWorkHaveARange(_ sizing: SizingCase) throws {
        let (arguments, option) = (sizing.arguments, sizing.option)
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let (code, message) = try runCapturingStandardError(
            arguments + ["--out-dir", out.path, "--quiet"], log: folder.appendingPathComponent("stderr.txt"))
        #expect(code == 64, "\(arguments.prefix(3)) exited \(code): \(message)")
        #expect(message.contains(option), "\(message)")
        #expect(listing(out).isEmpty)
    }

    /// A long run announces its estimated duration; a short one, or a quiet one, prints nothing.
    @Test func longRunsAnnounceAnEstimate() {
        let long = WorkEstimate(
            label: "densify sweep", units: 1e12, unitName: "drops × densities", secondsPerUnit: 2e-5)
        let text = long.announce(quiet: false)
        #expect(text?.contains("densify sweep: estimated duration ≈ 231.5 days") == true, "\(text ?? "nil")")
        #expect(long.announce(quiet: true) == nil)
        #expect(
            WorkEstimate(label: "x", units: 10, unitName: "trials", secondsPerUnit: 0.1).announce(quiet: false) == nil)
        #expect(WorkEstimate.duration(5340) == "89 min")
        #expect(WorkEstimate.duration(7200) == "2.0 h")
    }

    /// Trials are folded in trial order chunk by chunk: the same sums, bit for bit, as a fold over all
    /// trials at once, with at most one chunk of results alive.
    @Test func trialStreamFoldsInTrialOrder() {
        let count = 3 * TrialStream.chunkSize + 5
        var order: [Int] = []
        var sum = 0.0
        TrialStream.run(count: count) { trial in
            1.0 / Double(trial + 1)
        } accumulate: { trial, value in
            order.append(trial)
            sum += value
        }
        #expect(order == Array(0..<count))
        var expected = 0.0
        for trial in 0..<count { expected += 1.0 / Double(trial + 1) }
        #expect(sum == expected)
    }

    // MARK: timing out of the deterministic tables (class 9)

    /// `spectrum train`'s table has no wall-clock column (two runs give byte-identical CSV and SVG);
    /// the timings go to <name>-timing.csv.
    @Test func trainTimingsLiveInTheirOwnTable() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for run in ["a", "b"] {
            #expect(
                runWTK([
                    "spectrum", "train", "--train-per-level", "1", "--validation-per-level", "1", "--snr-min", "0",
                    "--snr-max", "0", "--widths", "2,2,2,2", "--context", "1", "--batch-size", "1", "--max-epochs", "1",
                    "--learning-rates", "1e-3", "--out-dir", folder.appendingPathComponent(run).path, "--quiet",
                ]) == 0)
        }
        let a = folder.appendingPathComponent("a")
        let b = folder.appendingPathComponent("b")
        let header = try String(contentsOf: a.appendingPathComponent("spectrum-train.csv"), encoding: .utf8)
            .split(separator: "\n")[0]
        #expect(!header.contains("seconds") && !header.contains("per_second"))
        let timing = try String(contentsOf: a.appendingPathComponent("spectrum-train-timing.csv"), encoding: .utf8)
        #expect(timing.hasPrefix("epoch,epoch_seconds,examples_per_second\n"))
        for file in ["spectrum-train.csv", "spectrum-train.svg", "spectrum-train.cmsn"] {
            #expect(
                try Data(contentsOf: a.appendingPathComponent(file))
                    == Data(contentsOf: b.appendingPathComponent(file)),
                "\(file) differs between two runs")
        }
    }

    /// Runs `wtk` as `WTK.main` would up to validation; returns the exit code and the usage message
    /// (no stderr redirection: other suites redirect the process's stderr while they run).
    func runCapturingStandardError(_ arguments: [String], log: URL) throws -> (Int32, String) {
        do {
            var command = try WTK.parseAsRoot(arguments)
            try command.run()
            return (0, "")
        } catch let exit as ExitCode {
            return (exit.rawValue, "")
        } catch {
            return (WTK.exitCode(for: error).rawValue, WTK.fullMessage(for: error))
        }
    }
}
