import Foundation
import Testing
import WirelessCore

@testable import WirelessPlot

@Test func renderedPlotIsWellFormedXMLWithTitleAndViewBox() throws {
    let svg = try PlotGallery.allNumericKinds().svg()
    let inspector = SVGInspector(svg)
    #expect(inspector.isWellFormed)
    #expect(inspector.elementNames.first == "svg")
    let root = inspector.attributes[0]
    #expect(root["viewBox"] == "0 0 720 480")
    #expect(root["font-family"] == "sans-serif")
    #expect(inspector.count("title") == 1)
    #expect(inspector.titleText == "Every series kind <demo> & \"quotes\"")
}

@Test func renderingIsDeterministic() throws {
    for make in [PlotGallery.allNumericKinds, PlotGallery.logLog, PlotGallery.groupedBars, PlotGallery.forest] {
        let first = try make().svg()
        let second = try make().svg()
        #expect(first == second)
        #expect(first.utf8.count > 1000)
    }
}

@Test func specialCharactersAreEscaped() throws {
    let nasty = "a < b & c > d \"e\" 'f' \u{1}"
    var plot = Plot(title: nasty, xLabel: "x <m>", yLabel: "y & z [dB]")
    plot.add(try .line(nasty, x: [0, 1], y: [1, 2]))
    plot.add(try .bars("bars", categories: ["<cat>", "&"], values: [1, 2]))
    let svg = plot.svg()
    let inspector = SVGInspector(svg)
    #expect(inspector.isWellFormed)
    #expect(!svg.contains("<b "))
    #expect(!svg.contains("<cat>"))
    #expect(svg.contains("a &lt; b &amp; c &gt; d &quot;e&quot; &apos;f&apos;"))
    // The control character is replaced by a space, so the parser sees the text otherwise intact.
    #expect(inspector.titleText == "a < b & c > d \"e\" 'f'  ")
    #expect(inspector.texts.contains("x <m>"))
    #expect(inspector.texts.contains("y & z [dB]"))
    #expect(inspector.texts.contains("<cat>"))
}

@Test func emptyAndSinglePointPlotsRender() throws {
    let empty = Plot(title: "", xLabel: "", yLabel: "")
    let emptyInspector = SVGInspector(empty.svg())
    #expect(emptyInspector.isWellFormed)
    #expect(emptyInspector.titleText == "Plot")

    let emptyLog = Plot(title: "log", xLabel: "f [Hz]", yLabel: "P [W]", xAxis: .log10, yAxis: .log10)
    #expect(SVGInspector(emptyLog.svg()).isWellFormed)

    var single = Plot(title: "one point", xLabel: "x", yLabel: "y")
    single.add(try .scatter("p", x: [3], y: [3]))
    let inspector = SVGInspector(single.svg())
    #expect(inspector.isWellFormed)
    #expect(inspector.count("circle") == 2)  // the point and its legend marker
    #expect(inspector.texts.contains("3"))  // the widened range has a tick at the value

    var flat = Plot(title: "flat", xLabel: "x", yLabel: "y", yAxis: .log10)
    flat.add(try .line("flat", x: [1, 2, 3], y: [7, 7, 7]))
    #expect(SVGInspector(flat.svg()).isWellFormed)
}

