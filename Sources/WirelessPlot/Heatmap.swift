import WirelessCore

/// A matrix of values drawn as coloured cells with a colour bar (e.g. a range–Doppler map or a
/// coverage map), rendered to SVG with no external tool.
///
///     values: Matrix [rows × columns] = [y cells × x cells]; row 0 is at the bottom (yRange.lowerBound),
///     column 0 at the left (xRange.lowerBound). Cell (i, j) covers
///     x ∈ [x0 + j·Δx, x0 + (j+1)·Δx],  y ∈ [y0 + i·Δy, y0 + (i+1)·Δy],  Δx = (x1 − x0)/columns, Δy = (y1 − y0)/rows
///     colour = colorMap((v − c0)/(c1 − c0)), clamped to the ends of the map
///
/// NaN/±∞ cells are left light grey (#d9d9d9, not a colour of the sequential maps). Without
/// `colorRange`, [c0, c1] is the finite min…max of `values`. Like `Plot.svg()`, `svg()` is
/// deterministic and never fails.
public struct Heatmap: Sendable, Equatable, Codable {
    /// Title above the map; also the SVG `<title>`.
    public var title: String
    /// X-axis label with unit.
    public var xLabel: String
    /// Y-axis label with unit.
    public var yLabel: String
    /// Colour-bar label with unit, e.g. "Power [dB]".
    public var colorBarLabel: String
    /// Cell values [y cells × x cells], column-major as every `Matrix`.
    public private(set) var values: Matrix<Double>
    /// Left and right edges of the cell grid [x unit].
    public private(set) var xRange: ClosedRange<Double>
    /// Bottom and top edges of the cell grid [y unit].
    public private(set) var yRange: ClosedRange<Double>
    /// Value range mapped onto the colour map; `nil` → finite min…max of `values`.
    public private(set) var colorRange: ClosedRange<Double>?
    /// The colour map (default viridis).
    public var colorMap: PlotColorMap
    /// Canvas width [px], 200...10000.
    public var widthPixels: Double
    /// Canvas height [px], 150...10000.
    public var heightPixels: Double

    /// Most cells accepted: one `<rect>` per run of equal colour, so the SVG stays below ~50 MB.
    public static let maximumCellCount = 1_000_000

    /// A heat map.
    /// - Parameters:
    ///   - values: Cell values [rows (y) × columns (x)], at most `maximumCellCount` cells.
    ///   - xRange: Grid x extent [x unit], finite, non-empty.
    ///   - yRange: Grid y extent [y unit], finite, non-empty.
    ///   - colorRange: Colour scale range [value unit], finite, non-empty; `nil` for automatic.
    /// - Throws: `PlotError.invalidRange` for an empty or non-finite range,
    ///   `PlotError.valueOutOfRange` for too many cells.
    public init(
        title: String, xLabel: String, yLabel: String, colorBarLabel: String, values: Matrix<Double>,
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, colorRange: ClosedRange<Double>? = nil,
        colorMap: PlotColorMap = .viridis, widthPixels: Double = 720, heightPixels: Double = 480
    ) throws {
        for (name, range) in [("x", xRange), ("y", yRange)] + (colorRange.map { [("colour", $0)] } ?? []) {
            guard range.lowerBound.isFinite, range.upperBound.isFinite, range.lowerBound < range.upperBound else {
                throw PlotError.invalidRange(
                    name: name, lower: range.lowerBound, upper: range.upperBound,
                    reason: "bounds must be finite with lower < upper")
            }
        }
        guard values.rows * values.columns <= Self.maximumCellCount else {
            throw PlotError.valueOutOfRange(
                name: "cell count", value: Double(values.rows * values.columns),
                reason: "at most \(Self.maximumCellCount) cells; downsample the matrix first")
        }
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.colorBarLabel = colorBarLabel
        self.values = values
        self.xRange = xRange
        self.yRange = yRange
        self.colorRange = colorRange
        self.colorMap = colorMap
        self.widthPixels = widthPixels
        self.heightPixels = heightPixels
    }

