/// Placement of a plot's legend.
public enum PlotLegendPosition: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// The inside corner covering the fewest data points; outside right if every corner covers some.
    case auto
    case topRight
    case topLeft
    case bottomLeft
    case bottomRight
    /// To the right of the plot area (the plot area shrinks to make room).
    case outsideRight
    /// No legend.
    case hidden
}
