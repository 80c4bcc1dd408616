import Foundation

/// Parses RFC 4180 CSV into a `CSVDocument`.
///
/// Accepted: quoted fields with embedded commas, newlines and doubled quotes (`""` → `"`); CRLF, LF and
/// lone-CR record separators (mixed freely); a leading UTF-8 byte-order mark; a missing final line
/// terminator; blank lines at the end of the file (ignored). The first record is the header.
///
/// Rejected with `IOError.malformedInput` (naming the 1-based physical line and the column):
/// an empty file, a cell that is not valid UTF-8 (named by its line and column), an unterminated quoted field (reported at the line where it opens),
/// a character after a closing quote, a `"` inside an unquoted field, and a record whose field count
/// differs from the header's (including a blank line inside the data when the header has several columns).
///
/// Physical lines differ from records when quoted fields contain line breaks; `CSVDocument.rowLines`
/// records the line on which each record starts.
///
/// - Complexity: O(n) in the file size.
public enum CSVReader {
    /// Reads and parses the file at `url`.
    /// - Throws: `IOError.missingFile`, `IOError.unreadable`, `IOError.malformedInput`.
    public static func read(contentsOf url: URL) throws(IOError) -> CSVDocument {
        try parse(FileContents.read(url), file: url.path)
    }

    /// Parses CSV text held in memory.
    /// - Parameter file: Name used in error messages.
    public static func parse(_ text: String, file: String = "<string>") throws(IOError) -> CSVDocument {
        try parse(Array(text.utf8), file: file)
    }

    /// Parses CSV bytes (UTF-8, optional byte-order mark).
    /// - Parameter file: Name used in error messages.
    public static func parse(_ data: Data, file: String) throws(IOError) -> CSVDocument {
        try parse([UInt8](data), file: file)
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    /// Parses CSV bytes (UTF-8, optional byte-order mark) held in an array.
    /// - Parameter file: Name used in error messages.
    public static func parse(_ bytes: [UInt8], file: String) throws(IOError) -> CSVDocument {
        let result: Result<CSVDocument, IOError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(IOError) {
                return .success(try parse(buffer, file: file))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The parser proper, on the bytes in place (no bounds checks beyond the loop conditions).
    ///
    /// Every field is validated as UTF-8 when it is turned into a `String`; the bytes between fields are
    /// ASCII delimiters, so this covers the whole file and locates invalid text by line and column.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws(IOError) -> CSVDocument {
        var i = 0
        let n = bytes.count
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }

        var records: [[String]] = []
        var recordLines: [Int] = []
        var blank: [Bool] = []
        var line = 1
        var fieldCountHint = 8
        var quotedBuffer: [UInt8] = []

        func columnName(_ index: Int) -> String {
            if let header = records.first, index < header.count { return header[index] }
            return "field \(index + 1)"
        }

        func text(_ field: UnsafeBufferPointer<UInt8>, line: Int, fieldIndex: Int) throws(IOError) -> String {
            if let value = String(validating: field, as: UTF8.self) { return value }
            throw .malformedInput(
                file: file, line: line, column: columnName(fieldIndex),
                reason: "the cell is not valid UTF-8 text; save the file with UTF-8 encoding")
        }

        while i < n {
            let recordLine = line
            var fields: [String] = []
            fields.reserveCapacity(fieldCountHint)
            var firstFieldQuoted = false
            record: while true {
                if i < n && bytes[i] == quote {
                    if fields.isEmpty { firstFieldQuoted = true }
                    let openingLine = line
                    i += 1
                    quotedBuffer.removeAll(keepingCapacity: true)
                    while true {
                        guard i < n else {
                            throw .malformedInput(
                                file: file, line: openingLine, column: columnName(fields.count),
                                reason: "unterminated quoted field: the '\"' opened here is never closed")
                        }
                        let byte = bytes[i]
                        if byte == quote {
                            if i + 1 < n && bytes[i + 1] == quote {
                                quotedBuffer.append(quote)
                                i += 2
                            } else {
                                i += 1
                                break
                            }
                        } else {
                            if byte == lf || (byte == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                            quotedBuffer.append(byte)
                            i += 1
                        }
                    }
                    let value = try quotedBuffer.withUnsafeBufferPointer { field throws(IOError) in
                        try text(field, line: openingLine, fieldIndex: fields.count)
                    }
                    fields.append(value)
                    if i >= n { break record }
                    let next = bytes[i]
                    if next == comma {
                        i += 1
                        continue record
                    }
                    if next == lf || next == cr {
                        consumeLineBreak(bytes, &i, &line)
                        break record
                    }
                    throw .malformedInput(
                        file: file, line: line, column: columnName(fields.count - 1),
                        reason:
                            "unexpected character after a closing quote; a quote inside a quoted field must be doubled (\"\")"
                    )
                } else {
                    let start = i
                    while i < n {
                        let byte = bytes[i]
                        if byte == comma || byte == lf || byte == cr { break }
                        if byte == quote {
                            throw .malformedInput(
                                file: file, line: line, column: columnName(fields.count),
                                reason:
                                    "a '\"' inside an unquoted field; quote the whole field and double the inner quote")
                        }
                        i += 1
                    }
                    fields.append(
                        try text(UnsafeBufferPointer(rebasing: bytes[start..<i]), line: line, fieldIndex: fields.count))
                    if i >= n { break record }
                    if bytes[i] == comma {
                        i += 1
                        continue record
                    }
                    consumeLineBreak(bytes, &i, &line)
                    break record
                }
            }
            if records.isEmpty { fieldCountHint = fields.count }
            blank.append(fields.count == 1 && fields[0].isEmpty && !firstFieldQuoted)
            records.append(fields)
            recordLines.append(recordLine)
        }

        while let last = blank.last, last {
            blank.removeLast()
            records.removeLast()
            recordLines.removeLast()
        }
        guard let header = records.first else {
            throw .malformedInput(file: file, line: 1, column: nil, reason: "the file is empty; expected a header row")
        }
        for index in 1..<records.count where records[index].count != header.count {
            let reason =
                blank[index]
                ? "blank line inside the data; the header has \(header.count) columns"
                : "record has \(records[index].count) fields but the header has \(header.count)"
            throw .malformedInput(file: file, line: recordLines[index], column: nil, reason: reason)
        }
        return CSVDocument(
            file: file, header: header, rows: Array(records.dropFirst()), rowLines: Array(recordLines.dropFirst()))
    }

    private static func consumeLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ line: inout Int) {
        if bytes[i] == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 2 } else { i += 1 }
        line += 1
    }
}
