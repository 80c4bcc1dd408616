import Foundation

/// Writes `CSVTable`s as RFC 4180 text (UTF-8, no byte-order mark).
///
/// A field is quoted (`"…"`, inner `"` doubled) when it contains a comma, a double quote, CR or LF,
/// when it starts with U+FEFF, or when it is the only field of its row and empty (so that the row is not
/// mistaken for a blank line). Every record, the last included, ends with the line terminator.
/// Output is a pure function of the table: byte-identical across runs.
public struct CSVWriter: Sendable, Equatable {
    /// Record separator.
    public enum LineTerminator: String, Sendable, Equatable {
        /// `\n` (the default: diff-friendly, read by every CSV reader).
        case lf = "\n"
        /// `\r\n` (strict RFC 4180).
        case crlf = "\r\n"
    }

    /// Record separator used by `encode`.
    public var lineTerminator: LineTerminator

    /// A writer with the given record separator.
    public init(lineTerminator: LineTerminator = .lf) {
        self.lineTerminator = lineTerminator
    }

    /// The CSV text of `table`: header record, then one record per row.
    public func encode(_ table: CSVTable) -> String {
        var out = ""
        appendRecord(table.header, to: &out)
        for row in table.rows { appendRecord(row, to: &out) }
        return out
    }

    /// Writes `table` to `url` atomically (see `AtomicFileWriter`).
    /// - Throws: `IOError.unwritable` if the file cannot be written.
    public func write(_ table: CSVTable, to url: URL) throws(IOError) {
        try AtomicFileWriter.write(encode(table), to: url)
    }

    /// The field as it appears in a record, quoted if needed.
    public static func escape(_ field: String, onlyFieldInRecord: Bool = false) -> String {
        if field.isEmpty { return onlyFieldInRecord ? "\"\"" : "" }
        var needsQuotes = field.unicodeScalars.first == "\u{FEFF}"
        if !needsQuotes {
            for byte in field.utf8
            where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private func appendRecord(_ fields: [String], to out: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            out += Self.escape(field, onlyFieldInRecord: fields.count == 1)
        }
        out += lineTerminator.rawValue
    }
}
