/// Format of the tables a command writes.
public enum TableFormat: String, CaseIterable, Sendable {
    /// RFC 4180 CSV with a header row carrying units (`distance_m`).
    case csv
    /// A JSON object `{"columns": [...], "rows": [[...], ...]}` with the same column names.
    case json
}
