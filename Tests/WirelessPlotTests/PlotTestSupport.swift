import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses SVG text with Foundation's XMLParser and records what the plot tests inspect.
struct SVGInspector {
    private(set) var elementNames: [String] = []
    private(set) var attributes: [[String: String]] = []
    /// Character data of every `<text>` element (tspans included), in document order.
    private(set) var texts: [String] = []
    private(set) var titleText = ""

    /// Whether `svg` parsed as well-formed XML.
    let isWellFormed: Bool

    init(_ svg: String) {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        isWellFormed = parser.parse()
        elementNames = collector.elementNames
        attributes = collector.attributes
        texts = collector.texts
        titleText = collector.titleText
    }

    func count(_ element: String) -> Int { elementNames.filter { $0 == element }.count }

    private final class Collector: NSObject, XMLParserDelegate {
        var elementNames: [String] = []
        var attributes: [[String: String]] = []
        var texts: [String] = []
        var titleText = ""
        var textDepth = 0
        var inTitle = false
        var current = ""

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            elementNames.append(elementName)
            attributes.append(attributeDict)
            if elementName == "text" {
                textDepth += 1
                current = ""
            }
            if elementName == "title" { inTitle = true }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            if elementName == "text" {
                textDepth -= 1
                texts.append(current)
            }
            if elementName == "title" { inTitle = false }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if textDepth > 0 { current += string }
            if inTitle { titleText += string }
        }
    }
}

/// All numbers in the `points` attributes of polylines/polygons and the x/y/cx/cy attributes.
func drawnCoordinates(_ inspector: SVGInspector) -> [Double] {
    var values: [Double] = []
    for attributes in inspector.attributes {
        if let points = attributes["points"] {
            for pair in points.split(separator: " ") {
                for part in pair.split(separator: ",") { if let v = Double(part) { values.append(v) } }
            }
        }
        for key in ["x", "y", "cx", "cy", "x1", "y1", "x2", "y2"] {
            if let text = attributes[key], let v = Double(text) { values.append(v) }
        }
    }
    return values
}
