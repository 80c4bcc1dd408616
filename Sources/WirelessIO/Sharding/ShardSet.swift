import Foundation
import WirelessCore

/// The shards `wtk merge` was given, checked to be one complete run: same command, configuration,
/// seed, toolkit version and shard count; every shard 1…N exactly once; every file as recorded.
public struct ShardSet: Sendable {
    /// One shard: its manifest and folder.
    public struct Member: Sendable {
        public var manifest: ShardManifest
        public var folder: URL
    }

    /// The shards, in shard order.
    public var members: [Member]
    /// Where the merged files go.
    public var outputDirectory: String
    /// `--quiet` of the merge.
    public var quiet: Bool

    /// Shard 1's manifest.
    public var reference: ShardManifest { members[0].manifest }

    /// `"1/3 dir-a; 2/3 dir-b; …"`, recorded in the merged files' metadata.
    public var record: String {
        members.map { "\($0.manifest.shardIndex)/\($0.manifest.shardCount) \($0.folder.path)" }.joined(separator: "; ")
    }

    /// Every manifest in `folders` (`*.shard-K-of-N.json`), checked for agreement.
    /// - Returns: The set, and the shard labels missing (empty when complete).
    /// - Throws: `ShardMergeError` naming the folder at fault.
    public static func load(_ folders: [String], outputDirectory: String, quiet: Bool) throws -> (
        ShardSet, missing: [String]
    ) {
        var members: [Member] = []
        for path in folders {
            let folder = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
            else { throw ShardMergeError.badShard(folder: path, reason: "no such folder") }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                .filter(ShardManifest.isManifestName)
            guard !names.isEmpty else {
                throw ShardMergeError.badShard(
                    folder: path, reason: "no shard manifest (<name>.shard-K-of-N.json); was it run with --shard?")
            }
            for name in names {
                members.append(
                    Member(manifest: try ShardManifest.read(folder.appendingPathComponent(name)), folder: folder))
            }
        }
        members.sort { ($0.manifest.shardIndex, $0.folder.path) < ($1.manifest.shardIndex, $1.folder.path) }
        let first = members[0]
        func label(_ member: Member) -> String {
            "\(member.folder.path) (shard \(member.manifest.shardIndex)/\(member.manifest.shardCount))"
        }
        for member in members.dropFirst() {
            let (m, r) = (member.manifest, first.manifest)
            let checks: [(String, String, String)] = [
                ("the output name", m.name, r.name),
                ("the command", m.command.joined(separator: " "), r.command.joined(separator: " ")),
                ("the toolkit version", m.toolkitVersion, r.toolkitVersion),
                ("the seed", String(m.seed), String(r.seed)),
                (
                    "the configuration (hash of the options)",
                    "\(m.configurationHash) [\(m.arguments.joined(separator: " "))]",
                    "\(r.configurationHash) [\(r.arguments.joined(separator: " "))]"
                ),
                ("the shard count", String(m.shardCount), String(r.shardCount)),
                ("the work-item count", String(m.workItems), String(r.workItems)),
            ]
            for (field, found, expected) in checks where found != expected {
                throw ShardMergeError.mismatched(
                    folder: member.folder.path, field: field, found: found, expected: expected, reference: label(first))
            }
        }
        for member in members {
            let m = member.manifest
            guard m.shardCount >= 1, m.shardIndex >= 1, m.shardIndex <= m.shardCount else {
                throw ShardMergeError.badShard(
                    folder: member.folder.path, reason: "shard \(m.shardIndex)/\(m.shardCount) is out of range")
            }
        }
        var byIndex: [Int: [Member]] = [:]
        for member in members { byIndex[member.manifest.shardIndex, default: []].append(member) }
        for index in byIndex.keys.sorted() where byIndex[index]!.count > 1 {
            throw ShardMergeError.duplicated(
                shard: "\(index)/\(first.manifest.shardCount)", folders: byIndex[index]!.map(\.folder.path))
        }
        let count = first.manifest.shardCount
        let missing = (1...count).filter { byIndex[$0] == nil }.map { "\($0)/\(count)" }
        return (ShardSet(members: members, outputDirectory: outputDirectory, quiet: quiet), missing)
    }

    /// Checks every listed file's CRC-32 and joins the partials (files named `*.partial.csv`) into the
    /// partial of all `itemCount` work items.
    /// - Throws: `ShardMergeError.badShard` (changed or unreadable file, items other than the shard's),
    ///   `StudyPartialError`.
    public func combinedPartial(itemCount: Int) throws -> StudyPartial {
        var parts: [StudyPartial] = []
        for member in members {
            let m = member.manifest
            guard m.workItems == itemCount else {
                throw ShardMergeError.badShard(
                    folder: member.folder.path, reason: "it has \(m.workItems) work items; the command has \(itemCount)"
                )
            }
            let expected = (try m.shard).workItems(of: itemCount)
            for (file, crc) in m.files.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".partial.csv") {
                let data = try checkedFile(file, crc: crc, in: member)
                let part = try StudyPartialText.decode(data, file: file, folder: member.folder.path)
                guard part.items == expected else {
                    throw ShardMergeError.badShard(
                        folder: member.folder.path,
                        reason:
                            "\(file) covers work items \(part.items), shard \(m.shardIndex)/\(m.shardCount) runs \(expected)"
                    )
                }
                parts.append(part)
            }
        }
        return try StudyPartial.combined(parts, itemCount: itemCount)
    }

    /// The bytes of `file` in `member`'s folder, checked against its CRC-32.
    public func checkedFile(_ file: String, crc: String, in member: Member) throws -> Data {
        let url = member.folder.appendingPathComponent(file)
        let data: Data
        do { data = try FileContents.read(url) } catch {
            throw ShardMergeError.badShard(folder: member.folder.path, reason: "cannot read \(file): \(error)")
        }
        guard ShardManifest.checksum(data) == crc else {
            throw ShardMergeError.badShard(
                folder: member.folder.path,
                reason: "\(file) does not match its manifest (CRC-32 differs): rerun the shard")
        }
        return data
    }

    /// Checks every file a manifest lists: a partial against its CRC-32, a listed folder (a figure set,
    /// recorded without a checksum) for being there.
    /// - Throws: `ShardMergeError.badShard` naming the folder and the file.
    public func verifyFiles() throws {
        for member in members {
            for (file, crc) in member.manifest.files.sorted(by: { $0.key < $1.key }) {
                if crc.isEmpty {
                    var isDirectory: ObjCBool = false
                    let path = member.folder.appendingPathComponent(file).path
                    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue
                    else {
                        throw ShardMergeError.badShard(folder: member.folder.path, reason: "\(file)/ is missing")
                    }
                } else {
                    _ = try checkedFile(file, crc: crc, in: member)
                }
            }
        }
    }

    /// What `wtk merge --check` prints: the run, then each shard's folder or `missing`.
    public var checkReport: [String] {
        let reference = self.reference
        var present: [Int: String] = [:]
        for member in members { present[member.manifest.shardIndex] = member.folder.path }
        var lines = [
            "\(reference.command.joined(separator: " ")) '\(reference.name)': \(reference.workItems) work items in \(reference.shardCount) shards, seed \(reference.seed)"
        ]
        for index in 1...reference.shardCount {
            lines.append("shard \(index)/\(reference.shardCount): \(present[index] ?? "missing")")
        }
        return lines
    }
}
