import Foundation

extension Plot {
    /// The plot as a standalone SVG 1.1 document (UTF-8 text, `<title>`, viewBox, sans-serif).
    ///
    /// Pure and deterministic: equal plots give byte-identical text. Never fails; see the type
    /// documentation for how non-finite and (log) non-positive values are skipped.
    public func svg() -> String {
        PlotRenderer(plot: self).render()
    }

    /// The plot as a nested `<svg>` element at `origin` [px], ids prefixed with `idPrefix`
    /// (used by `PlotPanels`).
    func nestedSVG(origin: PlotPoint, idPrefix: String) -> String {
        PlotRenderer(plot: self, idPrefix: idPrefix).render(origin: origin)
    }
}

/// Turns a `Plot` into SVG (internal). Layout happens in pixel space; data primitives are built
/// once per layout, used both to place the legend (occupancy) and to draw.
struct PlotRenderer {
    static let titleSize = 16.0
    static let labelSize = 13.0
    static let tickSize = 11.0
    static let legendTextSize = 12.0
    static let markerRadius = 3.6
    static let bandOpacity = 0.2

    let plot: Plot
    let width: Double
    let height: Double
    /// Resolved style per series (palette slot = index among non-reference series).
    let styles: [ResolvedSeriesStyle]
    /// Bar categories in order of first appearance; non-empty → categorical x axis.
    let barCategories: [String]
    /// Interval rows in order of first appearance; non-empty → categorical y axis.
    let rowLabels: [String]
    let barIndex: [String: Int]
    let rowIndex: [String: Int]
    /// Prefix for element ids, unique per panel when several plots share a document.
    let idPrefix: String

    init(plot: Plot, idPrefix: String = "") {
        self.plot = plot
        self.idPrefix = idPrefix
        width = min(max(plot.widthPixels.isFinite ? plot.widthPixels : 720, 200), 10_000)
        height = min(max(plot.heightPixels.isFinite ? plot.heightPixels : 480, 150), 10_000)
        var resolved: [ResolvedSeriesStyle] = []
        var slot = 0
        var categories: [String] = []
        var rows: [String] = []
        var categoryLookup: [String: Int] = [:]
        var rowLookup: [String: Int] = [:]
        for series in plot.series {
            resolved.append(PlotPalette.resolve(series.style, index: slot))
            if series.usesPaletteSlot { slot += 1 }
            switch series.kind {
            case .bars(let names, _):
                for name in names where categoryLookup[name] == nil {
                    categoryLookup[name] = categories.count
                    categories.append(name)
                }
            case .intervals(let names, _, _, _):
                for name in names where rowLookup[name] == nil {
                    rowLookup[name] = rows.count
                    rows.append(name)
                }
            default: break
            }
        }
        styles = resolved
        barCategories = categories
        rowLabels = rows
        barIndex = categoryLookup
        rowIndex = rowLookup
    }

    // MARK: Layout

    struct Layout {
        var left: Double
        var top: Double
        var right: Double
        var bottom: Double
        var x: PlotAxisLayout
        var y: PlotAxisLayout
        var rotatesXLabels: Bool
        var xLabelStride: Int
        /// Canvas width [px].
        var canvasWidth: Double
        /// Top [px] of the band reserved below the x-axis label for a `.below` legend (the canvas height
        /// when there is none).
        var legendBelowTop: Double
    }

    /// An outside-right legend wider than this fraction of the canvas goes below the plot instead (it
    /// would squeeze the data into a narrow strip).
    static let maximumOutsideLegendFraction = 0.28

