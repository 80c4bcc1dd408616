import ArgumentParser
import Foundation
import Testing
import WirelessIO
import WirelessPathLoss

@testable import WirelessCommands

/// What users of command-line tools expect: `--version`, summaries with units and a few digits, help that
/// does not promise a default that then fails.
@Suite struct CommandLineHabitTests {
    @Test func versionIsTheOneTheMetadataRecords() throws {
        do {
            _ = try WTK.parseAsRoot(["--version"])
            Issue.record("--version did not exit")
        } catch {
            #expect(WTK.exitCode(for: error) == .success)
            #expect(WTK.fullMessage(for: error) == ToolkitVersion.string)
        }
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(runWTK(["pathloss", "model", "fspl", "--quiet", "--out-dir", folder.path]) == 0)
        let meta = try Data(contentsOf: folder.appendingPathComponent("pathloss-model.meta.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: meta) as? [String: Any])
        #expect(object["toolkitVersion"] as? String == ToolkitVersion.string)
    }

    /// Runs the built `wtk` and returns its stderr (summaries go there).
    static func stderr(of arguments: [String], in folder: URL) throws -> String {
        let executable = try #require(CrossProcessDeterminismTests.executable)
        let result = try InstallTests.run(executable, arguments + ["--out-dir", folder.path], in: folder)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(arguments) wrote on stdout: \(result.stdout)")
        return result.stderr
    }

    /// A number printed with more than 5 decimals (`1.3333333333333333`, `111.03901085423927`).
    static func hasRawDouble(_ text: String) -> Bool {
        text.range(of: #"[0-9]\.[0-9]{6,}"#, options: .regularExpression) != nil
    }

    @Test(.enabled(if: CrossProcessDeterminismTests.executable != nil, "wtk was not built beside the tests"))
    func summariesHaveUnitsAndFewDigits() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let coverage = try Self.stderr(of: ["pathloss", "coverage"], in: folder)
        #expect(coverage.contains("all 500 Mbit/s → distance 111.0 m"), "\(coverage)")
        let sweep = try Self.stderr(
            of: ["densify", "sweep", "--mc", "off", "--threshold-db", "-3,0", "--metrics", "coverage"], in: folder)
        #expect(sweep.contains("κ = 1.33, slopes P_c -0.333, R -0.250, D_c 0.667, ASE 0.750"), "\(sweep)")
        let regimes = try Self.stderr(of: ["densify", "regimes"], in: folder)
        #expect(regimes.contains("α0 = 3: κ = 0.667, regime saturate"), "\(regimes)")
        let psd = try Self.stderr(
            of: [
                "psd",
                InstallTests.root.appendingPathComponent("notebooks-export/psd-two-tone/two-tone.sigmf-meta").path,
            ], in: folder)
        #expect(psd.contains("peak -31.7 dB/Hz at -125.0 kHz"), "\(psd)")
        for text in [coverage, sweep, regimes, psd] {
            #expect(!Self.hasRawDouble(text), "raw double in: \(text)")
        }
    }

    @Test func multifrequencyNeedsAnInputWithTwoFrequencies() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // No default input: the help says --input is required, and parsing refuses its absence (64).
        #expect(runWTK(["pathloss", "multifrequency", "--out-dir", folder.path]) == ExitStatus.usage)
        let help = WTK.helpMessage(for: PathLossMultiFrequencyCommand.self)
        #expect(!help.contains("Default: the bundled"))
        #expect(help.contains("USAGE: wtk pathloss multifrequency --input <csv>"))
        // The bundled replica (one frequency) is refused as a usage error that says what is needed.
        let replica = try BundledReplica.url()
        #expect(
            runWTK(["pathloss", "multifrequency", "--input", replica.path, "--out-dir", folder.path])
                == ExitStatus.usage)
        let command = try #require(
            try WTK.parseAsRoot(["pathloss", "multifrequency", "--input", replica.path, "--out-dir", folder.path])
                as? PathLossMultiFrequencyCommand)
        let error = #expect(throws: ValidationError.self) { try command.execute() }
        #expect(error?.message.contains("one frequency (28.00 GHz)") == true, "\(String(describing: error))")
        #expect(error?.message.contains("two or more distinct frequencies") == true)
        #expect(listing(folder).isEmpty)
    }

    /// `--format json` end to end: a missing distance is null, a boolean column is booleans, numbers are numbers.
    @Test func jsonTablesOfCommandsAreTyped() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            runWTK([
                "pathloss", "coverage", "--targets", "500e6,1e12", "--format", "json", "--quiet", "--out-dir",
                folder.path,
            ]) == 0)
        #expect(runWTK(["isac", "estimate", "--format", "json", "--quiet", "--out-dir", folder.path]) == 0)
        func rows(_ name: String) throws -> (columns: [String], rows: [[Any]]) {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return (try #require(object["columns"] as? [String]), try #require(object["rows"] as? [[Any]]))
        }
        let coverage = try rows("pathloss-coverage-max-distance.json")
        let distance = try #require(coverage.columns.firstIndex(of: "max_distance_m"))
        let status = try #require(coverage.columns.firstIndex(of: "status"))
        let unreachable = try #require(coverage.rows.first { $0[status] as? String == "not_achievable" })
        #expect(unreachable[distance] is NSNull)
        #expect(coverage.rows.contains { ($0[distance] as? NSNumber)?.doubleValue ?? 0 > 0 })
        let estimate = try rows("isac-estimate.json")
        let clamped = try #require(estimate.columns.firstIndex(of: "angle_clamped"))
        // The toolkit's parser tells a JSON boolean from a number (Foundation's NSNumber does not).
        let parsed = try JSONValue(
            parsing: Data(contentsOf: folder.appendingPathComponent("isac-estimate.json")), file: "isac-estimate.json")
        guard case .array(let estimateRows) = parsed["rows"] else {
            Issue.record("no rows")
            return
        }
        #expect(!estimateRows.isEmpty)
        for case .array(let row) in estimateRows {
            guard case .bool = row[clamped] else {
                Issue.record("angle_clamped is \(row[clamped]), not a boolean")
                continue
            }
        }
    }
}
