import Foundation
import WirelessCore

/// Where a run writes its outputs, and how: the one door every output file of a `wtk` command (or a library
/// user's run) goes through.
///
/// Tables go out as CSV (or JSON with `--format json`) with a `<name>.meta.json` sidecar recording
/// the command line, toolkit version, git revision, seed and parameters; plots as SVG. Every file is
/// written to a temporary name and renamed, so a failed run leaves no half-written file; inside `wtk`
/// (an `OutputTransaction` bound by `WTKCommand.run`) the files of a run appear together at its end, or
/// not at all.
///
/// Checks made here, so that no command can skip them:
/// - every output name is a plain file name (`OutputFileName`): `OutputError.invalidName` (exit 64)
///   naming `nameOption`;
/// - no table cell is NaN or infinite (`NaN`, `Inf`, `nan`, `1e999`, ...): `OutputError.nonFiniteResult`
///   (exit 65). A value that may be missing is written as an empty cell by the command, explicitly.
public struct OutputContext {
    /// The output folder (created on first use).
    public let directoryPath: String
    /// Table format.
    public let format: TableFormat
    /// Whether progress and summaries are silenced.
    public let quiet: Bool
    /// Metadata written beside every table.
    public let metadata: RunMetadata
    /// The option that output names come from, named in errors (`--name`).
    public var nameOption = "--name"

    /// - Parameters:
    ///   - directoryPath: The output folder (created on first use).
    ///   - format: The table format.
    ///   - quiet: Whether progress and summaries are silenced.
    ///   - seed: The run's seed, or nil for a deterministic run.
    ///   - parameters: The model parameters to record (name → value as typed or resolved).
    public init(
        directoryPath: String, format: TableFormat = .csv, quiet: Bool = false, seed: UInt64? = nil,
        parameters: [String: String] = [:]
    ) {
        self.directoryPath = directoryPath
        self.format = format
        self.quiet = quiet
        self.metadata = RunMetadata.current(seed: seed, parameters: parameters)
        // Temporaries of killed runs (files `.<name>.tmp-<pid>-<uuid>`, folders `.wtk-staging-<pid>-<uuid>`).
        OutputTransaction.removeStaleTemporaries(in: URL(fileURLWithPath: directoryPath, isDirectory: true))
    }

    /// `fileName` if it is a plain file name.
    /// - Throws: `OutputError.invalidName` naming `nameOption`.
    public func checkedFileName(_ fileName: String) throws -> String {
        if let problem = OutputFileName.problem(with: fileName) {
            throw OutputError.invalidName(option: nameOption, name: fileName, reason: problem)
        }
        return fileName
    }

    /// `name` if it is a plain file name on its own (not `.`, `..` or empty before a suffix is added).
    /// - Throws: `OutputError.invalidName` naming `nameOption`.
    public func checkedBaseName(_ name: String) throws -> String {
        try checkedFileName(name)
    }

    /// The URL of `fileName` inside the output folder (the folder is created), for writers that take a URL
    /// (`.npy`, SigMF, checkpoints); their writes go through `AtomicFileWriter`, hence the run's transaction.
    /// - Throws: `OutputError.invalidName`, `IOError.unwritable`.
    public func fileURL(_ fileName: String) throws -> URL {
        let name = try checkedFileName(fileName)
        return try OutputDirectory(path: directoryPath).file(name)
    }

    /// Writes `data` as the file `fileName` in the output folder; returns its URL.
    /// - Throws: `OutputError.invalidName`, `IOError.unwritable`.
    @discardableResult
    public func writeFile(_ data: Data, named fileName: String) throws -> URL {
        let name = try checkedFileName(fileName)
        return try OutputDirectory(path: directoryPath).write(data, named: name)
    }

    /// Writes `recording` as `<name>.sigmf-meta` + `<name>.sigmf-data`; returns the meta file's URL.
    /// - Throws: `OutputError.invalidName`, `IOError.unwritable`.
    @discardableResult
    public func writeRecording(_ recording: SigMFRecording, name: String) throws -> URL {
        _ = try checkedFileName(checkedBaseName(name) + ".sigmf-meta")
        let base = try fileURL(name)
        return try recording.write(to: base).meta
    }

    /// Throws if a cell of `table` is a non-finite number (the first one, row by row).
    /// - Throws: `OutputError.nonFiniteResult` naming `file`, the line and the column.
    public static func checkFinite(_ table: CSVTable, file: String) throws {
        if let cell = table.firstNonFiniteCell() {
            throw OutputError.nonFiniteResult(file: file, line: cell.line, column: cell.column, value: cell.text)
        }
    }

    /// Writes `table` as `<name>.csv` (or `.json`, typed per column: see `JSONTable`) plus its
    /// `<name>.meta.json`; returns the table's URL.
    ///
    /// - Throws: `OutputError.invalidName` (exit 64), `OutputError.nonFiniteResult` (exit 65), or
    ///   `IOError.unwritable` when the folder or file cannot be written.
    @discardableResult
    public func write(_ table: CSVTable, name: String) throws -> URL {
        try write(table, json: { JSONTable(table) }, name: name)
    }

    /// Writes a study's `table` as `<name>.csv` (or `.json`, typed by the study's columns) plus its
    /// `<name>.meta.json`; returns the table's URL.
    /// - Throws: as `write(_:name:)` for a `CSVTable`.
    @discardableResult
    public func write(_ table: StudyTable, name: String) throws -> URL {
        try write(CSVTable(table), json: { JSONTable(table) }, name: name)
    }

    private func write(_ table: CSVTable, json: () -> JSONTable, name: String) throws -> URL {
        let fileName = try checkedFileName(checkedBaseName(name) + (format == .csv ? ".csv" : ".json"))
        _ = try checkedFileName(name + ".meta.json")
        try Self.checkFinite(table, file: fileName)
        let directory = try OutputDirectory(path: directoryPath)
        let url: URL
        switch format {
        case .csv: url = try directory.write(CSVWriter().encode(table), named: fileName)
        case .json: url = try directory.write(json().encoded(), named: fileName)
        }
        try metadata.writeSidecar(for: url)
        return url
    }

    /// Writes SVG text as `<name>.svg`; returns its URL.
    /// - Throws: `OutputError.invalidName`, `IOError.unwritable`.
    @discardableResult
    public func writeSVG(_ svg: String, name: String) throws -> URL {
        let fileName = try checkedFileName(checkedBaseName(name) + ".svg")
        return try OutputDirectory(path: directoryPath).write(svg, named: fileName)
    }

    /// Prints a one-line summary on stderr unless `--quiet`.
    public func note(_ message: String) {
        ProgressReporter.note(message, quiet: quiet)
    }

    /// A progress reporter that respects `--quiet`.
    public func progress(_ label: String, total: Int) -> ProgressReporter {
        ProgressReporter(label: label, total: total, quiet: quiet)
    }
}
