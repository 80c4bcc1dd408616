import Foundation
import WirelessCore
import WirelessIO

/// Reads and writes campaigns in the link CSV schema (docs/PATHLOSS.md#csv-schema).
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

    /// The fixed start of the synthetic banner (docs/PATHLOSS.md#synthetic-replica); only a `#` line starting with
    /// exactly this text marks
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

    /// Reads the campaign at `path`, or the bundled replica (`BundledReplica`, found beside the running
    /// executable from any working directory, never regenerated behind the caller's back) when `path` is nil.
    ///
    /// - Throws: as `read(contentsOf:options:)`; `.fileAccess` when the bundled replica is not installed.
    public static func read(path: String?, options: Options = Options()) throws(PathLossError) -> PathLossCampaign {
        let url = if let path { URL(fileURLWithPath: path) } else { try BundledReplica.url() }
        return try read(contentsOf: url, options: options)
    }

    /// Reads a campaign file.
    ///
    /// - Throws: `PathLossError` (`.fileAccess` if the file cannot be read; data errors, including text that
    ///   is not valid UTF-8, with file, line and column).
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
        return try parse(bytes: [UInt8](data), file: url.path, options: options)
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
        try parse(bytes: Array(text.utf8), file: file, options: options)
    }

    /// Parses campaign CSV bytes (UTF-8, optional byte-order mark).
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: Name used in error messages.
    /// - Throws: `PathLossError` with file, line and column; text that is not valid UTF-8 is `.malformedRow`.
    /// - Complexity: O(n) in the file size; about 1 µs per row of the schema's columns (release build).
    public static func parse(bytes: [UInt8], file: String, options: Options = Options()) throws(PathLossError)
        -> PathLossCampaign
    {
        // Split off leading comment lines, remembering how many physical lines they took.
        var start = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { start = 3 }
        var skipped = 0
        var isSynthetic = false
        let bannerPrefix = Array(syntheticBannerPrefix.utf8)
        while start < bytes.count && bytes[start] == UInt8(ascii: "#") {
            var end = start
            while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
            guard String(validating: bytes[start..<end], as: UTF8.self) != nil else {
                throw .malformedRow(
                    file: file, line: skipped + 1, column: "",
                    reason: "the comment line is not valid UTF-8 text; save the file with UTF-8 encoding")
            }
            if bytes[start..<end].starts(with: bannerPrefix) { isSynthetic = true }
            if end < bytes.count {
                end += bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? 2 : 1
            }
            start = end
            skipped += 1
        }
        let fields: CSVFields
        do {
            fields = try CSVFields(Array(bytes[start...]), file: file)
        } catch {
            switch error {
            case .malformedInput(_, let line, let column, let reason):
                throw .malformedRow(file: file, line: (line ?? 0) + skipped, column: column ?? "", reason: reason)
            default:
                throw .malformedRow(file: file, line: skipped + 1, column: "", reason: error.description)
            }
        }
        let header = fields.header.map { trimmedWhitespace($0).lowercased() }
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
        let columns = ColumnIndexes(index)

        var links: [PathLossLink] = []
        links.reserveCapacity(fields.rowCount)
        var dropped = 0
        try fields.withUnsafeStorage { storage throws(PathLossError) in
            for r in 0..<fields.rowCount {
                let line = fields.rowLines[r] + skipped
                let parser = RowParser(fields: fields, storage: storage, row: r, file: file, line: line)
                do throws(PathLossError) {
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
                    link.scenarioID = parser.string(columns.scenarioID)
                    link.buildingID = parser.string(columns.buildingID)
                    link.linkID = parser.string(columns.linkID)
                    // An empty glass_type is an "empty feature" (docs/PATHLOSS.md#csv-schema): invalidCategory, not
                    // unknown.
                    if let glass = parser.string(columns.glassType) {
                        guard let type = GlassType(rawValue: glass.lowercased()) else {
                            throw PathLossError.invalidCategory(
                                file: file, line: line, column: "glass_type", value: glass)
                        }
                        link.glassType = type
                    }
                    link.scaffolding = try parser.flag(
                        "scaffolding", column: columns.scaffolding, emptyIsUnknown: false)
                    link.foliage = try parser.flag("foliage", column: columns.foliage, emptyIsUnknown: false)
                    link.elevatedSubway = try parser.flag(
                        "elevated_subway", column: columns.elevatedSubway, emptyIsUnknown: false)
                    link.lineOfSight = try parser.flag("los", column: columns.lineOfSight, emptyIsUnknown: true)
                    link.isCensored =
                        try parser.flag("censored", column: columns.censored, emptyIsUnknown: true) ?? false
                    if let floorText = parser.string(columns.floor, allowEmpty: true) {
                        guard let floor = Int(floorText), floor >= 1 else {
                            throw PathLossError.invalidCategory(
                                file: file, line: line, column: "floor", value: String(floorText))
                        }
                        link.floor = floor
                    }
                    if let f = try parser.optionalDouble("frequency_ghz", column: columns.frequency) {
                        guard f > 0 else {
                            throw PathLossError.frequencyOutOfRangeInFile(
                                file: file, line: line, column: "frequency_ghz", frequencyGHz: f)
                        }
                        link.frequencyGHz = f
                    }
                    if let h = try parser.optionalDouble("tx_height_m", column: columns.txHeight) {
                        guard h > 0 else {
                            throw PathLossError.malformedRow(
                                file: file, line: line, column: "tx_height_m", reason: "must be > 0, got \(h)")
                        }
                        link.txHeightMeters = h
                    }
                    if let h = try parser.optionalDouble("rx_height_m", column: columns.rxHeight) {
                        guard h > 0 else {
                            throw PathLossError.malformedRow(
                                file: file, line: line, column: "rx_height_m", reason: "must be > 0, got \(h)")
                        }
                        link.rxHeightMeters = h
                    }
                    links.append(link)
                } catch {
                    switch error {
                    case .nonFiniteValue where options.dropInvalidRows,
                        .nonPositiveDistance where options.dropInvalidRows:
                        dropped += 1
                    default:
                        throw error
                    }
                }
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

    /// The positions of the optional schema columns in the header (looked up once, not per row).
    private struct ColumnIndexes {
        let scenarioID, buildingID, linkID, glassType: Int?
        let scaffolding, foliage, elevatedSubway, lineOfSight, censored, floor: Int?
        let frequency, txHeight, rxHeight: Int?

        init(_ index: [String: Int]) {
            (scenarioID, buildingID, linkID, glassType) =
                (index["scenario_id"], index["building_id"], index["link_id"], index["glass_type"])
            (scaffolding, foliage, elevatedSubway) = (index["scaffolding"], index["foliage"], index["elevated_subway"])
            (lineOfSight, censored, floor) = (index["los"], index["censored"], index["floor"])
            (frequency, txHeight, rxHeight) = (index["frequency_ghz"], index["tx_height_m"], index["rx_height_m"])
        }
    }

    /// `text` without leading and trailing white space, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` (tab and the Unicode space separators), but without its
    /// cost when the ends are ASCII (the common case: a plain cell is returned as is).
    static func trimmedWhitespace(_ text: String) -> Substring {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text[...] }
        func isPlain(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if isPlain(first) && isPlain(last) { return text[...] }
        if first >= 0x80 || last >= 0x80 { return Substring(text.trimmingCharacters(in: .whitespaces)) }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, utf8[start] == 0x20 || utf8[start] == 0x09 { start = utf8.index(after: start) }
        while start < end {
            let previous = utf8.index(before: end)
            guard utf8[previous] == 0x20 || utf8[previous] == 0x09 else { break }
            end = previous
        }
        let trimmed = text[start..<end]
        // A non-ASCII character now at either end may itself be a Unicode space: let Foundation decide.
        if let f = trimmed.utf8.first, let l = trimmed.utf8.last, f >= 0x80 || l >= 0x80 {
            return Substring(text.trimmingCharacters(in: .whitespaces))
        }
        return trimmed
    }

    /// One row's typed field access with file/line/column errors, decoding numbers and flags from the
    /// cell bytes (a `String` is made only for text the link keeps, and for cells with non-ASCII ends).
    private struct RowParser {
        let fields: CSVFields
        let storage: UnsafeBufferPointer<UInt8>
        let row: Int
        let file: String
        let line: Int

        /// The cell as Foundation-trimmed text (the slow path, for values that are not plain ASCII at the ends).
        private func text(_ column: Int) -> Substring { trimmedWhitespace(fields.string(row: row, column: column)) }

        /// Runs `body` on the cell's bytes without ASCII spaces and tabs at the ends, or returns nil when an
        /// end is non-ASCII (a Unicode space is possible there: the caller then takes the `String` path).
        private func withTrimmedASCII<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
            let range = fields.fieldRange(row: row, column: column)
            var start = range.lowerBound
            var end = range.upperBound
            while start < end && (storage[start] == 0x20 || storage[start] == 0x09) { start += 1 }
            while end > start && (storage[end - 1] == 0x20 || storage[end - 1] == 0x09) { end -= 1 }
            if start < end && (storage[start] >= 0x80 || storage[end - 1] >= 0x80) { return nil }
            return body(UnsafeBufferPointer(rebasing: storage[start..<end]))
        }

        func string(_ column: Int?, allowEmpty: Bool = false) -> String? {
            guard let i = column, i < fields.header.count else { return nil }
            let value =
                withTrimmedASCII(i) { String(decoding: $0, as: UTF8.self) } ?? String(text(i))
            return value.isEmpty && allowEmpty ? nil : value
        }

        func double(_ name: String, column: Int) throws(PathLossError) -> Double {
            // Only the characters of a decimal number go to `Double(String)` on the fast path: it stops at
            // a NUL ('1<NUL>0' read as 1) and accepts hexadecimal floats. Anything else (nan, inf words,
            // Unicode spaces at the ends) takes `CSVDocument.parseDouble`, the toolkit's one number rule.
            let fast: Double?? = withTrimmedASCII(column) { bytes -> Double? in
                for byte in bytes {
                    switch byte {
                    case 0x30...0x39, UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"),
                        UInt8(ascii: "-"):
                        continue
                    default:
                        return CSVDocument.parseDouble(String(decoding: bytes, as: UTF8.self))
                    }
                }
                return Double(String(decoding: bytes, as: UTF8.self))
            }
            let value: Double?
            if let fast { value = fast } else { value = CSVDocument.parseDouble(String(text(column))) }
            guard let value else {
                throw .malformedRow(
                    file: file, line: line, column: name, reason: "expected a number, got '\(text(column))'")
            }
            guard value.isFinite else { throw .nonFiniteValue(file: file, line: line, column: name) }
            return value
        }

        func optionalDouble(_ name: String, column: Int?) throws(PathLossError) -> Double? {
            guard let i = column else { return nil }
            let isEmpty = withTrimmedASCII(i) { $0.isEmpty } ?? text(i).isEmpty
            return isEmpty ? nil : try double(name, column: i)
        }

        func flag(_ name: String, column: Int?, emptyIsUnknown: Bool) throws(PathLossError) -> Bool? {
            guard let i = column else { return nil }
            let digit = withTrimmedASCII(i) { bytes -> UInt8? in bytes.count == 1 ? bytes[0] : nil } ?? nil
            switch digit {
            case UInt8(ascii: "1"): return true
            case UInt8(ascii: "0"): return false
            default: break
            }
            switch text(i).lowercased() {
            case "1", "true", "yes": return true
            case "0", "false", "no": return false
            case "" where emptyIsUnknown: return nil
            default:
                throw .invalidCategory(file: file, line: line, column: name, value: fields.string(row: row, column: i))
            }
        }
    }
}
