/// Orientation of a reference line.
public enum PlotReferenceOrientation: String, Sendable, Equatable, Hashable, Codable {
    /// A vertical line at x = value.
    case vertical
    /// A horizontal line at y = value.
    case horizontal
}

/// One data series of a `Plot`: what is drawn (`kind`), its legend `label` and its style.
///
/// Build series with the static factories (`line`, `scatter`, `lineMarkers`, `errorBars`,
/// `band`, `step`, `bars`, `intervals`, `referenceLine`); they check that parallel arrays have
/// equal lengths.
///
/// Non-finite values (NaN, ±∞), and non-positive values on a log axis, are skipped when
/// drawing: a line or band is broken at such a point, a marker/bar/interval is omitted. They
/// never fail or crash rendering and do not affect automatic axis ranges.
public struct PlotSeries: Sendable, Equatable, Codable {
    /// What a series draws. Coordinates are in data units of the plot's axes.
    public enum Kind: Sendable, Equatable, Codable {
        /// Connected line through (x[i], y[i]) in the given order.
        case line(x: [Double], y: [Double])
        /// Markers at (x[i], y[i]).
        case scatter(x: [Double], y: [Double])
        /// Line with a marker at every point.
        case lineMarkers(x: [Double], y: [Double])
        /// Marker at (x[i], y[i]) with a vertical bar from lower[i] to upper[i] (absolute values,
        /// not offsets).
        case errorBars(x: [Double], y: [Double], lower: [Double], upper: [Double])
        /// Translucent area between lower[i] and upper[i] along x.
        case band(x: [Double], lower: [Double], upper: [Double])
        /// Post-step line (ECDF style): y[i] holds on [x[i], x[i+1]), then jumps.
        case step(x: [Double], y: [Double])
        /// Bars of height values[i] over categorical x positions; several bar series are grouped
        /// side by side per category.
        case bars(categories: [String], values: [Double])
        /// Forest plot: per labelled row (top to bottom) a marker at estimates[i] with a
        /// horizontal interval lower[i]...upper[i]; the y axis becomes categorical.
        case intervals(rows: [String], estimates: [Double], lower: [Double], upper: [Double])
        /// A full-width or full-height line at `value`, labelled on the plot (not in the legend).
        case referenceLine(orientation: PlotReferenceOrientation, value: Double)
    }

    /// Legend text (reference lines: text drawn beside the line); empty → no legend entry.
    public var label: String
    /// The data and how it is drawn.
    public var kind: Kind
    /// Style overrides; `nil` fields come from `PlotPalette` by series index.
    public var style: PlotSeriesStyle

    /// A series; prefer the static factories, which name the arrays.
    /// - Throws: `PlotError.lengthMismatch` when parallel arrays differ in length.
    public init(label: String, kind: Kind, style: PlotSeriesStyle = PlotSeriesStyle()) throws {
        self.label = label
        self.kind = kind
        self.style = style
        try validate()
    }

    /// Memberwise, for kinds that cannot mismatch.
    private init(validatedLabel label: String, kind: Kind, style: PlotSeriesStyle) {
        self.label = label
        self.kind = kind
        self.style = style
    }

    // MARK: Factories

    /// A line through (x[i], y[i]). - Throws: `PlotError.lengthMismatch`.
    public static func line(
        _ label: String, x: [Double], y: [Double], style: PlotSeriesStyle = PlotSeriesStyle()
    ) throws -> PlotSeries {
        try PlotSeries(label: label, kind: .line(x: x, y: y), style: style)
    }

    /// Markers at (x[i], y[i]). - Throws: `PlotError.lengthMismatch`.
    public static func scatter(
        _ label: String, x: [Double], y: [Double], style: PlotSeriesStyle = PlotSeriesStyle()
    ) throws -> PlotSeries {
        try PlotSeries(label: label, kind: .scatter(x: x, y: y), style: style)
    }

    /// A line with markers. - Throws: `PlotError.lengthMismatch`.
    public static func lineMarkers(
        _ label: String, x: [Double], y: [Double], style: PlotSeriesStyle = PlotSeriesStyle()
    ) throws -> PlotSeries {
        try PlotSeries(label: label, kind: .lineMarkers(x: x, y: y), style: style)
    }

    /// Points with vertical error bars from `lower[i]` to `upper[i]` (absolute values).
    /// - Throws: `PlotError.lengthMismatch`.
    public static func errorBars(
        _ label: String, x: [Double], y: [Double], lower: [Double], upper: [Double],
        style: PlotSeriesStyle = PlotSeriesStyle()
    ) throws -> PlotSeries {
        try PlotSeries(label: label, kind: .errorBars(x: x, y: y, lower: lower, upper: upper), style: style)
    }