    /// Finite (and, on log axes, positive) data extent along x and y.
    func dataExtent() -> (x: (Double, Double)?, y: (Double, Double)?) {
        var xs = Extent(scale: plot.xAxis.scale)
        var ys = Extent(scale: plot.yAxis.scale)
        for series in plot.series {
            switch series.kind {
            case .line(let x, let y), .scatter(let x, let y), .lineMarkers(let x, let y), .step(let x, let y):
                for (a, b) in zip(x, y) where xs.accepts(a) && ys.accepts(b) {
                    xs.add(a)
                    ys.add(b)
                }
            case .errorBars(let x, let y, let lower, let upper):
                for i in x.indices where xs.accepts(x[i]) {
                    xs.add(x[i])
                    ys.add(y[i])
                    ys.add(lower[i])
                    ys.add(upper[i])
                }
            case .band(let x, let lower, let upper):
                for i in x.indices where xs.accepts(x[i]) {
                    xs.add(x[i])
                    ys.add(lower[i])
                    ys.add(upper[i])
                }
            case .bars(_, let values):
                for value in values { ys.add(value) }
                if plot.yAxis.scale == .linear && !values.isEmpty { ys.add(0) }
            case .intervals(_, let estimates, let lower, let upper):
                for i in estimates.indices {
                    xs.add(estimates[i])
                    xs.add(lower[i])
                    xs.add(upper[i])
                }
            case .referenceLine(let orientation, let value):
                if orientation == .vertical { xs.add(value) } else { ys.add(value) }
            }
        }
        return (xs.range, ys.range)
    }

    struct Extent {
        let scale: PlotScale
        var low = Double.infinity
        var high = -Double.infinity
        func accepts(_ v: Double) -> Bool { v.isFinite && (scale == .linear || v > 0) }
        mutating func add(_ v: Double) {
            guard accepts(v) else { return }
            low = min(low, v)
            high = max(high, v)
        }
        var range: (Double, Double)? { low <= high ? (low, high) : nil }
    }

    func makeTicks(
        axis: PlotAxis, data: (Double, Double)?, lengthPixels: Double, pixelsPerTick: Double, stickyZero: Bool = false
    ) -> AxisTicks {
        let target = max(2, Int(lengthPixels / pixelsPerTick))
        if let explicit = axis.validExplicitRange {
            switch axis.scale {
            case .linear:
                return AxisTicks.linear(
                    dataLower: explicit.lower, dataUpper: explicit.upper, targetCount: target, expandToTicks: false)
            case .log10:
                return AxisTicks.log10(
                    dataLower: explicit.lower, dataUpper: explicit.upper, maximumLabels: target + 1,
                    expandToDecades: false)
            }
        }
        // Automatic: the data range padded by `Self.autoPadding` of its span on each side (in
        // log10 space for log axes), ticks inside; a zero-width range is widened by `AxisTicks`.
        switch axis.scale {
        case .linear:
            let (low, high) = data ?? (0, 1)
            guard high > low else {
                return AxisTicks.linear(dataLower: low, dataUpper: high, targetCount: target, expandToTicks: true)
            }
            let pad = Self.autoPadding * (high - low)
            // Bars stand on zero: keep that baseline on the frame instead of padding below it.
            let lowPadded = low == 0 && stickyZero ? 0 : low - pad
            return AxisTicks.linear(
                dataLower: lowPadded, dataUpper: high + pad, targetCount: target, expandToTicks: false)
        case .log10:
            let (low, high) = data ?? (1, 10)
            guard high > low * (1 + 1e-12) else {
                return AxisTicks.log10(
                    dataLower: low, dataUpper: high, maximumLabels: target + 1, expandToDecades: true)
            }
            let factor = Foundation.pow(high / low, Self.autoPadding)
            return AxisTicks.log10(
                dataLower: low / factor, dataUpper: high * factor, maximumLabels: target + 1, expandToDecades: false)
        }
    }

    /// Whether every x value of the point series is a whole number (counts, indices, recording numbers).
    func xDataAreWholeNumbers() -> Bool {
        var any = false
        for series in plot.series {
            switch series.kind {
            case .line(let x, _), .scatter(let x, _), .lineMarkers(let x, _), .step(let x, _),
                .errorBars(let x, _, _, _), .band(let x, _, _):
                for value in x where value.isFinite {
                    guard value == value.rounded(), abs(value) < 1e15 else { return false }
                    any = true
                }
            case .bars, .intervals: return false
            case .referenceLine(let orientation, let value):
                if orientation == .vertical && value != value.rounded() { return false }
            }
        }
        return any
    }

    /// A linear axis over whole-number data labelled at whole numbers only: fractional major ticks (a step
    /// below 1, as for three recordings 1, 2, 3, or a single recording 1) are dropped, unless none would remain.
    static func wholeNumberTicks(_ ticks: AxisTicks) -> AxisTicks {
        let whole = ticks.major.filter { $0.value == $0.value.rounded() }
        guard whole.count < ticks.major.count, !whole.isEmpty else { return ticks }
        return AxisTicks(lower: ticks.lower, upper: ticks.upper, major: whole, minor: ticks.minor)
    }

