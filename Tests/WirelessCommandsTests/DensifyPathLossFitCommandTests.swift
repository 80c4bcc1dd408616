import Foundation
import Testing
import WirelessCore

@testable import WirelessCommands

/// `wtk densify sweep --path-loss-fit FILE`: the network of a `pathloss fit` models row, checked against
/// the closed form of the equivalent single-slope scenario; bad files exit 65 naming file, line and column.
@Suite struct DensifyPathLossFitCommandTests {
    static let header =
        "model,group,a_db,a_se_db,a_ci_lower_db,a_ci_upper_db,n,n_se,n_ci_lower,n_ci_upper,p3,p3_se,p3_ci_lower,p3_ci_upper,rmse_n_db,sigma_n_minus_p_db,links,note\n"

    static func fit(_ rows: String, in root: URL) throws -> String {
        let url = root.appendingPathComponent("fit-models.csv")
        try (header + rows).write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// CI with n = 4, σ = 0, nearest BS, Rayleigh, no noise: P_c(0 dB) = 1/(1 + π/4) (Andrews–Baccelli–Ganti).
    @Test func closeInFitGivesTheSingleSlopeClosedForm() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.fit("CI,all,,,,,4,0.01,3.9,4.1,,,,,7,0,100,anchor\n", in: root)
        let out = root.appendingPathComponent("out")
        let arguments = [
            "densify", "sweep", "--path-loss-fit", file, "--path-loss-model", "ci", "--carrier-ghz", "28",
            "--association", "nearest", "--metrics", "coverage", "--mc", "off", "--lambda-min", "10", "--lambda-max",
            "100", "--per-decade", "1", "--density-unit", "km2", "--out-dir", out.path, "--quiet",
        ]
        #expect(ShardMergeTests.run(arguments) == 0)
        let csv = try String(contentsOf: out.appendingPathComponent("densify-sweep.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 2)
        for row in rows {
            let value = try #require(Double(row[4]))
            #expect(abs(value - 1 / (1 + Double.pi / 4)) < 1e-9, "\(row)")
        }
        let meta = try String(contentsOf: out.appendingPathComponent("densify-sweep.meta.json"), encoding: .utf8)
        #expect(meta.contains("\"path_loss_model\" : \"ci\"") && meta.contains("\"shadowing_sigma_db\" : \"0.0\""))
    }

    @Test func malformedFitFileExits65NamingFileLineAndColumn() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let file = try Self.fit(
            "FI,all,-80,1,,,2.5,0.1,,,,,,,8,8,100,\nFI,g,-70,1,,,two,0.1,,,,,,,8,8,100,\n", in: root)
        let base = ["densify", "sweep", "--path-loss-fit", file, "--mc", "off", "--metrics", "coverage"]
        let (code, message) = ShardMergeTests.failure(base + ["--path-loss-group", "g"])
        #expect(code == 65)
        #expect(message.contains("fit-models.csv") && message.contains("line 3") && message.contains("n"), "\(message)")
        // The CI model needs its frequency (usage, 64); a missing file is an I/O error (74).
        #expect(ShardMergeTests.run(base + ["--path-loss-model", "ci"]) == 64)
        #expect(ShardMergeTests.run(base + ["--fading", "rayleigh+lognormal:4"]) == 64)
        #expect(
            ShardMergeTests.run([
                "densify", "sweep", "--path-loss-fit", root.appendingPathComponent("none.csv").path, "--mc", "off",
            ]) == 74)
    }
}
