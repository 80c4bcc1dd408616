import Foundation
import Testing
import WirelessCore

@testable import WirelessPlot

/// Example figures covering every series kind. They double as a gallery: set the environment
/// variable `WTK_PLOT_PREVIEW_DIR` to a folder to also write the SVGs there for a visual check
/// (e.g. `rsvg-convert -o gallery.png gallery-all-kinds.svg`). Nothing is written otherwise.
enum PlotGallery {
    /// A plot with every series kind on numeric axes (line, scatter, line+markers, error bars,
    /// band, step, reference lines).
    static func allNumericKinds() throws -> Plot {
        let x = (0..<25).map { Double($0) * 0.5 }
        var plot = Plot(
            title: "Every series kind <demo> & \"quotes\"", xLabel: "Distance [m]", yLabel: "Received power [dBm]")
        plot.add(try .band("95 % band", x: x, lower: x.map { -60 - 2 * $0 - 4 }, upper: x.map { -60 - 2 * $0 + 4 }))
        plot.add(try .line("Model", x: x, y: x.map { -60 - 2 * $0 }))
        plot.add(try .scatter("Measured", x: x, y: x.map { -60 - 2 * $0 + 3 * sin(3 * $0) }))
        plot.add(try .lineMarkers("Tuned", x: x, y: x.map { -62 - 2.2 * $0 }))
        plot.add(
            try .errorBars(
                "Binned mean ± CI", x: [1, 4, 7, 10], y: [-63, -69, -75, -81], lower: [-66, -72, -79, -86],
                upper: [-60, -66, -71, -76]))
        plot.add(try .step("ECDF-like step", x: [0, 2, 4, 6, 8, 10, 12], y: [-100, -98, -96, -95, -93, -92, -90]))
        plot.add(.referenceLine("Threshold −90 dBm", .horizontal, at: -90))
        plot.add(.referenceLine("Breakpoint", .vertical, at: 8))
        return plot
    }

    /// Log–log axes with many decades, a NaN and a negative value (skipped).
    static func logLog() throws -> Plot {
        let f = (0..<60).map { 1e6 * pow(10, Double($0) / 10) }
        var plot = Plot(
            title: "Log-log", xLabel: "Frequency [Hz]", yLabel: "PSD [W/Hz]", xAxis: .log10, yAxis: .log10)
        var psd = f.map { 1e-3 / (1 + $0 / 1e8) }
        psd[5] = .nan
        psd[6] = -1
        plot.add(try .line("Lorentzian", x: f, y: psd))
        plot.add(try .scatter("Samples", x: Array(f.prefix(20)), y: Array(psd.prefix(20)).map { $0 * 2 }))
        return plot
    }

    /// Grouped bars with category labels.
    static func groupedBars() throws -> Plot {
        var plot = Plot(title: "Grouped bars", xLabel: "Scenario", yLabel: "Coverage probability")
        let names = ["Urban macro", "Urban micro", "Indoor hotspot", "Rural"]
        plot.add(try .bars("SINR > 0 dB", categories: names, values: [0.62, 0.71, 0.88, 0.45]))
        plot.add(try .bars("SINR > 5 dB", categories: names, values: [0.41, 0.52, 0.73, 0.30]))
        plot.add(try .bars("SINR > 10 dB", categories: names, values: [0.22, 0.31, 0.55, 0.12]))
        return plot
    }

    /// Forest plot: feature effects with confidence intervals.
    static func forest() throws -> Plot {
        var plot = Plot(title: "Feature effects", xLabel: "Effect on path loss [dB]", yLabel: "")
        let rows = ["Log distance", "Foliage depth", "Building density", "Antenna height", "Rain rate (heavy)"]
        plot.add(
            try .intervals(
                "Estimate, 95 % CI", rows: rows, estimates: [21.0, 4.2, 2.5, -3.1, 0.4],
                lower: [19.5, 2.9, 0.8, -4.9, -1.0], upper: [22.6, 5.4, 4.1, -1.2, 1.9]))
        // A second model over a subset of the rows, in another order: rows are matched by name.
        plot.add(
            try .intervals(
                "Bootstrap, 95 % CI", rows: ["Foliage depth", "Log distance", "Antenna height"],
                estimates: [3.9, 20.4, -2.6], lower: [2.1, 18.0, -5.0], upper: [5.8, 22.9, -0.3]))
        plot.add(.referenceLine("no effect", .vertical, at: 0))
        return plot
    }