    /// Fraction of the data span added on each side of an automatic axis.
    static let autoPadding = 0.04

    static func categoricalTicks(_ names: [String], reversed: Bool) -> AxisTicks {
        let n = names.count
        let major = names.enumerated().map { index, name in
            AxisTick(value: Double(reversed ? n - 1 - index : index), label: name)
        }
        return AxisTicks(lower: -0.5, upper: Double(n) - 0.5, major: major.sorted { $0.value < $1.value }, minor: [])
    }

    static func tickLabelWidth(_ tick: AxisTick) -> Double {
        if let k = tick.decadeExponent {
            return SVGDocument.estimatedWidth("10", sizePixels: tickSize)
                + SVGDocument.estimatedWidth(String(abs(k)) + (k < 0 ? "-" : ""), sizePixels: 0.75 * tickSize)
        }
        return SVGDocument.estimatedWidth(tick.label, sizePixels: tickSize)
    }

    /// Category and row labels longer than this many characters are shortened with "…".
    static let maximumCategoryCharacters = 32

    /// Legend labels longer than this many characters are shortened with "…".
    static let maximumLegendCharacters = 48

    static func shortenedLegendLabel(_ text: String) -> String {
        text.count <= maximumLegendCharacters ? text : String(text.prefix(maximumLegendCharacters - 1)) + "…"
    }

    static func shortened(_ text: String) -> String {
        text.count <= maximumCategoryCharacters ? text : String(text.prefix(maximumCategoryCharacters - 1)) + "…"
    }

    func makeLayout(legendReserve: Double?, belowReserve: Double = 0) -> Layout {
        let extent = dataExtent()
        let top = plot.title.isEmpty ? 14.0 : 40.0
        let rightBase = legendReserve.map { $0 + 24 } ?? 18.0
        // X tick label band: rotated category labels need more height.
        var rotates = false
        var xTickBand = 8 + Self.tickSize + 6
        if !barCategories.isEmpty {
            let slot = (width - 120 - rightBase) / Double(barCategories.count)
            let widest =
                barCategories.map { SVGDocument.estimatedWidth(Self.shortened($0), sizePixels: Self.tickSize) }
                .max() ?? 0
            if widest > slot - 6 {
                rotates = true
                xTickBand = 10 + widest * 0.574 + Self.tickSize * 0.82
            }
        }
        let bottom = xTickBand + (plot.xLabel.isEmpty ? 6 : 26) + belowReserve
        let plotHeight = max(height - top - bottom, 40)
        let yTicks =
            rowLabels.isEmpty
            ? makeTicks(
                axis: plot.yAxis, data: extent.y, lengthPixels: plotHeight, pixelsPerTick: 50,
                stickyZero: !barCategories.isEmpty)
            : Self.categoricalTicks(rowLabels.map(Self.shortened), reversed: true)
        let yLabelWidth = yTicks.major.map(Self.tickLabelWidth).max() ?? 0
        let left = 10 + (plot.yLabel.isEmpty ? 0 : 22) + yLabelWidth + 9
        var right = rightBase
        var xTicks = AxisTicks(lower: 0, upper: 1, major: [], minor: [])
        for _ in 0..<2 {
            let plotWidth = max(width - left - right, 40)
            xTicks =
                barCategories.isEmpty
                ? makeTicks(axis: plot.xAxis, data: extent.x, lengthPixels: plotWidth, pixelsPerTick: 90)
                : Self.categoricalTicks(barCategories.map(Self.shortened), reversed: false)
            if barCategories.isEmpty && plot.xAxis.scale == .linear && xDataAreWholeNumbers() {
                xTicks = Self.wholeNumberTicks(xTicks)
            }
            // The last x label is centred on the right edge: keep half of it on the canvas.
            guard !rotates, legendReserve == nil, let last = xTicks.major.last,
                abs(last.value - xTicks.upper) <= 1e-9 * max(1, abs(xTicks.upper))
            else { break }
            let needed = Self.tickLabelWidth(last) / 2 + 4
            if needed <= right { break }
            right = needed
        }
        let plotRight = width - right
        let plotBottom = height - bottom
        let xLayout = PlotAxisLayout(
            scale: barCategories.isEmpty ? plot.xAxis.scale : .linear, ticks: xTicks, categories: barCategories,
            pixelStart: left, pixelEnd: plotRight)
        let yLayout = PlotAxisLayout(
            scale: rowLabels.isEmpty ? plot.yAxis.scale : .linear, ticks: yTicks, categories: rowLabels,
            pixelStart: plotBottom, pixelEnd: top)
        // Thin x labels that would collide.
        var stride = 1
        if !rotates, xTicks.major.count > 1 {
            let widest = xTicks.major.map(Self.tickLabelWidth).max() ?? 0
            let positions = xTicks.major.compactMap { xLayout.pixel($0.value) }
            var spacing = Double.infinity
            for i in 1..<positions.count { spacing = min(spacing, abs(positions[i] - positions[i - 1])) }
            while Double(stride) * spacing < widest + 8 && stride < xTicks.major.count { stride += 1 }
        }
        return Layout(
            left: left, top: top, right: plotRight, bottom: plotBottom, x: xLayout, y: yLayout,
            rotatesXLabels: rotates, xLabelStride: stride, canvasWidth: width, legendBelowTop: height - belowReserve)
    }

