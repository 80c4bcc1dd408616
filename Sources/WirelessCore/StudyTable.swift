/// A table of a study's result: named, unit-carrying columns of equal length.
public struct StudyTable: Sendable, Equatable {
    /// The table's file-name suffix, appended as is to the run's base name by the command line
    /// (`-models` → `<name>-models.csv`); empty for a study's main table (`<name>.csv`).
    public var name: String
    /// The columns, in order.
    public var columns: [StudyColumn]

    /// A table from columns.
    /// - Precondition: all columns have the same number of rows (a programming error otherwise).
    public init(name: String = "", columns: [StudyColumn]) {
        let count = columns.first?.count ?? 0
        for column in columns {
            precondition(
                column.count == count,
                "StudyTable column '\(column.header)' has \(column.count) rows, expected \(count)")
        }
        self.name = name
        self.columns = columns
    }

    /// Number of rows.
    public var rowCount: Int { columns.first?.count ?? 0 }

    /// The column whose header (`name_unit`) or name is `key`, nil if none.
    public subscript(_ key: String) -> StudyColumn? {
        columns.first { $0.header == key } ?? columns.first { $0.name == key }
    }
}

/// Builds a table row by row while keeping its columns named and unit-carrying: the layout names
/// every column once, each row gives one cell per column.
///
///     var rows = StudyRows([("model", nil), ("rmse", "db")])
///     rows.append([.text("FI"), .real(11.7)])
///     let table = rows.table(name: "models")   // columns model, rmse_db
public struct StudyRows: Sendable {
    /// A column of the layout: name, unit (header suffix) and number style.
    public typealias Layout = (name: String, unit: String?, style: StudyColumn.NumberStyle)

    private let layout: [Layout]
    private var cells: [[StudyCell]]

    /// Rows for columns `layout`, in order.
    public init(layout: [Layout]) {
        self.layout = layout
        self.cells = Array(repeating: [], count: layout.count)
    }

    /// Rows for columns (name, unit) with numbers rendered shortest round-trip.
    public init(_ layout: [(String, String?)]) {
        self.init(layout: layout.map { (name: $0.0, unit: $0.1, style: .shortestRoundTrip) })
    }

    /// Appends one row.
    /// - Precondition: one cell per column, in layout order.
    public mutating func append(_ row: [StudyCell]) {
        precondition(row.count == layout.count, "StudyRows row has \(row.count) cells, expected \(layout.count)")
        for (k, cell) in row.enumerated() { cells[k].append(cell) }
    }

    /// Number of rows so far.
    public var count: Int { cells.first?.count ?? 0 }

    /// The table: a column whose cells are all numbers is `.real` (all integers: `.integer`), all text
    /// `.text`, otherwise `.mixed`.
    public func table(name: String = "") -> StudyTable {
        StudyTable(
            name: name,
            columns: layout.indices.map { k in
                let (name, unit, style) = layout[k]
                let column = cells[k]
                var integers: [Int] = []
                var reals: [Double?] = []
                var texts: [String] = []
                for cell in column {
                    switch cell {
                    case .integer(let v): integers.append(v)
                    case .real(let v): reals.append(v)
                    case .text(let v): texts.append(v)
                    }
                }
                if integers.count == column.count { return StudyColumn(name, unit: unit, integers) }
                if reals.count == column.count {
                    return StudyColumn(name, unit: unit, values: .real(reals), style: style)
                }
                if texts.count == column.count { return StudyColumn(name, unit: unit, texts) }
                return StudyColumn(name, unit: unit, values: .mixed(column), style: style)
            })
    }
}
