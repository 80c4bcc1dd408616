import WirelessCore

/// Errors raised while reading or writing toolkit files (CSV, JSON sidecars, SigMF, raw cf32, NPY).
///
/// Every case names the file so a user can find it; data errors also name the 1-based physical
/// line (text formats) and the column (a CSV header name, a JSON field, or a sample position).
///
/// | case                | category        |
/// |---------------------|-----------------|
/// | `malformedInput`    | `.invalidData`  |
/// | `missingColumn`     | `.invalidData`  |
/// | `truncated`         | `.invalidData`  |
/// | `nonFiniteValue`    | `.invalidData`  |
/// | `unsupportedFormat` | `.invalidData`  |
/// | `missingFile`       | `.inputOutput`  |
/// | `unreadable`        | `.inputOutput`  |
/// | `unwritable`        | `.inputOutput`  |
public enum IOError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// The content does not follow the format.
    /// - Parameters:
    ///   - file: Path (or name) of the file.
    ///   - line: 1-based physical line where the problem starts; `nil` for binary formats.
    ///   - column: CSV column name, JSON field name, or `field N` (1-based) when no header is known; `nil` if not applicable.
    ///   - reason: What is wrong, in words a user can act on.
    case malformedInput(file: String, line: Int?, column: String?, reason: String)
    /// A required CSV column is absent from the header.
    case missingColumn(file: String, name: String)
    /// A file that must exist does not.
    case missingFile(path: String)
    /// A file exists but could not be read (permissions, a directory, an I/O failure).
    case unreadable(path: String, reason: String)
    /// A file could not be written (missing directory, permissions, disk full).
    case unwritable(path: String, reason: String)
    /// The file is well-formed but uses a variant the toolkit does not read (a datatype, a byte order).
    case unsupportedFormat(file: String, reason: String)
    /// Binary data shorter than its header or element size implies; `actualBytes == 0` is an empty file
    /// (told as such: "the file is empty").
    /// - Parameters:
    ///   - expectedBytes: Bytes needed [bytes], ≥ 0.
    ///   - actualBytes: Bytes present [bytes], ≥ 0.
    case truncated(file: String, expectedBytes: Int, actualBytes: Int)
    /// A NaN or infinity where a finite number is required.
    /// - Parameters:
    ///   - line: 1-based physical line (text formats); `nil` for binary formats.
    ///   - column: CSV column name, `sample N (in-phase|quadrature)` (0-based sample index) for I/Q data, or
    ///     `element (i, j, k)` (0-based multi-index) for an n-dimensional array.
    case nonFiniteValue(file: String, line: Int?, column: String)

    public var category: ErrorCategory {
        switch self {
        case .malformedInput, .missingColumn, .truncated, .nonFiniteValue, .unsupportedFormat:
            return .invalidData
        case .missingFile, .unreadable, .unwritable:
            return .inputOutput
        }
    }

    public var description: String {
        switch self {
        case .malformedInput(let file, let line, let column, let reason):
            return "\(file)\(Self.location(line: line, column: column)): malformed input: \(reason)"
        case .missingColumn(let file, let name):
            return "\(file): required column '\(name)' is missing from the header; add it or check the spelling"
        case .missingFile(let path):
            return "\(path): file not found"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .unwritable(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .unsupportedFormat(let file, let reason):
            return "\(file): unsupported format: \(reason)"
        case .truncated(let file, let expectedBytes, let actualBytes):
            if actualBytes == 0 { return "\(file): the file is empty (at least \(expectedBytes) bytes are needed)" }
            return "\(file): truncated data: expected \(expectedBytes) bytes but found \(actualBytes)"
        case .nonFiniteValue(let file, let line, let column):
            return
                "\(file)\(Self.location(line: line, column: column)): non-finite value (NaN or infinity) where a finite number is required"
        }
    }

    /// `", line 3, column 'distance_m'"`, or shorter forms when parts are unknown.
    private static func location(line: Int?, column: String?) -> String {
        var parts: [String] = []
        if let line { parts.append("line \(line)") }
        if let column {
            let isPosition = ["sample ", "field ", "element "].contains { column.hasPrefix($0) }
            parts.append(isPosition ? column : "column '\(column)'")
        }
        return parts.isEmpty ? "" : ", " + parts.joined(separator: ", ")
    }
}
