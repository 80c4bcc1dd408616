/// Placement of a plot's legend.
public enum PlotLegendPosition: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// An inside corner that covers no data point or label; else outside right, or below when long.
    case auto
    case topRight
    case topLeft
    case bottomLeft
    case bottomRight
    /// To the right of the plot area (the plot area shrinks to make room).
    case outsideRight
    /// Below the plot area, under the x-axis label, in as many columns as fit the canvas width (the plot area
    /// gets shorter). `.auto` chooses it when no inside corner is free and an outside-right legend would
    /// take more than `PlotRenderer.maximumOutsideLegendFraction` of the width.
    case below
    /// No legend.
    case hidden
}
