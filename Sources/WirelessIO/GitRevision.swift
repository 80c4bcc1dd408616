import Foundation

/// Finds the commit checked out in the git repository that contains a folder, by reading files
/// only (no `git` subprocess).
///
///     walk up from the folder to the first `.git` (a folder, or a file `gitdir: <path>` for worktrees)
///     HEAD = "ref: refs/heads/x"  → <gitdir>/refs/heads/x, else <commondir>/refs/heads/x,
///                                   else the matching line of <commondir>/packed-refs
///     HEAD = "<40 hex>"           → detached head, that commit
///
/// Returns `nil` when any step fails (no repository, unborn branch, unreadable files).
public enum GitRevision {
    /// The 40-hex commit id of HEAD for the repository containing `folder`, or `nil`.
    public static func current(startingAt folder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        -> String?
    {
        guard let gitDirectory = findGitDirectory(from: folder.standardizedFileURL) else { return nil }
        guard let head = readTrimmed(gitDirectory.appendingPathComponent("HEAD")) else { return nil }
        if isCommitID(head) { return head }
        guard head.hasPrefix("ref:") else { return nil }
        let reference = head.dropFirst(4).trimmingCharacters(in: .whitespaces)
        var commonDirectory = gitDirectory
        if let common = readTrimmed(gitDirectory.appendingPathComponent("commondir")) {
            commonDirectory =
                common.hasPrefix("/")
                ? URL(fileURLWithPath: common) : gitDirectory.appendingPathComponent(common).standardizedFileURL
        }
        for base in [gitDirectory, commonDirectory] {
            if let id = readTrimmed(base.appendingPathComponent(reference)), isCommitID(id) { return id }
        }
        if let packed = try? String(contentsOf: commonDirectory.appendingPathComponent("packed-refs"), encoding: .utf8)
        {
            for line in packed.split(whereSeparator: \.isNewline) {
                let parts = line.split(separator: " ", maxSplits: 1)
                if parts.count == 2 && parts[1] == reference && isCommitID(String(parts[0])) { return String(parts[0]) }
            }
        }
        return nil
    }

    static func findGitDirectory(from start: URL) -> URL? {
        var folder = start
        while true {
            let candidate = folder.appendingPathComponent(".git")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { return candidate }
                if let pointer = readTrimmed(candidate), pointer.hasPrefix("gitdir:") {
                    let path = pointer.dropFirst(7).trimmingCharacters(in: .whitespaces)
                    return path.hasPrefix("/")
                        ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path).standardizedFileURL
                }
                return nil
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path || folder.path == "/" { return nil }
            folder = parent
        }
    }

    private static func readTrimmed(_ url: URL) -> String? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isCommitID(_ text: String) -> Bool {
        (text.utf8.count == 40 || text.utf8.count == 64)
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            }
    }
}
