extension SVGDocument {
    /// Draws a marker centred at (x, y) [px] with nominal radius `radiusPixels` [px].
    ///
    /// Shapes are scaled to similar visual area: square side 1.75r, triangle and diamond
    /// circumradius 1.35r, cross arm 1.2r drawn as a stroked "×".
    mutating func marker(_ shape: PlotMarker, x: Double, y: Double, radiusPixels r: Double, color: String) {
        switch shape {
        case .circle:
            appendRaw("<circle cx=\"\(Self.px(x))\" cy=\"\(Self.px(y))\" r=\"\(Self.px(r))\" fill=\"\(color)\"/>\n")
        case .square:
            let side = 1.75 * r
            rect(x: x - side / 2, y: y - side / 2, width: side, height: side, fill: color)
        case .triangle:
            let c = 1.35 * r
            polygon(
                [(x, y - c), (x + 0.866 * c, y + 0.5 * c), (x - 0.866 * c, y + 0.5 * c)], fill: color)
        case .diamond:
            let c = 1.35 * r
            polygon([(x, y - c), (x + 0.8 * c, y), (x, y + c), (x - 0.8 * c, y)], fill: color)
        case .cross:
            let a = 1.2 * r
            appendRaw(
                "<path d=\"M\(Self.px(x - a)) \(Self.px(y - a))L\(Self.px(x + a)) \(Self.px(y + a))"
                    + "M\(Self.px(x - a)) \(Self.px(y + a))L\(Self.px(x + a)) \(Self.px(y - a))\""
                    + " stroke=\"\(color)\" stroke-width=\"\(Self.px(max(1.6, 0.5 * r)))\" fill=\"none\"/>\n")
        }
    }

    /// Estimated rendered width [px] of `text` in a generic sans-serif at `sizePixels` [px]
    /// (DejaVu Sans advance widths, rounded up, so layout errs on the roomy side; used only for layout, never for output text).
    static func estimatedWidth(_ text: String, sizePixels: Double) -> Double {
        var em = 0.0
        for character in text {
            switch character {
            case "0"..."9": em += 0.64
            case ".", ",", ":", ";", "i", "j", "l", "!", "|", "'", " ", "I": em += 0.32
            case "-", "(", ")", "[", "]", "f", "t", "r": em += 0.4
            case "m", "w", "M", "W": em += 0.95
            case "A"..."Z": em += 0.72
            case "a"..."z": em += 0.6
            default: em += 0.62
            }
        }
        return em * sizePixels
    }
}
