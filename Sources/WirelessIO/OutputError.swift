import WirelessCore

/// Failures found by the output layer (`OutputContext`) before a file is written.
///
/// | case               | category           | exit |
/// |--------------------|--------------------|------|
/// | `invalidName`      | `.invalidArgument` | 64   |
/// | `nonFiniteResult`  | `.numerical`       | 65   |
public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// An output name is not a plain file name (see `OutputFileName`).
    /// - Parameters:
    ///   - option: The option the name came from, e.g. `--name`.
    ///   - name: The file name as it would be written (base name plus suffix).
    ///   - reason: What is wrong with it.
    case invalidName(option: String, name: String, reason: String)
    /// A table cell that should hold a finite number holds NaN or an infinity.
    /// - Parameters:
    ///   - file: The table's file name (`psd.csv`).
    ///   - line: 1-based line of the cell in the CSV (the header is line 1).
    ///   - column: The column's header name.
    ///   - value: The cell text (`NaN`, `Inf`, `-Inf`).
    case nonFiniteResult(file: String, line: Int, column: String, value: String)

    public var category: ErrorCategory {
        switch self {
        case .invalidName: .invalidArgument
        case .nonFiniteResult: .numerical
        }
    }

    public var description: String {
        switch self {
        case .invalidName(let option, let name, let reason):
            return
                "\(option): '\(name)' is not a plain file name: \(reason). Give a name without '/', outputs stay inside --out-dir."
        case .nonFiniteResult(let file, let line, let column, let value):
            return
                "\(file), line \(line), column '\(column)': the result is \(value), not a finite number; nothing was written. The inputs or parameters are outside the range where this quantity is defined."
        }
    }
}
