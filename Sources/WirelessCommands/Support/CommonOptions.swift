import ArgumentParser
import WirelessIO

/// Format of the tables a command writes.
public enum TableFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// RFC 4180 CSV with a header row carrying units (`distance_m`).
    case csv
    /// A JSON object `{"columns": [...], "rows": [[...], ...]}` with the same column names.
    case json
}

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
