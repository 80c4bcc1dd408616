import ArgumentParser

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
        help: ArgumentHelp("Folder for the output tables and plots (created if missing).", valueName: "dir"))
    public var outputDirectory: String = "out"

    @Option(help: "Table format: csv or json. Plots are always SVG.")
    public var format: TableFormat = .csv

    @Flag(help: "Print nothing on stderr except errors (no progress, no summary).")
    public var quiet = false

    public init() {}

    /// Checks that a `--name` value is a plain file name (outputs stay inside `--out-dir`).
    /// - Throws: `ValidationError` (exit 64) for an empty name or one containing `/`.
    public static func validateFileName(_ name: String, option: String = "--name") throws {
        guard !name.isEmpty, !name.contains("/") else {
            throw ValidationError("\(option) must be a plain file name (got '\(name)').")
        }
    }
}

/// The seed of every random draw a command makes: `--seed`.
public struct SeedOptions: ParsableArguments {
    @Option(help: "Seed for every random draw (0…2^64−1). The same seed gives byte-identical CSV and SVG.")
    public var seed: UInt64 = 20_250_101

    public init() {}
}
