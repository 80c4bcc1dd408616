import ArgumentParser
import Foundation
import WirelessIO

/// What a `FigureSet` builds with: runs subcommands into the set's folder and collects the
/// report's sections.
public final class FigureContext {
    /// The set's folder (`notebooks-export/<name>`).
    public let directory: URL
    /// The seed every command of the set receives.
    public let seed: UInt64
    /// Markdown sections, in the order they were added.
    private(set) var sections: [String] = []

    init(directory: URL, seed: UInt64) {
        self.directory = directory
        self.seed = seed
    }

    /// Runs `wtk <arguments>` in-process with `--out-dir <set folder> --quiet` (and `--seed` when
    /// `seeded`), then adds a section with the command, its SVGs embedded and its tables linked.
    ///
    /// - Parameters:
    ///   - command: The subcommand type, e.g. `PSDCommand.self`.
    ///   - arguments: Its arguments as a user would type them after the subcommand's name.
    ///   - seeded: Whether the command takes `--seed`.
    ///   - caption: A sentence describing what the figures show.
    ///   - inputsIn: A folder in which arguments naming existing files are resolved (the report
    ///     shows them as typed, relative to the set's folder).
    /// - Throws: The command's own errors (typed), or an `ExitCode`.
    public func run<Command: WTKCommand>(
        _ command: Command.Type, arguments: [String] = [], seeded: Bool = true, caption: String,
        inputsIn: URL? = nil
    ) throws {
        let resolved = arguments.map { argument -> String in
            guard let folder = inputsIn else { return argument }
            let candidate = folder.appendingPathComponent(argument).path
            return FileManager.default.fileExists(atPath: candidate) ? candidate : argument
        }
        var fullArguments = resolved + ["--out-dir", directory.path, "--quiet"]
        if seeded { fullArguments += ["--seed", String(seed)] }
        let before = Set(Self.files(in: directory))
        let parsed = try Command.parse(fullArguments)
        let commandPath = Self.commandPath(of: Command.self)
        let words = ["wtk"] + commandPath + arguments + (seeded ? ["--seed", String(seed)] : [])
        // The sidecars are committed: record the command as shown in the report, paths relative to the set's
        // folder, and no revision or time, so a regeneration rewrites them unchanged.
        try RunMetadata.$reproducibleBuild.withValue(
            RunMetadata.ReproducibleBuild(commandLine: words, baseDirectory: directory.path)
        ) { try parsed.execute() }
        let produced = Self.files(in: directory).filter { !before.contains($0) }
        let shown = words.map(Self.shellQuoted).joined(separator: " ")
        var text = "\(caption)\n\n```sh\n\(shown) --out-dir <dir>\n```\n"
        for file in produced where file.hasSuffix(".svg") {
            text += "\n![\(file)](\(file))\n"
        }
        let tables = produced.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") && !$0.hasSuffix(".meta.json") }
        if !tables.isEmpty {
            text += "\nData: " + tables.map { "[\($0)](\($0))" }.joined(separator: ", ") + "\n"
        }
        sections.append(text)
    }

    /// Adds a Markdown paragraph (prose, a list).
    public func addMarkdown(_ markdown: String) {
        sections.append(markdown)
    }

    /// Adds a Markdown table, e.g. the paper's numbers beside the replica's.
    ///
    /// - Parameters:
    ///   - header: Column titles.
    ///   - rows: Cells, each row as long as `header`.
    public func addTable(header: [String], rows: [[String]]) {
        var text = "| " + header.joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: " --- |", count: header.count) + "\n"
        for row in rows { text += "| " + row.joined(separator: " | ") + " |\n" }
        sections.append(text)
    }

    /// Files directly inside `directory`, sorted by name.
    static func files(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted()
    }

    /// The subcommand names from `wtk` down to `Command` (e.g. `["densify", "sweep"]`).
    static func commandPath<Command: ParsableCommand>(of command: Command.Type) -> [String] {
        func search(_ node: ParsableCommand.Type, path: [String]) -> [String]? {
            if node == command { return path }
            for child in node.configuration.subcommands {
                let name = child.configuration.commandName ?? String(describing: child).lowercased()
                if let found = search(child, path: path + [name]) { return found }
            }
            return nil
        }
        return search(WTK.self, path: []) ?? [command.configuration.commandName ?? "?"]
    }

    static func shellQuoted(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
