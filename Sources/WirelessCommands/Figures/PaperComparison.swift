import Foundation
import WirelessCore
import WirelessIO

/// The table every report ends with (`ReferenceComparison`, built by each capability's library).
///
/// The measured values are read back from the CSV files the set has just written (`FigureContext.records`),
/// so the table can never disagree with the figures above it.
typealias PaperComparison = ReferenceComparison

extension ReferenceComparison {
    /// Appends the table to the report under a `### Paper vs this run` heading.
    /// - Parameters:
    ///   - context: The figure set's context.
    ///   - measuredTitle: Title of the measured column (e.g. "SYNTHETIC replica").
    ///   - introduction: One paragraph on what the comparison can and cannot show.
    ///   - referenceTitle: Title of the reference column ("paper", or "theory" for a closed form).
    func add(
        to context: FigureContext, referenceTitle: String = "paper", measuredTitle: String = "this run",
        introduction: String
    ) {
        let heading = referenceTitle.prefix(1).uppercased() + referenceTitle.dropFirst()
        context.addMarkdown("### \(heading) vs \(measuredTitle)\n\n\(introduction)\n")
        context.addTable(
            header: ["quantity", referenceTitle, measuredTitle, "deviation explained"],
            rows: rows.map { [$0.quantity, $0.paper, $0.measured, $0.deviation] })
    }
}

extension FigureContext {
    /// The rows of a CSV file the set wrote, as column name → cell text.
    /// - Throws: `IOError` when the file is missing or malformed (a bug in the set, not user data).
    func records(_ file: String) throws -> [TableRecord] {
        try Self.records(at: directory.appendingPathComponent(file))
    }

    /// The rows of the CSV file at `url`, as column name → cell text.
    static func records(at url: URL) throws -> [TableRecord] {
        let document = try CSVReader.read(contentsOf: url)
        return document.rows.map { Dictionary(uniqueKeysWithValues: zip(document.header, $0)) }
    }
}
