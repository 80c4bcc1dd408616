import Foundation
import WirelessCore
import WirelessIO

/// Reads and writes campaigns in the link CSV schema (spec §3).
///
/// RFC 4180 via `WirelessIO.CSVReader`; UTF-8; case-insensitive header; `#` lines before the header are
/// skipped (the exact `# SYNTHETIC replica - generated, not measured; generator …` banner marks the campaign
/// synthetic); units are in the column names; extra columns are ignored, but a schema column may appear
/// only once. Numbers are decimal or scientific (`CSVDocument.parseDouble`: no hexadecimal, no stray
/// characters such as a NUL byte). Required: `distance_m` and exactly one of `path_gain_db` / `path_loss_db`
/// (loss is sign-flipped; a positive gain / negative loss is rejected). Optional: `scenario_id`, `building_id`,
/// `link_id`, `glass_type` (`low_loss`/`high_loss`; empty is an error), `scaffolding`, `foliage`, `elevated_subway` (0/1, true/false, yes/no),
/// `floor` (Int ≥ 1), `los` (0/1, empty = unknown), `censored` (0/1), `frequency_ghz` (> 0, default 28),
/// `tx_height_m`, `rx_height_m` (> 0). Every data error names the file, the 1-based physical line
/// and the column. The writer emits the same schema, so write → read is lossless.
public enum CampaignCSV {
    /// Reader options.
    public struct Options: Sendable, Equatable, Codable {
        /// Drop rows with non-finite values or non-positive distances (counted in `droppedRowCount`) instead of throwing.
        public var dropInvalidRows: Bool = false
        public init(dropInvalidRows: Bool = false) { self.dropInvalidRows = dropInvalidRows }
    }

    /// The fixed start of the synthetic banner (spec §1.1); only a `#` line starting with exactly this text marks
    /// a campaign synthetic (an ordinary comment that merely mentions "synthetic" does not).
    public static let syntheticBannerPrefix = "# SYNTHETIC replica - generated, not measured; generator "

    /// The banner line the writer puts above the header of synthetic data.
    public static func syntheticBanner(generator: String, version: String, seed: UInt64) -> String {
        syntheticBannerPrefix + "\(generator) v\(version), seed \(seed)"
    }

    /// The column names of the schema (lower case): each may appear once in a header.
    static let schemaColumns: Set<String> = [
        "distance_m", "path_gain_db", "path_loss_db", "scenario_id", "building_id", "link_id", "glass_type",
        "scaffolding", "foliage", "elevated_subway", "floor", "los", "censored", "frequency_ghz", "tx_height_m",
        "rx_height_m",
    ]

    /// Reads a campaign file.
    ///
    /// - Throws: `PathLossError` (`.fileAccess` if unreadable; data errors with file, line and column).
    public static func read(contentsOf url: URL, options: Options = Options()) throws(PathLossError) -> PathLossCampaign
    {
        // One place opens every input file (`FileContents`): a directory, a permission problem or a
        // device is told in words, and /dev/null reads as an empty file.
        let data: Data
        do {
            data = try FileContents.read(url)
        } catch {
            switch error {
            case .missingFile: throw .fileAccess(path: url.path, reason: "file not found")
            case .unreadable(_, let reason): throw .fileAccess(path: url.path, reason: reason)
            default: throw .fileAccess(path: url.path, reason: error.description)
            }
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .fileAccess(path: url.path, reason: "cannot read the file as UTF-8 text")
        }
        return try parse(text, file: url.path, options: options)
    }

