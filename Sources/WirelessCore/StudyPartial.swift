/// The per-work-item results of a shardable study over a range of its work items: the numbers that
/// `ShardableStudy.merge` folds, in full precision, one or more records per work item.
///
/// A record is a list of numbers named by `columns` (counts are exact integers below 2⁵³). Records
/// are in work-item order; `combined(_:itemCount:)` joins the partials of shards 1…N into the
/// partial of the whole study, which is exactly what a one-process run folds, so sharded and
/// unsharded runs produce the same bytes.
public struct StudyPartial: Sendable, Equatable {
    /// One record of one work item.
    public struct Record: Sendable, Equatable {
        /// The work item (0-based, in the study's item order).
        public var item: Int
        /// The numbers, as many as `columns`.
        public var values: [Double]

        public init(item: Int, values: [Double]) {
            self.item = item
            self.values = values
        }
    }

    /// The work items covered (every item in it has its records here, possibly none).
    public var items: Range<Int>
    /// Names of the values of every record (for the partial file's header).
    public var columns: [String]
    /// The records, in work-item order.
    public var records: [Record]

    /// - Precondition: every record's item is in `items`, in nondecreasing order, with `columns.count` values.
    public init(items: Range<Int>, columns: [String], records: [Record]) {
        precondition(
            records.allSatisfy { items.contains($0.item) && $0.values.count == columns.count },
            "StudyPartial: a record outside its items or of the wrong width")
        precondition(
            zip(records, records.dropFirst()).allSatisfy { $0.item <= $1.item }, "StudyPartial: records out of order")
        self.items = items
        self.columns = columns
        self.records = records
    }

    /// The records of `item`.
    public func records(of item: Int) -> ArraySlice<Record> {
        let start = records.partitionPoint { $0.item >= item }
        let end = records[start...].partitionPoint { $0.item > item }
        return records[start..<end]
    }

    /// The partials of shards joined into one covering `0..<itemCount`.
    /// - Parameters:
    ///   - parts: Partials in any order; together they must tile `0..<itemCount` without gap or overlap
    ///     and share their columns.
    ///   - itemCount: The study's number of work items.
    /// - Throws: `StudyPartialError` naming the gap, the overlap or the column mismatch (category `.invalidData`).
    public static func combined(_ parts: [StudyPartial], itemCount: Int) throws(StudyPartialError) -> StudyPartial {
        let nonEmpty = parts.filter { !$0.items.isEmpty }
            .sorted { ($0.items.lowerBound, $0.items.upperBound) < ($1.items.lowerBound, $1.items.upperBound) }
        let columns = nonEmpty.first?.columns ?? parts.first?.columns ?? []
        var next = 0
        var records: [Record] = []
        for part in nonEmpty {
            guard part.columns == columns else { throw .columnsDiffer(expected: columns, found: part.columns) }
            if part.items.lowerBound > next { throw .gap(next..<part.items.lowerBound) }
            if part.items.lowerBound < next { throw .overlap(part.items.lowerBound..<min(next, part.items.upperBound)) }
            records += part.records
            next = part.items.upperBound
        }
        if next < itemCount { throw .gap(next..<itemCount) }
        if next > itemCount { throw .overlap(itemCount..<next) }
        return StudyPartial(items: 0..<itemCount, columns: columns, records: records)
    }
}

/// Partials that do not join into a whole study (category `.invalidData`, exit 65).
public enum StudyPartialError: Error, Equatable, Sendable, CategorizedError {
    /// Work items no partial covers.
    case gap(Range<Int>)
    /// Work items two partials both cover.
    case overlap(Range<Int>)
    /// Partials with other value columns (another configuration).
    case columnsDiffer(expected: [String], found: [String])
    /// A partial that does not fit the study's configuration (record count or width).
    case inconsistent(String)

    public var category: ErrorCategory { .invalidData }

    public var description: String {
        switch self {
        case .gap(let range): "no shard covers work items \(range.lowerBound)…\(range.upperBound - 1)"
        case .overlap(let range): "work items \(range.lowerBound)…\(range.upperBound - 1) are covered twice"
        case .columnsDiffer(let expected, let found):
            "partial columns differ: \(expected.joined(separator: ",")) vs \(found.joined(separator: ","))"
        case .inconsistent(let reason): "partial results do not fit the configuration: \(reason)"
        }
    }
}

extension Collection {
    /// The first index whose element satisfies `predicate` (which must be false then true along the collection).
    fileprivate func partitionPoint(_ predicate: (Element) -> Bool) -> Index {
        var low = startIndex
        var length = count
        while length > 0 {
            let half = length / 2
            let middle = index(low, offsetBy: half)
            if predicate(self[middle]) {
                length = half
            } else {
                low = index(after: middle)
                length -= half + 1
            }
        }
        return low
    }
}
