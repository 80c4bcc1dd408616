/// An axis-aligned box on the canvas [px] (internal): top-left corner and size.
struct PlotBox: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    /// Whether `point` lies inside the box grown by `margin` [px] on every side.
    func contains(_ point: PlotPoint, margin: Double = 0) -> Bool {
        point.x >= x - margin && point.x <= x + width + margin && point.y >= y - margin
            && point.y <= y + height + margin
    }

    /// Whether the two boxes share an area wider and taller than `tolerance` [px].
    func overlaps(_ other: PlotBox, tolerance: Double = 0.5) -> Bool {
        min(x + width, other.x + other.width) - max(x, other.x) > tolerance
            && min(y + height, other.y + other.height) - max(y, other.y) > tolerance
    }
}

extension Plot {
    /// Problems of the rendered layout, in words (empty when the figure is clean): two text boxes
    /// (title, axis labels, tick labels, legend, reference-line labels) that overlap, a legend or
    /// reference label that covers data, or a text outside the canvas.
    ///
    /// Text boxes are estimated from the renderer's glyph widths (`SVGDocument.estimatedWidth`), the same
    /// estimate the layout itself uses; rotated category labels are not checked.
    public func layoutProblems() -> [String] {
        PlotRenderer(plot: self).layoutProblems()
    }
}

extension PlotRenderer {
    /// A named text box of the placed figure.
    struct TextBox {
        var name: String
        var box: PlotBox
        /// Legends and reference labels sit inside (or next to) the data and must not cover it.
        var mustAvoidData: Bool
    }

    /// A tick label's box: `width` wide, 0.8 of the tick font high, its top edge at `y`; it may sit over data.
    static func tickLabel(_ name: String, x: Double, y: Double, width: Double) -> TextBox {
        TextBox(name: name, box: PlotBox(x: x, y: y, width: width, height: 0.8 * tickSize), mustAvoidData: false)
    }

    /// The text boxes of `placement`, as drawn by `render`.
    func textBoxes(_ placement: Placement) -> [TextBox] {
        let layout = placement.layout
        var boxes: [TextBox] = []
        if !plot.title.isEmpty {
            var size = Self.titleSize
            let needed = 1.1 * SVGDocument.estimatedWidth(plot.title, sizePixels: size)
            if needed > width - 20 { size = max(9, size * (width - 20) / needed) }
            let w = 1.1 * SVGDocument.estimatedWidth(plot.title, sizePixels: size)
            boxes.append(
                TextBox(
                    name: "title", box: PlotBox(x: width / 2 - w / 2, y: 26 - 0.8 * size, width: w, height: size),
                    mustAvoidData: false))
        }
        if !layout.rotatesXLabels {
            for (index, tick) in layout.x.ticks.major.enumerated() where index % layout.xLabelStride == 0 {
                guard let p = layout.x.pixel(tick.value) else { continue }
                let w = Self.tickLabelWidth(tick)
                boxes.append(
                    Self.tickLabel(
                        "x tick '\(tick.label)'", x: p - w / 2, y: layout.bottom + 8 + 0.2 * Self.tickSize, width: w))
            }
        }
        for tick in layout.y.ticks.major {
            guard let p = layout.y.pixel(tick.value) else { continue }
            let w = Self.tickLabelWidth(tick)
            boxes.append(
                Self.tickLabel(
                    "y tick '\(tick.label)'", x: layout.left - 8 - w, y: p + 0.35 * Self.tickSize - 0.8 * Self.tickSize,
                    width: w))
        }
        if !plot.xLabel.isEmpty {
            let w = SVGDocument.estimatedWidth(plot.xLabel, sizePixels: Self.labelSize)
            boxes.append(
                TextBox(
                    name: "x label",
                    box: PlotBox(
                        x: (layout.left + layout.right) / 2 - w / 2,
                        y: layout.legendBelowTop - 9 - 0.8 * Self.labelSize,
                        width: w, height: Self.labelSize), mustAvoidData: false))
        }
        if !plot.yLabel.isEmpty {
            let w = SVGDocument.estimatedWidth(plot.yLabel, sizePixels: Self.labelSize)
            let cy = (layout.top + layout.bottom) / 2
            boxes.append(
                TextBox(
                    name: "y label",
                    box: PlotBox(x: 18 - 0.8 * Self.labelSize, y: cy - w / 2, width: Self.labelSize, height: w),
                    mustAvoidData: false))
        }
        for label in placement.labels {
            boxes.append(TextBox(name: "reference label '\(label.text)'", box: label.box, mustAvoidData: true))
        }
        if placement.position != .hidden {
            let origin = PlotLegend.origin(placement.position, size: placement.legendSize, layout: layout)
            boxes.append(
                TextBox(
                    name: "legend",
                    box: PlotBox(
                        x: origin.x, y: origin.y, width: placement.legendSize.width,
                        height: placement.legendSize.height), mustAvoidData: true))
        }
        return boxes
    }

    func layoutProblems() -> [String] {
        let placement = place()
        let boxes = textBoxes(placement)
        var problems: [String] = []
        let canvas = PlotBox(x: 0, y: 0, width: width, height: height)
        for (i, a) in boxes.enumerated() {
            let b = a.box
            if b.x < canvas.x - 0.5 || b.y < canvas.y - 0.5 || b.x + b.width > width + 0.5
                || b.y + b.height > height + 0.5
            {
                problems.append("\(a.name) extends beyond the \(Int(width)) × \(Int(height)) px canvas")
            }
            for other in boxes[(i + 1)...] where a.box.overlaps(other.box) {
                problems.append("\(a.name) overlaps \(other.name)")
            }
        }
        let samples = occupancy(placement.primitives)
        for text in boxes where text.mustAvoidData {
            // The reference line a label belongs to passes next to it: 1 px of slack, as in placement.
            let covered = samples.filter { text.box.contains($0, margin: -1) }.count
            if covered > 0 { problems.append("\(text.name) covers \(covered) data sample(s)") }
        }
        return problems
    }
}