@Test func nonFiniteAndNonPositiveLogPointsAreSkipped() throws {
    var plot = Plot(title: "gaps", xLabel: "x", yLabel: "y", yAxis: .log10, legendPosition: .hidden)
    // Points 2 (NaN), 4 (∞) and 6 (≤ 0 on the log axis) break the line into three drawable runs.
    let x: [Double] = [0, 1, 2, 3, 4, 5, 6, 7, 8]
    let y: [Double] = [1, 2, .nan, 4, .infinity, 6, -1, 8, 9]
    plot.add(try .line("gappy", x: x, y: y))
    plot.add(try .scatter("dots", x: x, y: y))
    let svg = plot.svg()
    let inspector = SVGInspector(svg)
    #expect(inspector.isWellFormed)
    #expect(!svg.lowercased().contains("nan") && !svg.lowercased().contains("inf"))
    #expect(inspector.count("polyline") == 2)  // runs [0,1] and [7,8]; the single points 3 and 5 draw no line
    #expect(inspector.count("rect") >= 2 + 6)  // background, frame, and 6 square markers
    // The automatic range ignores skipped values: about 1…9 (< 1 decade: 1-2-5 labels), not ∞.
    #expect(Array(inspector.texts.suffix(5).prefix(3)) == ["1", "2", "5"])

    // Non-finite everywhere still renders.
    var hopeless = Plot(title: "nothing", xLabel: "x", yLabel: "y")
    hopeless.add(try .line("nan", x: [.nan, .nan], y: [.infinity, -.infinity]))
    hopeless.add(try .errorBars("nan", x: [.nan], y: [1], lower: [.nan], upper: [2]))
    hopeless.add(try .band("nan", x: [1, 2], lower: [.nan, 1], upper: [2, .nan]))
    hopeless.add(.referenceLine("nan", .vertical, at: .nan))
    #expect(SVGInspector(hopeless.svg()).isWellFormed)
}

@Test func explicitRangesClipFarAwayData() throws {
    var plot = Plot(
        title: "clipped", xLabel: "x", yLabel: "y", xAxis: try PlotAxis(scale: .linear, lower: 0, upper: 1),
        yAxis: try PlotAxis(scale: .linear, lower: 0, upper: 1))
    plot.add(try .line("steep", x: [0, 0.5, 1], y: [0, 1e9, -1e12]))
    plot.add(try .scatter("far", x: [0.5, 1e300], y: [0.5, 0.5]))
    let inspector = SVGInspector(plot.svg())
    #expect(inspector.isWellFormed)
    // Clipped geometry stays within the canvas plus the 20 px clipping margin.
    for value in drawnCoordinates(inspector) { #expect(value >= -25 && value <= 745) }
    #expect(inspector.texts.contains("0") && inspector.texts.contains("1"))
}

@Test func everySeriesKindRendersWithItsLegendEntry() throws {
    let plots = [
        try PlotGallery.allNumericKinds(), try PlotGallery.logLog(), try PlotGallery.groupedBars(),
        try PlotGallery.forest(),
    ]
    for plot in plots {
        let inspector = SVGInspector(plot.svg())
        #expect(inspector.isWellFormed)
        for series in plot.series {
            // Legend text (reference lines: their on-plot label) appears exactly once.
            #expect(inspector.texts.filter { $0 == series.label }.count == 1, "missing \(series.label)")
        }
    }
    // Per-kind geometry.
    let bars = SVGInspector(try PlotGallery.groupedBars().svg())
    #expect(bars.texts.contains("Indoor hotspot"))
    #expect(bars.attributes.filter { $0["fill-opacity"] == "0.9" }.count == 12 + 3)  // 12 bars + 3 legend swatches
    let forest = SVGInspector(try PlotGallery.forest().svg())
    #expect(forest.texts.contains("Rain rate (heavy)"))
    let kinds = SVGInspector(try PlotGallery.allNumericKinds().svg())
    #expect(kinds.count("polygon") >= 1)  // band
    #expect(kinds.attributes.contains { $0["stroke-dasharray"] != nil })
}

@Test func legendPlacementAvoidsData() throws {
    // Data filling the upper-right triangle: the legend goes to the bottom-left corner.
    var plot = Plot(
        title: "corner", xLabel: "x", yLabel: "y", yAxis: try PlotAxis(scale: .linear, lower: 0, upper: 1.05))
    let x = (0...40).map { Double($0) / 40 }
    plot.add(try .scatter("upper", x: x, y: x.map { 1 - 0.2 * $0 }))
    plot.add(try .scatter("upper 2", x: x, y: x.map { 0.8 + 0.2 * $0 }))
    let svg = plot.svg()
    // Legend box is the first rect inside the legend group.
    let legendStart = try #require(svg.range(of: "<g class=\"legend\">"))
    let rectLine = svg[legendStart.upperBound...].split(separator: "\n").first { $0.hasPrefix("<rect") }!
    let attributes = SVGInspector(String(rectLine)).attributes[0]
    let legendY = Double(attributes["y"]!)!
    #expect(legendY > 240)  // lower half of a 480 px canvas

    // Data everywhere: the legend moves outside, right of the plot frame.
    var dense = Plot(title: "dense", xLabel: "x", yLabel: "y")
    var gx: [Double] = []
    var gy: [Double] = []
    for i in 0...20 {
        for j in 0...20 {
            gx.append(Double(i))
            gy.append(Double(j))
        }
    }
    dense.add(try .scatter("grid", x: gx, y: gy))
    let denseSVG = dense.svg()
    let start = try #require(denseSVG.range(of: "<g class=\"legend\">"))
    let line = denseSVG[start.upperBound...].split(separator: "\n").first { $0.hasPrefix("<rect") }!
    let legendX = Double(SVGInspector(String(line)).attributes[0]["x"]!)!
    let frameX = drawnFrameRight(denseSVG)
    #expect(legendX > frameX)
}

/// Right edge of the plot frame (the rect with stroke #444444).
private func drawnFrameRight(_ svg: String) -> Double {
    for line in svg.split(separator: "\n") where line.hasPrefix("<rect") && line.contains("#444444") {
        let a = SVGInspector(String(line)).attributes[0]
        return Double(a["x"]!)! + Double(a["width"]!)!
    }
    return .infinity
}

@Test func invalidArgumentsThrowPlotError() {
    #expect(throws: PlotError.lengthMismatch(series: "s", name: "y", expected: 2, actual: 1)) {
        try PlotSeries.line("s", x: [1, 2], y: [1])
    }
    #expect(throws: PlotError.self) {
        try PlotSeries.intervals("s", rows: ["a"], estimates: [1], lower: [], upper: [2])
    }
    #expect(throws: PlotError.self) { try PlotAxis(scale: .log10, lower: 0, upper: 1) }
    #expect(throws: PlotError.self) { try PlotAxis(scale: .linear, lower: 2, upper: 1) }
    #expect(throws: PlotError.self) { try PlotAxis(scale: .linear, lower: .nan, upper: 1) }
    let error = PlotError.invalidRange(name: "axis", lower: 2, upper: 1, reason: "lower must be < upper")
    #expect(error.category == .invalidArgument)
    #expect(error.description.contains("lower must be < upper"))
}

