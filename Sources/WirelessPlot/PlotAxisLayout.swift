import Foundation

/// An axis placed on the canvas: data range, ticks and the data → pixel map (internal).
///
///     linear: p = p0 + (v − lower)/(upper − lower)·(p1 − p0)
///     log10:  p = p0 + (log10 v − log10 lower)/(log10 upper − log10 lower)·(p1 − p0)
struct PlotAxisLayout: Sendable {
    let scale: PlotScale
    let ticks: AxisTicks
    /// Category names at positions 0, 1, …; for a row axis the first name is at the top.
    let categories: [String]
    /// Pixel of `ticks.lower` and of `ticks.upper` (y runs upward: start > end).
    let pixelStart: Double
    let pixelEnd: Double

    var lower: Double { ticks.lower }
    var upper: Double { ticks.upper }
    var isCategorical: Bool { !categories.isEmpty }

    /// The pixel of `value`, or `nil` when it cannot be drawn (non-finite; ≤ 0 on a log axis).
    func pixel(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let fraction: Double
        switch scale {
        case .linear:
            fraction = (value - lower) / (upper - lower)
        case .log10:
            guard value > 0 else { return nil }
            fraction =
                (Foundation.log10(value) - Foundation.log10(lower))
                / (Foundation.log10(upper) - Foundation.log10(lower))
        }
        let p = pixelStart + fraction * (pixelEnd - pixelStart)
        return p.isFinite ? p : nil
    }

    /// Whether `value` is drawable on this axis at all.
    func accepts(_ value: Double) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }
}
