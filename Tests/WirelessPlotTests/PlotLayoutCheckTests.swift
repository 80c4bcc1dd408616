import Foundation
import Testing
import WirelessCore

@testable import WirelessPlot

/// The renderer's layout check (issue 17): text boxes must not overlap each other or cover data.
@Suite struct PlotLayoutCheckTests {
    /// A rising line through the whole plot area.
    static func diagonal(_ label: String = "data") throws -> PlotSeries {
        let x = (0...100).map { Double($0) }
        return try .line(label, x: x, y: x)
    }

    @Test func aLegendForcedOntoTheDataIsReported() throws {
        var plot = Plot(title: "forced", xLabel: "x [1]", yLabel: "y [1]", legendPosition: .topRight)
        plot.add(try Self.diagonal())
        #expect(plot.layoutProblems().contains { $0.hasPrefix("legend covers") })
        plot.legendPosition = .auto
        #expect(plot.layoutProblems() == [])
    }

    /// Before: a horizontal reference label always sat at the left end of its line, across any curve
    /// passing there (the coverage figures' "0.5 Gbit/s" label). Now it moves along the line.
    @Test func referenceLabelsMoveOffTheCurves() throws {
        var plot = Plot(title: "labels", xLabel: "x [1]", yLabel: "y [1]")
        let x = (0...100).map { Double($0) }
        plot.add(try .line("falling", x: x, y: x.map { 100 - $0 }))
        plot.add(try .line("flat low", x: x, y: x.map { _ in 12 }))
        for level in [10.0, 50, 90] { plot.add(.referenceLine("level \(Int(level))", .horizontal, at: level)) }
        plot.add(.referenceLine("x = 5", .vertical, at: 5))
        #expect(plot.layoutProblems() == [])
    }

    /// An 11-entry legend with long labels goes below the plot instead of taking half the width.
    @Test func aLongLegendGoesBelowAndEveryStyleDiffers() throws {
        var plot = Plot(title: "many series", xLabel: "Distance [m]", yLabel: "Path gain [dB]", heightPixels: 540)
        for k in 0..<11 {
            let x = (1...50).map { Double($0) }
            plot.add(try .line("TR 38.901 model number \(k) (UMi NLOS, mean)", x: x, y: x.map { -Double(k) * 3 - $0 }))
        }
        let renderer = PlotRenderer(plot: plot)
        let placement = renderer.place()
        #expect(placement.position == .below)
        #expect(placement.layout.right - placement.layout.left > 0.8 * 720)
        #expect(plot.layoutProblems() == [])
        let styles = renderer.styles.map { "\($0.color.hex) \($0.lineStyle)" }
        #expect(Set(styles).count == 11)
    }

    @Test func recordingNumbersAreLabelledAsWholeNumbers() throws {
        var plot = Plot(title: "three recordings", xLabel: "Recording", yLabel: "IoU")
        plot.add(try .lineMarkers("cmusenet", x: [1, 2, 3], y: [0.7, 0.8, 0.75]))
        let ticks = PlotRenderer(plot: plot).place().layout.x.ticks.major
        #expect(ticks.count >= 2)
        #expect(ticks.allSatisfy { $0.value == $0.value.rounded() }, "\(ticks.map(\.label))")
        // Fractional data keep their fractional ticks.
        var fractional = Plot(title: "fractions", xLabel: "x", yLabel: "y")
        fractional.add(try .lineMarkers("f", x: [1, 1.5, 2], y: [0, 1, 2]))
        #expect(PlotRenderer(plot: fractional).place().layout.x.ticks.major.contains { $0.value != $0.value.rounded() })
    }
}
