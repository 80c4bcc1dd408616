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
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: PathLossMultiFrequencyCommand.self, columns: 100),
            snapshot: "wtk-pathloss-multifrequency-help.txt")
    }

    /// Links drawn exactly from ABG (α = 3.1, β = 28 dB, γ = 2.2) at 28 and 73 GHz: the command
    /// recovers the three parameters (to rounding of the written CSV, 1e-9) with zero RMSE; the
    /// single-frequency bundled replica is bad data for it (exit 65) and leaves no output.
    @Test func multifrequencyRecoversAnExactABGCampaign() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "distance_m,path_gain_db,frequency_ghz\n"
        for f in [28.0, 73.0] {
            for d in stride(from: 5.0, through: 200, by: 15) {
                let loss = 10 * 3.1 * log10(d) + 28 + 10 * 2.2 * log10(f)
                text += "\(d),\(-loss),\(f)\n"
            }
        }
        let input = folder.appendingPathComponent("two.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["pathloss", "multifrequency", "--input", input.path, "--out-dir", out.path, "--quiet"]) == 0)
        let models = try String(
            contentsOf: out.appendingPathComponent("pathloss-multifrequency-models.csv"), encoding: .utf8)
        let rows = models.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        func estimate(_ model: String, _ parameter: String) -> Double? {
            rows.first { $0.count > 2 && $0[0] == model && $0[1] == parameter }.flatMap { Double($0[2]) }
        }
        let tolerance = 1e-9
        #expect(abs((estimate("ABG", "alpha") ?? 0) - 3.1) < tolerance)
        #expect(abs((estimate("ABG", "beta") ?? 0) - 28) < tolerance)
        #expect(abs((estimate("ABG", "gamma") ?? 0) - 2.2) < tolerance)
        #expect(estimate("CIF", "f0") == 50.5)
        #expect(listing(out).contains("pathloss-multifrequency-path-gain.svg"))
        // Links drawn exactly from CIF (n = 2.5, b = 0.1, f0 = 50.5 GHz, the links' mean frequency;
        // FSPL at 1 m exact, c = 299 792 458 m/s): the command recovers n and b.
        var cifText = "distance_m,path_gain_db,frequency_ghz\n"
        for f in [28.0, 73.0] {
            for d in stride(from: 5.0, through: 200, by: 15) {
                let fspl = 20 * log10(4 * Double.pi * f * 1e9 / 299_792_458)
                let loss = fspl + 10 * 2.5 * (1 + 0.1 * (f - 50.5) / 50.5) * log10(d)
                cifText += "\(d),\(-loss),\(f)\n"
            }
        }
        let cifInput = folder.appendingPathComponent("cif.csv")
        try cifText.write(to: cifInput, atomically: true, encoding: .utf8)
        let cifOut = folder.appendingPathComponent("cif")
        #expect(
            runWTK(["pathloss", "multifrequency", "--input", cifInput.path, "--out-dir", cifOut.path, "--quiet"]) == 0)
        let cifRows = try String(
            contentsOf: cifOut.appendingPathComponent("pathloss-multifrequency-models.csv"), encoding: .utf8
        ).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        func cif(_ parameter: String) -> Double? {
            cifRows.first { $0.count > 2 && $0[0] == "CIF" && $0[1] == parameter }.flatMap { Double($0[2]) }
        }
        #expect(abs((cif("n") ?? 0) - 2.5) < tolerance && abs((cif("b") ?? 0) - 0.1) < tolerance)
        let single = folder.appendingPathComponent("single")
        // One frequency: the campaign is fine, the request is not (multifrequency needs two): usage, 64.
        #expect(
            runWTK(["pathloss", "multifrequency", "--input", bundledCSV, "--out-dir", single.path, "--quiet"]) == 64)
        #expect(listing(single).filter { $0.hasSuffix(".csv") }.isEmpty)
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

    /// A user's campaign with distance and path gain only: `effects` fits A and n, lists each feature it cannot
    /// estimate with the reason, and writes neither the glass offsets nor an empty forest plot.
    @Test func effectsRunsOnACampaignWithoutFeatureColumns() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = "link_id,distance_m,path_gain_db\n"
        for i in 0..<60 {
            let d = 20 * pow(10, Double(i) / 59)
            text += "L\(i),\(d),\(-60 - 25 * log10(d) + (i % 2 == 0 ? 3 : -3))\n"
        }
        let input = folder.appendingPathComponent("mine.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["pathloss", "effects", "--input", input.path, "--out-dir", out.path, "--quiet"]) == 0)
        #expect(listing(out).filter { !$0.hasSuffix(".meta.json") } == ["pathloss-effects.csv"])
        let csv = try String(contentsOf: out.appendingPathComponent("pathloss-effects.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasSuffix(",unit,note") == true)
        #expect(lines.contains { $0.hasPrefix("path_loss_exponent,2.5") })
        #expect(lines.contains { $0.hasPrefix("high_loss,") && $0.hasSuffix(",no glass_type column") })
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

    @Test(arguments: ["umi", "uma", "o2i-low", "o2i-high"])
    func modelDefaultsRunAndFlagShortDistances(model: String) throws {
        // Defaults: h_BS 10 m, h_UT 4.5 m, grid from d3D = 10 m → d2D = 8.35 m < 10 m (outside TR 38.901 validity).
        let out = try makeTemporaryDirectory()
        #expect(runWTK(["pathloss", "model", model, "--out-dir", out.path, "--quiet"]) == 0)
        let table = try String(contentsOf: out.appendingPathComponent("pathloss-model.csv"), encoding: .utf8)
        let rows = table.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        #expect(rows.count == 8)
        // Only the 10 m point (d2D = 8.35 m) is out of validity; 20 m gives d2D = 19.2 m.
        #expect(rows.first { $0[2] == "10" }?.last == "1")
        #expect(rows.filter { $0.last == "1" }.count == 1)
    }

    /// A valid user campaign: FI line −60 − 25·log10 d with ±3 dB alternating residuals at `distances`.
    private func writeShortRangeCampaign(_ distances: [Double], to url: URL) throws {
        var text = "distance_m,path_gain_db\n"
        for (i, d) in distances.enumerated() {
            text += "\(d),\(-60 - 25 * log10(d) + (i % 2 == 0 ? 3 : -3))\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func fitRunsOnShortRangeCampaignsAndLeavesTheExcessLossEmpty() throws {
        let folder = try makeTemporaryDirectory()
        // All d ≤ 50 m: no excess loss beyond 50 m exists.
        let near = folder.appendingPathComponent("near.csv")
        try writeShortRangeCampaign((1...30).map { 1.5 * Double($0) }, to: near)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["pathloss", "fit", "--input", near.path, "--out-dir", out.path, "--quiet"]) == 0)
        let summary =
            (try? String(contentsOf: out.appendingPathComponent("pathloss-fit-summary.csv"), encoding: .utf8)) ?? ""
        #expect(summary.contains("excess_loss_beyond_50m,,30,dB"))
        // d < 1 m with d0 = 0.5 m: the summary must use the same d0 as the fits.
        let tiny = folder.appendingPathComponent("tiny.csv")
        try writeShortRangeCampaign((0..<30).map { 0.6 + 1.5 * Double($0) }, to: tiny)
        let out2 = folder.appendingPathComponent("out2")
        #expect(
            runWTK([
                "pathloss", "fit", "--input", tiny.path, "--reference-distance", "0.5", "--out-dir", out2.path,
                "--quiet",
            ]) == 0)
    }

    @Test func dataRangeErrorsInACSVExit65WhileTheSameFlagErrorsExit64() throws {
        let folder = try makeTemporaryDirectory()
        let zeroFrequency = folder.appendingPathComponent("f0.csv")
        try "distance_m,path_gain_db,frequency_ghz\n10,-80,28\n20,-86,0\n40,-93,28\n".write(
            to: zeroFrequency, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["pathloss", "fit", "--input", zeroFrequency.path, "--out-dir", out.path, "--quiet"]) == 65)
        let lossInGainColumn = folder.appendingPathComponent("loss.csv")
        try "distance_m,path_gain_db\n10,80\n20,86\n40,93\n".write(
            to: lossInGainColumn, atomically: true, encoding: .utf8)
        #expect(runWTK(["pathloss", "fit", "--input", lossInGainColumn.path, "--out-dir", out.path, "--quiet"]) == 65)
        #expect(listing(out).isEmpty)
        // A frequency outside the model's range on the command line is a usage error.
        #expect(runWTK(["pathloss", "model", "umi", "--frequency", "0.1", "--out-dir", out.path, "--quiet"]) == 64)
    }

    @Test func modelRejectsNegativeIndoorDistance() throws {
        let out = try makeTemporaryDirectory()
        #expect(
            runWTK(["pathloss", "model", "o2i-low", "--indoor-distance", "-1", "--out-dir", out.path, "--quiet"])
                == 64)
        #expect(listing(out).isEmpty)
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

    /// A campaign saved in Latin-1 is bad data (exit 65), not an I/O failure (74) (issue 12, class 4).
    @Test func aCampaignThatIsNotUTF8ExitsWithBadData() throws {
        let folder = try makeTemporaryDirectory()
        let input = folder.appendingPathComponent("latin1.csv")
        let bytes = Array("distance_m,path_gain_db,building_id\n10,-80,Caf".utf8) + [0xE9] + Array("\n20,-90,B\n".utf8)
        try Data(bytes).write(to: input)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["pathloss", "fit", "--input", input.path, "--out-dir", out.path, "--quiet"]) == 65)
        #expect(listing(out).isEmpty)
    }
}