    /// The colour scale actually used: `colorRange`, or the finite extent of `values`
    /// (a constant matrix v is widened to [v − 0.1|v|, v + 0.1|v|], [−1, 1] for 0; no finite value → [0, 1]).
    public var resolvedColorRange: ClosedRange<Double> {
        // The range was validated in init; a decoded value that is not usable falls back to automatic.
        if let colorRange, colorRange.lowerBound.isFinite, colorRange.upperBound.isFinite,
            colorRange.lowerBound < colorRange.upperBound
        {
            return colorRange
        }
        var low = Double.infinity
        var high = -Double.infinity
        for v in values.elements where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high else { return 0...1 }
        if high > low { return low...high }
        return low == 0 ? -1...1 : (low - 0.1 * abs(low))...(low + 0.1 * abs(low))
    }

    /// The heat map as a standalone SVG document (deterministic; never fails).
    public func svg() -> String { render(origin: nil, idPrefix: "") }

    /// The heat map as a nested `<svg>` element at `origin` [px] (used by `PlotPanels`).
    func nestedSVG(origin: PlotPoint, idPrefix: String) -> String { render(origin: origin, idPrefix: idPrefix) }

    private func render(origin: PlotPoint?, idPrefix: String) -> String {
        let barWidth = 16.0
        let colorRange = resolvedColorRange
        var frame = Plot(
            title: title, xLabel: xLabel, yLabel: yLabel, widthPixels: widthPixels, heightPixels: heightPixels,
            legendPosition: .hidden, showsGrid: false)
        // Ranges were validated in init; decoded values that are invalid fall back to automatic axes.
        frame.xAxis = (try? PlotAxis(scale: .linear, lower: xRange.lowerBound, upper: xRange.upperBound)) ?? .linear
        frame.yAxis = (try? PlotAxis(scale: .linear, lower: yRange.lowerBound, upper: yRange.upperBound)) ?? .linear
        let renderer = PlotRenderer(plot: frame)
        // Reserve room right of the map: bar, tick labels and the rotated bar label.
        let barTicksProbe = AxisTicks.linear(
            dataLower: colorRange.lowerBound, dataUpper: colorRange.upperBound, targetCount: 6, expandToTicks: false)
        let barLabelWidth = barTicksProbe.major.map(PlotRenderer.tickLabelWidth).max() ?? 0
        let reserve = barWidth + 8 + barLabelWidth + (colorBarLabel.isEmpty ? 0 : 22)
        let layout = renderer.makeLayout(legendReserve: reserve)

        var doc = SVGDocument(widthPixels: renderer.width, heightPixels: renderer.height)
        renderer.drawTitle(&doc)
        renderer.drawAxes(&doc, layout)
        drawCells(&doc, layout, colorRange)
        doc.rect(
            x: layout.left, y: layout.top, width: layout.right - layout.left, height: layout.bottom - layout.top,
            fill: "none", extra: " stroke=\"#444444\" stroke-width=\"1\"")
        drawColorBar(&doc, layout, colorRange, barWidth: barWidth, idPrefix: idPrefix)
        return doc.rendered(title: title.isEmpty ? "Heatmap" : title, nestedAt: origin)
    }

    /// Number of colour levels cells are quantised to before merging equal neighbours.
    static let colorLevels = 256

