import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see either the old content or the complete new content, never a
/// partial file.
///
///     1. create  <dir>/.<name>.tmp-<pid>-<uuid>   (O_CREAT | O_EXCL, same directory ⇒ same file system)
///     2. write all bytes, fsync(2)                (the data is on disk before the rename makes it visible)
///     3. rename(2) over <dir>/<name>              (atomic replacement on POSIX file systems)
///
/// On any failure the temporary file is removed and the target is left untouched. The directory
/// itself is not fsynced (a crash right after the rename may show the old file; it never shows a torn one).
/// New files get mode 0666 masked by the process umask, like any `open(2)`-created file.
///
/// Inside a run (`OutputTransaction.current` bound, as `wtk` does around every command) the file is
/// staged instead and appears with the run's other outputs when the run succeeds; see `OutputTransaction`.
/// A process killed between steps 1 and 3 leaves its temporary; `OutputTransaction.removeStaleTemporaries(in:)`
/// removes it once the process id in its name is no longer alive.
public enum AtomicFileWriter {
    /// Atomically replaces (or creates) the file at `url` with `data`, or stages it in the bound
    /// `OutputTransaction` (the file then appears when the transaction commits).
    /// - Throws: `IOError.unwritable` naming the path and the system's reason (missing directory,
    ///   permission denied, disk full, target is a directory, ...).
    public static func write(_ data: Data, to url: URL) throws(IOError) {
        if let transaction = OutputTransaction.current {
            try transaction.stage(data, for: url)
        } else {
            try writeInPlace(data, to: url)
        }
    }

    /// Atomically replaces (or creates) the file at `url` with `data` now, whatever transaction is bound.
    /// - Throws: `IOError.unwritable`.
    public static func writeInPlace(_ data: Data, to url: URL) throws(IOError) {
        let targetPath = url.path
        let directory = url.deletingLastPathComponent().path
        let temporaryPath =
            (directory.isEmpty ? "." : directory) + "/.\(url.lastPathComponent).tmp-\(getpid())-\(UUID().uuidString)"

        let descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw .unwritable(path: targetPath, reason: POSIXDescriptor.lastErrorText()) }

        var failure = POSIXDescriptor.writeAll(data, to: descriptor)
        if failure == nil && fsync(descriptor) != 0 { failure = POSIXDescriptor.lastErrorText() }
        if close(descriptor) != 0 && failure == nil { failure = POSIXDescriptor.lastErrorText() }
        if failure == nil && rename(temporaryPath, targetPath) != 0 { failure = POSIXDescriptor.lastErrorText() }
        if let failure {
            unlink(temporaryPath)
            throw .unwritable(path: targetPath, reason: failure)
        }
    }

    /// Atomically writes `text` encoded as UTF-8 (no byte-order mark).
    /// - Throws: `IOError.unwritable`.
    public static func write(_ text: String, to url: URL) throws(IOError) {
        try write(Data(text.utf8), to: url)
    }
}