    // MARK: Render

    /// Everything placed before drawing: layout, legend position and size, data primitives, reference labels.
    struct Placement {
        var layout: Layout
        var position: PlotLegendPosition
        var legendSize: (width: Double, height: Double)
        var legendColumns: Int
        var entries: [PlotLegend.Entry]
        var primitives: [PlotPrimitive]
        var labels: [ReferenceLabel]
    }

    func place() -> Placement {
        let entries = legendEntries()
        var legendSize = PlotLegend.size(of: entries)
        var legendColumns = 1
        var position = plot.legendPosition
        if entries.isEmpty { position = .hidden }
        let belowColumns = PlotLegend.columns(of: entries, availableWidth: width - 8)
        let belowSize = PlotLegend.size(of: entries, columns: belowColumns)
        var layout = makeLayout(
            legendReserve: position == .outsideRight ? legendSize.width : nil,
            belowReserve: position == .below ? belowSize.height + 6 : 0)
        var primitives = dataPrimitives(layout)
        if position == .auto {
            let occupied = occupancy(primitives) + referenceLabels(layout, primitives).flatMap(\.samples)
            var best: (PlotLegendPosition, Int)?
            for corner in [PlotLegendPosition.topRight, .topLeft, .bottomLeft, .bottomRight] {
                let box = PlotLegend.origin(corner, size: legendSize, layout: layout)
                let count = occupied.reduce(0) { count, p in
                    count
                        + (p.x >= box.x - 3 && p.x <= box.x + legendSize.width + 3 && p.y >= box.y - 3
                            && p.y <= box.y + legendSize.height + 3 ? 1 : 0)
                }
                if best == nil || count < best!.1 { best = (corner, count) }
            }
            if let best, best.1 == 0 {
                position = best.0
            } else if legendSize.width + 24 <= Self.maximumOutsideLegendFraction * width {
                position = .outsideRight
                layout = makeLayout(legendReserve: legendSize.width)
                primitives = dataPrimitives(layout)
            } else {
                position = .below
                layout = makeLayout(legendReserve: nil, belowReserve: belowSize.height + 6)
                primitives = dataPrimitives(layout)
            }
        }
        if position == .below {
            legendSize = belowSize
            legendColumns = belowColumns
        }
        return Placement(
            layout: layout, position: position, legendSize: legendSize, legendColumns: legendColumns,
            entries: entries, primitives: primitives, labels: referenceLabels(layout, primitives))
    }

