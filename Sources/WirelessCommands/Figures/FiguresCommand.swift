import ArgumentParser
import Dispatch
import Foundation
import WirelessCore
import WirelessIO

/// `wtk figures`: regenerates the figure sets into Markdown reports with SVGs and CSVs.
public struct FiguresCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Regenerate the figure sets into notebooks-export/<set>/ (Markdown + SVG + CSV).",
        discussion: """
            Each set runs the wtk subcommands that produce its figures and writes a README.md that \
            shows the exact commands, the seed, the embedded SVGs and links to the data. An index \
            of every set is written to <out-dir>/README.md. Sets run in parallel with --jobs.
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
        let selected = only.isEmpty ? FigureRegistry.all : FigureRegistry.all.filter { only.contains($0.name) }
        let progress = ProgressReporter(label: "figure sets", total: selected.count, quiet: quiet, plainInterval: 0)
        let failures = FailureLog()
        let next = TaskCounter()
        let seed = seedOptions.seed
        DispatchQueue.concurrentPerform(iterations: min(jobs, selected.count)) { _ in
            while let index = next.take(below: selected.count) {
                let set = selected[index]
                do {
                    try Self.build(set, in: root.appendingPathComponent(set.name), seed: seed)
                } catch {
                    let category = (error as? CategorizedError)?.category ?? .inputOutput
                    failures.record("\(set.name): \(error)", category: category)
                }
                progress.advance()
            }
        }
        try Self.writeIndex(in: root)
        let messages = failures.messages
        if let first = messages.first {
            for message in messages.dropFirst() { StandardError.write("error: figure set \(message)\n") }
            throw FigureError.setFailed(first, category: failures.worstCategory)
        }
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
        let from = building.path + "/"
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

/// Hands out task indices to the worker threads.
private final class TaskCounter: @unchecked Sendable {
    // Safety: `value` is only touched while holding `lock`.
    private let lock = NSLock()
    private var value = 0
    func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < count else { return nil }
        value += 1
        return value - 1
    }
}

/// Collects failure messages from worker threads.
private final class FailureLog: @unchecked Sendable {
    // Safety: `storage` is only touched while holding `lock`.
    private let lock = NSLock()
    private var storage: [String] = []
    private var categories: [ErrorCategory] = []
    func record(_ message: String, category: ErrorCategory) {
        lock.lock()
        storage.append(message)
        categories.append(category)
        lock.unlock()
    }
    /// I/O failures outrank data failures, which outrank usage ones (the exit code reports the worst).
    var worstCategory: ErrorCategory {
        lock.lock()
        defer { lock.unlock() }
        if categories.contains(.inputOutput) { return .inputOutput }
        if categories.contains(where: { $0 == .invalidData || $0 == .numerical }) { return .invalidData }
        return categories.first ?? .inputOutput
    }
    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return storage.sorted()
    }
}
