/// A parsed CSV file: header, rows of text, and typed column access with errors that name
/// the file, the 1-based physical line and the column.
///
/// Columns are looked up by header name; columns the caller does not ask for are ignored.
public struct CSVDocument: Sendable, Equatable {
    /// Path or name of the source, used in error messages.
    public let file: String
    /// Column names (the first record).
    public let header: [String]
    /// Data rows (header excluded); each has `header.count` cells.
    public let rows: [[String]]
    /// 1-based physical line on which each data row starts (quoted line breaks make lines ≠ records).
    public let rowLines: [Int]

    /// A document from parsed parts (normally made by `CSVReader`).
    /// - Precondition: `rowLines.count == rows.count`.
    public init(file: String, header: [String], rows: [[String]], rowLines: [Int]) {
        precondition(rowLines.count == rows.count, "CSVDocument needs one line number per row")
        self.file = file
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
    }

    /// Whether the header contains `name`.
    public func hasColumn(_ name: String) -> Bool { header.contains(name) }

    /// Index of the column called `name`.
    /// - Throws: `IOError.missingColumn` if absent; `IOError.malformedInput` (line 1) if the name is duplicated.
    public func columnIndex(_ name: String) throws(IOError) -> Int {
        guard let index = header.firstIndex(of: name) else { throw .missingColumn(file: file, name: name) }
        if header.lastIndex(of: name) != index {
            throw .malformedInput(
                file: file, line: 1, column: name, reason: "the column name appears more than once in the header")
        }
        return index
    }

    /// The raw text of every cell of column `name`.
    /// - Throws: `IOError.missingColumn`.
    public func strings(column name: String) throws(IOError) -> [String] {
        let index = try columnIndex(name)
        return rows.map { $0[index] }
    }

    /// Column `name` as numbers; every cell must hold one.
    ///
    /// Accepted: decimal and scientific notation (surrounding spaces ignored); `NaN`/`Inf`/`-Inf` only when
    /// `allowNonFinite` is true.
    /// - Throws: `IOError.missingColumn`; `IOError.malformedInput` for an empty or non-numeric cell;
    ///   `IOError.nonFiniteValue` for NaN/±∞ when not allowed.
    public func doubles(column name: String, allowNonFinite: Bool = false) throws(IOError) -> [Double] {
        let index = try columnIndex(name)
        var values: [Double] = []
        values.reserveCapacity(rows.count)
        for r in rows.indices {
            guard let value = try number(row: r, index: index, column: name, allowNonFinite: allowNonFinite) else {
                throw .malformedInput(
                    file: file, line: rowLines[r], column: name, reason: "empty cell where a number is required")
            }
            values.append(value)
        }
        return values
    }

    /// Column `name` as numbers, with empty cells (after trimming spaces) as `nil`.
    /// - Throws: as `doubles(column:allowNonFinite:)`, except that empty cells are allowed.
    public func optionalDoubles(column name: String, allowNonFinite: Bool = false) throws(IOError) -> [Double?] {
        let index = try columnIndex(name)
        var values: [Double?] = []
        values.reserveCapacity(rows.count)
        for r in rows.indices {
            values.append(try number(row: r, index: index, column: name, allowNonFinite: allowNonFinite))
        }
        return values
    }

    /// Column `name` as integers (plain decimal, optional sign; `1.0` is rejected).
    /// - Throws: `IOError.missingColumn`; `IOError.malformedInput` for an empty or non-integer cell.
    public func ints(column name: String) throws(IOError) -> [Int] {
        let index = try columnIndex(name)
        var values: [Int] = []
        values.reserveCapacity(rows.count)
        for r in rows.indices {
            let text = Self.trimmed(rows[r][index])
            guard let value = Int(text) else {
                let reason = text.isEmpty ? "empty cell where an integer is required" : "'\(text)' is not an integer"
                throw .malformedInput(file: file, line: rowLines[r], column: name, reason: reason)
            }
            values.append(value)
        }
        return values
    }

    private func number(row r: Int, index: Int, column: String, allowNonFinite: Bool) throws(IOError) -> Double? {
        let text = Self.trimmed(rows[r][index])
        if text.isEmpty { return nil }
        guard let value = Self.parseDouble(text) else {
            throw .malformedInput(file: file, line: rowLines[r], column: column, reason: "'\(text)' is not a number")
        }
        if !value.isFinite && !allowNonFinite {
            throw .nonFiniteValue(file: file, line: rowLines[r], column: column)
        }
        return value
    }

    /// Decimal/scientific numbers plus the non-finite tokens (`nan`, `inf`, `infinity`, any case, optional sign).
    /// Hexadecimal floats are rejected: they are not CSV numbers any common tool writes. Any other character
    /// makes the text not a number; this matters for a NUL byte, at which `Double(String)` stops reading
    /// (`Double("1\u{0}0")` is 1). Magnitudes beyond `Double`'s range give ±∞, below it ±0.
    public static func parseDouble(_ text: String) -> Double? {
        let lower = text.lowercased()
        switch lower {
        case "nan", "+nan", "-nan": return .nan
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        default: break
        }
        for byte in lower.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "+"),
                UInt8(ascii: "-"):
                continue
            default:
                return nil
            }
        }
        return Double(text)
    }

    static func trimmed(_ text: String) -> String {
        var scalars = Substring(text)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
