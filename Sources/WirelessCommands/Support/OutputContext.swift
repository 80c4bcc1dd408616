import Foundation
import WirelessIO

/// Where a command run writes its outputs, and how.
///
/// Tables go out as CSV (or JSON with `--format json`) with a `<name>.meta.json` sidecar recording
/// the command line, toolkit version, git revision, seed and parameters; plots as SVG. Every file is
/// written to a temporary name and renamed, so a failed run leaves no half-written file.
public struct OutputContext {
    /// The output folder (created on first use).
    public let directoryPath: String
    /// Table format.
    public let format: TableFormat
    /// Whether progress and summaries are silenced.
    public let quiet: Bool
    /// Metadata written beside every table.
    public let metadata: RunMetadata

    /// - Parameters:
    ///   - options: The command's `--out-dir`, `--format` and `--quiet`.
    ///   - seed: The run's seed, or nil for a deterministic command.
    ///   - parameters: The model parameters to record (name → value as typed or resolved).
    public init(options: OutputOptions, seed: UInt64? = nil, parameters: [String: String] = [:]) {
        self.directoryPath = options.outputDirectory
        self.format = options.format
        self.quiet = options.quiet
        self.metadata = RunMetadata.current(seed: seed, parameters: parameters)
    }

    /// Writes `table` as `<name>.csv` (or `.json`) plus its `<name>.meta.json`; returns the table's URL.
    ///
    /// - Throws: `IOError.unwritable` when the folder or file cannot be written.
    @discardableResult
    public func write(_ table: CSVTable, name: String) throws -> URL {
        let directory = try OutputDirectory(path: directoryPath)
        let url: URL
        switch format {
        case .csv: url = try directory.write(CSVWriter().encode(table), named: name + ".csv")
        case .json: url = try directory.write(Self.json(table), named: name + ".json")
        }
        try metadata.writeSidecar(for: url)
        return url
    }

    /// Writes SVG text as `<name>.svg`; returns its URL.
    @discardableResult
    public func writeSVG(_ svg: String, name: String) throws -> URL {
        try OutputDirectory(path: directoryPath).write(svg, named: name + ".svg")
    }

    /// Prints a one-line summary on stderr unless `--quiet`.
    public func note(_ message: String) {
        ProgressReporter.note(message, quiet: quiet)
    }

    /// A progress reporter that respects `--quiet`.
    public func progress(_ label: String, total: Int) -> ProgressReporter {
        ProgressReporter(label: label, total: total, quiet: quiet)
    }

    /// `{"columns": [...], "rows": [[...]]}`; cells that parse as finite numbers are JSON numbers.
    static func json(_ table: CSVTable) -> String {
        func cell(_ text: String) -> String {
            if let value = Double(text), value.isFinite, !text.isEmpty, text.first != "+" { return text }
            return quoted(text)
        }
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
        let header = table.header.map(quoted).joined(separator: ", ")
        let rows = table.rows.map { "    [" + $0.map(cell).joined(separator: ", ") + "]" }
        return "{\n  \"columns\": [\(header)],\n  \"rows\": [\n" + rows.joined(separator: ",\n") + "\n  ]\n}\n"
    }
}
