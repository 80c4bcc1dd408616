/// A figure of a study's result: axes and series, with no rendering in it (the command line draws
/// it as SVG through `WirelessIO.Plot(_:)`; an application may draw it any way it likes).
public struct StudyPlot: Sendable, Equatable {
    /// Axis scale.
    public enum Scale: Sendable, Equatable {
        case linear
        case log10
    }

    /// The figure's file-name suffix, appended as is to the run's base name by the command line
    /// (`-path-gain` → `<name>-path-gain.svg`); empty for a study's main figure.
    public var name: String
    /// Title.
    public var title: String
    /// X-axis label with unit.
    public var xLabel: String
    /// Y-axis label with unit.
    public var yLabel: String
    /// X-axis scale.
    public var xScale: Scale
    /// Y-axis scale.
    public var yScale: Scale
    /// Suggested height [px] (nil: the renderer's default).
    public var heightPixels: Double?
    /// The series, drawn in order.
    public var series: [StudySeries]

    /// A figure.
    public init(
        name: String = "", title: String, xLabel: String, yLabel: String, xScale: Scale = .linear,
        yScale: Scale = .linear, heightPixels: Double? = nil, series: [StudySeries] = []
    ) {
        self.name = name
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.heightPixels = heightPixels
        self.series = series
    }
}

/// One series of a `StudyPlot`: a label and data.
public struct StudySeries: Sendable, Equatable {
    /// The data and how it is meant to be drawn.
    public enum Kind: Sendable, Equatable {
        /// Points joined by a line.
        case line(x: [Double], y: [Double])
        /// Points alone.
        case scatter(x: [Double], y: [Double])
        /// Points joined by a line, with markers.
        case lineMarkers(x: [Double], y: [Double])
        /// A right-continuous step function (an empirical CDF).
        case step(x: [Double], y: [Double])
        /// Points with vertical intervals [lower, upper].
        case errorBars(x: [Double], y: [Double], lower: [Double], upper: [Double])
        /// A shaded band between lower and upper.
        case band(x: [Double], lower: [Double], upper: [Double])
        /// Horizontal intervals, one per labelled row (a forest plot).
        case intervals(rows: [String], estimates: [Double], lower: [Double], upper: [Double])
        /// A vertical reference line at x.
        case verticalLine(x: Double)
        /// A horizontal reference line at y.
        case horizontalLine(y: Double)
    }

    /// Line style hint.
    public enum LineStyle: Sendable, Equatable {
        case solid
        case dashed
        case dotted
    }

    /// Legend label.
    public var label: String
    /// The data.
    public var kind: Kind
    /// Line style (nil: the renderer's default for the series' position).
    public var lineStyle: LineStyle?
    /// Index into the renderer's palette (nil: the series' position); series sharing it share a colour.
    public var colorIndex: Int?

    /// A series.
    public init(_ label: String, _ kind: Kind, lineStyle: LineStyle? = nil, colorIndex: Int? = nil) {
        self.label = label
        self.kind = kind
        self.lineStyle = lineStyle
        self.colorIndex = colorIndex
    }
}
