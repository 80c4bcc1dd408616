import Foundation
import WirelessCore

extension CSVTable {
    /// The table of a study result as CSV cells: headers `name_unit`, numbers in the column's style,
    /// a missing number as an empty cell.
    public init(_ table: StudyTable) {
        self.init(
            columns: table.columns.map { column in
                let format = StudyNumberText(column.style)
                let cells: [String]
                switch column.values {
                case .real(let values): cells = values.map { $0.map(format.format) ?? "" }
                case .integer(let values): cells = values.map { String($0) }
                case .text(let values): cells = values
                case .mixed(let values):
                    cells = values.map {
                        switch $0 {
                        case .real(let value): value.map(format.format) ?? ""
                        case .integer(let value): String(value)
                        case .text(let value): value
                        }
                    }
                }
                return CSVColumn(name: column.header, strings: cells)
            })
    }
}

/// The text of a number in a study column's style.
struct StudyNumberText {
    let style: StudyColumn.NumberStyle

    init(_ style: StudyColumn.NumberStyle) { self.style = style }

    func format(_ value: Double) -> String {
        switch style {
        case .shortestRoundTrip: CSVNumberFormat.shortestRoundTrip.format(value)
        case .significantDigits(let n): CSVNumberFormat.significantDigits(n).format(value)
        case .swiftDescription: String(value)
        case .fixedDecimals(let n): String(format: "%.\(n)f", value)
        }
    }
}
