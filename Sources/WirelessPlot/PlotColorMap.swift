/// A sequential colour map: evenly spaced anchor colours, linearly interpolated in sRGB.
///
///     t ∈ [0, 1],  s = t·(n − 1),  i = ⌊s⌋
///     colour(t) = anchors[i] + (s − i)·(anchors[i+1] − anchors[i])
///
/// SVG gradients interpolate in sRGB too, so a colour bar drawn with the anchors as gradient
/// stops shows exactly the colours of the cells.
public struct PlotColorMap: Sendable, Equatable, Hashable, Codable {
    /// Anchor colours at t = i/(n − 1), at least 2.
    public let anchors: [PlotColor]

    /// A colour map through `anchors` (evenly spaced, first at t = 0, last at t = 1).
    /// - Throws: `PlotError.valueOutOfRange` for fewer than 2 anchors.
    public init(anchors: [PlotColor]) throws {
        guard anchors.count >= 2 else {
            throw PlotError.valueOutOfRange(
                name: "anchor count", value: Double(anchors.count), reason: "a colour map needs at least 2 anchors")
        }
        self.anchors = anchors
    }

    private init(validAnchors: [PlotColor]) { anchors = validAnchors }

    /// Viridis-like: dark purple → blue → green → yellow, perceptually uniform and strictly
    /// increasing in lightness, readable in greyscale and by colour-blind viewers. Anchors are
    /// the published samples of matplotlib's viridis (van der Walt & Smith, 2015) at t = i/9.
    public static let viridis = PlotColorMap(validAnchors: [
        PlotColor(rgb: 0x440154), PlotColor(rgb: 0x482878), PlotColor(rgb: 0x3E4989), PlotColor(rgb: 0x31688E),
        PlotColor(rgb: 0x26828E), PlotColor(rgb: 0x1F9E89), PlotColor(rgb: 0x35B779), PlotColor(rgb: 0x6ECE58),
        PlotColor(rgb: 0xB5DE2B), PlotColor(rgb: 0xFDE725),
    ])

    /// Greys from near-black to near-white (monotonic lightness; for print).
    public static let greys = PlotColorMap(validAnchors: [PlotColor(rgb: 0x1A1A1A), PlotColor(rgb: 0xF2F2F2)])

    /// The colour at `fraction` ∈ [0, 1] (clamped; NaN maps to 0).
    public func color(at fraction: Double) -> PlotColor {
        let t = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let s = t * Double(anchors.count - 1)
        let i = min(Int(s), anchors.count - 2)
        return anchors[i].interpolated(to: anchors[i + 1], fraction: s - Double(i))
    }
}