    private func drawCells(_ doc: inout SVGDocument, _ layout: PlotRenderer.Layout, _ colorRange: ClosedRange<Double>) {
        let rows = values.rows
        let columns = values.columns
        doc.rect(
            x: layout.left, y: layout.top, width: layout.right - layout.left, height: layout.bottom - layout.top,
            fill: "#d9d9d9")
        // A decoded matrix whose storage does not match its shape is not drawn (instead of trapping).
        guard rows > 0, columns > 0, values.elements.count == rows * columns else { return }
        let span = colorRange.upperBound - colorRange.lowerBound
        func level(_ v: Double) -> Int? {
            guard v.isFinite else { return nil }
            let t = min(max((v - colorRange.lowerBound) / span, 0), 1)
            return Int((t * Double(Self.colorLevels - 1)).rounded())
        }
        let palette = (0..<Self.colorLevels).map {
            colorMap.color(at: Double($0) / Double(Self.colorLevels - 1)).hex
        }
        func xPixel(_ j: Int) -> Double {
            layout.left + Double(j) / Double(columns) * (layout.right - layout.left)
        }
        func yPixel(_ i: Int) -> Double {
            layout.bottom - Double(i) / Double(rows) * (layout.bottom - layout.top)
        }
        // One <path> per colour level, each run of equal-level cells in a row one "M…h…v…h…z"
        // rectangle: about a third of the bytes of one <rect> per run. Levels ascend: deterministic.
        var subpaths = [String](repeating: "", count: Self.colorLevels)
        for i in 0..<rows {
            let top = yPixel(i + 1)
            let height = SVGDocument.px(yPixel(i) - top)
            let topText = SVGDocument.px(top)
            var j = 0
            while j < columns {
                guard let current = level(values[i, j]) else {
                    j += 1
                    continue
                }
                var end = j + 1
                while end < columns, level(values[i, end]) == current { end += 1 }
                let width = xPixel(end) - xPixel(j)
                subpaths[current] +=
                    "M\(SVGDocument.px(xPixel(j))) \(topText)h\(SVGDocument.px(width))v\(height)h\(SVGDocument.px(-width))z"
                j = end
            }
        }
        doc.openGroup("shape-rendering=\"crispEdges\"")
        for (levelIndex, path) in subpaths.enumerated() where !path.isEmpty {
            doc.appendRaw("<path fill=\"\(palette[levelIndex])\" d=\"\(path)\"/>\n")
        }
        doc.closeGroup()
    }

    private func drawColorBar(
        _ doc: inout SVGDocument, _ layout: PlotRenderer.Layout, _ colorRange: ClosedRange<Double>, barWidth: Double,
        idPrefix: String
    ) {
        let x0 = layout.right + 14
        let top = layout.top
        let bottom = layout.bottom
        let gradientID =
            "wtk-cmap-" + idPrefix
            + PlotRenderer.fingerprint(title + "|" + colorBarLabel + "|" + colorMap.anchors.map(\.hex).joined())
        var stops = ""
        let n = colorMap.anchors.count
        for (index, color) in colorMap.anchors.enumerated() {
            let offset = SVGDocument.format(Double(index) / Double(n - 1), decimals: 4)
            stops += "<stop offset=\"\(offset)\" stop-color=\"\(color.hex)\"/>"
        }
        doc.appendDefinition(
            "<linearGradient id=\"\(gradientID)\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">" + stops + "</linearGradient>\n")
        doc.rect(
            x: x0, y: top, width: barWidth, height: bottom - top, fill: "url(#\(gradientID))",
            extra: " stroke=\"#444444\" stroke-width=\"0.8\"")
        let target = max(2, Int((bottom - top) / 60))
        let ticks = AxisTicks.linear(
            dataLower: colorRange.lowerBound, dataUpper: colorRange.upperBound, targetCount: target,
            expandToTicks: false)
        let span = colorRange.upperBound - colorRange.lowerBound
        var widest = 0.0
        for tick in ticks.major {
            let y = bottom - (tick.value - colorRange.lowerBound) / span * (bottom - top)
            doc.line(x1: x0 + barWidth, y1: y, x2: x0 + barWidth + 4, y2: y, stroke: "#444444", widthPixels: 1)
            doc.text(
                tick.label, x: x0 + barWidth + 6, y: y + 0.35 * PlotRenderer.tickSize, sizePixels: PlotRenderer.tickSize
            )
            widest = max(widest, PlotRenderer.tickLabelWidth(tick))
        }
        if !colorBarLabel.isEmpty {
            let x = x0 + barWidth + 8 + widest + 14
            doc.text(
                colorBarLabel, x: x, y: (top + bottom) / 2, sizePixels: PlotRenderer.labelSize, anchor: "middle",
                rotationDegrees: -90)
        }
    }
}

/// The architecture document's name for `Heatmap`.
public typealias SVGHeatmap = Heatmap