    /// Eight line series (the whole palette) on a small canvas with long texts.
    static func palette() throws -> Plot {
        var plot = Plot(
            title: "All eight palette entries on a small canvas with a rather long title that must shrink",
            xLabel: "Signal-to-interference-plus-noise ratio threshold [dB]", yLabel: "Coverage probability",
            widthPixels: 480, heightPixels: 320)
        let x = (0...30).map { Double($0) - 10 }
        for k in 0..<8 {
            plot.add(try .line("α = \(k + 2)", x: x, y: x.map { 1 / (1 + exp(($0 - Double(2 * k - 4)) / 3)) }))
        }
        return plot
    }

    /// Bars on a log axis with long, rotated category labels, and an ECDF beside it.
    static func logBars() throws -> Plot {
        var plot = Plot(title: "Runtime per estimator", xLabel: "", yLabel: "Runtime [s]", yAxis: .log10)
        let names = [
            "PLAIN (proposed)", "2-D MUSIC with spatial smoothing", "ESPRIT", "Periodogram (zero-padded FFT)", "OMP",
        ]
        plot.add(try .bars("N = 64", categories: names, values: [0.004, 2.1, 0.09, 0.011, 0.35]))
        plot.add(try .bars("N = 256", categories: names, values: [0.02, 48, 1.2, 0.05, 3.3]))
        return plot
    }

    /// An empirical CDF drawn as a post-step with reference lines.
    static func ecdf() throws -> Plot {
        var generator = Xoshiro256StarStar(seed: 7)
        let samples = (0..<200).map { _ in -10 * log(generator.nextOpenUnitDouble()) }.sorted()
        var plot = Plot(title: "ECDF of interference power", xLabel: "Interference [mW]", yLabel: "CDF [1]")
        plot.add(.empiricalCDF("Empirical", samples: samples))
        let grid = (0...60).map { Double($0) }
        plot.add(try .line("Exponential(0.1)", x: grid, y: grid.map { 1 - exp(-$0 / 10) }))
        plot.add(.referenceLine("median", .vertical, at: 10 * log(2)))
        plot.add(.referenceLine("95 %", .horizontal, at: 0.95))
        return plot
    }

    static func writePreviewIfRequested(_ name: String, _ text: String) {
        guard let folder = ProcessInfo.processInfo.environment["WTK_PLOT_PREVIEW_DIR"] else { return }
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name + ".svg")
        try? text.write(to: url, atomically: true, encoding: .utf8)
    }
}

@Test func galleryRendersAndWritesPreview() throws {
    for (name, plot) in [
        ("gallery-all-kinds", try PlotGallery.allNumericKinds()), ("gallery-loglog", try PlotGallery.logLog()),
        ("gallery-bars", try PlotGallery.groupedBars()), ("gallery-forest", try PlotGallery.forest()),
        ("gallery-palette", try PlotGallery.palette()), ("gallery-logbars", try PlotGallery.logBars()),
        ("gallery-ecdf", try PlotGallery.ecdf()),
    ] {
        let text = plot.svg()
        #expect(text.hasPrefix("<?xml"))
        PlotGallery.writePreviewIfRequested(name, text)
    }
}

/// Every series kind and a heat map in one SVG (the gallery figure).
@Test func everyKindInOneFigure() throws {
    let plots = [
        try PlotGallery.allNumericKinds(), try PlotGallery.logLog(), try PlotGallery.groupedBars(),
        try PlotGallery.forest(), try PlotGallery.ecdf(),
    ]
    let figure = try PlotPanels(
        title: "WirelessIO plot gallery", columns: 2,
        panels: plots.map { .plot($0) } + [.heatmap(try HeatmapGallery.bump())], panelWidthPixels: 600,
        panelHeightPixels: 400)
    let svg = figure.svg()
    #expect(svg == figure.svg())
    let inspector = SVGInspector(svg)
    #expect(inspector.isWellFormed)
    #expect(inspector.attributes[0]["viewBox"] == "0 0 1200 1240")
    #expect(inspector.count("svg") == 1 + 6)
    // Ids stay unique across panels.
    let ids = inspector.attributes.compactMap { $0["id"] }
    #expect(ids.count == 6 + 2 && Set(ids).count == ids.count)  // 5 clips, 1 gradient, 2 hatchings
    for plot in plots {
        for series in plot.series { #expect(inspector.texts.contains(series.label), "missing \(series.label)") }
    }
    #expect(inspector.texts.contains("Power [dB]"))
    #expect(throws: PlotError.self) { try PlotPanels(title: "", columns: 0, panels: []) }
    PlotGallery.writePreviewIfRequested("gallery-every-kind", svg)
}
