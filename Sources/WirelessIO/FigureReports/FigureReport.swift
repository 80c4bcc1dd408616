import Foundation
import WirelessCore

/// The Markdown report of one figure set as it is built: its folder, its seed and its sections.
///
/// `wtk figures` hands one to each `FigureSet`; the command layer adds `run(_:arguments:…)`, which runs a
/// subcommand into `directory` and appends a section with `addCommandSection`. A class, because a set's
/// steps share one report by reference.
public final class FigureReport {
    /// The set's folder (`notebooks-export/<name>`, or the staging folder it is built in).
    public let directory: URL
    /// The seed every command of the set receives.
    public let seed: UInt64
    /// Markdown sections, in the order they were added.
    public private(set) var sections: [String] = []

    /// - Parameters:
    ///   - directory: The folder the set's files are written to.
    ///   - seed: The seed of the set's commands.
    public init(directory: URL, seed: UInt64) {
        self.directory = directory
        self.seed = seed
    }

    /// Adds a section for one command: the caption, the command line as typed (`words`, shell-quoted, with
    /// `--out-dir <dir>`), the SVGs it produced embedded and its tables (`.csv`, `.json` except sidecars) linked.
    /// - Parameters:
    ///   - caption: A sentence describing what the figures show.
    ///   - words: The command line, `wtk` first.
    ///   - produced: The names of the files the command wrote in `directory`, sorted.
    public func addCommandSection(caption: String, words: [String], produced: [String]) {
        let shown = words.map(Self.shellQuoted).joined(separator: " ")
        var text = "\(caption)\n\n```sh\n\(shown) --out-dir <dir>\n```\n"
        for file in produced where file.hasSuffix(".svg") {
            text += "\n![\(file)](\(file))\n"
        }
        let tables = produced.filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") && !$0.hasSuffix(".meta.json") }
        if !tables.isEmpty {
            text += "\nData: " + tables.map { "[\($0)](\($0))" }.joined(separator: ", ") + "\n"
        }
        sections.append(text)
    }

    /// Adds a Markdown paragraph (prose, a list).
    public func addMarkdown(_ markdown: String) {
        sections.append(markdown)
    }

    /// Adds a Markdown table, e.g. the paper's numbers beside the replica's.
    ///
    /// - Parameters:
    ///   - header: Column titles.
    ///   - rows: Cells, each row as long as `header`.
    public func addTable(header: [String], rows: [[String]]) {
        var text = "| " + header.joined(separator: " | ") + " |\n"
        text += "|" + String(repeating: " --- |", count: header.count) + "\n"
        for row in rows { text += "| " + row.joined(separator: " | ") + " |\n" }
        sections.append(text)
    }

    /// The rows of a CSV file the set wrote, as column name → cell text.
    /// - Throws: `IOError` when the file is missing or malformed (a bug in the set, not user data).
    public func records(_ file: String) throws -> [TableRecord] {
        try Self.records(at: directory.appendingPathComponent(file))
    }

    /// The rows of the CSV file at `url`, as column name → cell text.
    /// - Throws: `IOError` when the file is missing or malformed.
    public static func records(at url: URL) throws -> [TableRecord] {
        let document = try CSVReader.read(contentsOf: url)
        return document.rows.map { Dictionary(uniqueKeysWithValues: zip(document.header, $0)) }
    }

    /// Files directly inside `directory`, sorted by name (none when it cannot be listed).
    public static func files(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted()
    }

    /// `word` as a POSIX shell reads it: as is when it holds only letters, digits and `-_./=:,+`, else in
    /// single quotes (an inner `'` written `'\''`).
    public static func shellQuoted(_ word: String) -> String {
        let safe = word.allSatisfy { $0.isLetter || $0.isNumber || "-_./=:,+".contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension ReferenceComparison {
    /// Appends the table to a report under a `### <Reference> vs <measured>` heading.
    /// - Parameters:
    ///   - report: The figure set's report.
    ///   - referenceTitle: Title of the reference column ("paper", or "theory" for a closed form).
    ///   - measuredTitle: Title of the measured column (e.g. "SYNTHETIC replica").
    ///   - introduction: One paragraph on what the comparison can and cannot show.
    public func add(
        to report: FigureReport, referenceTitle: String = "paper", measuredTitle: String = "this run",
        introduction: String
    ) {
        let heading = referenceTitle.prefix(1).uppercased() + referenceTitle.dropFirst()
        report.addMarkdown("### \(heading) vs \(measuredTitle)\n\n\(introduction)\n")
        report.addTable(
            header: ["quantity", referenceTitle, measuredTitle, "deviation explained"],
            rows: rows.map { [$0.quantity, $0.paper, $0.measured, $0.deviation] })
    }
}
