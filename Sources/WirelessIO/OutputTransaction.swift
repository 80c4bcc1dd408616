import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The files of one run, staged out of sight and moved into place together at the end, or not at all.
///
/// While a transaction is bound to `OutputTransaction.current` (a task-local value; `wtk` binds one
/// around each command), every `AtomicFileWriter` write — tables, SVGs, sidecars, SigMF pairs, `.npy`
/// files — goes to a staging folder beside its target instead of the target itself:
///
///     <dir>/.wtk-staging-<pid>-<uuid>/<name>      staged (complete, fsynced)
///     commit:  rename(2) each staged file over <dir>/<name>, then remove the staging folders
///     discard: remove the staging folders (the targets were never touched)
///
/// A staging folder lives in the target's own folder, so the final rename stays on one file system.
/// Before moving anything, `commit` checks that every target can be replaced (no folder in the way),
/// so a failing commit normally moves nothing; only an I/O failure between two renames (disk pulled,
/// permissions changed mid-run) can leave part of a run. A process killed before `commit` leaves only
/// its staging folder, which a later run removes (`removeStaleTemporaries(in:)`), since the process id
/// in its name is no longer alive.
///
/// Writes made on threads that do not see the task-local value (`DispatchQueue.concurrentPerform`
/// workers) and writes made with no transaction bound go straight to their targets, as before.
///
/// Thread safety: `stage`, `commit` and `discard` may be called from any thread (one lock).
public final class OutputTransaction: @unchecked Sendable {
    // Safety: every mutable field is read and written only while holding `lock`.
    private let lock = NSLock()
    private let folderName: String
    private var stagingFolders: [String: URL] = [:]
    private var folderOrder: [String] = []
    private var stagedTargets: [String] = []
    private var stagedFiles: [String: (staged: URL, target: URL)] = [:]
    private var finished = false

    /// The transaction that file writes of the current task go through, if any.
    @TaskLocal public static var current: OutputTransaction?

    /// Prefix of every staging folder (`.wtk-staging-<pid>-<uuid>`).
    public static let stagingPrefix = ".wtk-staging-"

    /// An empty transaction owned by this process.
    public init() {
        folderName = Self.stagingFolderName()
    }

    /// A fresh staging-folder name for this process: `.wtk-staging-<pid>-<uuid>`.
    public static func stagingFolderName() -> String {
        "\(stagingPrefix)\(getpid())-\(UUID().uuidString)"
    }

    /// Runs `body` with a new transaction bound, commits it if `body` returns, discards it if `body` throws.
    /// When a transaction is already bound, `body` joins it (the outer run commits).
    /// - Throws: `body`'s error (after discarding), or `IOError.unwritable` from the commit.
    public static func run<T>(_ body: () throws -> T) throws -> T {
        if current != nil { return try body() }
        let transaction = OutputTransaction()
        let result: T
        do {
            result = try $current.withValue(transaction) { try body() }
        } catch {
            transaction.discard()
            throw error
        }
        try transaction.commit()
        return result
    }

    /// Runs `body` with no transaction bound: its writes go straight to their targets.
    ///
    /// For files that must survive an interruption of the run, such as a training checkpoint that
    /// `--resume` reads back, and for builders that publish a whole folder themselves.
    public static func writingInPlace<T>(_ body: () throws -> T) rethrows -> T {
        try $current.withValue(nil) { try body() }
    }

