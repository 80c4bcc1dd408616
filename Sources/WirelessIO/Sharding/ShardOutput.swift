import Foundation
import WirelessCore

/// The two files one shard of a `ShardableStudy` writes, made by running its work items: the partial
/// `<name>.shard-K-of-N.partial.csv` (`StudyPartialText`) and the manifest `<name>.shard-K-of-N.json`
/// (`ShardManifest`, with the partial's CRC-32). The caller writes them together (the CLI through its run's
/// transaction), so a rerun of the shard replaces both.
public struct ShardOutput: Sendable {
    /// The partial's file name and bytes.
    public let partialFileName: String
    public let partialData: Data
    /// The manifest's file name and bytes.
    public let manifestFileName: String
    public let manifestData: Data
    /// The manifest (its command, items and files).
    public let manifest: ShardManifest

    /// Runs shard `shard` of `study` and builds its files.
    ///
    /// - Parameters:
    ///   - study: The whole study (every shard builds it from the same configuration).
    ///   - shard: K/N.
    ///   - seed: The run's seed (work items draw from streams keyed by the item).
    ///   - name: Base name of the outputs.
    ///   - command: Subcommand names (`["isac", "sweep"]`).
    ///   - arguments: The command's arguments as typed; the options that do not change results are dropped
    ///     (`CommandInvocation.configurationArguments`).
    ///   - progress: Progress of the work items.
    /// - Throws: whatever the study throws.
    public init<S: ShardableStudy>(
        running study: S, shard: Shard, seed: UInt64, name: String, command: [String], arguments: [String],
        progress: any StudyProgress
    ) throws {
        let itemCount = try study.workItemCount()
        let partial = try study.run(shard: shard, seed: seed, progress: progress)
        let stem = ShardManifest.stem(name: name, shard: shard)
        partialFileName = stem + ".partial.csv"
        partialData = Data(StudyPartialText.encode(partial).utf8)
        let kept = CommandInvocation.configurationArguments(arguments, commandPath: command)
        manifest = ShardManifest(
            command: command, arguments: kept,
            configurationHash: CommandInvocation.configurationHash(commandPath: command, arguments: kept),
            seed: seed, toolkitVersion: ToolkitVersion.string, name: name, shardIndex: shard.index,
            shardCount: shard.count, workItems: itemCount, itemLower: partial.items.lowerBound,
            itemUpper: partial.items.upperBound, files: [partialFileName: ShardManifest.checksum(partialData)])
        manifestFileName = ShardManifest.fileName(name: name, shard: shard)
        manifestData = try manifest.jsonData()
    }

    /// `isac sweep: shard 2/4 ran work items 3…5 of 8; merge with 'wtk merge'`.
    public var summary: String {
        "\(manifest.command.joined(separator: " ")): shard \(manifest.shardIndex)/\(manifest.shardCount) ran work items \(manifest.itemLower)…\(manifest.itemUpper - 1) of \(manifest.workItems); merge with 'wtk merge'"
    }
}
