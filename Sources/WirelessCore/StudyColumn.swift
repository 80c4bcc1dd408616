/// One column of a study's table: a quantity name, a unit and one value per row.
///
/// The header a file gets is `name` + `_` + `unit` (`distance` + `m` → `distance_m`), or `name` alone
/// for a dimensionless or textual column. A missing number is `nil` (an empty cell), never NaN.
public struct StudyColumn: Sendable, Equatable {
    /// The cells of a column.
    public enum Values: Sendable, Equatable {
        /// Numbers; `nil` is a missing value (written as an empty cell).
        case real([Double?])
        /// Counts and indices.
        case integer([Int])
        /// Labels and categories.
        case text([String])
        /// Cells of different kinds (a long-format table's value column: counts, numbers and text).
        case mixed([StudyCell])
    }

    /// How numbers are rendered as text.
    public enum NumberStyle: Sendable, Equatable {
        /// The shortest decimal that reads back as the same `Double`.
        case shortestRoundTrip
        /// Rounded to `n` significant digits, 1 ≤ n ≤ 17.
        case significantDigits(Int)
        /// Swift's `Double.description` as is (`1e-05`, `1e+16`): the style of the ISAC tables,
        /// kept so their files stay byte-identical.
        case swiftDescription
        /// Exactly `n` decimals (`%.nf`), 0 ≤ n ≤ 17: metrics shown to a fixed precision.
        case fixedDecimals(Int)
    }

    /// Quantity name, snake_case (`path_gain`, `ci_lower`).
    public var name: String
    /// Unit suffix as written in headers (`m`, `db`, `ghz`, `bps`), nil when dimensionless or text.
    public var unit: String?
    /// The cells.
    public var values: Values
    /// How `.real` values are rendered.
    public var style: NumberStyle

    /// A column of values.
    public init(_ name: String, unit: String? = nil, values: Values, style: NumberStyle = .shortestRoundTrip) {
        self.name = name
        self.unit = unit
        self.values = values
        self.style = style
    }

    /// A column of numbers.
    public init(_ name: String, unit: String? = nil, _ values: [Double], style: NumberStyle = .shortestRoundTrip) {
        self.init(name, unit: unit, values: .real(values.map { $0 }), style: style)
    }

    /// A column of numbers, some missing.
    public init(_ name: String, unit: String? = nil, _ values: [Double?], style: NumberStyle = .shortestRoundTrip) {
        self.init(name, unit: unit, values: .real(values), style: style)
    }

    /// A column of integers.
    public init(_ name: String, unit: String? = nil, _ values: [Int]) {
        self.init(name, unit: unit, values: .integer(values))
    }

    /// A column of text.
    public init(_ name: String, unit: String? = nil, _ values: [String]) {
        self.init(name, unit: unit, values: .text(values))
    }

    /// The header of the column in a file: `name_unit`, or `name`.
    public var header: String { unit.map { "\(name)_\($0)" } ?? name }

    /// Number of rows.
    public var count: Int {
        switch values {
        case .real(let v): v.count
        case .integer(let v): v.count
        case .text(let v): v.count
        case .mixed(let v): v.count
        }
    }

    /// The numbers of a `.real` or `.integer` column (missing values as nil); nil for text.
    public var numbers: [Double?]? {
        switch values {
        case .real(let v): v
        case .integer(let v): v.map { Double($0) }
        case .text: nil
        case .mixed(let v):
            v.map {
                switch $0 {
                case .real(let x): x
                case .integer(let n): Double(n)
                case .text: nil
                }
            }
        }
    }
}

/// One cell of a `StudyColumn.Values.mixed` column or a `StudyRows` row.
public enum StudyCell: Sendable, Equatable {
    /// A number; nil is a missing value (an empty cell).
    case real(Double?)
    /// A count or index.
    case integer(Int)
    /// Text.
    case text(String)
}
