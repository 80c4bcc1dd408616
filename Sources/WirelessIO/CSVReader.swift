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

    /// Parses CSV bytes (UTF-8, optional byte-order mark) held in an array.
    /// - Parameter file: Name used in error messages.
    public static func parse(_ bytes: [UInt8], file: String) throws(IOError) -> CSVDocument {
        let fields = try CSVFields(bytes, file: file)
        var rows: [[String]] = []
        rows.reserveCapacity(fields.rowCount)
        for r in 0..<fields.rowCount {
            rows.append((0..<fields.header.count).map { fields.string(row: r, column: $0) })
        }
        return CSVDocument(file: file, header: fields.header, rows: rows, rowLines: fields.rowLines)
    }
}

/// A CSV file split into its header and the byte ranges of its data fields, without a `String` per cell:
/// the engine of `CSVReader` (which turns every cell into a string) and of readers that decode numbers
/// straight from the bytes (`CampaignCSV`).
///
/// The structure is validated exactly as `CSVReader` documents it (quoting, field counts, blank lines,
/// UTF-8 of every cell), so a `CSVFields` value is a well-formed table: every data row has
/// `header.count` fields.
public struct CSVFields: Sendable {
    /// Path or name of the source, used in error messages.
    public let file: String
    /// Column names (the first record).
    public let header: [String]
    /// 1-based physical line on which each data row starts.
    public let rowLines: [Int]
    /// Number of data rows.
    public var rowCount: Int { rowLines.count }

