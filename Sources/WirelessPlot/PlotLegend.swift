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

    /// Box size [px] for `entries`.
    static func size(of entries: [Entry]) -> (width: Double, height: Double) {
        let textWidth =
            entries.map { SVGDocument.estimatedWidth($0.label, sizePixels: PlotRenderer.legendTextSize) }.max() ?? 0
        return (
            2 * padding + sampleWidth + gap + textWidth,
            2 * padding + rowHeight * Double(entries.count) - 4
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
        case .topRight, .auto, .hidden: return (layout.right - inset - size.width, layout.top + inset)
        }
    }

    static func draw(
        _ entries: [Entry], at origin: PlotPoint, size: (width: Double, height: Double), into doc: inout SVGDocument
    ) {
        doc.openGroup("class=\"legend\"")
        doc.rect(
            x: origin.x, y: origin.y, width: size.width, height: size.height, fill: "#ffffff",
            extra: " fill-opacity=\"0.92\" stroke=\"#bbbbbb\" stroke-width=\"0.8\"")
        for (row, entry) in entries.enumerated() {
            let cy = origin.y + padding + rowHeight * Double(row) + rowHeight / 2 - 2
            let x0 = origin.x + padding
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
