import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO

/// `wtk figures`: regenerates the figure sets into Markdown reports with SVGs and CSVs.
public struct FiguresCommand: ShardableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Regenerate the figure sets into notebooks-export/<set>/ (Markdown + SVG + CSV).",
        discussion: """
            Each set runs the wtk subcommands that produce its figures and writes a README.md that \
            shows the exact commands, the seed, the embedded SVGs and links to the data. An index \
            of every set is written to <out-dir>/README.md. Sets run in parallel with --jobs. \
            --shard K/N builds only the Kth of N contiguous ranges of the selected sets (no index; a \
            manifest figures.shard-K-of-N.json lists them); 'wtk merge' copies the sets of every shard \
            into one folder and writes the index, as one unsharded run would.
            """)

    @Option(help: ArgumentHelp("Regenerate only this set (repeatable). See --list.", valueName: "name"))
    var only: [String] = []

    @Flag(help: "List the figure sets and exit.")
    var list = false

    @Option(parsing: .unconditional, help: "How many sets to build at once, 1…64.")
    var jobs: Int = 2

    @Option(
        name: .customLong("out-dir"),
        help: ArgumentHelp("Folder for the reports.", valueName: "dir"))
    var outputDirectory: String = "notebooks-export"

    @OptionGroup var seedOptions: SeedOptions

    @Flag(help: "Print nothing on stderr except errors.")
    var quiet = false

    @OptionGroup var sharding: ShardOptions

    public init() {}

    public func validate() throws {
        try OptionRange.check(jobs, "--jobs", in: 1...64)
        for name in only where FigureRegistry.set(named: name) == nil {
            let known = FigureRegistry.all.map(\.name).joined(separator: ", ")
            throw ValidationError("Unknown figure set '\(name)'. Known sets: \(known).")
        }
    }

    public func execute() throws {
        if list {
            for set in FigureRegistry.all { print("\(set.name)\t\(set.title)") }
            return
        }
        let root = URL(fileURLWithPath: outputDirectory)
        let shard = try sharding.resolved()
        let all = selectedSets
        let selected = shard.map { Array(all[$0.workItems(of: all.count)]) } ?? all
        let progress = ProgressReporter(label: "figure sets", total: selected.count, quiet: quiet, plainInterval: 0)
        let seed = seedOptions.seed
        let failures = ConcurrentJobs.run(
            count: selected.count, workers: jobs, label: { selected[$0].name }, afterEach: { progress.advance() },
            job: { try Self.build(selected[$0], in: root.appendingPathComponent(selected[$0].name), seed: seed) })
        let messages = failures.messages
        if let shard, messages.isEmpty {
            try writeShardManifest(shard, sets: selected.map(\.name), root: root)
            return
        }
        if shard == nil { try Self.writeIndex(in: root) }
        if let first = messages.first {
            for message in messages.dropFirst() { StandardError.write("error: figure set \(message)\n") }
            throw FigureError.setFailed(first, category: failures.worstCategory ?? .inputOutput)
        }
    }

    /// The sets to build (registry order; `--only` filters): the work items of `--shard`.
    var selectedSets: [FigureSet] {
        only.isEmpty ? FigureRegistry.all : FigureRegistry.all.filter { only.contains($0.name) }
    }

    /// Writes `figures.shard-K-of-N.json` listing the shard's set folders.
    func writeShardManifest(_ shard: Shard, sets: [String], root: URL) throws {
        let path = FigureContext.commandPath(of: Self.self)
        let arguments = CommandInvocation.configurationArguments(CommandInvocation.current, commandPath: path)
        let items = shard.workItems(of: selectedSets.count)
        let manifest = ShardManifest(
            command: path, arguments: arguments,
            configurationHash: CommandInvocation.configurationHash(commandPath: path, arguments: arguments),
            seed: seedOptions.seed, toolkitVersion: ToolkitVersion.string, name: "figures", shardIndex: shard.index,
            shardCount: shard.count, workItems: selectedSets.count, itemLower: items.lowerBound,
            itemUpper: items.upperBound, files: Dictionary(uniqueKeysWithValues: sets.map { ($0, "") }))
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try AtomicFileWriter.write(
            manifest.jsonData(), to: root.appendingPathComponent(ShardManifest.fileName(name: "figures", shard: shard)))
        if !quiet {
            StandardError.write(
                "figures: shard \(shard) built \(sets.count) of \(selectedSets.count) sets: \(sets.joined(separator: ", "))\n"
            )
        }
    }

    /// Copies each shard's sets into the output folder (each swapped in whole) and writes the index.
    func writeMerged(_ shards: ShardSet) throws {
        // The sets are copied and swapped in whole (as `build` does), not staged file by file.
        try OutputTransaction.writingInPlace { try copySets(shards) }
    }

    func copySets(_ shards: ShardSet) throws {
        let all = selectedSets.map(\.name)
        var sources: [(name: String, folder: URL)] = []
        for member in shards.members {
            let m = member.manifest
            guard m.workItems == all.count else {
                throw ShardMergeError.badShard(
                    folder: member.folder.path,
                    reason: "it has \(m.workItems) figure sets; the command selects \(all.count)")
            }
            let expected = Array(all[(try m.shard).workItems(of: all.count)])
            guard m.files.keys.sorted() == expected.sorted() else {
                throw ShardMergeError.badShard(
                    folder: member.folder.path,
                    reason:
                        "it lists sets \(m.files.keys.sorted().joined(separator: ", ")), shard \(m.shardIndex)/\(m.shardCount) builds \(expected.joined(separator: ", "))"
                )
            }
            for name in expected {
                sources.append((name, member.folder.appendingPathComponent(name, isDirectory: true)))
            }
        }
        let root = URL(fileURLWithPath: outputDirectory)
        let manager = FileManager.default
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        OutputTransaction.removeStaleTemporaries(in: root)
        // Copy every set first (into staging folders), then swap them in: a failed copy changes nothing.
        var staged: [(URL, URL)] = []
        do {
            for (name, source) in sources {
                let building = root.appendingPathComponent(OutputTransaction.stagingFolderName(), isDirectory: true)
                try manager.copyItem(at: source, to: building)
                staged.append((building, root.appendingPathComponent(name, isDirectory: true)))
                try Self.relocateRecordedPaths(in: building, from: source, to: root.appendingPathComponent(name))
            }
        } catch {
            for (building, _) in staged { try? manager.removeItem(at: building) }
            throw error
        }
        for (building, target) in staged { try FolderSwap.replace(target, with: building) }
        try Self.writeIndex(in: root)
        if !quiet { StandardError.write("figures: merged \(sources.count) sets from \(shards.members.count) shards\n") }
    }

    /// Builds one set beside `directory` and swaps it in when complete (see `FolderSwap`), so an
    /// interrupted or failed build leaves the previous set as it was.
    ///
    /// The set is built in `<parent>/.wtk-staging-<pid>-<uuid>/` with its commands writing straight
    /// into it (no transaction: `FigureContext` lists what each command produced); paths of the build
    /// folder recorded in the sidecars are rewritten to the published folder before the swap.
    static func build(_ set: FigureSet, in directory: URL, seed: UInt64) throws {
        let manager = FileManager.default
        let parent = directory.deletingLastPathComponent()
        try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        OutputTransaction.removeStaleTemporaries(in: parent)
        let building = parent.appendingPathComponent(OutputTransaction.stagingFolderName(), isDirectory: true)
        try manager.createDirectory(at: building, withIntermediateDirectories: false)
        do {
            try OutputTransaction.writingInPlace {
                let context = FigureContext(directory: building, seed: seed)
                try set.build(context)
                var report = "# \(set.title)\n\n\(set.summary)\n\n"
                report += "Regenerate with `wtk figures --only \(set.name) --seed \(seed)`. Seed: \(seed). "
                report += "Toolkit version \(ToolkitVersion.string).\n\n"
                report += context.sections.joined(separator: "\n")
                try AtomicFileWriter.write(report, to: building.appendingPathComponent("README.md"))
                try relocateRecordedPaths(in: building, to: directory)
            }
            try FolderSwap.replace(directory, with: building)
        } catch {
            try? manager.removeItem(at: building)
            throw error
        }
    }

    /// Rewrites `<building>/` to `<published>/` in the set's `*.meta.json` sidecars (inputs generated in
    /// the set's own folder are recorded with the path they have once published).
    static func relocateRecordedPaths(in building: URL, to published: URL) throws {
        try relocateRecordedPaths(in: building, from: building, to: published)
    }

    /// Rewrites `<from>/` to `<published>/` in the `*.meta.json` sidecars inside `building`.
    static func relocateRecordedPaths(in building: URL, from source: URL, to published: URL) throws {
        let from = source.path + "/"
        let to = published.path + "/"
        for name in FigureContext.files(in: building) where name.hasSuffix(".meta.json") {
            let url = building.appendingPathComponent(name)
            let text = try String(contentsOf: url, encoding: .utf8)
            guard text.contains(from) else { continue }
            try AtomicFileWriter.write(text.replacingOccurrences(of: from, with: to), to: url)
        }
    }

    /// Writes `<root>/README.md`, listing every registered set.
    static func writeIndex(in root: URL) throws {
        var index = "# Figure sets\n\nRegenerated by `wtk figures`. Each set's README shows the commands, "
        index += "seed and parameters that produced it.\n\n| set | contents |\n| --- | --- |\n"
        for set in FigureRegistry.all {
            index += "| [\(set.name)](\(set.name)/README.md) | \(set.title) |\n"
        }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try AtomicFileWriter.write(index, to: root.appendingPathComponent("README.md"))
    }
}

/// Failure of `wtk figures`: a set failed; its category decides the exit code.
enum FigureError: CategorizedError {
    case setFailed(String, category: ErrorCategory)

    var category: ErrorCategory {
        switch self {
        case .setFailed(_, let category): category
        }
    }

    var description: String {
        switch self {
        case .setFailed(let message, _): "figure set \(message)"
        }
    }
}
