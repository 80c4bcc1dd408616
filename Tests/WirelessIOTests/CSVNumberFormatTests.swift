import Foundation
import Testing
import WirelessCore

@testable import WirelessIO

@Suite struct CSVNumberFormatTests {
    @Test(arguments: [
        (1.0, "1"), (-3.0, "-3"), (0.1, "0.1"), (1234.5, "1234.5"), (0.00012, "0.00012"), (1e-5, "0.00001"),
        (1e-6, "1e-6"), (1.5e-7, "1.5e-7"), (1e15, "1000000000000000"), (1e16, "1e+16"),
        (6.02214076e23, "6.02214076e+23"),
        (0.0, "0"), (-0.0, "-0"), (Double.leastNonzeroMagnitude, "5e-324"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (Double.nan, "NaN"), (Double.infinity, "Inf"), (-Double.infinity, "-Inf"),
    ])
    func shortestRoundTripRendering(value: Double, expected: String) {
        #expect(CSVNumberFormat.shortestRoundTrip.format(value) == expected)
    }

    @Test(arguments: [
        (1.0 / 3.0, 3, "0.333"), (2.0 / 3.0, 6, "0.666667"), (123_456.0, 2, "120000"), (1.5, 6, "1.5"),
        (-9.9996, 4, "-10"), (6.02214076e23, 3, "6.02e+23"), (0.0, 4, "0"),
    ])
    func significantDigitsRendering(value: Double, digits: Int, expected: String) {
        #expect(CSVNumberFormat.significantDigits(digits).format(value) == expected)
    }

    /// Random bit patterns across the whole finite range parse back exactly.
    @Test func shortestRoundTripIsExactForRandomDoubles() throws {
        var generator = Xoshiro256StarStar(seed: 7)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let text = CSVNumberFormat.shortestRoundTrip.format(value)
            let parsed = try #require(CSVDocument.parseDouble(text), "\(text)")
            #expect(parsed.bitPattern == value.bitPattern, "\(value) → \(text)")
        }
    }

    /// Writing the same table twice gives identical bytes (no locale, time or address dependence).
    @Test func writerOutputIsByteIdentical() {
        var generator = Xoshiro256StarStar(seed: 11)
        let values = (0..<500).map { _ in Double(bitPattern: generator.next() >> 2) }
        let first = CSVWriter().encode(CSVTable(columns: [("x", values)]))
        let second = CSVWriter().encode(CSVTable(columns: [("x", values)]))
        #expect(Data(first.utf8) == Data(second.utf8))
        #expect(first.hasPrefix("x\n"))
    }
}
