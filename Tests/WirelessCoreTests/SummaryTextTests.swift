import Testing

@testable import WirelessCore

/// `SummaryText`: numbers in stderr summaries carry a few digits and their unit.
@Suite struct SummaryTextTests {
    @Test(arguments: [
        (4.0 / 3, 3, "1.33"), (111.039_010_854_239_27, 4, "111.0"), (-0.333_333_333_333_333_26, 3, "-0.333"),
        (0.75, 3, "0.750"), (2.0, 3, "2.00"), (9.9996, 4, "10.00"), (0, 4, "0"), (1.5e-7, 3, "1.50e-07"),
        (6.02214076e23, 4, "6.022e+23"), (123_456.7, 4, "123500"), (1_234_567, 4, "1.235e+06"),
        (-0.0001, 2, "-0.00010"),
        (.infinity, 3, "∞"), (-.infinity, 3, "-∞"), (.nan, 3, "NaN"),
    ])
    func significantDigits(value: Double, digits: Int, expected: String) {
        #expect(SummaryText.number(value, digits: digits) == expected)
    }

    @Test func quantitiesCarryTheirUnit() {
        #expect(SummaryText.quantity(111.039_010_854, "m") == "111.0 m")
        #expect(SummaryText.quantity(5e8, "bit/s", digits: 3, prefixed: true) == "500 Mbit/s")
        #expect(SummaryText.quantity(1.2e9, "bit/s", digits: 3, prefixed: true) == "1.20 Gbit/s")
        #expect(SummaryText.quantity(-125_000, "Hz", prefixed: true) == "-125.0 kHz")
        #expect(SummaryText.quantity(999_960, "Hz", prefixed: true) == "1.000 MHz")  // prefix chosen after rounding
        #expect(SummaryText.quantity(2.5e-6, "s", digits: 2, prefixed: true) == "2.5 µs")
        #expect(SummaryText.quantity(0, "Hz", prefixed: true) == "0 Hz")
        #expect(SummaryText.quantity(-3, "dB", decimals: 1) == "-3.0 dB")
        #expect(SummaryText.fixed(.infinity, decimals: 1) == "∞")
        #expect(SummaryText.list([-3, 0, 3], "dB", digits: 2) == "-3.0, 0, 3.0 dB")
    }
}
