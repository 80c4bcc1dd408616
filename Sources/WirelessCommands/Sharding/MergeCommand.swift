import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO

/// `wtk merge DIR… --out-dir D`: joins the shards of one `--shard` run into the files of a one-process run.
struct MergeCommand: WTKCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Join the shards of a --shard run into the files a one-process run writes.",
        discussion: """
            Each DIR holds one or more shards (<name>.shard-K-of-N.json and its partial files) written \
            by 'wtk densify sweep', 'wtk isac sweep', 'wtk spectrum evaluate' or 'wtk figures' with --shard K/N or --shard \
            slurm. The shards must come from one command line (only --shard, --out-dir and --quiet may \
            differ), one seed and one toolkit version, and every shard 1…N must be present exactly once; \
            otherwise merge exits 65 naming the shard folder and writes nothing. The merged CSV and SVG \
            files are byte-identical to those of the unsharded command with the same seed; their \
            .meta.json records the shards. Relative paths in the recorded command line (models, \
            captures) are resolved in the current folder: merge where the shards ran. With --check, \
            lists each shard's folder or 'missing' and exits 65 if any is missing or does not match.
            """)

    @Argument(help: ArgumentHelp("Shard output folders (each written with --shard).", valueName: "dir"))
    var folders: [String]

    @Option(
        name: .customLong("out-dir"),
        help: ArgumentHelp("Folder for the merged outputs (required unless --check).", valueName: "dir"))
    var outputDirectory: String?

    @Flag(help: "Only report which shards are present and which are missing; write nothing.")
    var check = false

    @Flag(help: "Print nothing on stderr except errors.")
    var quiet = false

    func execute() throws {
        // Checked here, not in validate(), so that parsing alone (help, option walks) needs no output folder.
        if !check && outputDirectory == nil { throw ValidationError("--out-dir is required (or use --check).") }
        let (set, missing) = try ShardSet.load(folders, outputDirectory: outputDirectory ?? "", quiet: quiet)
        try set.verifyFiles()
        if check { for line in set.checkReport { print(line) } }
        if !missing.isEmpty { throw ShardMergeError.missing(shards: missing, count: set.reference.shardCount) }
        if check { return }
        let reference = set.reference
        let arguments =
            reference.command + reference.arguments + ["--out-dir", set.outputDirectory] + (quiet ? ["--quiet"] : [])
        let parsed: ParsableCommand
        do { parsed = try WTK.parseAsRoot(arguments) } catch {
            throw ShardMergeError.badShard(
                folder: set.members[0].folder.path,
                reason:
                    "its recorded command 'wtk \(arguments.joined(separator: " "))' does not parse: \(WTK.message(for: error))"
            )
        }
        guard let command = parsed as? any ShardableCommand else {
            throw ShardMergeError.badShard(
                folder: set.members[0].folder.path,
                reason: "'wtk \(reference.command.joined(separator: " "))' cannot be merged")
        }
        try CommandInvocation.$arguments.withValue(arguments) { try command.writeMerged(set) }
    }
}
