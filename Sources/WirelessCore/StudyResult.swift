/// What a `Study` returns, beyond its typed fields: its tables (named, unit-carrying columns), its
/// figures (series) and a one-line summary.
public protocol StudyResult: Sendable {
    /// The tables, in the order the command line writes them; `StudyTable.name` is the file-name suffix.
    var tables: [StudyTable] { get }
    /// The figures, in the order the command line writes them.
    var plots: [StudyPlot] { get }
    /// A one-line human summary (what the command line prints on stderr).
    var summary: String { get }
}

extension StudyResult {
    /// The table whose suffix is `name`, with or without its leading `-` or `_` (`"models"` finds
    /// `-models`); nil if there is none.
    public func table(named name: String) -> StudyTable? {
        tables.first { $0.name == name || $0.name.dropFirst() == name[...] }
    }
}

/// A result with exactly one table and one figure: `tables` and `plots` follow from them.
public protocol SingleTableStudyResult: StudyResult {
    /// The table.
    var table: StudyTable { get }
    /// The figure.
    var plot: StudyPlot { get }
}

extension SingleTableStudyResult {
    public var tables: [StudyTable] { [table] }
    public var plots: [StudyPlot] { [plot] }
}