    /// The file's bytes followed by the unescaped text of quoted fields.
    @usableFromInline let storage: [UInt8]
    /// Field `c` of data row `r` is `storage[fieldStart[k]..<fieldEnd[k]]`, k = r·header.count + c.
    @usableFromInline let fieldStart: [Int]
    @usableFromInline let fieldEnd: [Int]

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    /// Splits and validates `bytes` (UTF-8, optional byte-order mark).
    /// - Parameter file: Name used in error messages.
    /// - Throws: `IOError.malformedInput` as documented on `CSVReader`.
    public init(_ bytes: [UInt8], file: String) throws(IOError) {
        self.file = file
        let n = bytes.count
        var arena: [UInt8] = []
        var starts: [Int] = []
        var ends: [Int] = []
        var recordFirstField: [Int] = []
        var recordLines: [Int] = []
        var blank: [Bool] = []
        var header: [String] = []
        var line = 1
        let scanned: IOError? = bytes.withUnsafeBufferPointer { bytes in
            var i = 0
            if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }

            func columnName(_ index: Int) -> String {
                // `header` is filled once the first record is complete.
                index < header.count ? header[index] : "field \(index + 1)"
            }

            func validate(_ field: UnsafeBufferPointer<UInt8>, line: Int, fieldIndex: Int) -> IOError? {
                var ascii = true
                for byte in field where byte >= 0x80 {
                    ascii = false
                    break
                }
                if ascii || String(validating: field, as: UTF8.self) != nil { return nil }
                return .malformedInput(
                    file: file, line: line, column: columnName(fieldIndex),
                    reason: "the cell is not valid UTF-8 text; save the file with UTF-8 encoding")
            }

            while i < n {
                let recordLine = line
                let first = starts.count
                recordFirstField.append(first)
                recordLines.append(recordLine)
                var firstFieldQuoted = false
                record: while true {
                    let fieldIndex = starts.count - first
                    if i < n && bytes[i] == Self.quote {
                        if fieldIndex == 0 { firstFieldQuoted = true }
                        let openingLine = line
                        i += 1
                        let arenaStart = arena.count
                        while true {
                            guard i < n else {
                                return .malformedInput(
                                    file: file, line: openingLine, column: columnName(fieldIndex),
                                    reason: "unterminated quoted field: the '\"' opened here is never closed")
                            }
                            let byte = bytes[i]
                            if byte == Self.quote {
                                if i + 1 < n && bytes[i + 1] == Self.quote {
                                    arena.append(Self.quote)
                                    i += 2
                                } else {
                                    i += 1
                                    break
                                }
                            } else {
                                if byte == Self.lf || (byte == Self.cr && !(i + 1 < n && bytes[i + 1] == Self.lf)) {
                                    line += 1
                                }
                                arena.append(byte)
                                i += 1
                            }
                        }
                        let invalid = arena.withUnsafeBufferPointer { a in
                            validate(
                                UnsafeBufferPointer(rebasing: a[arenaStart..<a.count]), line: openingLine,
                                fieldIndex: fieldIndex)
                        }
                        if let invalid { return invalid }
                        starts.append(n + arenaStart)
                        ends.append(n + arena.count)
                        if i >= n { break record }
                        let next = bytes[i]
                        if next == Self.comma {
                            i += 1
                            continue record
                        }
                        if next == Self.lf || next == Self.cr {
                            Self.consumeLineBreak(bytes, &i, &line)
                            break record
                        }
                        return .malformedInput(
                            file: file, line: line, column: columnName(fieldIndex),
                            reason:
                                "unexpected character after a closing quote; a quote inside a quoted field must be doubled (\"\")"
                        )
                    } else {
                        let start = i
                        while i < n {
                            let byte = bytes[i]
                            if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
                            if byte == Self.quote {
                                return .malformedInput(
                                    file: file, line: line, column: columnName(fieldIndex),
                                    reason:
                                        "a '\"' inside an unquoted field; quote the whole field and double the inner quote"
                                )
                            }
                            i += 1
                        }
                        if let invalid = validate(
                            UnsafeBufferPointer(rebasing: bytes[start..<i]), line: line, fieldIndex: fieldIndex)
                        {
                            return invalid
                        }
                        starts.append(start)
                        ends.append(i)
                        if i >= n { break record }
                        if bytes[i] == Self.comma {
                            i += 1
                            continue record
                        }
                        Self.consumeLineBreak(bytes, &i, &line)
                        break record
                    }
                }
                let fieldCount = starts.count - first
                blank.append(fieldCount == 1 && starts[first] == ends[first] && !firstFieldQuoted)
                if recordLines.count == 1 {
                    header = (first..<starts.count).map { k in
                        starts[k] >= n
                            ? String(decoding: arena[(starts[k] - n)..<(ends[k] - n)], as: UTF8.self)
                            : String(decoding: UnsafeBufferPointer(rebasing: bytes[starts[k]..<ends[k]]), as: UTF8.self)
                    }
                }
            }
            return nil
        }
        if let scanned { throw scanned }
        while let last = blank.last, last {
            blank.removeLast()
            recordLines.removeLast()
            let first = recordFirstField.removeLast()
            starts.removeSubrange(first...)
            ends.removeSubrange(first...)
        }
        guard !recordLines.isEmpty else {
            throw .malformedInput(file: file, line: 1, column: nil, reason: "the file is empty; expected a header row")
        }
        recordFirstField.append(starts.count)
        for index in 1..<recordLines.count {
            let count = recordFirstField[index + 1] - recordFirstField[index]
            guard count != header.count else { continue }
            let reason =
                blank[index]
                ? "blank line inside the data; the header has \(header.count) columns"
                : "record has \(count) fields but the header has \(header.count)"
            throw .malformedInput(file: file, line: recordLines[index], column: nil, reason: reason)
        }
        self.header = header
        self.rowLines = Array(recordLines.dropFirst())
        self.fieldStart = Array(starts[header.count...])
        self.fieldEnd = Array(ends[header.count...])
        var storage = bytes
        storage.append(contentsOf: arena)
        self.storage = storage
    }

    /// Runs `body` with the bytes that `fieldRange(row:column:)` indexes (valid only inside `body`).
    @inlinable
    public func withUnsafeStorage<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Where field `column` of data row `row` lies in the storage (quotes removed, `""` undone; valid UTF-8).
    /// - Precondition: `row < rowCount`, `column < header.count`.
    @inlinable
    public func fieldRange(row: Int, column: Int) -> Range<Int> {
        let k = row * header.count + column
        return fieldStart[k]..<fieldEnd[k]
    }

    /// Field `column` of data row `row` as a string.
    public func string(row: Int, column: Int) -> String {
        String(decoding: storage[fieldRange(row: row, column: column)], as: UTF8.self)
    }

    private static func consumeLineBreak(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ line: inout Int) {
        if bytes[i] == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 2 } else { i += 1 }
        line += 1
    }
}
