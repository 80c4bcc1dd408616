// The campaign CSV and SigMF JSON readers as they were before issue 12 (class 8), kept verbatim apart from
// their names so `ReaderBenchmarks` can time the old and the new code in the same run. Benchmark-only code.
import Foundation
import WirelessIO
import WirelessPathLoss

enum LegacyCSVReader {
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    static func parse(_ bytes: [UInt8], file: String) throws(IOError) -> CSVDocument {
        var i = 0
        let n = bytes.count
        if n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        guard String(validating: bytes[i...], as: UTF8.self) != nil else {
            throw .malformedInput(file: file, line: nil, column: nil, reason: "the file is not valid UTF-8 text")
        }

        var records: [[String]] = []
        var recordLines: [Int] = []
        var blank: [Bool] = []
        var line = 1

        func columnName(_ index: Int) -> String {
            if let header = records.first, index < header.count { return header[index] }
            return "field \(index + 1)"
        }

        while i < n {
            let recordLine = line
            var fields: [String] = []
            var firstFieldQuoted = false
            record: while true {
                if i < n && bytes[i] == quote {
                    if fields.isEmpty { firstFieldQuoted = true }
                    let openingLine = line
                    i += 1
                    var buffer: [UInt8] = []
                    while true {
                        guard i < n else {
                            throw .malformedInput(
                                file: file, line: openingLine, column: columnName(fields.count),
                                reason: "unterminated quoted field: the '\"' opened here is never closed")
                        }
                        let byte = bytes[i]
                        if byte == quote {
                            if i + 1 < n && bytes[i + 1] == quote {
                                buffer.append(quote)
                                i += 2
                            } else {
                                i += 1
                                break
                            }
                        } else {
                            if byte == lf || (byte == cr && !(i + 1 < n && bytes[i + 1] == lf)) { line += 1 }
                            buffer.append(byte)
                            i += 1
                        }
                    }
                    fields.append(String(decoding: buffer, as: UTF8.self))
                    if i >= n { break record }
                    let next = bytes[i]
                    if next == comma {
                        i += 1
                        continue record
                    }
                    if next == lf || next == cr {
                        consumeLineBreak(bytes, &i, &line)
                        break record
                    }
                    throw .malformedInput(
                        file: file, line: line, column: columnName(fields.count - 1),
                        reason:
                            "unexpected character after a closing quote; a quote inside a quoted field must be doubled (\"\")"
                    )
                } else {
                    let start = i
                    while i < n {
                        let byte = bytes[i]
                        if byte == comma || byte == lf || byte == cr { break }
                        if byte == quote {
                            throw .malformedInput(
                                file: file, line: line, column: columnName(fields.count),
                                reason:
                                    "a '\"' inside an unquoted field; quote the whole field and double the inner quote")
                        }
                        i += 1
                    }
                    fields.append(String(decoding: bytes[start..<i], as: UTF8.self))
                    if i >= n { break record }
                    if bytes[i] == comma {
                        i += 1
                        continue record
                    }
                    consumeLineBreak(bytes, &i, &line)
                    break record
                }
            }
            records.append(fields)
            recordLines.append(recordLine)
            blank.append(fields.count == 1 && fields[0].isEmpty && !firstFieldQuoted)
        }

        while let last = blank.last, last {
            blank.removeLast()
            records.removeLast()
            recordLines.removeLast()
        }
        guard let header = records.first else {
            throw .malformedInput(file: file, line: 1, column: nil, reason: "the file is empty; expected a header row")
        }
        for index in 1..<records.count where records[index].count != header.count {
            let reason =
                blank[index]
                ? "blank line inside the data; the header has \(header.count) columns"
                : "record has \(records[index].count) fields but the header has \(header.count)"
            throw .malformedInput(file: file, line: recordLines[index], column: nil, reason: reason)
        }
        return CSVDocument(
            file: file, header: header, rows: Array(records.dropFirst()), rowLines: Array(recordLines.dropFirst()))
    }

    private static func consumeLineBreak(_ bytes: [UInt8], _ i: inout Int, _ line: inout Int) {
        if bytes[i] == cr && i + 1 < bytes.count && bytes[i + 1] == lf { i += 2 } else { i += 1 }
        line += 1
    }
}

enum LegacyCampaignCSV {
    /// Parses campaign CSV text.
    ///
    /// - Parameters:
    ///   - text: The file's contents.
    ///   - file: Name used in error messages.
    /// - Throws: `PathLossError` with file, line and column.
    static func parse(_ text: String, file: String, options: CampaignCSV.Options = CampaignCSV.Options())
        throws(PathLossError)
        -> PathLossCampaign
    {
        // Split off leading comment lines, remembering how many physical lines they took.
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var skipped = 0
        var isSynthetic = false
        while body.hasPrefix("#") {
            let end = body.firstIndex(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) ?? body.endIndex
            if body[..<end].hasPrefix(CampaignCSV.syntheticBannerPrefix) { isSynthetic = true }
            body = end == body.endIndex ? body[end...] : body[body.index(after: end)...]
            skipped += 1
        }
        let document: CSVDocument
        do {
            document = try LegacyCSVReader.parse(Array(String(body).utf8), file: file)
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
        for (i, name) in header.enumerated() where index[name] == nil { index[name] = i }
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
                // An empty glass_type is an "empty feature" (docs/PATHLOSS.md#csv-schema): invalidCategory, not
                // unknown.
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
            guard let value = Double(text) else {
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
