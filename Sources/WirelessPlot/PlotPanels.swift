/// Several plots and heat maps laid out in a grid in one SVG document (figure panels).
///
///     panel k → row ⌊k / columns⌋, column k mod columns, each panelWidth × panelHeight [px],
///     placed left to right, top to bottom below the optional figure title.
///
/// Each panel keeps its own title, axes and legend; every panel's size is overridden by the
/// panel size. Deterministic like `Plot.svg()`; element ids are prefixed per panel so they stay unique.
public struct PlotPanels: Sendable, Equatable, Codable {
    /// One cell of the grid.
    public enum Panel: Sendable, Equatable, Codable {
        case plot(Plot)
        case heatmap(Heatmap)
    }

    /// Figure title above the grid; empty → none.
    public var title: String
    /// Panels per row, ≥ 1.
    public private(set) var columns: Int
    /// The panels in reading order.
    public var panels: [Panel]
    /// Width of each panel [px], 200...10000.
    public var panelWidthPixels: Double
    /// Height of each panel [px], 150...10000.
    public var panelHeightPixels: Double

    /// A grid of panels.
    /// - Parameters:
    ///   - title: Figure title (may be empty).
    ///   - columns: Panels per row, ≥ 1.
    ///   - panels: Plots and heat maps in reading order.
    ///   - panelWidthPixels: Panel width [px], 200...10000.
    ///   - panelHeightPixels: Panel height [px], 150...10000.
    /// - Throws: `PlotError.valueOutOfRange` for `columns < 1` or a panel size out of range.
    public init(
        title: String, columns: Int = 2, panels: [Panel], panelWidthPixels: Double = 480,
        panelHeightPixels: Double = 360
    ) throws {
        guard columns >= 1 else {
            throw PlotError.valueOutOfRange(name: "columns", value: Double(columns), reason: "need at least 1 column")
        }
        guard (200...10_000).contains(panelWidthPixels) else {
            throw PlotError.valueOutOfRange(
                name: "panel width [px]", value: panelWidthPixels, reason: "valid 200...10000")
        }
        guard (150...10_000).contains(panelHeightPixels) else {
            throw PlotError.valueOutOfRange(
                name: "panel height [px]", value: panelHeightPixels, reason: "valid 150...10000")
        }
        self.title = title
        self.columns = columns
        self.panels = panels
        self.panelWidthPixels = panelWidthPixels
        self.panelHeightPixels = panelHeightPixels
    }

    /// The figure as a standalone SVG document (deterministic; never fails).
    public func svg() -> String {
        let columnCount = max(columns, 1)
        let width = min(max(panelWidthPixels, 200), 10_000)
        let height = min(max(panelHeightPixels, 150), 10_000)
        let rowCount = max((panels.count + columnCount - 1) / columnCount, 1)
        let top = title.isEmpty ? 0.0 : 40.0
        var doc = SVGDocument(
            widthPixels: width * Double(min(columnCount, max(panels.count, 1))),
            heightPixels: top + height * Double(rowCount))
        if !title.isEmpty {
            doc.text(
                title, x: doc.widthPixels / 2, y: 27, sizePixels: PlotRenderer.titleSize + 2, anchor: "middle",
                weight: "bold")
        }
        for (index, panel) in panels.enumerated() {
            let origin = (x: width * Double(index % columnCount), y: top + height * Double(index / columnCount))
            let prefix = "p\(index)-"
            switch panel {
            case .plot(var plot):
                plot.widthPixels = width
                plot.heightPixels = height
                doc.appendRaw(plot.nestedSVG(origin: origin, idPrefix: prefix))
            case .heatmap(var heatmap):
                heatmap.widthPixels = width
                heatmap.heightPixels = height
                doc.appendRaw(heatmap.nestedSVG(origin: origin, idPrefix: prefix))
            }
        }
        return doc.rendered(title: title.isEmpty ? "Figure" : title)
    }
}
