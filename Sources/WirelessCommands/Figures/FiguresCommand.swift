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
            job: {
                try FigureSetFolder.build(selected[$0], in: root.appendingPathComponent(selected[$0].name), seed: seed)
            })
        let messages = failures.messages
        if let shard, messages.isEmpty {
            try writeShardManifest(shard, sets: selected.map(\.name), root: root)
            return
        }
        if shard == nil { try FigureSetFolder.writeIndex(in: root, sets: FigureRegistry.all) }
        if let first = messages.first {
            for message in messages.dropFirst() { StandardError.write("error: figure set \(message)\n") }
            throw FigureError(message: first, category: failures.worstCategory ?? .inputOutput)
        }
    }

    /// The sets to build (registry order; `--only` filters): the work items of `--shard`.
    var selectedSets: [FigureSet] {
        only.isEmpty ? FigureRegistry.all : FigureRegistry.all.filter { only.contains($0.name) }
    }

    /// Writes `figures.shard-K-of-N.json` listing the shard's set folders.
    func writeShardManifest(_ shard: Shard, sets: [String], root: URL) throws {
        try FigureSetFolder.writeShardManifest(
            shard, sets: sets, selectedCount: selectedSets.count, command: FigureContext.commandPath(of: Self.self),
            seed: seedOptions.seed, root: root)
        if !quiet {
            StandardError.write(
                "figures: shard \(shard) built \(sets.count) of \(selectedSets.count) sets: \(sets.joined(separator: ", "))\n"
            )
        }
    }

    /// Copies each shard's sets into the output folder (each swapped in whole) and writes the index.
    func writeMerged(_ shards: ShardSet) throws {
        // The sets are copied and swapped in whole (as `build` does), not staged file by file.
        let sources = try FigureSetFolder.shardSources(shards, selected: selectedSets.map(\.name))
        let root = URL(fileURLWithPath: outputDirectory)
        try OutputTransaction.writingInPlace {
            try FigureSetFolder.copy(sources, into: root)
            try FigureSetFolder.writeIndex(in: root, sets: FigureRegistry.all)
        }
        if !quiet { StandardError.write("figures: merged \(sources.count) sets from \(shards.members.count) shards\n") }
    }
}

/// Failure of `wtk figures`: a set failed (`message` names it); its category decides the exit code.
struct FigureError: CategorizedError {
    let message: String
    let category: ErrorCategory
    var description: String { "figure set \(message)" }
}
