import Foundation
import Testing

@testable import WirelessIO

/// The non-finite cell check every written table goes through (`OutputContext` refuses the table).
@Test func firstNonFiniteCellNamesTheLineAndColumn() {
    var table = CSVTable(columns: [CSVColumn(name: "x", values: [1, 2]), CSVColumn(name: "y", strings: ["", "nan"])])
    #expect(table.firstNonFiniteCell()! == (3, "y", "nan"))
    table = CSVTable(columns: [CSVColumn(name: "label", strings: ["info", "nano", "-", "1e308"])])
    #expect(table.firstNonFiniteCell() == nil)
    for text in ["NaN", "nan", "Inf", "-inf", "+infinity", "1e999", " inf"] {
        #expect(CSVTable.isNonFiniteNumber(text), "\(text)")
    }
}