    func render(origin: PlotPoint? = nil) -> String {
        let placement = place()
        let (layout, position, legendSize, entries, primitives) = (
            placement.layout, placement.position, placement.legendSize, placement.entries, placement.primitives
        )
        var doc = SVGDocument(widthPixels: width, heightPixels: height)
        let plotWidth = layout.right - layout.left
        let plotHeight = layout.bottom - layout.top
        let clipRect =
            "<rect x=\"\(SVGDocument.px(layout.left))\" y=\"\(SVGDocument.px(layout.top))\""
            + " width=\"\(SVGDocument.px(plotWidth))\" height=\"\(SVGDocument.px(plotHeight))\"/>"
        let clipID =
            "wtk-clip-" + idPrefix
            + Self.fingerprint(plot.title + "|" + plot.xLabel + "|" + plot.yLabel + "|" + clipRect)
        doc.appendDefinition("<clipPath id=\"\(clipID)\">" + clipRect + "</clipPath>\n")
        let barSeriesCount = plot.series.filter { if case .bars = $0.kind { return true } else { return false } }.count
        for hatch in 1..<max(min(barSeriesCount, Self.hatchCount), 1) {
            doc.appendDefinition(Self.hatchPattern(hatch, id: hatchID(hatch)))
        }
        drawTitle(&doc)
        drawAxes(&doc, layout)
        doc.openGroup("clip-path=\"url(#\(clipID))\"")
        for primitive in primitives { primitive.draw(&doc) }
        doc.closeGroup()
        drawReferenceLabels(&doc, placement.labels)
        if position != .hidden {
            let origin = PlotLegend.origin(position, size: legendSize, layout: layout)
            PlotLegend.draw(entries, at: origin, size: legendSize, columns: placement.legendColumns, into: &doc)
        }
        return doc.rendered(title: plot.title.isEmpty ? "Plot" : plot.title, nestedAt: origin)
    }

    /// Number of distinct bar fills: plain, then three white hatchings, cycled by bar-series slot
    /// so grouped bars stay apart in greyscale.
    static let hatchCount = 4

    func hatchID(_ hatch: Int) -> String { "wtk-hatch-" + idPrefix + String(hatch) }

    /// A white line hatching (1: "/", 2: "\\", 3: "×") drawn over a bar's colour.
    static func hatchPattern(_ hatch: Int, id: String) -> String {
        let line = "stroke=\"#ffffff\" stroke-width=\"1.4\" stroke-opacity=\"0.7\""
        let body: String
        switch hatch {
        case 1: body = "<path d=\"M-1 9L9 -1M7 9L9 7M-1 1L1 -1\" \(line)/>"
        case 2: body = "<path d=\"M-1 -1L9 9M7 -1L9 1M-1 7L1 9\" \(line)/>"
        default: body = "<path d=\"M-1 9L9 -1M-1 -1L9 9\" \(line)/>"
        }
        return "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">" + body
            + "</pattern>\n"
    }

