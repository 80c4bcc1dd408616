import Foundation
import WirelessCore

/// The text form of a `StudyPartial`: CSV with header `work_item,<columns>` and one line per record,
/// numbers as Swift's shortest round-trip text (`nan`, `inf` for non-finite values).
public enum StudyPartialText {
    public static func encode(_ partial: StudyPartial) -> String {
        var text = "# items \(partial.items.lowerBound) \(partial.items.upperBound)\n"
        text += (["work_item"] + partial.columns).joined(separator: ",") + "\n"
        for record in partial.records {
            text += String(record.item)
            for value in record.values {
                text += ","
                text += value.description
            }
            text += "\n"
        }
        return text
    }

    /// - Throws: `ShardMergeError.badShard` naming `folder`, the file and the line.
    public static func decode(_ data: Data, file: String, folder: String) throws -> StudyPartial {
        func bad(_ line: Int, _ reason: String) -> ShardMergeError {
            .badShard(folder: folder, reason: "\(file) line \(line): \(reason)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw bad(1, "not UTF-8 text") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.count >= 2 else { throw bad(1, "no header") }
        let range = lines[0].split(separator: " ")
        guard range.count == 4, range[0] == "#", range[1] == "items", let lower = Int(range[2]),
            let upper = Int(range[3]), lower >= 0, lower <= upper
        else { throw bad(1, "expected '# items <lower> <upper>'") }
        let header = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard header.first == "work_item" else { throw bad(2, "the header must start with work_item") }
        let columns = Array(header.dropFirst())
        var records: [StudyPartial.Record] = []
        var previous = lower
        for (offset, line) in lines.dropFirst(2).enumerated() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard cells.count == header.count else {
                throw bad(offset + 3, "\(cells.count) cells, expected \(header.count)")
            }
            guard let item = Int(cells[0]), item >= previous, item < upper else {
                throw bad(offset + 3, "work item '\(cells[0])' is not in \(lower)..<\(upper) in order")
            }
            var values: [Double] = []
            for cell in cells.dropFirst() {
                guard let value = Double(cell) else { throw bad(offset + 3, "'\(cell)' is not a number") }
                values.append(value)
            }
            records.append(.init(item: item, values: values))
            previous = item
        }
        return StudyPartial(items: lower..<upper, columns: columns, records: records)
    }
}
