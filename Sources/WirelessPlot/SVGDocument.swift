/// A minimal, deterministic SVG text builder used by `Plot` and `Heatmap`.
///
/// Determinism contract: the same sequence of calls yields byte-identical text. Numbers are
/// printed by `SVGDocument.format(_:decimals:)` (no locale, no `String(format:)`, trailing zeros
/// trimmed), attributes are written in a fixed order, and no dates or identifiers that depend on
/// the run are emitted. All user text goes through `SVGDocument.escape(_:)`.
struct SVGDocument: Sendable {
    /// Canvas width [px], > 0.
    let widthPixels: Double
    /// Canvas height [px], > 0.
    let heightPixels: Double
    /// Accumulated body markup (everything between the root tags).
    private(set) var body: String = ""
    /// Definitions (`<clipPath>`, `<linearGradient>`) written before the body.
    private(set) var definitions: String = ""

    init(widthPixels: Double, heightPixels: Double) {
        self.widthPixels = widthPixels
        self.heightPixels = heightPixels
    }

    // MARK: Text utilities

    /// XML-escapes `text` for use in element content and in double-quoted attributes.
    ///
    /// `&`, `<`, `>`, `"` and `'` become entities; control characters that XML 1.0 forbids
    /// (U+0000–U+001F except tab, newline, carriage return) become spaces, so any Swift string
    /// yields well-formed XML.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    escaped += " "
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }

    /// Formats `value` with at most `decimals` digits after the point, trailing zeros removed.
    ///
    ///     format(12.5, decimals: 2) == "12.5",  format(-0.001, decimals: 2) == "0"
    ///
    /// Uses integer arithmetic on `round(value · 10^decimals)`, so the result does not depend
    /// on the locale or the C library. Magnitudes are clamped to ±1e12 (far outside any canvas)
    /// and non-finite values print as "0"; callers are expected to skip non-finite data first.
    /// - Parameters:
    ///   - value: The number to print.
    ///   - decimals: Digits after the point, 0...9.
    static func format(_ value: Double, decimals: Int) -> String {
        precondition((0...9).contains(decimals), "decimals must be in 0...9")
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e12), 1e12)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (clamped * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled != 0 else { return "0" }
        let negative = scaled < 0
        var digits = String(Int64(abs(scaled)))
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            let pointIndex = digits.index(digits.endIndex, offsetBy: -decimals)
            var fraction = String(digits[pointIndex...])
            let whole = String(digits[..<pointIndex])
            while fraction.last == "0" { fraction.removeLast() }
            digits = fraction.isEmpty ? whole : whole + "." + fraction
        }
        return negative ? "-" + digits : digits
    }

    /// A pixel coordinate or length, printed with 2 decimals (1/100 px is below display resolution).
    static func px(_ value: Double) -> String { format(value, decimals: 2) }

    // MARK: Elements

    mutating func appendRaw(_ markup: String) { body += markup }

    mutating func appendDefinition(_ markup: String) { definitions += markup }

    /// `<line>` from (x1, y1) to (x2, y2) [px].
    mutating func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, widthPixels: Double,
        dashArray: String? = nil, extra: String = ""
    ) {
        body += "<line x1=\"\(Self.px(x1))\" y1=\"\(Self.px(y1))\" x2=\"\(Self.px(x2))\" y2=\"\(Self.px(y2))\""
        body += " stroke=\"\(stroke)\" stroke-width=\"\(Self.px(widthPixels))\""
        if let dashArray { body += " stroke-dasharray=\"\(dashArray)\"" }
        body += extra + "/>\n"
    }

    /// `<polyline>` through `points` [px]; nothing is written for fewer than 2 points.
    mutating func polyline(
        _ points: [(x: Double, y: Double)], stroke: String, widthPixels: Double, dashArray: String?,
        lineCap: String = "butt"
    ) {
        guard points.count >= 2 else { return }
        body += "<polyline fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.px(widthPixels))\""
        body += " stroke-linejoin=\"round\" stroke-linecap=\"\(lineCap)\""
        if let dashArray { body += " stroke-dasharray=\"\(dashArray)\"" }
        body += " points=\"" + Self.pointList(points) + "\"/>\n"
    }

    /// Closed `<polygon>` through `points` [px].
    mutating func polygon(
        _ points: [(x: Double, y: Double)], fill: String, fillOpacity: Double? = nil, extra: String = ""
    ) {
        guard points.count >= 3 else { return }
        body += "<polygon fill=\"\(fill)\""
        if let fillOpacity { body += " fill-opacity=\"\(Self.format(fillOpacity, decimals: 3))\"" }
        body += extra + " points=\"" + Self.pointList(points) + "\"/>\n"
    }

    /// `<rect>` with its top-left corner at (x, y) [px].
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = ""
    ) {
        body +=
            "<rect x=\"\(Self.px(x))\" y=\"\(Self.px(y))\" width=\"\(Self.px(width))\" height=\"\(Self.px(height))\""
        body += " fill=\"\(fill)\"" + extra + "/>\n"
    }

    /// `<text>`; `content` is escaped here. `anchor` is start, middle or end.
    mutating func text(
        _ content: String, x: Double, y: Double, sizePixels: Double, anchor: String = "start",
        rotationDegrees: Double? = nil, weight: String? = nil, fill: String = "#222222",
        baseline: String? = nil
    ) {
        body += "<text x=\"\(Self.px(x))\" y=\"\(Self.px(y))\" font-size=\"\(Self.px(sizePixels))\""
        body += " text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if let weight { body += " font-weight=\"\(weight)\"" }
        if let baseline { body += " dominant-baseline=\"\(baseline)\"" }
        if let rotationDegrees {
            body += " transform=\"rotate(\(Self.format(rotationDegrees, decimals: 2)) \(Self.px(x)) \(Self.px(y)))\""
        }
        body += ">" + Self.escape(content) + "</text>\n"
    }

    /// A power-of-ten label `10^exponent`, the exponent raised with a `<tspan>`.
    mutating func powerOfTenText(
        exponent: Int, x: Double, y: Double, sizePixels: Double, anchor: String, baseline: String? = nil
    ) {
        body += "<text x=\"\(Self.px(x))\" y=\"\(Self.px(y))\" font-size=\"\(Self.px(sizePixels))\""
        body += " text-anchor=\"\(anchor)\" fill=\"#222222\""
        if let baseline { body += " dominant-baseline=\"\(baseline)\"" }
        let exponentText = exponent < 0 ? "\u{2212}\(-exponent)" : "\(exponent)"
        body += ">10<tspan dy=\"\(Self.px(-0.45 * sizePixels))\" font-size=\"\(Self.px(0.75 * sizePixels))\">"
        body += exponentText + "</tspan></text>\n"
    }

    mutating func openGroup(_ attributes: String) { body += "<g \(attributes)>\n" }

    mutating func closeGroup() { body += "</g>\n" }

    /// The finished document: XML declaration, root `<svg>` with viewBox, `<title>`, definitions, body.
    ///
    /// With `nestedAt`, the result is instead an `<svg>` element positioned at that point [px]
    /// for embedding in another document (no XML declaration, no namespace).
    func rendered(title: String, description: String? = nil, nestedAt origin: (x: Double, y: Double)? = nil) -> String {
        let w = Self.px(widthPixels)
        let h = Self.px(heightPixels)
        var out = ""
        if let origin {
            out += "<svg x=\"\(Self.px(origin.x))\" y=\"\(Self.px(origin.y))\" width=\"\(w)\" height=\"\(h)\""
            out += " viewBox=\"0 0 \(w) \(h)\">\n"
        } else {
            out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(w)\" height=\"\(h)\""
            out += " viewBox=\"0 0 \(w) \(h)\" font-family=\"sans-serif\">\n"
        }
        out += "<title>" + Self.escape(title) + "</title>\n"
        if let description { out += "<desc>" + Self.escape(description) + "</desc>\n" }
        if !definitions.isEmpty { out += "<defs>\n" + definitions + "</defs>\n" }
        out += "<rect x=\"0\" y=\"0\" width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>\n"
        out += body
        out += "</svg>\n"
        return out
    }

    private static func pointList(_ points: [(x: Double, y: Double)]) -> String {
        var list = ""
        list.reserveCapacity(points.count * 14)
        for (index, point) in points.enumerated() {
            if index > 0 { list += " " }
            list += px(point.x) + "," + px(point.y)
        }
        return list
    }
}
