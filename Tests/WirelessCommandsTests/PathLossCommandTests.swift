import ArgumentParser
import Foundation
import Testing

@testable import WirelessCommands

private let bundledCSV = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("datasets/oti28-synthetic/oti28_synthetic_links.csv").path

@Suite struct PathLossCommandTests {
    @Test func helpSnapshots() throws {
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: PathLossCommand.self, columns: 100), snapshot: "wtk-pathloss-help.txt")
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: PathLossFitCommand.self, columns: 100), snapshot: "wtk-pathloss-fit-help.txt")
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: PathLossModelCommand.self, columns: 100), snapshot: "wtk-pathloss-model-help.txt")
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: PathLossCoverageCommand.self, columns: 100), snapshot: "wtk-pathloss-coverage-help.txt"
        )
    }

    @Test func fitEffectsCoverageRunOnTheBundledReplica() throws {
        let out = try makeTemporaryDirectory()
        #expect(runWTK(["pathloss", "fit", "--input", bundledCSV, "--out-dir", out.path, "--quiet"]) == 0)
        #expect(
            runWTK([
                "pathloss", "effects", "--input", bundledCSV, "--bootstrap", "40", "--out-dir", out.path, "--quiet",
            ]) == 0)
        #expect(runWTK(["pathloss", "coverage", "--input", bundledCSV, "--out-dir", out.path, "--quiet"]) == 0)
        let files = Set(listing(out))
        for name in [
            "pathloss-fit-models.csv", "pathloss-fit-summary.csv", "pathloss-fit-path-gain.svg",
            "pathloss-fit-residual-ecdf.svg",
            "pathloss-effects.csv", "pathloss-effects-forest.svg", "pathloss-coverage-max-distance.csv",
            "pathloss-coverage-rate-cdf.svg",
        ] {
            #expect(files.contains(name), "\(name) missing")
        }
        let summary = try String(contentsOf: out.appendingPathComponent("pathloss-fit-summary.csv"), encoding: .utf8)
        #expect(summary.contains("synthetic,true"))
    }

    @Test func synthesizeIsDeterministicForASeed() throws {
        let a = try makeTemporaryDirectory()
        let b = try makeTemporaryDirectory()
        #expect(runWTK(["pathloss", "synthesize", "--seed", "7", "--out-dir", a.path, "--quiet"]) == 0)
        #expect(runWTK(["pathloss", "synthesize", "--seed", "7", "--out-dir", b.path, "--quiet"]) == 0)
        let fileA = try Data(contentsOf: a.appendingPathComponent("oti28_synthetic_links.csv"))
        let fileB = try Data(contentsOf: b.appendingPathComponent("oti28_synthetic_links.csv"))
        #expect(fileA == fileB)
        #expect(String(decoding: fileA.prefix(40), as: UTF8.self).hasPrefix("# SYNTHETIC replica"))
    }

    @Test func modelTabulatesFreeSpaceAndRejectsOutOfRangeParameters() throws {
        let out = try makeTemporaryDirectory()
        #expect(runWTK(["pathloss", "model", "fspl", "--distance", "1,100", "--out-dir", out.path, "--quiet"]) == 0)
        let table = try String(contentsOf: out.appendingPathComponent("pathloss-model.csv"), encoding: .utf8)
        #expect(table.contains("fspl,28,1,61.39"))
        let bad = try makeTemporaryDirectory()
        #expect(
            runWTK(["pathloss", "model", "p2109-traditional", "--probability", "100", "--out-dir", bad.path, "--quiet"])
                == 64)
        #expect(runWTK(["pathloss", "model", "o2i-low", "--frequency", "200", "--out-dir", bad.path, "--quiet"]) == 64)
        #expect(listing(bad).isEmpty)
    }

    @Test func malformedCampaignExits65AndWritesNothing() throws {
        let folder = try makeTemporaryDirectory()
        let input = folder.appendingPathComponent("bad.csv")
        try "distance_m,path_gain_db\n10,-80\n-5,-90\n".write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["pathloss", "fit", "--input", input.path, "--out-dir", out.path, "--quiet"]) == 65)
        let missing = folder.appendingPathComponent("missing.csv")
        try "distance,path_gain_db\n10,-80\n".write(to: missing, atomically: true, encoding: .utf8)
        #expect(runWTK(["pathloss", "coverage", "--input", missing.path, "--out-dir", out.path, "--quiet"]) == 65)
        #expect(listing(out).isEmpty)
        #expect(
            runWTK([
                "pathloss", "fit", "--input", folder.appendingPathComponent("nope.csv").path, "--out-dir", out.path,
                "--quiet",
            ]) == 74)
    }
}