    /// Writes `data` into this transaction's staging folder beside `target`; the target appears at `commit`.
    ///
    /// A later stage of the same target replaces the earlier one.
    /// - Throws: `IOError.unwritable` when the target's folder is missing or unwritable, a folder is in
    ///   the target's place, or the data cannot be written (disk full).
    public func stage(_ data: Data, for target: URL) throws(IOError) {
        let target = target.standardizedFileURL
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw .unwritable(path: target.path, reason: "a folder with this name is in the way")
        }
        let folder = try stagingFolder(for: target.deletingLastPathComponent())
        let staged = folder.appendingPathComponent(target.lastPathComponent, isDirectory: false)
        try AtomicFileWriter.writeInPlace(data, to: staged)
        lock.lock()
        defer { lock.unlock() }
        precondition(!finished, "OutputTransaction: a write after commit or discard")
        if stagedFiles[target.path] == nil { stagedTargets.append(target.path) }
        stagedFiles[target.path] = (staged, target)
    }

    /// The targets staged so far, in the order of their first write.
    public var stagedPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stagedTargets
    }

    /// Moves every staged file over its target, then removes the staging folders.
    /// - Throws: `IOError.unwritable` naming the target that cannot be replaced (the staging
    ///   folders are removed in every case).
    public func commit() throws(IOError) {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        defer { removeStagingFolders() }
        for path in stagedTargets {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw .unwritable(path: path, reason: "a folder with this name is in the way")
            }
        }
        for path in stagedTargets {
            guard let entry = stagedFiles[path] else { continue }
            if rename(entry.staged.path, entry.target.path) != 0 {
                throw .unwritable(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Drops every staged file; no target is touched.
    public func discard() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        finished = true
        removeStagingFolders()
    }

    private func removeStagingFolders() {
        for key in folderOrder {
            if let folder = stagingFolders[key] { try? FileManager.default.removeItem(at: folder) }
        }
        stagingFolders.removeAll()
    }

    /// This transaction's staging folder inside `directory`, created on first use (after removing
    /// temporaries that dead processes left there).
    private func stagingFolder(for directory: URL) throws(IOError) -> URL {
        lock.lock()
        defer { lock.unlock() }
        precondition(!finished, "OutputTransaction: a write after commit or discard")
        if let folder = stagingFolders[directory.path] { return folder }
        Self.removeStaleTemporaries(in: directory)
        let folder = directory.appendingPathComponent(folderName, isDirectory: true)
        if mkdir(folder.path, 0o777) != 0 {
            throw .unwritable(
                path: directory.path,
                reason: "cannot create the staging folder \(folderName): \(String(cString: strerror(errno)))")
        }
        stagingFolders[directory.path] = folder
        folderOrder.append(directory.path)
        return folder
    }

    // MARK: Stale temporaries

    /// Removes, directly inside `directory`, the temporaries of processes that no longer run:
    /// `AtomicFileWriter` files `.<name>.tmp-<pid>-<uuid>` and staging folders `.wtk-staging-<pid>-<uuid>`
    /// whose `<pid>` is not a live process. Entries of live processes (this one included) are kept.
    /// Silently does nothing when the folder cannot be listed.
    ///
    /// - Returns: The names removed, sorted.
    @discardableResult
    public static func removeStaleTemporaries(in directory: URL) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        var removed: [String] = []
        for name in names.sorted() {
            guard let pid = temporaryOwner(of: name), !isProcessAlive(pid) else { continue }
            if (try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))) != nil {
                removed.append(name)
            }
        }
        return removed
    }

    /// The process id in a temporary's name, or nil when `name` is not one of ours.
    ///
    ///     .wtk-staging-<pid>-<uuid>         staging folder
    ///     .<name>.tmp-<pid>-<uuid>          AtomicFileWriter temporary
    static func temporaryOwner(of name: String) -> Int32? {
        guard name.hasPrefix("."), name.count > 38 else { return nil }
        let uuidText = String(name.suffix(36))
        guard UUID(uuidString: uuidText) != nil else { return nil }
        let head = name.dropLast(37)  // drop "-<uuid>"
        guard name.dropLast(36).hasSuffix("-") else { return nil }
        let digits = head.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 10 else { return nil }
        let before = head.dropLast(digits.count)
        guard before == stagingPrefix || before.hasSuffix(".tmp-") else { return nil }
        guard let pid = Int32(String(digits.reversed())), pid > 0 else { return nil }
        return pid
    }

    /// Whether a process with this id exists (signal 0 probes without sending anything; EPERM means
    /// it exists but belongs to another user).
    static func isProcessAlive(_ pid: Int32) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