    /// A translucent band between `lower[i]` and `upper[i]` (e.g. a confidence band).
    /// - Throws: `PlotError.lengthMismatch`.
    public static func band(
        _ label: String, x: [Double], lower: [Double], upper: [Double], style: PlotSeriesStyle = PlotSeriesStyle()
    ) throws -> PlotSeries {
        try PlotSeries(label: label, kind: .band(x: x, lower: lower, upper: upper), style: style)
    }

    /// A post-step line; x ascending (e.g. an ECDF: x sorted samples, y = (i+1)/n).
    /// - Throws: `PlotError.lengthMismatch`.
    public static func step(
        _ label: String, x: [Double], y: [Double], style: PlotSeriesStyle = PlotSeriesStyle()
    ) throws -> PlotSeries {
        try PlotSeries(label: label, kind: .step(x: x, y: y), style: style)
    }

    /// The empirical CDF of `samples` as a post-step line (non-finite samples are dropped):
    ///
    ///     F̂(x) = #{i : sample_i ≤ x} / n,   n = number of finite samples
    ///
    /// drawn through (x₍₁₎, 0), (x₍₁₎, 1/n), (x₍₂₎, 2/n), …, (x₍ₙ₎, 1) with x₍ₖ₎ the sorted samples.
    /// An empty sample gives an empty series. Never throws.
    public static func empiricalCDF(
        _ label: String, samples: [Double], style: PlotSeriesStyle = PlotSeriesStyle()
    ) -> PlotSeries {
        let sorted = samples.filter(\.isFinite).sorted()
        guard let first = sorted.first else {
            return PlotSeries(validatedLabel: label, kind: .step(x: [], y: []), style: style)
        }
        let n = Double(sorted.count)
        let x = [first] + sorted
        let y = [0] + sorted.indices.map { Double($0 + 1) / n }
        return PlotSeries(validatedLabel: label, kind: .step(x: x, y: y), style: style)
    }

    /// Categorical bars; series with bars share the category axis (categories in order of first
    /// appearance across series). - Throws: `PlotError.lengthMismatch`.
    public static func bars(
        _ label: String, categories: [String], values: [Double], style: PlotSeriesStyle = PlotSeriesStyle()
    ) throws -> PlotSeries {
        try PlotSeries(label: label, kind: .bars(categories: categories, values: values), style: style)
    }

    /// Forest-plot rows: estimate with horizontal interval per labelled row, first row on top.
    /// - Throws: `PlotError.lengthMismatch`.
    public static func intervals(
        _ label: String, rows: [String], estimates: [Double], lower: [Double], upper: [Double],
        style: PlotSeriesStyle = PlotSeriesStyle()
    ) throws -> PlotSeries {
        try PlotSeries(
            label: label, kind: .intervals(rows: rows, estimates: estimates, lower: lower, upper: upper),
            style: style)
    }

    /// A labelled reference line at x = value (vertical) or y = value (horizontal); drawn in
    /// dark grey, dashed, unless `style` says otherwise. Never throws.
    public static func referenceLine(
        _ label: String, _ orientation: PlotReferenceOrientation, at value: Double,
        style: PlotSeriesStyle = PlotSeriesStyle(
            color: PlotColor(rgb: 0x555555), lineStyle: .dashed, lineWidthPixels: 1.2)
    ) -> PlotSeries {
        PlotSeries(validatedLabel: label, kind: .referenceLine(orientation: orientation, value: value), style: style)
    }

    // MARK: Validation

    private func validate() throws {
        func check(_ name: String, _ array: [Double], _ expected: Int) throws {
            if array.count != expected {
                throw PlotError.lengthMismatch(series: label, name: name, expected: expected, actual: array.count)
            }
        }
        switch kind {
        case .line(let x, let y), .scatter(let x, let y), .lineMarkers(let x, let y), .step(let x, let y):
            try check("y", y, x.count)
        case .errorBars(let x, let y, let lower, let upper):
            try check("y", y, x.count)
            try check("lower", lower, x.count)
            try check("upper", upper, x.count)
        case .band(let x, let lower, let upper):
            try check("lower", lower, x.count)
            try check("upper", upper, x.count)
        case .bars(let categories, let values):
            try check("values", values, categories.count)
        case .intervals(let rows, let estimates, let lower, let upper):
            try check("estimates", estimates, rows.count)
            try check("lower", lower, rows.count)
            try check("upper", upper, rows.count)
        case .referenceLine:
            break
        }
    }

    /// Whether this series takes a palette slot (reference lines do not).
    var usesPaletteSlot: Bool {
        if case .referenceLine = kind { return false }
        return true
    }
}
