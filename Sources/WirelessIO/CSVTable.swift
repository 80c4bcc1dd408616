/// One named column of values, already rendered to CSV text.
public struct CSVColumn: Sendable, Equatable, Codable {
    /// Header name, snake_case with a unit suffix by convention (`distance_m`, `path_gain_db`).
    public var name: String
    /// Cell text, one per row.
    public var cells: [String]

    /// A column of text cells.
    public init(name: String, strings: [String]) {
        self.name = name
        self.cells = strings
    }

    /// A column of numbers rendered with `format` (see `CSVNumberFormat` for the NaN/∞ policy).
    public init(name: String, values: [Double], format: CSVNumberFormat = .shortestRoundTrip) {
        self.name = name
        self.cells = values.map { format.format($0) }
    }

    /// A column of integers in plain decimal.
    public init(name: String, integers: [Int]) {
        self.name = name
        self.cells = integers.map { String($0) }
    }
}

/// A header and rows of text cells: what `CSVWriter` writes.
///
/// Storage is row-major: `rows[r][c]` is the cell of data row `r` (0-based, header excluded) in column `c`.
public struct CSVTable: Sendable, Equatable, Codable {
    /// Column names, in order.
    public var header: [String]
    /// Data rows; every row has `header.count` cells.
    public var rows: [[String]]

    /// A table from a header and rows.
    /// - Precondition: every row has `header.count` cells (a programming error otherwise).
    public init(header: [String], rows: [[String]]) {
        for (index, row) in rows.enumerated() {
            precondition(
                row.count == header.count,
                "CSVTable row \(index) has \(row.count) cells but the header has \(header.count)")
        }
        self.header = header
        self.rows = rows
    }

    /// A table built column by column.
    /// - Precondition: all columns have the same number of cells.
    public init(columns: [CSVColumn]) {
        let count = columns.first?.cells.count ?? 0
        for column in columns {
            precondition(
                column.cells.count == count,
                "CSVTable column '\(column.name)' has \(column.cells.count) cells, expected \(count)")
        }
        self.header = columns.map(\.name)
        self.rows = (0..<count).map { r in columns.map { $0.cells[r] } }
    }

    /// A table of numeric columns: `CSVTable(columns: [("distance_m", d), ("path_gain_db", g)])`.
    /// - Precondition: all columns have the same length.
    public init(columns: [(String, [Double])], format: CSVNumberFormat = .shortestRoundTrip) {
        self.init(columns: columns.map { CSVColumn(name: $0.0, values: $0.1, format: format) })
    }
}
