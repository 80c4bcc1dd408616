import Foundation
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessCommands

/// `--shard K/N` and `wtk merge`: the merged files are byte-identical to a one-process run (shard counts
/// that do not divide the work), and a missing, duplicated or mismatched shard is refused (exit 65,
/// nothing written).
@Suite struct ShardMergeTests {
    /// Runs `wtk <arguments>` in-process with the arguments recorded as the command line (as `wtk` sees them).
    static func run(_ arguments: [String]) -> Int32 {
        CommandInvocation.$arguments.withValue(arguments) { runWTK(arguments) }
    }

    /// Exit code of `wtk <arguments>` and the message of the error its `execute()` (or parsing) throws.
    static func failure(_ arguments: [String]) -> (code: Int32, message: String) {
        CommandInvocation.$arguments.withValue(arguments) {
            let code = runWTK(arguments)
            var message = ""
            do {
                let command = try WTK.parseAsRoot(arguments)
                try (command as? any WTKCommand)?.execute()
            } catch let error as CategorizedError {
                message = error.description
            } catch {
                message = WTK.message(for: error)
            }
            return (code, message)
        }
    }

    /// Runs the unsharded command into `<root>/whole`, `shards` shards into `<root>/shard-K`, merges
    /// them into `<root>/merged`; returns the shard folders.
    @discardableResult
    static func runShardedAndWhole(_ arguments: [String], shards: Int, root: URL, outDir: String = "--out-dir")
        throws -> [String]
    {
        #expect(run(arguments + [outDir, root.appendingPathComponent("whole").path, "--quiet"]) == 0)
        var folders: [String] = []
        for k in 1...shards {
            let folder = root.appendingPathComponent("shard-\(k)").path
            #expect(run(arguments + ["--shard", "\(k)/\(shards)", outDir, folder, "--quiet"]) == 0)
            folders.append(folder)
        }
        let merged = root.appendingPathComponent("merged").path
        #expect(run(["merge"] + folders + ["--out-dir", merged, "--quiet"]) == 0)
        return folders
    }

    /// Every file of `a` but the `.meta.json` sidecars has a byte-identical twin in `b`, and vice versa.
    static func expectSameFiles(_ a: URL, _ b: URL) throws {
        let manager = FileManager.default
        func files(_ root: URL) -> [String] {
            (manager.enumerator(atPath: root.path)?.allObjects as? [String] ?? [])
                .filter { !$0.hasSuffix(".meta.json") }
                .filter {
                    var d: ObjCBool = false
                    return manager.fileExists(atPath: root.appendingPathComponent($0).path, isDirectory: &d)
                        && !d.boolValue
                }
                .sorted()
        }
        let names = files(a)
        #expect(!names.isEmpty)
        #expect(names == files(b))
        for name in names {
            let left = try Data(contentsOf: a.appendingPathComponent(name))
            let right = try Data(contentsOf: b.appendingPathComponent(name))
            #expect(left == right, "\(name) differs")
        }
    }

    static let sweep = [
        "isac", "sweep", "--method", "plain", "--snr-min=0", "--snr-max", "20", "--snr-step", "5", "--trials", "1",
        "--seed", "3",
    ]

