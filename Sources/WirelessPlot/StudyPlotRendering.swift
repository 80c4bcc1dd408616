import WirelessCore

extension Plot {
    /// A study's figure as a plot (SVG via `svg()`): same axes, labels and series, in order.
    /// - Throws: `PlotError.lengthMismatch` when a series' arrays differ in length.
    public init(_ plot: StudyPlot) throws {
        func axis(_ scale: StudyPlot.Scale) -> PlotAxis { scale == .log10 ? .log10 : .linear }
        self.init(
            title: plot.title, xLabel: plot.xLabel, yLabel: plot.yLabel, xAxis: axis(plot.xScale),
            yAxis: axis(plot.yScale), heightPixels: plot.heightPixels ?? 480)
        for series in plot.series { add(try PlotSeries(series)) }
    }
}

extension PlotSeries {
    /// A study's series as a plot series (style from the palette unless the series sets one).
    /// - Throws: `PlotError.lengthMismatch` when the arrays differ in length.
    public init(_ series: StudySeries) throws {
        var style = PlotSeriesStyle()
        switch series.lineStyle {
        case .solid: style.lineStyle = .solid
        case .dashed: style.lineStyle = .dashed
        case .dotted: style.lineStyle = .dotted
        case nil: break
        }
        if let index = series.colorIndex { style.color = PlotPalette.colors[index % PlotPalette.colors.count] }
        let kind: Kind
        switch series.kind {
        case .line(let x, let y): kind = .line(x: x, y: y)
        case .scatter(let x, let y): kind = .scatter(x: x, y: y)
        case .lineMarkers(let x, let y): kind = .lineMarkers(x: x, y: y)
        case .step(let x, let y): kind = .step(x: x, y: y)
        case .errorBars(let x, let y, let lower, let upper): kind = .errorBars(x: x, y: y, lower: lower, upper: upper)
        case .band(let x, let lower, let upper): kind = .band(x: x, lower: lower, upper: upper)
        case .intervals(let rows, let estimates, let lower, let upper):
            kind = .intervals(rows: rows, estimates: estimates, lower: lower, upper: upper)
        case .verticalLine(let x):
            self = .referenceLine(series.label, .vertical, at: x)
            return
        case .horizontalLine(let y):
            self = .referenceLine(series.label, .horizontal, at: y)
            return
        }
        try self.init(label: series.label, kind: kind, style: style)
    }
}
