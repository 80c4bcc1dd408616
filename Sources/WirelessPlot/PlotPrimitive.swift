/// A point on the canvas [px] (internal).
typealias PlotPoint = (x: Double, y: Double)

/// One drawable element of a series in pixel space (internal). Built once per layout; drawn into
/// the SVG and sampled to find where the legend would cover data.
enum PlotPrimitive {
    case polyline([PlotPoint], color: String, widthPixels: Double, dashArray: String?, lineCap: String)
    case polygon([PlotPoint], color: String, opacity: Double)
    case rect(x: Double, y: Double, width: Double, height: Double, color: String, opacity: Double)
    case marker(PlotMarker, PlotPoint, radiusPixels: Double, color: String)

    func draw(_ doc: inout SVGDocument) {
        switch self {
        case .polyline(let points, let color, let width, let dash, let cap):
            doc.polyline(points, stroke: color, widthPixels: width, dashArray: dash, lineCap: cap)
        case .polygon(let points, let color, let opacity):
            doc.polygon(points, fill: color, fillOpacity: opacity)
        case .rect(let x, let y, let w, let h, let color, let opacity):
            doc.rect(
                x: x, y: y, width: w, height: h, fill: color,
                extra: opacity < 1 ? " fill-opacity=\"\(SVGDocument.format(opacity, decimals: 3))\"" : "")
        case .marker(let shape, let p, let r, let color):
            doc.marker(shape, x: p.x, y: p.y, radiusPixels: r, color: color)
        }
    }

    /// Sample points covering this element, about every `spacing` px (for legend placement).
    func samples(spacing: Double) -> [PlotPoint] {
        switch self {
        case .polyline(let points, _, _, _, _):
            var out: [PlotPoint] = []
            for i in 0..<max(points.count - 1, 0) {
                let a = points[i]
                let b = points[i + 1]
                let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
                let steps = min(Int(length / spacing) + 1, 10_000)
                for s in 0..<steps {
                    let t = Double(s) / Double(steps)
                    out.append((a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)))
                }
            }
            if let last = points.last { out.append(last) }
            return out
        case .polygon(let points, _, _):
            guard let first = points.first else { return [] }
            var out = PlotPrimitive.polyline(points + [first], color: "", widthPixels: 1, dashArray: nil, lineCap: "")
                .samples(spacing: spacing)
            let xs = points.map(\.x)
            let ys = points.map(\.y)
            let (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
            var y = y0
            while y <= y1 {
                var x = x0
                while x <= x1 {
                    if Self.contains(points, (x, y)) { out.append((x, y)) }
                    x += 2 * spacing
                }
                y += 2 * spacing
            }
            return out
        case .rect(let x, let y, let w, let h, _, _):
            var out: [PlotPoint] = []
            var yy = y
            while yy <= y + h + 1e-9 {
                var xx = x
                while xx <= x + w + 1e-9 {
                    out.append((xx, yy))
                    xx += min(spacing, max(w, 1))
                }
                out.append((x + w, yy))
                yy += min(spacing, max(h, 1))
            }
            out.append((x + w, y + h))
            return out
        case .marker(_, let p, let r, _):
            return [p, (p.x - r, p.y - r), (p.x + r, p.y + r), (p.x - r, p.y + r), (p.x + r, p.y - r)]
        }
    }

    /// Even–odd point-in-polygon test.
    static func contains(_ polygon: [PlotPoint], _ p: PlotPoint) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let a = polygon[i]
            let b = polygon[j]
            if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    /// Liang–Barsky clipping of segment a→b to the box; `nil` if it misses the box.
    /// Returns the clipped ends and whether each end was moved.
    static func clip(
        _ a: PlotPoint, _ b: PlotPoint, box: (left: Double, top: Double, right: Double, bottom: Double)
    ) -> (PlotPoint, PlotPoint, startMoved: Bool, endMoved: Bool)? {
        var t0 = 0.0
        var t1 = 1.0
        let dx = b.x - a.x
        let dy = b.y - a.y
        for (p, q) in [(-dx, a.x - box.left), (dx, box.right - a.x), (-dy, a.y - box.top), (dy, box.bottom - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let r = q / p
            if p < 0 {
                if r > t1 { return nil }
                if r > t0 { t0 = r }
            } else {
                if r < t0 { return nil }
                if r < t1 { t1 = r }
            }
        }
        let start = t0 > 0 ? (a.x + t0 * dx, a.y + t0 * dy) : a
        let end = t1 < 1 ? (a.x + t1 * dx, a.y + t1 * dy) : b
        return (start, end, t0 > 0, t1 < 1)
    }

    /// Drops vertices closer than `tolerancePixels` [px] to the last kept vertex (the last vertex
    /// is always kept): dense lines (10⁵ points over a few hundred px) shrink to about one
    /// vertex per pixel of travel, with a visible error ≤ the tolerance.
    static func decimated(_ run: [PlotPoint], tolerancePixels: Double) -> [PlotPoint] {
        guard run.count > 2 else { return run }
        var kept: [PlotPoint] = [run[0]]
        let limit = tolerancePixels * tolerancePixels
        for p in run.dropFirst().dropLast() {
            let last = kept[kept.count - 1]
            if (p.x - last.x) * (p.x - last.x) + (p.y - last.y) * (p.y - last.y) >= limit { kept.append(p) }
        }
        kept.append(run[run.count - 1])
        return kept
    }

    /// Splits a polyline with gaps (`nil` = undrawable point) into runs clipped to `box`.
    static func clippedRuns(
        _ points: [PlotPoint?], box: (left: Double, top: Double, right: Double, bottom: Double)
    ) -> [[PlotPoint]] {
        var runs: [[PlotPoint]] = []
        var current: [PlotPoint] = []
        func flush() {
            if current.count >= 2 { runs.append(current) }
            current = []
        }
        guard points.count >= 2 else { return [] }
        for i in 0..<(points.count - 1) {
            guard let a = points[i], let b = points[i + 1],
                let (start, end, startMoved, endMoved) = clip(a, b, box: box)
            else {
                flush()
                continue
            }
            if current.isEmpty || startMoved {
                flush()
                current = [start]
            }
            current.append(end)
            if endMoved { flush() }
        }
        flush()
        return runs
    }
}
