import Testing

@testable import WirelessPlot

/// Tick values are decimal numbers produced by one correctly rounded division; compare within
/// a few ulps of the axis scale.
private let tickTolerance = 1e-12

private func expectTicks(_ ticks: AxisTicks, _ expected: [Double], scale: Double = 1) {
    let values = ticks.major.map(\.value)
    #expect(values.count == expected.count, "got \(values)")
    for (a, b) in zip(values, expected) {
        #expect(abs(a - b) <= tickTolerance * max(scale, abs(b)), "got \(values), expected \(expected)")
    }
}

@Test func niceStepChoosesOneTwoTwoPointFiveFive() {
    #expect(AxisTicks.niceStep(span: 1, targetCount: 5) == 0.2)
    #expect(AxisTicks.niceStep(span: 100, targetCount: 5) == 20)
    #expect(AxisTicks.niceStep(span: 15.9, targetCount: 5) == 2.5)
    #expect(AxisTicks.niceStep(span: 10, targetCount: 10) == 1)
    #expect(AxisTicks.niceStep(span: 0.0085, targetCount: 4) == 0.002)
    #expect(AxisTicks.niceStep(span: 4.6e6, targetCount: 1) == 5e6)
    // Degenerate input never traps.
    #expect(AxisTicks.niceStep(span: 0, targetCount: 5) == 1)
    #expect(AxisTicks.niceStep(span: .nan, targetCount: 0) == 1)
}

@Test func linearTicksOnSeveralRanges() {
    let unit = AxisTicks.linear(dataLower: 0, dataUpper: 1, targetCount: 5)
    expectTicks(unit, [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(unit.major.map(\.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])

    let hundred = AxisTicks.linear(dataLower: 0, dataUpper: 100, targetCount: 5)
    expectTicks(hundred, [0, 20, 40, 60, 80, 100])

    // Expansion to the enclosing ticks, step 2.5 with one extra decimal.
    let mixed = AxisTicks.linear(dataLower: -3.7, dataUpper: 12.2, targetCount: 5)
    expectTicks(mixed, [-5, -2.5, 0, 2.5, 5, 7.5, 10, 12.5])
    #expect(mixed.major.map(\.label) == ["-5", "-2.5", "0", "2.5", "5", "7.5", "10", "12.5"])
    #expect(mixed.lower == -5 && mixed.upper == 12.5)

    // Fixed range: ticks inside only, range kept.
    let small = AxisTicks.linear(dataLower: 0.001, dataUpper: 0.0095, targetCount: 4, expandToTicks: false)
    expectTicks(small, [0.002, 0.004, 0.006, 0.008], scale: 0.01)
    #expect(small.major.map(\.label) == ["0.002", "0.004", "0.006", "0.008"])
    #expect(small.lower == 0.001 && small.upper == 0.0095)

    // 0.1 steps land on the nearest doubles of 0.3, 0.7 (no 0.30000000000000004).
    let tenths = AxisTicks.linear(dataLower: 0, dataUpper: 1, targetCount: 10)
    #expect(tenths.major.map(\.value).contains(0.3))
    #expect(tenths.major.map(\.value).contains(0.7))

    // Large magnitudes switch to compact scientific labels.
    let large = AxisTicks.linear(dataLower: 1e6, dataUpper: 5e6, targetCount: 4)
    #expect(large.major.map(\.label) == ["1e6", "2e6", "3e6", "4e6", "5e6"])
    let tiny = AxisTicks.linear(dataLower: 0, dataUpper: 2.5e-5, targetCount: 5)
    #expect(tiny.major.map(\.label) == ["0", "5e-6", "1e-5", "1.5e-5", "2e-5", "2.5e-5"])
}

@Test func linearTicksOnDegenerateRanges() {
    let equal = AxisTicks.linear(dataLower: 2.5, dataUpper: 2.5, targetCount: 5)
    #expect(equal.lower < 2.5 && equal.upper > 2.5)
    #expect(equal.major.count >= 2)
    let zero = AxisTicks.linear(dataLower: 0, dataUpper: 0, targetCount: 4)
    #expect(zero.lower <= -1 && zero.upper >= 1)
    let bad = AxisTicks.linear(dataLower: .nan, dataUpper: .infinity, targetCount: 4)
    #expect(bad.lower == 0 && bad.upper == 1)
    let huge = AxisTicks.linear(dataLower: -1e308, dataUpper: 1e308, targetCount: 5)
    #expect(huge.lower.isFinite && huge.upper.isFinite && huge.major.count >= 2)
    let reversed = AxisTicks.linear(dataLower: 10, dataUpper: 0, targetCount: 5)
    expectTicks(reversed, [0, 2, 4, 6, 8, 10])
}

@Test func logTicksOnDecades() {
    let ticks = AxisTicks.log10(dataLower: 0.003, dataUpper: 420)
    #expect(ticks.lower == 1e-3 && ticks.upper == 1e3)
    expectTicks(ticks, [1e-3, 1e-2, 1e-1, 1, 10, 100, 1000], scale: 1e-3)
    #expect(ticks.major.map(\.decadeExponent) == [-3, -2, -1, 0, 1, 2, 3])
    #expect(ticks.major.map(\.label) == ["1e-3", "1e-2", "1e-1", "1e0", "1e1", "1e2", "1e3"])
    // Minor ticks 2…9 in each of the 6 decades.
    #expect(ticks.minor.count == 6 * 8)
    #expect(abs(ticks.minor[0] - 0.002) < 1e-15 && abs(ticks.minor.last! - 900) < 1e-9)

    // Many decades: every 4th labelled (31 decades, at most 8 labels), no 2…9 minors.
    let wide = AxisTicks.log10(dataLower: 1e-30, dataUpper: 1, maximumLabels: 8)
    #expect(wide.major.compactMap(\.decadeExponent) == [-28, -24, -20, -16, -12, -8, -4, 0])
    #expect(wide.minor.count == 31 - 8)

    // Less than a decade on a fixed range: 1-2-5 multiples are labelled.
    let narrow = AxisTicks.log10(dataLower: 2, dataUpper: 5, expandToDecades: false)
    #expect(narrow.major.map(\.label) == ["2", "5"])
    #expect(narrow.minor == [3, 4])

    // Degenerate and invalid input.
    let single = AxisTicks.log10(dataLower: 50, dataUpper: 50)
    #expect(single.lower == 1 && single.upper == 1000)
    let invalid = AxisTicks.log10(dataLower: -1, dataUpper: 0)
    #expect(invalid.lower == 1 && invalid.upper == 10)
}

@Test func numberFormattingIsFixedAndTrimmed() {
    #expect(SVGDocument.format(12.5, decimals: 2) == "12.5")
    #expect(SVGDocument.format(1.0 / 3.0, decimals: 2) == "0.33")
    #expect(SVGDocument.format(-0.001, decimals: 2) == "0")
    #expect(SVGDocument.format(-2.675, decimals: 0) == "-3")
    #expect(SVGDocument.format(0.05, decimals: 3) == "0.05")
    #expect(SVGDocument.format(.nan, decimals: 2) == "0")
    #expect(SVGDocument.format(1e300, decimals: 2) == "1000000000000")
}
