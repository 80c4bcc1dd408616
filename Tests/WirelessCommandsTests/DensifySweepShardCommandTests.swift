import Foundation
import Testing
import WirelessCore

@testable import WirelessCommands

/// `wtk densify sweep --shard K/N` and `wtk merge`: the merged CSV and SVG are byte-identical to the
/// one-process run, and shards of another configuration are refused (exit 65, nothing written).
@Suite struct DensifySweepShardCommandTests {
    /// 3 densities × 1 batch (300 drops) = 3 work items; nearest BS with closed-form analytic cells.
    static let sweep = [
        "densify", "sweep", "--exponents", "4", "--association", "nearest", "--lambda-min", "0.1", "--lambda-max",
        "10", "--per-decade", "1", "--threshold-db=-3,0", "--metrics", "coverage,rate,ase", "--mc", "drops:300",
        "--noise", "0.01", "--seed", "4",
    ]

    @Test(arguments: [2, 4])  // 3 items in 2 shards (1, 2) and in 4 (one shard runs nothing)
    func shardsMergeByteIdentically(_ shards: Int) throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try ShardMergeTests.runShardedAndWhole(Self.sweep, shards: shards, root: root)
        let merged = root.appendingPathComponent("merged")
        try ShardMergeTests.expectSameFiles(root.appendingPathComponent("whole"), merged)
        #expect(listing(merged).contains("densify-sweep.csv") && listing(merged).contains("densify-sweep-ase.svg"))
        let meta = try String(contentsOf: merged.appendingPathComponent("densify-sweep.meta.json"), encoding: .utf8)
        #expect(meta.contains("merged_shards") && meta.contains("\(shards)/\(shards)"))
    }

    @Test func shardOfAnotherConfigurationIsRefused() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = root.appendingPathComponent("s1").path
        let second = root.appendingPathComponent("s2").path
        #expect(ShardMergeTests.run(Self.sweep + ["--shard", "1/2", "--out-dir", first, "--quiet"]) == 0)
        #expect(
            ShardMergeTests.run(
                Self.sweep.map { $0 == "drops:300" ? "drops:301" : $0 } + [
                    "--shard", "2/2", "--out-dir", second, "--quiet",
                ]) == 0)
        let out = root.appendingPathComponent("merged")
        let (code, message) = ShardMergeTests.failure(["merge", first, second, "--out-dir", out.path])
        #expect(code == 65)
        #expect(message.contains("configuration") && message.contains("s2"), "\(message)")
        #expect(listing(out).isEmpty)
    }
}
