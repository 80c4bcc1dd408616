import ArgumentParser
import Foundation
import WirelessIO

/// What a `FigureSet` builds with: the set's `FigureReport`, which the command layer extends with `run`.
public typealias FigureContext = FigureReport

extension FigureReport {
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
        addCommandSection(caption: caption, words: words, produced: produced)
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
}
