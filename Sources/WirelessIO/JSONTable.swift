import WirelessCore

/// A table as JSON (RFC 8259): `{"columns": ["distance_m", …], "rows": [[10, 81.4, null, true, "B1"], …]}`.
///
/// The tables a command writes as CSV with `--format json`: the same column names, one array per row.
/// Cells keep their CSV text where JSON allows it, so a number reads back as the same `Double`:
///
///     missing value (empty cell)        null
///     number                            a JSON number, digits as in the CSV (`1e-05`, `-0.25`)
///     boolean (`true` / `false`)        true / false
///     anything else                     a string, escaped per RFC 8259 §7
///
/// A study table (`init(_: StudyTable)`) is typed by its columns: `.real` → number or null, `.integer` →
/// number, `.text` → string (booleans when every cell is `true` or `false`), `.mixed` → per cell. A plain
/// `CSVTable` (`init(_: CSVTable)`) is typed per column, as CSV readers do: a column whose non-empty cells
/// are all JSON numbers is numeric, all `true`/`false` boolean, otherwise text; an empty cell is null in
/// every column. The output is a pure function of the table (byte-identical across runs), UTF-8.
public struct JSONTable: Sendable, Equatable {
    /// One cell of a JSON table.
    public enum Cell: Sendable, Equatable {
        /// A missing value.
        case null
        /// A boolean.
        case bool(Bool)
        /// A number, as its JSON text (`JSONTable.isNumber` holds for it).
        case number(String)
        /// A string.
        case string(String)
    }

    /// Column names, in order.
    public var columns: [String]
    /// Rows of cells; each has `columns.count` cells.
    public var rows: [[Cell]]

    /// A table from its columns and typed cells.
    /// - Precondition: every row has `columns.count` cells and every `.number` is JSON number text
    ///   (programming errors otherwise).
    public init(columns: [String], rows: [[Cell]]) {
        for row in rows {
            precondition(row.count == columns.count, "JSONTable row has \(row.count) cells, expected \(columns.count)")
            for case .number(let text) in row {
                precondition(Self.isNumber(text), "JSONTable number '\(text)' is not JSON number text")
            }
        }
        self.columns = columns
        self.rows = rows
    }

    /// A CSV table, typed per column (see the type's documentation).
    public init(_ table: CSVTable) {
        let columnCount = table.header.count
        var kinds: [Kind] = []
        for c in 0..<columnCount {
            kinds.append(Kind.inferred(from: table.rows.lazy.map { $0[c] }))
        }
        self.init(
            columns: table.header,
            rows: table.rows.map { row in row.indices.map { kinds[$0].cell(row[$0]) } })
    }

    /// A study's table, typed by its columns; numbers have the digits of the CSV (the column's style).
    public init(_ table: StudyTable) {
        let text = CSVTable(table)
        var columnCells: [[Cell]] = []
        for (c, column) in table.columns.enumerated() {
            let cells = text.rows.map { $0[c] }
            switch column.values {
            case .real(let values):
                columnCells.append(
                    zip(values, cells).map { value, cell in value == nil ? .null : Self.numberCell(cell) })
            case .integer:
                columnCells.append(cells.map(Self.numberCell))
            case .text:
                let kind: Kind = Kind.inferred(from: cells) == .boolean ? .boolean : .text
                columnCells.append(cells.map(kind.cell))
            case .mixed(let values):
                columnCells.append(
                    zip(values, cells).map { value, cell in
                        switch value {
                        case .real(nil): .null
                        case .real, .integer: Self.numberCell(cell)
                        case .text(let string): string.isEmpty ? .null : .string(string)
                        }
                    })
            }
        }
        self.init(
            columns: text.header,
            rows: (0..<table.rowCount).map { r in columnCells.map { $0[r] } })
    }

    /// The JSON text: one row per line, UTF-8, ending with a newline.
    public func encoded() -> String {
        var out = "{\n  \"columns\": [" + columns.map(Self.quoted).joined(separator: ", ") + "],\n  \"rows\": ["
        for (r, row) in rows.enumerated() {
            out += r == 0 ? "\n    [" : ",\n    ["
            out += row.map(Self.text).joined(separator: ", ")
            out += "]"
        }
        out += rows.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    /// The JSON text of one cell.
    static func text(_ cell: Cell) -> String {
        switch cell {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text): quoted(text)
        }
    }

    /// `text` as a JSON string literal: `"` and `\` escaped, control characters U+0000–U+001F as
    /// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`; everything else (including non-ASCII) as UTF-8.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `text` is a JSON number (RFC 8259 §6): `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// Not numbers: `+1`, `01`, `.5`, `1.`, `0x10`, `NaN`, `Inf`, and surrounding spaces.
    public static func isNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: "0") {
            bytes = bytes.dropFirst()
        } else if digits() == 0 {
            return false
        }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// A number cell from CSV text; text that is not JSON number syntax but a finite `Double` is re-rendered
    /// (shortest round trip), anything else stays a string (never invalid JSON).
    static func numberCell(_ text: String) -> Cell {
        if isNumber(text) { return .number(text) }
        if let value = Double(text), value.isFinite {
            let rendered = CSVNumberFormat.shortestRoundTrip.format(value)
            if isNumber(rendered) { return .number(rendered) }
        }
        return text.isEmpty ? .null : .string(text)
    }

    /// How the cells of a `CSVTable` column are typed.
    enum Kind: Equatable {
        case number, boolean, text

        /// Number when every non-empty cell is JSON number text, boolean when every one is `true` or
        /// `false`, text otherwise (also for a column with no non-empty cell).
        static func inferred(from cells: some Sequence<String>) -> Kind {
            var allNumbers = true
            var allBooleans = true
            var any = false
            for cell in cells where !cell.isEmpty {
                any = true
                if allNumbers && !JSONTable.isNumber(cell) { allNumbers = false }
                if allBooleans && cell != "true" && cell != "false" { allBooleans = false }
                if !allNumbers && !allBooleans { return .text }
            }
            guard any else { return .text }
            return allNumbers ? .number : (allBooleans ? .boolean : .text)
        }

        /// The cell for `text` in a column of this kind; an empty cell is null.
        func cell(_ text: String) -> Cell {
            if text.isEmpty { return .null }
            switch self {
            case .number: return .number(text)
            case .boolean: return .bool(text == "true")
            case .text: return .string(text)
            }
        }
    }
}
