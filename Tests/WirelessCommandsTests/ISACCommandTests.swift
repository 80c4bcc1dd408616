import ArgumentParser
import Foundation
import Numerics
import Testing
import WirelessIO
import WirelessISAC

@testable import WirelessCommands

@Suite struct ISACCommandTests {
    @Test func simulateThenEstimateFromFileRecoversTruth() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.path
        #expect(runWTK(["isac", "simulate", "--snr-db", "20", "--seed", "3", "--out-dir", out, "--quiet"]) == 0)
        #expect(
            listing(folder) == [
                "isac-scenario.meta.json", "isac-scenario.npy", "isac-scenario_truth.csv",
                "isac-scenario_truth.meta.json",
            ])
        let tensor = try ChannelTensor.read(from: folder.appendingPathComponent("isac-scenario.npy"))
        #expect(tensor.dimensions == [16, 180, 560])
        let truth = try CSVReader.read(contentsOf: folder.appendingPathComponent("isac-scenario_truth.csv"))
        let angles = try truth.doubles(column: "angle_deg")
        #expect(angles == [30, 54, 78, 102, 126, 150])

        let input = folder.appendingPathComponent("isac-scenario.npy").path
        #expect(runWTK(["isac", "estimate", "--input", input, "--out-dir", out, "--quiet"]) == 0)
        let table = try CSVReader.read(contentsOf: folder.appendingPathComponent("isac-estimate.csv"))
        let found = try table.doubles(column: "angle_deg").sorted()
        #expect(found.count == 6)
        // 20 dB: the angle CRB is ≈ 0.01° for these paths; 0.5° is a loose pairing-level check.
        for (estimate, expected) in zip(found, angles) { #expect(abs(estimate - expected) < 0.5) }
    }

    @Test func estimateOnScenarioReportsErrorsForEveryMethod() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = runWTK([
            "isac", "estimate", "--method", "plain", "--method", "sequential", "--snr-db", "20", "--out-dir",
            folder.path,
            "--quiet",
        ])
        #expect(code == 0)
        let table = try CSVReader.read(contentsOf: folder.appendingPathComponent("isac-estimate.csv"))
        let distanceErrors = try table.doubles(column: "distance_error_m")
        #expect(distanceErrors.count == 12)
        #expect(distanceErrors.allSatisfy { abs($0) < 5 })  // ΔR = 27.8 m; 20 dB estimates are far inside a cell
        #expect(listing(folder).contains("isac-estimate.svg"))
    }

    @Test func shapeMismatchBetweenFileAndScenarioExits65() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("small.npy")
        try ChannelTensor(dimensions: [4, 5, 6], elements: Array(repeating: Complex(1, 0), count: 120)).write(to: file)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["isac", "estimate", "--input", file.path, "--out-dir", out.path, "--quiet"]) == 65)
        #expect(listing(out).isEmpty)
    }

    @Test func nonFiniteSamplesExit65() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var tensor = ChannelTensor(dimensions: [16, 180, 560])
        tensor.elements[0] = Complex(1, 0)
        tensor.elements[12345] = Complex(.nan, 0)
        let file = folder.appendingPathComponent("nan.npy")
        try tensor.write(to: file, dataType: .complex64)
        #expect(runWTK(["isac", "estimate", "--input", file.path, "--out-dir", folder.path, "--quiet"]) == 65)
    }

    @Test(arguments: [
        ["--factors", "1,7,14"],  // 7 does not divide 180
        ["--factors", "1,0,14"],
        ["--path-count", "30000"],  // > Π(N'_m − 1) = 15·44·39
        ["--factors", "oops"],
    ])
    func badSettingsExit64(arguments: [String]) throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(runWTK(["isac", "estimate", "--out-dir", folder.path, "--quiet"] + arguments) == 64)
        #expect(!listing(folder).contains("isac-estimate.csv"))
    }

    @Test func rmseSweepWritesTableAndPlots() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let code = runWTK([
            "isac", "sweep", "--method", "plain", "--snr-min", "10", "--snr-max", "10", "--trials", "2",
            "--out-dir", folder.path, "--quiet",
        ])
        #expect(code == 0)
        let table = try CSVReader.read(contentsOf: folder.appendingPathComponent("isac-rmse.csv"))
        let ratios = try table.doubles(column: "ratio")
        #expect(ratios.count == 3)
        #expect(ratios.allSatisfy { $0 > 0.2 && $0 < 5 })
        #expect(try table.doubles(column: "valid_trials") == [2, 2, 2])
        for parameter in ["angle_deg", "distance_m", "velocity_mps"] {
            #expect(listing(folder).contains("isac-rmse_\(parameter).svg"))
        }
    }

    @Test func sweepIsDeterministicForASeed() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var texts: [String] = []
        for run in 0..<2 {
            let out = folder.appendingPathComponent("run\(run)")
            #expect(
                runWTK([
                    "isac", "sweep", "--evaluation", "detect", "--method", "plain", "--snr-min", "0", "--snr-max", "0",
                    "--trials", "2", "--seed", "9", "--out-dir", out.path, "--quiet",
                ]) == 0)
            texts.append(try String(contentsOf: out.appendingPathComponent("isac-detect.csv"), encoding: .utf8))
        }
        #expect(texts[0] == texts[1])
    }

    @Test func isacHelpSnapshots() throws {
        for (command, file) in [
            (ISACCommand.self as any ParsableCommand.Type, "wtk-isac-help.txt"),
            (ISACSimulateCommand.self, "wtk-isac-simulate-help.txt"),
            (ISACEstimateCommand.self, "wtk-isac-estimate-help.txt"),
            (ISACSweepCommand.self, "wtk-isac-sweep-help.txt"),
            (ISACBenchCommand.self, "wtk-isac-bench-help.txt"),
        ] {
            try HelpSnapshotTests.check(WTK.helpMessage(for: command, columns: 100), snapshot: file)
        }
    }
}
