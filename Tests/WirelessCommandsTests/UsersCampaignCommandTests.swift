import Foundation
import Testing

@testable import WirelessCommands

/// `wtk pathloss` on a user's campaign that has only distance and path gain (issue 17).
@Suite struct UsersCampaignCommandTests {
    private func writeCampaign(in folder: URL) throws -> URL {
        var text = "distance_m,path_gain_db\n"
        for i in 0..<80 {
            let d = 15 * pow(10, Double(i) / 79)
            text += "\(d),\(-62 - 24 * log10(d) + (i % 3 == 0 ? 5 : -2.5))\n"
        }
        let url = folder.appendingPathComponent("mine.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func coverageWithoutAGroupingColumnIsOneGroupAndAnAbsentGroupByIsBadData() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try writeCampaign(in: folder)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["pathloss", "coverage", "--input", input.path, "--out-dir", out.path, "--quiet"]) == 0)
        let table = try String(
            contentsOf: out.appendingPathComponent("pathloss-coverage-max-distance.csv"), encoding: .utf8)
        let groups = Set(table.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] })
        #expect(groups == ["all"])
        let absent = folder.appendingPathComponent("absent")
        #expect(
            runWTK(["pathloss", "coverage", "--input", input.path, "--group-by", "floor", "--out-dir", absent.path])
                == 65)
        #expect(listing(absent).isEmpty)
        #expect(
            runWTK(["pathloss", "fit", "--input", input.path, "--group-by", "los", "--out-dir", absent.path]) == 65)
    }

    @Test func fitBootstrapIsSeededAndTheSummaryHasNoReplicaColumn() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try writeCampaign(in: folder)
        func run(_ seed: String, _ name: String) throws -> String {
            let out = folder.appendingPathComponent(name)
            #expect(
                runWTK([
                    "pathloss", "fit", "--input", input.path, "--bootstrap", "200", "--seed", seed,
                    "--excess-loss-averaging", "data-points", "--out-dir", out.path, "--quiet",
                ]) == 0)
            return try String(contentsOf: out.appendingPathComponent("pathloss-fit-bootstrap.csv"), encoding: .utf8)
        }
        let first = try run("3", "a")
        #expect(try run("3", "b") == first)
        #expect(try run("4", "c") != first)
        #expect(first.hasPrefix("parameter,estimate,se,ci_lower,ci_upper,bootstrap_se,"))
        let summary = try String(
            contentsOf: folder.appendingPathComponent("a/pathloss-fit-summary.csv"), encoding: .utf8)
        #expect(summary.hasPrefix("metric,campaign,paper,unit\n"))
        #expect(summary.contains("\nscenarios,,43,count\n"))
        #expect(summary.contains("\nexcess_loss_beyond_50m_data_points,"))
        #expect(runWTK(["pathloss", "fit", "--input", input.path, "--bootstrap", "1", "--out-dir", folder.path]) == 64)
    }
}
