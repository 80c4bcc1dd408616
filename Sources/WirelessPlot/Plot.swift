/// A 2-D chart rendered to SVG with no external tool: lines, markers, error bars, bands, steps,
/// grouped bars, forest-plot intervals and reference lines, on linear or log10 axes, with a legend.
///
/// Layout: `widthPixels × heightPixels` canvas (default 720 × 480 px); title on top, axis labels
/// (give units, e.g. "Distance [m]"), ticks from `AxisTicks`, light grid lines, a legend in the
/// emptiest inside corner (or outside right if every corner would cover data).
///
/// Data hygiene: NaN/±∞ values, and values ≤ 0 on a log10 axis, are skipped (lines break there);
/// an empty plot, or one with a single point or all-equal values, still renders with a sensible
/// range. `svg()` never fails.
///
/// Determinism: `svg()` is a pure function of the value — the same plot gives byte-identical
/// text (fixed-decimal number printing, no locale, no dates, no hash-ordered collections).
///
/// ```swift
/// var plot = Plot(title: "Path loss at 28 GHz", xLabel: "Distance [m]", yLabel: "Path loss [dB]",
///                 xAxis: .log10)
/// plot.add(try .scatter("Measured", x: distances, y: lossesDB))
/// plot.add(try .line("CI model, n = 2.1", x: fitD, y: fitDB))
/// let text = plot.svg()
/// ```
public struct Plot: Sendable, Equatable, Codable {
    /// Title shown above the plot and in the SVG `<title>`; may be empty.
    public var title: String
    /// X-axis label with unit, e.g. "Distance [m]".
    public var xLabel: String
    /// Y-axis label with unit, e.g. "Path loss [dB]".
    public var yLabel: String
    /// Horizontal axis scale and range.
    public var xAxis: PlotAxis
    /// Vertical axis scale and range.
    public var yAxis: PlotAxis
    /// Canvas width [px], clamped to 200...10000 when rendering.
    public var widthPixels: Double
    /// Canvas height [px], clamped to 150...10000 when rendering.
    public var heightPixels: Double
    /// Where the legend goes.
    public var legendPosition: PlotLegendPosition
    /// Whether light grid lines are drawn at the major (and log minor) ticks.
    public var showsGrid: Bool
    /// The series, drawn with bands and bars underneath and the rest in order.
    public var series: [PlotSeries]

    /// A plot; add series with `add(_:)`.
    /// - Parameters:
    ///   - title: Title text (escaped for XML on output).
    ///   - xLabel: X-axis label with unit.
    ///   - yLabel: Y-axis label with unit.
    ///   - xAxis: Scale/range of x (default automatic linear).
    ///   - yAxis: Scale/range of y (default automatic linear).
    ///   - widthPixels: Canvas width [px], 200...10000.
    ///   - heightPixels: Canvas height [px], 150...10000.
    ///   - legendPosition: Legend placement (default `.auto`).
    ///   - showsGrid: Grid lines on (default).
    ///   - series: Initial series.
    public init(
        title: String, xLabel: String, yLabel: String, xAxis: PlotAxis = .linear, yAxis: PlotAxis = .linear,
        widthPixels: Double = 720, heightPixels: Double = 480, legendPosition: PlotLegendPosition = .auto,
        showsGrid: Bool = true, series: [PlotSeries] = []
    ) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.widthPixels = widthPixels
        self.heightPixels = heightPixels
        self.legendPosition = legendPosition
        self.showsGrid = showsGrid
        self.series = series
    }

    /// Appends a series; its default style is the palette entry for its index.
    public mutating func add(_ newSeries: PlotSeries) {
        series.append(newSeries)
    }

    /// Appends several series in order.
    public mutating func add(contentsOf newSeries: [PlotSeries]) {
        series.append(contentsOf: newSeries)
    }
}

/// The architecture document's name for `Plot`.
public typealias SVGPlot = Plot