@Test func paletteCombinesColourDashAndMarker() {
    #expect(PlotPalette.colors.count == 12)
    #expect(Set(PlotPalette.colors).count == 12)
    let styles = (0..<8).map { PlotPalette.style(forSeriesIndex: $0) }
    // In greyscale colour may not separate series; (dash, marker) pairs alone must.
    let shapes = styles.map { "\($0.lineStyle!)-\($0.marker!)" }
    #expect(Set(shapes).count == 8)
    // Issue 17: series 2 and 10 of the path-gain figure ("free space", "P.2109 median …") shared colour and
    // dash with 8 colours. Now no two of the first 48 series share both.
    let pairs = (0..<48).map { PlotPalette.style(forSeriesIndex: $0) }.map { "\($0.color!.hex)-\($0.lineStyle!)" }
    #expect(Set(pairs).count == 48)
    // Colour × dash × marker repeats only after lcm(48, 5) = 240 series.
    let triples = (0..<240).map { PlotPalette.style(forSeriesIndex: $0) }.map {
        "\($0.color!.hex)-\($0.lineStyle!)-\($0.marker!)"
    }
    #expect(Set(triples).count == 240)
    #expect(PlotPalette.style(forSeriesIndex: 240) == PlotPalette.style(forSeriesIndex: 0))
    // No palette colour is too light to read on white (CIE L* ≤ 80).
    for color in PlotPalette.colors { #expect(color.lightness <= 80, "\(color.hex)") }
}

@Test func denseSeriesAreThinnedWithoutChangingTheirShape() throws {
    // 20 001 points on a straight line: the polyline keeps both ends and about one vertex per
    // 0.3 px of travel (the plot is < 720 px wide, so < 720/0.3 + 2 vertices).
    let n = 20_001
    let x = (0..<n).map { Double($0) / Double(n - 1) }
    var plot = Plot(title: "dense", xLabel: "x", yLabel: "y", legendPosition: .hidden)
    plot.add(try .line("diagonal", x: x, y: x))
    plot.add(
        try .scatter(
            "repeated", x: Array(repeating: 0.5, count: 1000) + [0.25], y: Array(repeating: 0.5, count: 1000) + [0.75]))
    let inspector = SVGInspector(plot.svg())
    let line = try #require(inspector.attributes.first { $0["points"] != nil && $0["fill"] == "none" })
    let vertices = line["points"]!.split(separator: " ")
    #expect(vertices.count > 100 && vertices.count < 720 * 10 / 3 + 2)
    let autoLow = SVGInspector(
        try {
            var single = plot
            single.series = [try .line("ends", x: [0, 1], y: [0, 1])]
            return single.svg()
        }()
    ).attributes.first { $0["points"] != nil }!["points"]!.split(separator: " ")
    #expect(vertices.first == autoLow.first && vertices.last == autoLow.last)
    // 1000 identical scatter points draw one marker; the distinct point draws its own.
    #expect(inspector.count("rect") == 3 + 2)  // clip rect, background, frame; two square markers
}

@Test func empiricalCDFMatchesCountingDefinition() throws {
    let samples: [Double] = [3, 1, .nan, 2, 2, 5, .infinity]
    let series = PlotSeries.empiricalCDF("ecdf", samples: samples)
    guard case .step(let x, let y) = series.kind else {
        Issue.record("empiricalCDF must be a step series")
        return
    }
    let finite = samples.filter(\.isFinite)
    // Oracle: F̂(x) = #{samples ≤ x}/n, evaluated at every step vertex after the first.
    for k in 1..<x.count {
        let expected = Double(finite.filter { $0 <= x[k] }.count) / Double(finite.count)
        // Tied samples (2, 2) give two vertices at one x; the last one reaches F̂(x).
        if k + 1 == x.count || x[k + 1] != x[k] { #expect(y[k] == expected) }
    }
    #expect(x.first == 1 && y.first == 0 && y.last == 1)
    #expect(PlotSeries.empiricalCDF("none", samples: [.nan]).kind == .step(x: [], y: []))
}

/// Hostile but legal values: every combination renders well-formed, NaN-free SVG.
@Test func hostileValuesStillRenderWellFormed() throws {
    let kinds: [PlotSeries] = [
        try .line("line 📡", x: [1, 1, 1], y: [-1e308, 1e308, 0]),
        try .scatter("scatter", x: [-0.0, Double.leastNonzeroMagnitude, 1e-300], y: [1, 2, 3]),
        try .errorBars("reversed bounds", x: [1, 2], y: [1, 2], lower: [3, 4], upper: [0, 1]),
        try .band("band", x: [3, 2, 1], lower: [1, 1, 1], upper: [0, 0, 0]),
        try .bars("dup categories", categories: ["a", "a", "b"], values: [1, .nan, -2]),
        try .intervals("reversed CI", rows: ["r", "r"], estimates: [1, .nan], lower: [2, 0], upper: [0, 1]),
        .empiricalCDF("empty", samples: []),
        .referenceLine("far away", .horizontal, at: 1e300),
    ]
    for xScale in [PlotScale.linear, .log10] {
        for yScale in [PlotScale.linear, .log10] {
            for size in [(720.0, 480.0), (.nan, 0), (50, 50), (1e9, 1e9)] {
                let plot = Plot(
                    title: "hostile", xLabel: "x", yLabel: "y", xAxis: PlotAxis(scale: xScale),
                    yAxis: PlotAxis(scale: yScale), widthPixels: size.0, heightPixels: size.1, series: kinds)
                let svg = plot.svg()
                #expect(SVGInspector(svg).isWellFormed)
                #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
            }
        }
    }
}