    /// 5 SNRs × 1 trial block = 5 work items in 3 shards (1, 2, 2 items).
    @Test func isacSweepRMSEMergesByteIdentically() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.runShardedAndWhole(Self.sweep, shards: 3, root: root)
        let merged = root.appendingPathComponent("merged")
        try Self.expectSameFiles(root.appendingPathComponent("whole"), merged)
        #expect(listing(merged).contains("isac-rmse.csv"))
        let meta = try String(contentsOf: merged.appendingPathComponent("isac-rmse.meta.json"), encoding: .utf8)
        #expect(meta.contains("merged_shards") && meta.contains("3/3"))
    }

    @Test(arguments: [
        (["--evaluation", "detect", "--snr-max", "15"], 3),  // 4 SNRs in 3 shards
        (["--evaluation", "resolution", "--separations", "0.5"], 4),  // 3 points in 4 shards (one runs nothing)
    ])
    func isacSweepDetectAndResolutionMergeByteIdentically(_ extra: [String], shards: Int) throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.runShardedAndWhole(Self.sweep + extra, shards: shards, root: root)
        try Self.expectSameFiles(root.appendingPathComponent("whole"), root.appendingPathComponent("merged"))
    }

    @Test func spectrumEvaluateMergesByteIdentically() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let model = try tinyModel(in: root)
        let arguments = [
            "spectrum", "evaluate", "--model", model.path, "--test-per-level", "3", "--snr-min", "0", "--snr-max", "20",
            "--snr-step", "5", "--seed", "5",
        ]
        try Self.runShardedAndWhole(arguments, shards: 3, root: root)
        try Self.expectSameFiles(root.appendingPathComponent("whole"), root.appendingPathComponent("merged"))
    }

    /// Recordings of 2, 1 and 3 windows in 2 shards (groups not aligned with the 64-window batches).
    @Test func spectrumEvaluateOnRecordingsMergesByteIdentically() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let model = try tinyModel(in: root)
        let fixtures = SpectrumCommandInputTests()
        var arguments = ["spectrum", "evaluate", "--model", model.path, "--authors-protocol"]
        for (k, windows) in [2, 1, 3].enumerated() {
            let base = root.appendingPathComponent("capture-\(k)")
            try fixtures.labelledCapture(fixtures.samples(windows: windows, seed: UInt64(k + 1)), at: base)
            arguments += ["--captures", base.path]
        }
        try Self.runShardedAndWhole(arguments, shards: 2, root: root)
        try Self.expectSameFiles(root.appendingPathComponent("whole"), root.appendingPathComponent("merged"))
    }

    @Test func figuresMergeByteIdentically() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        // 2 sets in 3 shards: one shard builds none (the cheap sets; densify-regimes takes a minute in debug).
        let arguments = ["figures", "--only", "psd-two-tone", "--only", "pathloss-oti28"]
        let folders = try Self.runShardedAndWhole(arguments, shards: 3, root: root)
        try Self.expectSameFiles(root.appendingPathComponent("whole"), root.appendingPathComponent("merged"))
        #expect(!listing(URL(fileURLWithPath: folders[0])).contains("README.md"), "a shard writes no index")
    }

    // MARK: Refused merges

    /// The sweep of the refused-merge tests: 2 SNRs × 1 trial = 2 work items.
    static let smallSweep = [
        "isac", "sweep", "--method", "plain", "--snr-min=0", "--snr-max", "5", "--snr-step", "5", "--trials", "1",
    ]

    /// Shards 1/2 (seed 3), 2/2 (seed 3) and 2/2 with seed 4, run once for all tests (the tests copy them).
    static let fixture: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "wtk-shard-fixture-\(UUID().uuidString)")
        for (folder, k, seed) in [("s1", 1, "3"), ("s2", 2, "3"), ("s2-seed4", 2, "4")] {
            _ = run(
                smallSweep + [
                    "--seed", seed, "--shard", "\(k)/2", "--out-dir", root.appendingPathComponent(folder).path,
                    "--quiet",
                ])
        }
        return root
    }()

    /// Copies of the fixture's shards 1/2 and 2/2 (or 2/2 with another seed) into `root`.
    static func twoShards(_ root: URL, seeds: (String, String) = ("3", "3")) -> [String] {
        [("s1", "s1"), (seeds.1 == "3" ? "s2" : "s2-seed4", "s2")].map { source, name in
            let target = root.appendingPathComponent(name)
            try? FileManager.default.copyItem(at: fixture.appendingPathComponent(source), to: target)
            return target.path
        }
    }

    @Test func mismatchedSeedIsRefusedNamingTheFolder() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = Self.twoShards(root, seeds: ("3", "4"))
        let out = root.appendingPathComponent("merged")
        let (code, message) = Self.failure(["merge"] + folders + ["--out-dir", out.path])
        #expect(code == 65)
        #expect(
            message.contains(URL(fileURLWithPath: folders[1]).standardizedFileURL.path) && message.contains("seed"),
            "\(message)")
        #expect(listing(out).isEmpty)
    }

    @Test func mismatchedConfigurationOrVersionIsRefused() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = Self.twoShards(root)
        let manifest = URL(fileURLWithPath: folders[1]).appendingPathComponent("isac-rmse.shard-2-of-2.json")
        let original = try String(contentsOf: manifest, encoding: .utf8)
        for (field, edited) in [
            (
                "toolkit version",
                original.replacingOccurrences(of: "\"toolkit_version\" : \"", with: "\"toolkit_version\" : \"0.0.1-")
            ),
            (
                "configuration",
                original.replacingOccurrences(of: "\"configuration_hash\" : \"", with: "\"configuration_hash\" : \"f")
            ),
        ] {
            try edited.write(to: manifest, atomically: true, encoding: .utf8)
            let out = root.appendingPathComponent("merged")
            let (code, message) = Self.failure(["merge"] + folders + ["--out-dir", out.path])
            #expect(code == 65)
            #expect(message.contains(field) && message.contains("s2"), "\(message)")
            #expect(listing(out).isEmpty)
        }
    }

    @Test func missingAndDuplicatedShardsAreRefused() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = Self.twoShards(root)
        let out = root.appendingPathComponent("merged")
        let (missingCode, missing) = Self.failure(["merge", folders[0], "--out-dir", out.path])
        #expect(missingCode == 65 && missing.contains("missing shard 2/2"), "\(missing)")
        // The same shard again in another folder.
        let copy = root.appendingPathComponent("copy-of-s1")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: folders[0]), to: copy)
        let (duplicateCode, duplicate) = Self.failure(["merge"] + folders + [copy.path, "--out-dir", out.path])
        #expect(duplicateCode == 65 && duplicate.contains("1/2") && duplicate.contains("copy-of-s1"), "\(duplicate)")
        #expect(listing(out).isEmpty)
        // A changed partial file (a truncated copy from a failed node) is caught by its checksum.
        let partial = URL(fileURLWithPath: folders[1]).appendingPathComponent("isac-rmse.shard-2-of-2.partial.csv")
        try Data("# items 2 5\nwork_item\n".utf8).write(to: partial)
        let (changedCode, changed) = Self.failure(["merge"] + folders + ["--out-dir", out.path])
        #expect(changedCode == 65 && changed.contains("CRC-32") && changed.contains("s2"), "\(changed)")
        #expect(listing(out).isEmpty)
    }

    @Test func checkListsMissingShards() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = Self.twoShards(root)
        #expect(Self.run(["merge", "--check"] + folders) == 0)
        let (code, _) = Self.failure(["merge", "--check", folders[1]])
        #expect(code == 65)
        #expect(Self.run(["merge", folders[0]]) == 64, "--out-dir is required without --check")
    }

    @Test func rerunningAShardReplacesItsFiles() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folders = Self.twoShards(root)
        let before = listing(URL(fileURLWithPath: folders[0]))
        let arguments = Self.smallSweep + ["--seed", "3", "--shard", "1/2", "--out-dir", folders[0], "--quiet"]
        #expect(Self.run(arguments) == 0)
        #expect(listing(URL(fileURLWithPath: folders[0])) == before)
        #expect(before == ["isac-rmse.shard-1-of-2.json", "isac-rmse.shard-1-of-2.partial.csv"])
    }

    @Test(arguments: ["0/3", "4/3", "x"])
    func badShardValueIsAUsageError(_ value: String) {
        let (code, message) = Self.failure(
            Self.sweep + ["--shard", value, "--out-dir", "/nonexistent/never", "--quiet"])
        #expect(code == 64, "\(message)")
    }

    @Test func slurmShardOutsideSlurmNamesTheVariable() throws {
        guard ProcessInfo.processInfo.environment["SLURM_ARRAY_TASK_ID"] == nil else { return }
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (code, message) = Self.failure(Self.sweep + ["--shard", "slurm", "--out-dir", root.path, "--quiet"])
        #expect(code == 64 && message.contains("SLURM_ARRAY_TASK_ID"), "\(message)")
        #expect(listing(root).isEmpty)
    }

    @Test func configurationArgumentsDropOnlyShardOutDirQuietAndJobs() {
        let kept = CommandInvocation.configurationArguments(
            ["isac", "sweep", "--trials", "2", "--shard=1/2", "--out-dir", "x", "--quiet", "--jobs", "3", "--seed=4"],
            commandPath: ["isac", "sweep"])
        #expect(kept == ["--trials", "2", "--seed=4"])
        #expect(
            CommandInvocation.configurationHash(commandPath: ["a"], arguments: ["--seed=4"])
                == CommandInvocation.configurationHash(commandPath: ["a"], arguments: ["--seed", "4"]))
        #expect(
            CommandInvocation.configurationHash(commandPath: ["a"], arguments: ["--seed", "4"])
                != CommandInvocation.configurationHash(commandPath: ["a"], arguments: ["--seed", "5"]))
    }
}