    /// 32-bit FNV-1a of `text` in hex: a stable, content-derived id suffix so several plots
    /// inlined in one HTML page do not share a clip-path id.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let digits = Array("0123456789abcdef")
        var out = ""
        for shift in stride(from: 28, through: 0, by: -4) { out.append(digits[Int((hash >> UInt32(shift)) & 0xF)]) }
        return out
    }

    func drawTitle(_ doc: inout SVGDocument) {
        guard !plot.title.isEmpty else { return }
        var size = Self.titleSize
        let available = width - 20
        // Bold glyphs are about 10 % wider than the regular widths the estimate uses.
        let needed = 1.1 * SVGDocument.estimatedWidth(plot.title, sizePixels: size)
        if needed > available { size = max(9, size * available / needed) }
        doc.text(plot.title, x: width / 2, y: 26, sizePixels: size, anchor: "middle", weight: "bold")
    }

    func drawAxes(_ doc: inout SVGDocument, _ layout: Layout) {
        let x = layout.x
        let y = layout.y
        // Grid.
        if plot.showsGrid {
            for value in y.ticks.minor {
                if let p = y.pixel(value) { gridLine(&doc, horizontalAt: p, layout, minor: true) }
            }
            for value in x.ticks.minor {
                if let p = x.pixel(value) { gridLine(&doc, verticalAt: p, layout, minor: true) }
            }
            for tick in y.ticks.major {
                if let p = y.pixel(tick.value) { gridLine(&doc, horizontalAt: p, layout, minor: false) }
            }
            if !x.isCategorical {
                for tick in x.ticks.major {
                    if let p = x.pixel(tick.value) { gridLine(&doc, verticalAt: p, layout, minor: false) }
                }
            }
        }
        // Frame.
        doc.rect(
            x: layout.left, y: layout.top, width: layout.right - layout.left, height: layout.bottom - layout.top,
            fill: "none", extra: " stroke=\"#444444\" stroke-width=\"1\"")
        // X ticks and labels.
        for value in x.ticks.minor {
            if let p = x.pixel(value) {
                doc.line(x1: p, y1: layout.bottom, x2: p, y2: layout.bottom + 3, stroke: "#444444", widthPixels: 0.8)
            }
        }
        for (index, tick) in x.ticks.major.enumerated() {
            guard let p = x.pixel(tick.value) else { continue }
            doc.line(x1: p, y1: layout.bottom, x2: p, y2: layout.bottom + 5, stroke: "#444444", widthPixels: 1)
            guard index % layout.xLabelStride == 0 else { continue }
            if layout.rotatesXLabels {
                doc.text(
                    tick.label, x: p + 3, y: layout.bottom + 10 + 0.7 * Self.tickSize, sizePixels: Self.tickSize,
                    anchor: "end", rotationDegrees: -35)
            } else if let k = tick.decadeExponent {
                doc.powerOfTenText(
                    exponent: k, x: p, y: layout.bottom + 8 + Self.tickSize, sizePixels: Self.tickSize, anchor: "middle"
                )
            } else {
                doc.text(
                    tick.label, x: p, y: layout.bottom + 8 + Self.tickSize, sizePixels: Self.tickSize, anchor: "middle")
            }
        }
        // Y ticks and labels.
        for value in y.ticks.minor {
            if let p = y.pixel(value) {
                doc.line(x1: layout.left - 3, y1: p, x2: layout.left, y2: p, stroke: "#444444", widthPixels: 0.8)
            }
        }
        for tick in y.ticks.major {
            guard let p = y.pixel(tick.value) else { continue }
            doc.line(x1: layout.left - 5, y1: p, x2: layout.left, y2: p, stroke: "#444444", widthPixels: 1)
            let baseline = p + 0.35 * Self.tickSize
            if let k = tick.decadeExponent {
                doc.powerOfTenText(
                    exponent: k, x: layout.left - 8, y: baseline, sizePixels: Self.tickSize, anchor: "end")
            } else {
                doc.text(tick.label, x: layout.left - 8, y: baseline, sizePixels: Self.tickSize, anchor: "end")
            }
        }
        // Axis labels.
        if !plot.xLabel.isEmpty {
            doc.text(
                plot.xLabel, x: (layout.left + layout.right) / 2, y: layout.legendBelowTop - 9,
                sizePixels: Self.labelSize, anchor: "middle")
        }
        if !plot.yLabel.isEmpty {
            let cy = (layout.top + layout.bottom) / 2
            doc.text(plot.yLabel, x: 18, y: cy, sizePixels: Self.labelSize, anchor: "middle", rotationDegrees: -90)
        }
    }

    private func gridLine(_ doc: inout SVGDocument, horizontalAt p: Double, _ layout: Layout, minor: Bool) {
        guard p >= layout.top - 0.5 && p <= layout.bottom + 0.5 else { return }
        doc.line(
            x1: layout.left, y1: p, x2: layout.right, y2: p, stroke: minor ? "#f0f0f0" : "#dddddd",
            widthPixels: minor ? 0.8 : 1)
    }

    private func gridLine(_ doc: inout SVGDocument, verticalAt p: Double, _ layout: Layout, minor: Bool) {
        guard p >= layout.left - 0.5 && p <= layout.right + 0.5 else { return }
        doc.line(
            x1: p, y1: layout.top, x2: p, y2: layout.bottom, stroke: minor ? "#f0f0f0" : "#dddddd",
            widthPixels: minor ? 0.8 : 1)
    }

    /// A reference line's text label placed on the canvas.
    struct ReferenceLabel {
        var text: String
        var x: Double
        var baselineY: Double
        var anchor: String
        var color: String

        /// Approximate box covered by the text.
        var box: PlotBox {
            let w = SVGDocument.estimatedWidth(text, sizePixels: PlotRenderer.tickSize)
            let x0 = anchor == "end" ? x - w : x
            return PlotBox(x: x0, y: baselineY - PlotRenderer.tickSize, width: w, height: PlotRenderer.tickSize + 2)
        }

        /// The box as sample points, for legend placement.
        var samples: [PlotPoint] {
            let b = box
            return PlotPrimitive.rect(x: b.x, y: b.y, width: b.width, height: b.height, color: "", opacity: 1)
                .samples(spacing: 4)
        }
    }

    /// Labels of the reference lines, each at the first candidate place along its line whose text box
    /// covers no data sample (nor an earlier label); the first candidate when none is free.
    ///
    ///     horizontal line: above it at the left, right, centre; then below it at the same places
    ///     vertical line:   beside it (right, then left) at the top, bottom, middle of the plot area
    func referenceLabels(_ layout: Layout, _ primitives: [PlotPrimitive]) -> [ReferenceLabel] {
        var occupied = occupancy(primitives)
        var labels: [ReferenceLabel] = []
        for (index, series) in plot.series.enumerated() {
            guard case .referenceLine(let orientation, let value) = series.kind, !series.label.isEmpty else { continue }
            let color = styles[index].color.hex
            var candidates: [ReferenceLabel] = []
            switch orientation {
            case .vertical:
                guard let p = layout.x.pixel(value), p >= layout.left, p <= layout.right else { continue }
                let nearRight = p > layout.right - 0.3 * (layout.right - layout.left)
                let sides: [(Double, String)] =
                    nearRight ? [(p - 4, "end"), (p + 4, "start")] : [(p + 4, "start"), (p - 4, "end")]
                let middle = (layout.top + layout.bottom) / 2
                for baseline in [layout.top + 14, layout.bottom - 6, middle] {
                    for (x, anchor) in sides {
                        candidates.append(
                            ReferenceLabel(text: series.label, x: x, baselineY: baseline, anchor: anchor, color: color))
                    }
                }
            case .horizontal:
                guard let p = layout.y.pixel(value), p >= layout.top, p <= layout.bottom else { continue }
                let nearTop = p < layout.top + 18
                let above = nearTop ? p + 4 + Self.tickSize : p - 4
                let below = nearTop ? p - 4 : p + 4 + Self.tickSize
                let textWidth = SVGDocument.estimatedWidth(series.label, sizePixels: Self.tickSize)
                let centre = (layout.left + layout.right - textWidth) / 2
                for baseline in [above, below]
                where baseline - Self.tickSize >= layout.top && baseline <= layout.bottom {
                    candidates.append(
                        ReferenceLabel(
                            text: series.label, x: layout.left + 6, baselineY: baseline, anchor: "start", color: color))
                    candidates.append(
                        ReferenceLabel(
                            text: series.label, x: layout.right - 6, baselineY: baseline, anchor: "end", color: color))
                    candidates.append(
                        ReferenceLabel(
                            text: series.label, x: centre, baselineY: baseline, anchor: "start", color: color))
                }
                if candidates.isEmpty {
                    candidates.append(
                        ReferenceLabel(
                            text: series.label, x: layout.left + 6, baselineY: above, anchor: "start", color: color))
                }
            }
            let chosen =
                candidates.first { label in
                    let box = label.box
                    return !occupied.contains { box.contains($0, margin: 1) }
                } ?? candidates[0]
            labels.append(chosen)
            occupied += chosen.samples
        }
        return labels
    }

    func drawReferenceLabels(_ doc: inout SVGDocument, _ labels: [ReferenceLabel]) {
        for label in labels {
            doc.text(
                label.text, x: label.x, y: label.baselineY, sizePixels: Self.tickSize, anchor: label.anchor,
                fill: label.color)
        }
    }

    // MARK: Legend entries

    func legendEntries() -> [PlotLegend.Entry] {
        var entries: [PlotLegend.Entry] = []
        for (index, series) in plot.series.enumerated() where !series.label.isEmpty {
            let symbol: PlotLegend.Symbol
            switch series.kind {
            case .line: symbol = .line
            case .step: symbol = .line
            case .scatter: symbol = .marker
            case .lineMarkers: symbol = .lineMarker
            case .errorBars: symbol = .errorBar
            case .band: symbol = .band
            case .bars: symbol = .bar
            case .intervals: symbol = .interval
            case .referenceLine: continue
            }
            var hatchFill: String?
            if case .bars = series.kind {
                let slot = plot.series[..<index].filter {
                    if case .bars = $0.kind { return true } else { return false }
                }.count
                if slot % Self.hatchCount != 0 { hatchFill = "url(#\(hatchID(slot % Self.hatchCount)))" }
            }
            entries.append(
                PlotLegend.Entry(
                    label: Self.shortenedLegendLabel(series.label), style: styles[index], symbol: symbol,
                    hatchFill: hatchFill))
        }
        return entries
    }
}