    /// Parses campaign CSV text.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: Name used in error messages.
    /// - Throws: `PathLossError` with file, line and column.
    public static func parse(_ text: String, file: String, options: Options = Options()) throws(PathLossError)
        -> PathLossCampaign
    {
        // Split off leading comment lines, remembering how many physical lines they took.
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var skipped = 0
        var isSynthetic = false
        while body.hasPrefix("#") {
            let end = body.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) ?? body.endIndex
            if body[..<end].hasPrefix(syntheticBannerPrefix) { isSynthetic = true }
            body = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
            skipped += 1
        }
        let document: CSVDocument
        do {
            document = try CSVReader.parse(String(body), file: file)
        } catch {
            switch error {
            case .malformedInput(_, let line, let column, let reason):
                throw .malformedRow(file: file, line: (line ?? 0) + skipped, column: column ?? "", reason: reason)
            default:
                throw .malformedRow(file: file, line: skipped + 1, column: "", reason: error.description)
            }
        }
        let header = document.header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            // Two columns of the schema under one name: which one holds the data is anyone's guess.
            if index[name] != nil && schemaColumns.contains(name) {
                throw .malformedRow(
                    file: file, line: skipped + 1, column: name,
                    reason: "the column appears more than once in the header")
            }
            if index[name] == nil { index[name] = i }
        }
        guard let distanceColumn = index["distance_m"] else { throw .missingColumn(name: "distance_m", file: file) }
        let gainColumn = index["path_gain_db"]
        let lossColumn = index["path_loss_db"]
        if gainColumn != nil && lossColumn != nil { throw .ambiguousColumns(file: file) }
        guard let valueColumn = gainColumn ?? lossColumn else { throw .missingColumn(name: "path_gain_db", file: file) }
        let sign = gainColumn != nil ? 1.0 : -1.0
        let valueName = gainColumn != nil ? "path_gain_db" : "path_loss_db"

        var links: [PathLossLink] = []
        links.reserveCapacity(document.rows.count)
        var dropped = 0
        for (r, row) in document.rows.enumerated() {
            let line = document.rowLines[r] + skipped
            let parser = RowParser(row: row, index: index, file: file, line: line)
            do {
                let distance = try parser.double("distance_m", column: distanceColumn)
                guard distance > 0 else {
                    throw PathLossError.nonPositiveDistance(file: file, line: line, value: distance)
                }
                let value = try parser.double(valueName, column: valueColumn)
                // A path gain > 0 dB (or a loss < 0 dB) is physically impossible for a passive channel; it almost
                // always means losses were written into the gain column (or vice versa).
                guard sign * value <= 0 else {
                    throw PathLossError.positivePathGain(file: file, line: line, column: valueName, value: value)
                }
                var link = PathLossLink(distanceMeters: distance, pathGainDB: sign * value)
                link.scenarioID = parser.string("scenario_id")
                link.buildingID = parser.string("building_id")
                link.linkID = parser.string("link_id")
                // An empty glass_type is an "empty feature" (spec §3): invalidCategory, not unknown.
                if let glass = parser.string("glass_type") {
                    guard let type = GlassType(rawValue: glass.lowercased()) else {
                        throw PathLossError.invalidCategory(file: file, line: line, column: "glass_type", value: glass)
                    }
                    link.glassType = type
                }
                link.scaffolding = try parser.flag("scaffolding", emptyIsUnknown: false)
                link.foliage = try parser.flag("foliage", emptyIsUnknown: false)
                link.elevatedSubway = try parser.flag("elevated_subway", emptyIsUnknown: false)
                link.lineOfSight = try parser.flag("los", emptyIsUnknown: true)
                link.isCensored = try parser.flag("censored", emptyIsUnknown: true) ?? false
                if let floorText = parser.string("floor", allowEmpty: true) {
                    guard let floor = Int(floorText), floor >= 1 else {
                        throw PathLossError.invalidCategory(file: file, line: line, column: "floor", value: floorText)
                    }
                    link.floor = floor
                }
                if let f = try parser.optionalDouble("frequency_ghz") {
                    guard f > 0 else {
                        throw PathLossError.frequencyOutOfRangeInFile(
                            file: file, line: line, column: "frequency_ghz", frequencyGHz: f)
                    }
                    link.frequencyGHz = f
                }
                for (name, keyPath) in [
                    ("tx_height_m", \PathLossLink.txHeightMeters), ("rx_height_m", \PathLossLink.rxHeightMeters),
                ] {
                    if let h = try parser.optionalDouble(name) {
                        guard h > 0 else {
                            throw PathLossError.malformedRow(
                                file: file, line: line, column: name, reason: "must be > 0, got \(h)")
                        }
                        link[keyPath: keyPath] = h
                    }
                }
                links.append(link)
            } catch let error as PathLossError {
                switch error {
                case .nonFiniteValue where options.dropInvalidRows, .nonPositiveDistance where options.dropInvalidRows:
                    dropped += 1
                default:
                    throw error
                }
            } catch {
                throw .malformedRow(file: file, line: line, column: "", reason: "\(error)")
            }
        }
        return PathLossCampaign(links: links, isSynthetic: isSynthetic, source: file, droppedRowCount: dropped)
    }

    /// Renders a campaign as CSV text (banner line for synthetic data, then the schema columns present in every link).
    ///
    /// - Parameter banner: The `#` line to write first (nil: none).
    public static func render(_ campaign: PathLossCampaign, banner: String? = nil) -> String {
        let links = campaign.links
        func all<T>(_ key: KeyPath<PathLossLink, T?>) -> Bool {
            !links.isEmpty && links.allSatisfy { $0[keyPath: key] != nil }
        }
        func flag(_ b: Bool?) -> String { b.map { $0 ? "1" : "0" } ?? "" }
        let number = CSVNumberFormat.shortestRoundTrip
        var columns: [(String, (PathLossLink) -> String)] = []
        if all(\.linkID) { columns.append(("link_id", { $0.linkID! })) }
        if all(\.scenarioID) { columns.append(("scenario_id", { $0.scenarioID! })) }
        if all(\.buildingID) { columns.append(("building_id", { $0.buildingID! })) }
        if all(\.glassType) { columns.append(("glass_type", { $0.glassType!.rawValue })) }
        if all(\.scaffolding) { columns.append(("scaffolding", { flag($0.scaffolding) })) }
        if all(\.foliage) { columns.append(("foliage", { flag($0.foliage) })) }
        if all(\.elevatedSubway) { columns.append(("elevated_subway", { flag($0.elevatedSubway) })) }
        if all(\.floor) { columns.append(("floor", { String($0.floor!) })) }
        if links.contains(where: { $0.lineOfSight != nil }) { columns.append(("los", { flag($0.lineOfSight) })) }
        columns.append(("censored", { $0.isCensored ? "1" : "0" }))
        columns.append(("frequency_ghz", { number.format($0.frequencyGHz) }))
        if all(\.txHeightMeters) { columns.append(("tx_height_m", { number.format($0.txHeightMeters!) })) }
        if all(\.rxHeightMeters) { columns.append(("rx_height_m", { number.format($0.rxHeightMeters!) })) }
        columns.append(("distance_m", { number.format($0.distanceMeters) }))
        columns.append(("path_gain_db", { number.format($0.pathGainDB) }))
        let table = CSVTable(header: columns.map(\.0), rows: links.map { link in columns.map { $0.1(link) } })
        let body = CSVWriter().encode(table)
        return banner.map { $0 + "\n" + body } ?? body
    }

    /// One row's typed field access with file/line/column errors.
    private struct RowParser {
        let row: [String]
        let index: [String: Int]
        let file: String
        let line: Int

        func string(_ name: String, allowEmpty: Bool = false) -> String? {
            guard let i = index[name], i < row.count else { return nil }
            let value = row[i].trimmingCharacters(in: .whitespaces)
            return value.isEmpty && allowEmpty ? nil : value
        }

        func double(_ name: String, column: Int) throws(PathLossError) -> Double {
            let text = row[column].trimmingCharacters(in: .whitespaces)
            guard let value = CSVDocument.parseDouble(text) else {
                throw .malformedRow(file: file, line: line, column: name, reason: "expected a number, got '\(text)'")
            }
            guard value.isFinite else { throw .nonFiniteValue(file: file, line: line, column: name) }
            return value
        }

        func optionalDouble(_ name: String) throws(PathLossError) -> Double? {
            guard let i = index[name], !row[i].trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            return try double(name, column: i)
        }

        func flag(_ name: String, emptyIsUnknown: Bool) throws(PathLossError) -> Bool? {
            guard let i = index[name] else { return nil }
            let text = row[i].trimmingCharacters(in: .whitespaces).lowercased()
            switch text {
            case "1", "true", "yes": return true
            case "0", "false", "no": return false
            case "" where emptyIsUnknown: return nil
            default: throw .invalidCategory(file: file, line: line, column: name, value: row[i])
            }
        }
    }
}
