import ArgumentParser
import Foundation
import WirelessCore

/// `--shard K/N` or `--shard slurm`: run one shard of a shardable command's work items and write its
/// partial results (`<name>.shard-K-of-N.partial.csv` and the manifest `<name>.shard-K-of-N.json`)
/// instead of the final tables; `wtk merge` joins the shards.
public struct ShardOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Run only shard K of N (1-based, e.g. 2/4) of the work items, or 'slurm' to take K and N from SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN. Writes partial results for 'wtk merge'.",
            valueName: "K/N|slurm"))
    public var shard: String?

    public init() {}

    /// The shard to run, or nil for the whole study.
    /// - Throws: `ShardError` (exit 64): malformed value, K or N out of range, Slurm variable missing.
    public func resolved(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ShardError) -> Shard? {
        guard let shard else { return nil }
        return try Shard.parse(shard, environment: environment)
    }

    /// Checks a `K/N` value early (a `slurm` value is read when the command runs).
    public func validate() throws {
        guard let shard, shard != "slurm" else { return }
        do { _ = try Shard.parse(shard, environment: [:]) } catch { throw ValidationError(error.description + ".") }
    }
}
