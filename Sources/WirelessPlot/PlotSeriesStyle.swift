/// Dash pattern of a stroked line.
public enum PlotLineStyle: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case solid
    case dashed
    case dotted
    case dashDot

    /// SVG `stroke-dasharray` for a line of width `widthPixels` [px]; `nil` for solid.
    func dashArray(widthPixels: Double) -> String? {
        let w = max(widthPixels, 1)
        let f = { (v: Double) in SVGDocument.px(v * w) }
        switch self {
        case .solid: return nil
        case .dashed: return "\(f(4)) \(f(2.5))"
        case .dotted: return "\(f(0.1)) \(f(2))"
        case .dashDot: return "\(f(5)) \(f(2)) \(f(0.1)) \(f(2))"
        }
    }

    /// Dotted and dash-dot patterns use round caps so their short dashes render as dots.
    var lineCap: String { self == .dotted || self == .dashDot ? "round" : "butt" }
}

/// Marker shape for scatter points. Shapes differ in outline so series stay apart in greyscale.
public enum PlotMarker: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case circle
    case square
    case triangle
    case diamond
    case cross
}

/// Per-series appearance. Every field left `nil` is filled from `PlotPalette` by series index,
/// so a plot with no explicit styles is distinguishable by colour, dash and marker together.
public struct PlotSeriesStyle: Sendable, Equatable, Hashable, Codable {
    /// Stroke and fill colour; `nil` → `PlotPalette.colors[index % 12]`.
    public var color: PlotColor?
    /// Dash pattern of lines; `nil` → `PlotPalette.lineStyles[(index + index / 12) % 4]`.
    public var lineStyle: PlotLineStyle?
    /// Marker shape; `nil` → `PlotPalette.markers[index % 5]`.
    public var marker: PlotMarker?
    /// Stroke width [px], > 0; `nil` → 1.8 px.
    public var lineWidthPixels: Double?

    public init(
        color: PlotColor? = nil, lineStyle: PlotLineStyle? = nil, marker: PlotMarker? = nil,
        lineWidthPixels: Double? = nil
    ) {
        self.color = color
        self.lineStyle = lineStyle
        self.marker = marker
        self.lineWidthPixels = lineWidthPixels
    }
}

/// A style with every field decided (internal, produced by `PlotPalette.resolve`).
struct ResolvedSeriesStyle: Sendable, Equatable {
    var color: PlotColor
    var lineStyle: PlotLineStyle
    var marker: PlotMarker
    var lineWidthPixels: Double

    var dashArray: String? { lineStyle.dashArray(widthPixels: lineWidthPixels) }
}
