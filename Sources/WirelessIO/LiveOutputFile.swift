import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An output that grows while a run goes on (a streaming command's rows, written as they are known) and
/// takes its final name only when the run succeeds.
///
///     1. create <dir>/<name>.part                   (truncating an old one)
///     2. append(_:) writes each piece with write(2) (no user-space buffer: `tail -f <name>.part` sees it at once)
///     3. finish(): fsync(2), rename(2) to <dir>/<name>   (atomic: <name> is complete or absent)
///
/// A run that fails or is killed leaves `<name>.part` with every piece appended so far, and no `<name>`; a
/// reader of `<name>` never sees a partial file. The file does not go through `OutputTransaction` (a
/// transaction stages whole files in memory; this one may be long and must be visible while it grows).
public final class LiveOutputFile {
    /// The final file.
    public let url: URL
    /// The growing file (`<name>.part`).
    public let partURL: URL
    private var descriptor: Int32

    /// Creates `<url>.part`.
    /// - Throws: `IOError.unwritable`.
    public init(url: URL) throws(IOError) {
        self.url = url
        partURL = URL(fileURLWithPath: url.path + ".part")
        descriptor = open(partURL.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw .unwritable(path: partURL.path, reason: String(cString: strerror(errno)))
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Appends `text` (UTF-8) now.
    /// - Throws: `IOError.unwritable` (disk full, closed).
    public func append(_ text: String) throws(IOError) { try append(Data(text.utf8)) }

    /// Appends `data` now.
    /// - Throws: `IOError.unwritable` (disk full, closed).
    public func append(_ data: Data) throws(IOError) {
        guard descriptor >= 0 else { throw .unwritable(path: partURL.path, reason: "the file is already finished") }
        if let failure = POSIXDescriptor.writeAll(data, to: descriptor) {
            throw .unwritable(path: partURL.path, reason: failure)
        }
    }

    /// Syncs the file and renames it to its final name.
    /// - Throws: `IOError.unwritable`.
    public func finish() throws(IOError) {
        guard descriptor >= 0 else { return }
        var failure: String?
        if fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        descriptor = -1
        if failure == nil && rename(partURL.path, url.path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure { throw .unwritable(path: url.path, reason: failure) }
    }
}
