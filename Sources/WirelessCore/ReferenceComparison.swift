import Foundation

/// A table of reference values beside measured ones: each number a paper publishes (or a prediction it
/// states in closed form) beside the value a run measured, and why the two differ. The figure reports
/// end with one (`wtk figures`); each capability builds its own from the tables its studies wrote.
public struct ReferenceComparison: Sendable {
    /// One row: what is compared, the reference value, the measured value, and the reason for any difference.
    public struct Row: Sendable, Equatable {
        public let quantity: String
        public let paper: String
        public let measured: String
        public let deviation: String
    }

    /// The rows, in the order they were added.
    public private(set) var rows: [Row] = []

    public init() {}

    /// Adds a row.
    /// - Parameters:
    ///   - quantity: What is compared, with its unit in brackets.
    ///   - paper: The published value or the paper's prediction, as the paper states it.
    ///   - measured: The run's value (with its interval where it has one).
    ///   - deviation: Why the values differ, or why they agree within the stated uncertainty.
    public mutating func add(_ quantity: String, paper: String, measured: String, deviation: String) {
        rows.append(Row(quantity: quantity, paper: paper, measured: measured, deviation: deviation))
    }

    /// `x` with `digits` decimals, or "–" when there is none.
    public static func fixed(_ x: Double?, _ digits: Int = 3) -> String {
        x.map { String(format: "%.\(digits)f", $0) } ?? "–"
    }

    /// Secant slope of ln y against ln x between the last two points, the empirical scaling exponent
    /// of a power law y ∝ x^s; nil when either value is not positive.
    public static func logLogSlope(x: [Double], y: [Double]) -> Double? {
        guard x.count >= 2, y.count == x.count else { return nil }
        let (x0, x1, y0, y1) = (x[x.count - 2], x[x.count - 1], y[y.count - 2], y[y.count - 1])
        guard x0 > 0, x1 > x0, y0 > 0, y1 > 0 else { return nil }
        return (log(y1) - log(y0)) / (log(x1) - log(x0))
    }
}

/// One row of a table read back from a written CSV file: column name → cell text.
public typealias TableRecord = [String: String]

extension Dictionary where Key == String, Value == String {
    /// The cell of `column` as a number, nil when empty or not numeric.
    public func number(_ column: String) -> Double? { self[column].flatMap(Double.init) }
}
