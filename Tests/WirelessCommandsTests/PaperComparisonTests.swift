import Foundation
import Testing

@testable import WirelessCommands

@Suite struct PaperComparisonTests {
    /// A power law y = c·x^s gives its exponent exactly (to rounding of two logarithms, 1e-12), whatever c.
    @Test func logLogSlopeOfAPowerLawIsItsExponent() throws {
        let x = [1.0, 10, 100, 1000]
        for exponent in [-1.0 / 3, 2.0 / 3, 0.75] {
            let y = x.map { 0.37 * pow($0, exponent) }
            let slope = try #require(PaperComparison.logLogSlope(x: x, y: y))
            #expect(abs(slope - exponent) < 1e-12)
        }
        #expect(PaperComparison.logLogSlope(x: [1, 10], y: [1, 0]) == nil)
        #expect(PaperComparison.logLogSlope(x: [1], y: [1]) == nil)
    }

    @Test func tableHasTheDeviationColumn() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = FigureContext(directory: folder, seed: 1)
        var table = PaperComparison()
        table.add("q [dB]", paper: "1", measured: "1.1", deviation: "sampling")
        table.add(to: context, introduction: "Why.")
        let text = context.sections.joined()
        #expect(text.contains("### Paper vs this run"))
        #expect(text.contains("| quantity | paper | this run | deviation explained |"))
        #expect(text.contains("| q [dB] | 1 | 1.1 | sampling |"))
    }
}
