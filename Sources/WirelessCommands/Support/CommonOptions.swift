import ArgumentParser
import WirelessIO

extension TableFormat: ExpressibleByArgument {}

/// Where and how a command writes its outputs: `--out-dir`, `--format`, `--quiet`.
public struct OutputOptions: ParsableArguments {
    @Option(
        name: .customLong("out-dir"),
        help: ArgumentHelp(
            "Folder for the output tables and plots (created if missing). A run's files appear together when it succeeds; a failed run adds nothing.",
            valueName: "dir"))
    public var outputDirectory: String = "out"

    @Option(help: "Table format: csv or json. Plots are always SVG.")
    public var format: TableFormat = .csv

    @Flag(help: "Print nothing on stderr except errors (no progress, no summary).")
    public var quiet = false

    public init() {}

    /// Checks early (in `validate()`, before any work) that a `--name` value is a plain file name; the
    /// output layer (`OutputContext`) checks every name again when it writes, so no command can skip it.
    /// - Throws: `ValidationError` (exit 64) naming `option` and the reason (see `OutputFileName`).
    public static func validateFileName(_ name: String, option: String = "--name") throws {
        if let problem = OutputFileName.problem(with: name) {
            throw ValidationError("\(option) must be a plain file name, got '\(name)': \(problem).")
        }
    }
}

/// The seed of every random draw a command makes: `--seed`.
public struct SeedOptions: ParsableArguments {
    @Option(help: "Seed for every random draw (0…2^64−1). The same seed gives byte-identical CSV and SVG.")
    public var seed: UInt64 = 20_250_101

    public init() {}
}

extension OutputContext {
    /// A context for a command's `--out-dir`, `--format` and `--quiet`.
    /// - Parameters:
    ///   - options: The command's output options.
    ///   - seed: The run's seed, or nil for a deterministic command.
    ///   - parameters: The model parameters to record (name → value as typed or resolved).
    public init(options: OutputOptions, seed: UInt64? = nil, parameters: [String: String] = [:]) {
        self.init(
            directoryPath: options.outputDirectory, format: options.format, quiet: options.quiet, seed: seed,
            parameters: parameters)
    }
}
