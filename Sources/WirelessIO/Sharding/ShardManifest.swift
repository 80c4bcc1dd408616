import Foundation
import WirelessCore

/// What a shard wrote and under which configuration: `<name>.shard-K-of-N.json` beside its partial files.
///
/// `wtk merge` accepts shards only when their command, configuration hash, seed, toolkit version and
/// shard count agree, every shard 1…N is present once, and every listed file has its recorded CRC-32.
public struct ShardManifest: Codable, Equatable, Sendable {
    /// Version of this layout.
    public var layout = 1
    /// Subcommand names (`["isac", "sweep"]`).
    public var command: [String]
    /// The configuration's arguments as typed (without `--shard`, `--out-dir`, `--quiet`).
    public var arguments: [String]
    /// `CommandInvocation.configurationHash` of command and arguments.
    public var configurationHash: String
    /// The run's seed.
    public var seed: UInt64
    /// `ToolkitVersion.string` of the writer.
    public var toolkitVersion: String
    /// Base name of the outputs.
    public var name: String
    /// K (1-based).
    public var shardIndex: Int
    /// N.
    public var shardCount: Int
    /// Number of work items of the whole study.
    public var workItems: Int
    /// This shard's work items [lower, upper).
    public var itemLower: Int
    public var itemUpper: Int
    /// Files of the shard (names in its folder, or set folders for `figures`) → CRC-32 (8 hex digits;
    /// empty for folders).
    public var files: [String: String]

    public var shard: Shard { get throws { try Shard(index: shardIndex, count: shardCount) } }

    /// A manifest (layout 1).
    public init(
        command: [String], arguments: [String], configurationHash: String, seed: UInt64, toolkitVersion: String,
        name: String, shardIndex: Int, shardCount: Int, workItems: Int, itemLower: Int, itemUpper: Int,
        files: [String: String]
    ) {
        self.command = command
        self.arguments = arguments
        self.configurationHash = configurationHash
        self.seed = seed
        self.toolkitVersion = toolkitVersion
        self.name = name
        self.shardIndex = shardIndex
        self.shardCount = shardCount
        self.workItems = workItems
        self.itemLower = itemLower
        self.itemUpper = itemUpper
        self.files = files
    }

    /// `<name>.shard-K-of-N`.
    public static func stem(name: String, shard: Shard) -> String { "\(name).shard-\(shard.index)-of-\(shard.count)" }

    /// The manifest's file name.
    public static func fileName(name: String, shard: Shard) -> String { stem(name: name, shard: shard) + ".json" }

    /// Whether `fileName` is a manifest's name (`*.shard-K-of-N.json`).
    public static func isManifestName(_ fileName: String) -> Bool {
        guard fileName.hasSuffix(".json") else { return false }
        let stem = fileName.dropLast(5)
        guard let range = stem.range(of: ".shard-", options: .backwards) else { return false }
        let parts = stem[range.upperBound...].components(separatedBy: "-of-")
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && Int($0) != nil }
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a manifest.
    /// - Throws: `ShardMergeError.badShard` naming the folder (unreadable or not a manifest).
    public static func read(_ url: URL) throws -> ShardManifest {
        let folder = url.deletingLastPathComponent().path
        let data: Data
        do { data = try FileContents.read(url) } catch {
            throw ShardMergeError.badShard(folder: folder, reason: "cannot read \(url.lastPathComponent): \(error)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do { return try decoder.decode(ShardManifest.self, from: data) } catch {
            throw ShardMergeError.badShard(
                folder: folder,
                reason: "\(url.lastPathComponent) is not a shard manifest: \(DecodingProblem.text(error))")
        }
    }

    /// CRC-32 of `data` as 8 hex digits.
    public static func checksum(_ data: Data) -> String {
        let hex = String(CRC32.checksum(data), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
