import Foundation
import Testing
import WirelessCore

@Suite struct ReferenceComparisonTests {
    /// A power law y = c·x^s gives its exponent exactly (to rounding of two logarithms, 1e-12), whatever c.
    @Test func logLogSlopeOfAPowerLawIsItsExponent() throws {
        let x = [1.0, 10, 100, 1000]
        for exponent in [-1.0 / 3, 2.0 / 3, 0.75] {
            let y = x.map { 0.37 * pow($0, exponent) }
            let slope = try #require(ReferenceComparison.logLogSlope(x: x, y: y))
            #expect(abs(slope - exponent) < 1e-12)
        }
        #expect(ReferenceComparison.logLogSlope(x: [1, 10], y: [1, 0]) == nil)
        #expect(ReferenceComparison.logLogSlope(x: [1], y: [1]) == nil)
    }

    @Test func rowsKeepTheirOrderAndMissingValuesShowAsADash() {
        var table = ReferenceComparison()
        table.add("a [dB]", paper: "1", measured: ReferenceComparison.fixed(1.23456, 2), deviation: "x")
        table.add("b", paper: "2", measured: ReferenceComparison.fixed(nil), deviation: "y")
        #expect(table.rows.map(\.quantity) == ["a [dB]", "b"])
        #expect(table.rows.map(\.measured) == ["1.23", "–"])
    }

    @Test func recordNumbersAreNilWhenEmptyOrText() {
        let record: TableRecord = ["x": "2.5", "empty": "", "word": "none"]
        #expect(record.number("x") == 2.5)
        #expect(record.number("empty") == nil)
        #expect(record.number("word") == nil)
        #expect(record.number("missing") == nil)
    }
}
