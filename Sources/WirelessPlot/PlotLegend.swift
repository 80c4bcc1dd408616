/// Legend measurement, placement and drawing (internal).
enum PlotLegend {
    enum Symbol {
        case line, marker, lineMarker, errorBar, band, bar, interval
    }

    struct Entry {
        var label: String
        var style: ResolvedSeriesStyle
        var symbol: Symbol
        /// Pattern fill (`url(#…)`) drawn over a bar swatch, if the bars are hatched.
        var hatchFill: String?
    }

    static let padding = 8.0
    static let rowHeight = 18.0
    static let sampleWidth = 28.0
    static let gap = 6.0

    /// Space between legend columns [px].
    static let columnGap = 18.0

    /// Width [px] of one legend column (sample, gap and the widest label).
    static func columnWidth(of entries: [Entry]) -> Double {
        let textWidth =
            entries.map { SVGDocument.estimatedWidth($0.label, sizePixels: PlotRenderer.legendTextSize) }.max() ?? 0
        return sampleWidth + gap + textWidth
    }

    /// The most columns (≥ 1, ≤ entries) whose box fits `availableWidth` [px].
    static func columns(of entries: [Entry], availableWidth: Double) -> Int {
        let column = columnWidth(of: entries)
        let fitting = Int(((availableWidth - 2 * padding + columnGap) / (column + columnGap)).rounded(.down))
        return max(1, min(entries.count, fitting))
    }

    /// Box size [px] for `entries` laid out in `columns` columns (filled column by column).
    static func size(of entries: [Entry], columns: Int = 1) -> (width: Double, height: Double) {
        let columns = max(1, columns)
        let rows = (entries.count + columns - 1) / columns
        return (
            2 * padding + Double(columns) * columnWidth(of: entries) + Double(columns - 1) * columnGap,
            2 * padding + rowHeight * Double(rows) - 4
        )
    }

    /// Top-left corner of the legend box for `position` (`.auto`/`.hidden` → top right).
    static func origin(
        _ position: PlotLegendPosition, size: (width: Double, height: Double), layout: PlotRenderer.Layout
    ) -> PlotPoint {
        let inset = 8.0
        switch position {
        case .topLeft: return (layout.left + inset, layout.top + inset)
        case .bottomLeft: return (layout.left + inset, layout.bottom - inset - size.height)
        case .bottomRight: return (layout.right - inset - size.width, layout.bottom - inset - size.height)
        case .outsideRight: return (layout.right + 14, layout.top)
        case .below: return (max(4, (layout.canvasWidth - size.width) / 2), layout.legendBelowTop)
        case .topRight, .auto, .hidden: return (layout.right - inset - size.width, layout.top + inset)
        }
    }

    static func draw(
        _ entries: [Entry], at origin: PlotPoint, size: (width: Double, height: Double), columns: Int = 1,
        into doc: inout SVGDocument
    ) {
        let rows = max(1, (entries.count + max(1, columns) - 1) / max(1, columns))
        let column = columnWidth(of: entries) + columnGap
        doc.openGroup("class=\"legend\"")
        doc.rect(
            x: origin.x, y: origin.y, width: size.width, height: size.height, fill: "#ffffff",
            extra: " fill-opacity=\"0.92\" stroke=\"#bbbbbb\" stroke-width=\"0.8\"")
        for (row, entry) in entries.enumerated() {
            let cy = origin.y + padding + rowHeight * Double(row % rows) + rowHeight / 2 - 2
            let x0 = origin.x + padding + column * Double(row / rows)
            let x1 = x0 + sampleWidth
            let mid = (x0 + x1) / 2
            let color = entry.style.color.hex
            let width = entry.style.lineWidthPixels
            switch entry.symbol {
            case .line:
                doc.polyline(
                    [(x0, cy), (x1, cy)], stroke: color, widthPixels: width, dashArray: entry.style.dashArray,
                    lineCap: entry.style.lineStyle.lineCap)
            case .marker:
                doc.marker(entry.style.marker, x: mid, y: cy, radiusPixels: PlotRenderer.markerRadius, color: color)
            case .lineMarker:
                doc.polyline(
                    [(x0, cy), (x1, cy)], stroke: color, widthPixels: width, dashArray: entry.style.dashArray,
                    lineCap: entry.style.lineStyle.lineCap)
                doc.marker(entry.style.marker, x: mid, y: cy, radiusPixels: PlotRenderer.markerRadius, color: color)
            case .errorBar:
                doc.line(x1: mid, y1: cy - 6, x2: mid, y2: cy + 6, stroke: color, widthPixels: 1.2)
                doc.line(x1: mid - 4, y1: cy - 6, x2: mid + 4, y2: cy - 6, stroke: color, widthPixels: 1.2)
                doc.line(x1: mid - 4, y1: cy + 6, x2: mid + 4, y2: cy + 6, stroke: color, widthPixels: 1.2)
                doc.marker(entry.style.marker, x: mid, y: cy, radiusPixels: PlotRenderer.markerRadius, color: color)
            case .band:
                doc.rect(
                    x: x0, y: cy - 6, width: sampleWidth, height: 12, fill: color,
                    extra: " fill-opacity=\"\(SVGDocument.format(PlotRenderer.bandOpacity, decimals: 3))\"")
            case .bar:
                doc.rect(x: mid - 7, y: cy - 6, width: 14, height: 12, fill: color, extra: " fill-opacity=\"0.9\"")
                if let hatch = entry.hatchFill { doc.rect(x: mid - 7, y: cy - 6, width: 14, height: 12, fill: hatch) }
            case .interval:
                doc.line(x1: x0 + 3, y1: cy, x2: x1 - 3, y2: cy, stroke: color, widthPixels: 1.6)
                doc.line(x1: x0 + 3, y1: cy - 4, x2: x0 + 3, y2: cy + 4, stroke: color, widthPixels: 1.6)
                doc.line(x1: x1 - 3, y1: cy - 4, x2: x1 - 3, y2: cy + 4, stroke: color, widthPixels: 1.6)
                doc.marker(entry.style.marker, x: mid, y: cy, radiusPixels: PlotRenderer.markerRadius, color: color)
            }
            doc.text(
                entry.label, x: x1 + gap, y: cy + 0.36 * PlotRenderer.legendTextSize,
                sizePixels: PlotRenderer.legendTextSize)
        }
        doc.closeGroup()
    }
}
