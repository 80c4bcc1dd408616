/// The toolkit's series palette: 12 colour-blind-safe colours (the 8 of Okabe & Ito, "Color Universal
/// Design", 2008, then 4 of Paul Tol's "muted" scheme), combined per series index with a dash pattern (4)
/// and a marker shape (5), so that series also stay apart in greyscale print.
///
///     series i → colour colors[i mod 12], dash lineStyles[(i + ⌊i/12⌋) mod 4], marker markers[i mod 5]
///
/// No two of the first 12 series share a colour, and no two of the first 48 share both colour and dash
/// (the dash shifts by one each time the colours wrap around). Order: the darker, more saturated
/// Okabe–Ito colours first; the light yellow, hard to see on white, is replaced by a dark grey.
public enum PlotPalette {
    /// Blue, vermillion, bluish green, reddish purple, orange, sky blue, black, grey, then indigo, wine,
    /// olive and teal.
    public static let colors: [PlotColor] = [
        PlotColor(rgb: 0x0072B2),  // blue
        PlotColor(rgb: 0xD55E00),  // vermillion
        PlotColor(rgb: 0x009E73),  // bluish green
        PlotColor(rgb: 0xCC79A7),  // reddish purple
        PlotColor(rgb: 0xE69F00),  // orange
        PlotColor(rgb: 0x56B4E9),  // sky blue
        PlotColor(rgb: 0x000000),  // black
        PlotColor(rgb: 0x7F7F7F),  // grey
        PlotColor(rgb: 0x332288),  // indigo
        PlotColor(rgb: 0x882255),  // wine
        PlotColor(rgb: 0x999933),  // olive
        PlotColor(rgb: 0x44AA99),  // teal
    ]

    /// Dash patterns cycled per series index.
    public static let lineStyles: [PlotLineStyle] = [.solid, .dashed, .dotted, .dashDot]

    /// Marker shapes cycled per series index.
    public static let markers: [PlotMarker] = [.circle, .square, .triangle, .diamond, .cross]

    /// Default stroke width [px].
    public static let lineWidthPixels = 1.8

    /// The default style of the series at `index` (≥ 0; negative indices are treated as 0).
    public static func style(forSeriesIndex index: Int) -> PlotSeriesStyle {
        let i = max(index, 0)
        return PlotSeriesStyle(
            color: colors[i % colors.count], lineStyle: lineStyles[(i + i / colors.count) % lineStyles.count],
            marker: markers[i % markers.count], lineWidthPixels: lineWidthPixels)
    }

    /// Fills the `nil` fields of `style` from the default style at `index`.
    static func resolve(_ style: PlotSeriesStyle, index: Int) -> ResolvedSeriesStyle {
        let fallback = Self.style(forSeriesIndex: index)
        let width = style.lineWidthPixels.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        return ResolvedSeriesStyle(
            color: style.color ?? fallback.color!, lineStyle: style.lineStyle ?? fallback.lineStyle!,
            marker: style.marker ?? fallback.marker!, lineWidthPixels: width ?? lineWidthPixels)
    }
}
