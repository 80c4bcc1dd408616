import WirelessCore

/// Why `wtk merge` refuses its shards (category `.invalidData`, exit 65; nothing is written).
public enum ShardMergeError: CategorizedError, Equatable {
    /// A shard folder with a problem of its own (no manifest, unreadable or changed partial file).
    case badShard(folder: String, reason: String)
    /// A shard from another run: `field` differs from the first shard's.
    case mismatched(folder: String, field: String, found: String, expected: String, reference: String)
    /// The same shard K/N in two folders.
    case duplicated(shard: String, folders: [String])
    /// Shards that no folder holds.
    case missing(shards: [String], count: Int)

    public var category: ErrorCategory { .invalidData }

    public var description: String {
        switch self {
        case .badShard(let folder, let reason): "shard folder \(folder): \(reason)"
        case .mismatched(let folder, let field, let found, let expected, let reference):
            "shard folder \(folder): \(field) is \(found), but \(reference) has \(expected) (shards of another run cannot be merged)"
        case .duplicated(let shard, let folders):
            "shard \(shard) appears more than once: in \(folders.joined(separator: " and "))"
        case .missing(let shards, let count):
            "missing shard\(shards.count == 1 ? "" : "s") \(shards.joined(separator: ", ")) of \(count) (rerun them, or check with 'wtk merge --check')"
        }
    }
}
