extension PlotRenderer {
    /// Drawing order layer: bands, then bars, then reference lines, then the rest, each in series order.
    private func layer(of kind: PlotSeries.Kind) -> Int {
        switch kind {
        case .band: return 0
        case .bars: return 1
        case .referenceLine: return 2
        default: return 3
        }
    }

    /// All data primitives of the plot for `layout`, in drawing order.
    func dataPrimitives(_ layout: Layout) -> [PlotPrimitive] {
        let pad = 20.0
        let box = (
            left: layout.left - pad, top: layout.top - pad, right: layout.right + pad, bottom: layout.bottom + pad
        )
        let barSeries = plot.series.indices.filter {
            if case .bars = plot.series[$0].kind { return true } else { return false }
        }
        let intervalSeries = plot.series.indices.filter {
            if case .intervals = plot.series[$0].kind { return true } else { return false }
        }
        let order = plot.series.indices.sorted { a, b in
            let (la, lb) = (layer(of: plot.series[a].kind), layer(of: plot.series[b].kind))
            return la != lb ? la < lb : a < b
        }
        var out: [PlotPrimitive] = []
        for index in order {
            let series = plot.series[index]
            let style = styles[index]
            let color = style.color.hex
            func point(_ x: Double, _ y: Double) -> PlotPoint? {
                guard let px = layout.x.pixel(x), let py = layout.y.pixel(y) else { return nil }
                return (px, py)
            }
            func inside(_ p: PlotPoint) -> Bool {
                p.x >= box.left && p.x <= box.right && p.y >= box.top && p.y <= box.bottom
            }
            func addLine(_ points: [PlotPoint?]) {
                for run in PlotPrimitive.clippedRuns(points, box: box) {
                    out.append(
                        .polyline(
                            PlotPrimitive.decimated(run, tolerancePixels: 0.3), color: color,
                            widthPixels: style.lineWidthPixels, dashArray: style.dashArray,
                            lineCap: style.lineStyle.lineCap))
                }
            }
            // A marker landing within half a pixel of an earlier marker of the same series adds
            // nothing visible; skipping it keeps dense scatters (10⁴–10⁵ points) small.
            var drawnMarkers = Set<Int64>()
            func addMarkers(_ points: [PlotPoint?]) {
                for case let p? in points where inside(p) {
                    let key = Int64((2 * p.x).rounded()) &* 1_000_003 &+ Int64((2 * p.y).rounded())
                    guard drawnMarkers.insert(key).inserted else { continue }
                    out.append(.marker(style.marker, p, radiusPixels: Self.markerRadius, color: color))
                }
            }
            func addSegment(_ a: PlotPoint, _ b: PlotPoint, width: Double) {
                if let (s, e, _, _) = PlotPrimitive.clip(a, b, box: box) {
                    out.append(.polyline([s, e], color: color, widthPixels: width, dashArray: nil, lineCap: "butt"))
                }
            }
            switch series.kind {
            case .line(let x, let y):
                addLine(zip(x, y).map { point($0, $1) })
            case .scatter(let x, let y):
                addMarkers(zip(x, y).map { point($0, $1) })
            case .lineMarkers(let x, let y):
                let points = zip(x, y).map { point($0, $1) }
                addLine(points)
                addMarkers(points)
            case .step(let x, let y):
                var points: [PlotPoint?] = []
                for i in x.indices {
                    points.append(point(x[i], y[i]))
                    if i + 1 < x.count {
                        let corner = point(x[i + 1], y[i])
                        // Break the step where the next point is undrawable.
                        points.append(point(x[i + 1], y[i + 1]) == nil ? nil : corner)
                    }
                }
                addLine(points)
            case .errorBars(let x, let y, let lower, let upper):
                let cap = 4.0
                for i in x.indices {
                    if let a = point(x[i], lower[i]), let b = point(x[i], upper[i]) {
                        addSegment(a, b, width: 1.2)
                        addSegment((a.x - cap, a.y), (a.x + cap, a.y), width: 1.2)
                        addSegment((b.x - cap, b.y), (b.x + cap, b.y), width: 1.2)
                    }
                }
                addMarkers(zip(x, y).map { point($0, $1) })
            case .band(let x, let lower, let upper):
                var run: [(PlotPoint, PlotPoint)] = []
                func flushBand() {
                    if run.count >= 2 {
                        let polygon = run.map { clampY($0.0, box) } + run.reversed().map { clampY($0.1, box) }
                        out.append(.polygon(polygon, color: color, opacity: Self.bandOpacity))
                    }
                    run = []
                }
                for i in x.indices {
                    if let top = point(x[i], upper[i]), let bottom = point(x[i], lower[i]) {
                        run.append((top, bottom))
                    } else {
                        flushBand()
                    }
                }
                flushBand()
            case .bars(let categories, let values):
                let groupCount = max(barSeries.count, 1)
                let slot = barSeries.firstIndex(of: index) ?? 0
                let barWidth = 0.8 / Double(groupCount)
                let baselineValue: Double =
                    layout.y.scale == .log10 ? layout.y.lower : min(max(0, layout.y.lower), layout.y.upper)
                guard let baseline = layout.y.pixel(baselineValue) else { break }
                for (name, value) in zip(categories, values) {
                    guard let c = barIndex[name], let top = layout.y.pixel(value) else { continue }
                    let x0 = Double(c) - 0.4 + Double(slot) * barWidth
                    guard let left = layout.x.pixel(x0), let right = layout.x.pixel(x0 + barWidth) else { continue }
                    let yTop = min(max(min(top, baseline), box.top), box.bottom)
                    let yBottom = min(max(max(top, baseline), box.top), box.bottom)
                    let barRect = (x: left + 0.5, y: yTop, width: max(right - left - 1, 0.5), height: yBottom - yTop)
                    out.append(
                        .rect(
                            x: barRect.x, y: barRect.y, width: barRect.width, height: barRect.height, color: color,
                            opacity: 0.9))
                    if slot % Self.hatchCount != 0 {
                        out.append(
                            .rect(
                                x: barRect.x, y: barRect.y, width: barRect.width, height: barRect.height,
                                color: "url(#\(hatchID(slot % Self.hatchCount)))", opacity: 1))
                    }
                }
            case .intervals(let rows, let estimates, let lower, let upper):
                let groupCount = max(intervalSeries.count, 1)
                let slot = intervalSeries.firstIndex(of: index) ?? 0
                let spacing = 0.6 / Double(groupCount)
                let offset = (Double(slot) - Double(groupCount - 1) / 2) * spacing
                let cap = 4.0
                for i in rows.indices {
                    guard let r = rowIndex[rows[i]] else { continue }
                    let rowValue = Double(rowLabels.count - 1 - r) - offset
                    guard let py = layout.y.pixel(rowValue) else { continue }
                    if let a = layout.x.pixel(lower[i]), let b = layout.x.pixel(upper[i]) {
                        addSegment((a, py), (b, py), width: 1.6)
                        addSegment((a, py - cap), (a, py + cap), width: 1.6)
                        addSegment((b, py - cap), (b, py + cap), width: 1.6)
                    }
                    if let px = layout.x.pixel(estimates[i]) {
                        addMarkers([(px, py)])
                    }
                }
            case .referenceLine(let orientation, let value):
                switch orientation {
                case .vertical:
                    if let p = layout.x.pixel(value) { addLine([(p, layout.top), (p, layout.bottom)]) }
                case .horizontal:
                    if let p = layout.y.pixel(value) { addLine([(layout.left, p), (layout.right, p)]) }
                }
            }
        }
        return out
    }

    private func clampY(_ p: PlotPoint, _ box: (left: Double, top: Double, right: Double, bottom: Double)) -> PlotPoint
    {
        (min(max(p.x, box.left), box.right), min(max(p.y, box.top), box.bottom))
    }

    /// Canvas points covered by data, for choosing the legend corner. Sampled every 4 px on
    /// ordinary canvases; the spacing grows with the canvas (1/200 of width + height) so huge
    /// canvases stay cheap while still resolving the ~100 px legend box.
    func occupancy(_ primitives: [PlotPrimitive]) -> [PlotPoint] {
        let spacing = max(4, (width + height) / 200)
        return primitives.flatMap { $0.samples(spacing: spacing) }
    }
}
