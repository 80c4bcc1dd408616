import Foundation
import WirelessIO

/// The table every report ends with: each number the paper publishes (or a prediction it states in closed
/// form) beside the value this run measured, and why the two differ.
///
/// The measured values are read back from the CSV files the set has just written (`FigureContext.records`),
/// so the table can never disagree with the figures above it.
struct PaperComparison {
    /// One row: what is compared, the paper's value, this run's value, and the reason for any difference.
    struct Row {
        let quantity: String
        let paper: String
        let measured: String
        let deviation: String
    }

    private(set) var rows: [Row] = []

    /// Adds a row.
    /// - Parameters:
    ///   - quantity: What is compared, with its unit in brackets.
    ///   - paper: The published value or the paper's prediction, as the paper states it.
    ///   - measured: This run's value (with its interval where it has one).
    ///   - deviation: Why the values differ, or why they agree within the stated uncertainty.
    mutating func add(_ quantity: String, paper: String, measured: String, deviation: String) {
        rows.append(Row(quantity: quantity, paper: paper, measured: measured, deviation: deviation))
    }

    /// Appends the table to the report under a `### Paper vs this run` heading.
    /// - Parameters:
    ///   - context: The figure set's context.
    ///   - measuredTitle: Title of the measured column (e.g. "SYNTHETIC replica").
    ///   - introduction: One paragraph on what the comparison can and cannot show.
    ///   - referenceTitle: Title of the reference column ("paper", or "theory" for a closed form).
    func add(
        to context: FigureContext, referenceTitle: String = "paper", measuredTitle: String = "this run",
        introduction: String
    ) {
        let heading = referenceTitle.prefix(1).uppercased() + referenceTitle.dropFirst()
        context.addMarkdown("### \(heading) vs \(measuredTitle)\n\n\(introduction)\n")
        context.addTable(
            header: ["quantity", referenceTitle, measuredTitle, "deviation explained"],
            rows: rows.map { [$0.quantity, $0.paper, $0.measured, $0.deviation] })
    }

    /// `x` with `digits` decimals, or "–" when there is none.
    static func fixed(_ x: Double?, _ digits: Int = 3) -> String {
        x.map { String(format: "%.\(digits)f", $0) } ?? "–"
    }

    /// Secant slope of ln y against ln x between the last two points, the empirical scaling exponent
    /// of a power law y ∝ x^s; nil when either value is not positive.
    static func logLogSlope(x: [Double], y: [Double]) -> Double? {
        guard x.count >= 2, y.count == x.count else { return nil }
        let (x0, x1, y0, y1) = (x[x.count - 2], x[x.count - 1], y[y.count - 2], y[y.count - 1])
        guard x0 > 0, x1 > x0, y0 > 0, y1 > 0 else { return nil }
        return (log(y1) - log(y0)) / (log(x1) - log(x0))
    }
}

extension FigureContext {
    /// The rows of a CSV file the set wrote, as column name → cell text.
    /// - Throws: `IOError` when the file is missing or malformed (a bug in the set, not user data).
    func records(_ file: String) throws -> [[String: String]] {
        try Self.records(at: directory.appendingPathComponent(file))
    }

    /// The rows of the CSV file at `url`, as column name → cell text.
    static func records(at url: URL) throws -> [[String: String]] {
        let document = try CSVReader.read(contentsOf: url)
        return document.rows.map { Dictionary(uniqueKeysWithValues: zip(document.header, $0)) }
    }
}

extension Dictionary where Key == String, Value == String {
    /// The cell of `column` as a number, nil when empty or not numeric.
    func number(_ column: String) -> Double? { self[column].flatMap(Double.init) }
}
