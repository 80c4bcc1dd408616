/// How data values map to positions along an axis.
public enum PlotScale: String, Sendable, Equatable, Hashable, Codable {
    /// position ∝ value.
    case linear
    /// position ∝ log10(value); only positive values are drawn, others are skipped.
    case log10
}

/// One axis of a `Plot`: its scale and, optionally, an explicit range.
///
/// Without an explicit range the axis covers the finite data (positive data on a log axis),
/// widened to the enclosing "nice" ticks (linear) or whole decades (log). With an explicit
/// range the axis shows exactly `lower...upper`; data outside it is clipped.
public struct PlotAxis: Sendable, Equatable, Hashable, Codable {
    /// Linear or log10.
    public var scale: PlotScale
    /// Explicit lower bound [data unit], or `nil` for automatic.
    public private(set) var lower: Double?
    /// Explicit upper bound [data unit], or `nil` for automatic.
    public private(set) var upper: Double?

    /// An automatic linear axis.
    public static let linear = PlotAxis(scale: .linear)
    /// An automatic log10 axis.
    public static let log10 = PlotAxis(scale: .log10)

    /// An axis with automatic range.
    public init(scale: PlotScale) {
        self.scale = scale
        self.lower = nil
        self.upper = nil
    }

    /// An axis with the explicit range `lower...upper`.
    ///
    /// - Parameters:
    ///   - scale: Linear or log10.
    ///   - lower: Lower bound [data unit], finite, < `upper`; > 0 on a log axis.
    ///   - upper: Upper bound [data unit], finite.
    /// - Throws: `PlotError.invalidRange` otherwise.
    public init(scale: PlotScale, lower: Double, upper: Double) throws {
        guard lower.isFinite, upper.isFinite else {
            throw PlotError.invalidRange(name: "axis", lower: lower, upper: upper, reason: "bounds must be finite")
        }
        guard lower < upper else {
            throw PlotError.invalidRange(name: "axis", lower: lower, upper: upper, reason: "lower must be < upper")
        }
        if scale == .log10 && lower <= 0 {
            throw PlotError.invalidRange(
                name: "axis", lower: lower, upper: upper, reason: "a log10 axis needs lower > 0")
        }
        self.scale = scale
        self.lower = lower
        self.upper = upper
    }

    /// The explicit range if it is usable (guards against hand-edited decoded values).
    var validExplicitRange: (lower: Double, upper: Double)? {
        guard let lower, let upper, lower.isFinite, upper.isFinite, lower < upper else { return nil }
        if scale == .log10 && lower <= 0 { return nil }
        return (lower, upper)
    }
}
