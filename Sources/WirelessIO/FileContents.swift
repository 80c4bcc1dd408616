import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole input files: the one place where every toolkit reader (CSV, SigMF, raw cf32, NPY,
/// checkpoints, run sidecars, the authors' dataset) opens a file, so that every failure is told in
/// words and names the file.
///
/// | what the path names                           | outcome                                                   |
/// |-----------------------------------------------|-----------------------------------------------------------|
/// | nothing                                       | `IOError.missingFile` (exit 74)                           |
/// | a directory                                   | `IOError.unreadable`, "it is a directory, not a file"     |
/// | a file this user may not read                 | `IOError.unreadable`, "permission denied …"               |
/// | a regular file                                | its bytes (possibly empty)                                |
/// | a pipe or socket (`<(cmd)`, `/dev/stdin`)     | every byte until end of stream                            |
/// | a character device that reads as empty (`/dev/null`) | empty data: the caller reports an empty file (exit 65) |
/// | any other device (`/dev/zero`, a disk)        | `IOError.unreadable`, "it is a device, not a file"        |
///
/// A device is never read to its end: `/dev/zero` would never end. Empty data is returned, not
/// thrown: whether an empty file is an error is the format's business (each reader reports it as
/// `IOError.truncated(file:expectedBytes:actualBytes: 0)`, "the file is empty").
public enum FileContents {
    /// Bytes asked of `read(2)` at a time when the size is not known in advance [bytes].
    static let chunkBytes = 1 << 16

    /// The bytes of the file at `url`.
    /// - Throws: `IOError.missingFile` (no such file), `IOError.unreadable` (a directory, no read
    ///   permission, a device, an I/O error; the reason in words).
    public static func read(_ url: URL) throws(IOError) -> Data {
        let path = url.path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(errno, path: path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw error(errno, path: path) }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            throw .unreadable(path: path, reason: "it is a directory, not a file")
        case S_IFREG:
            return try readToEnd(descriptor, path: path, expectedBytes: Int(status.st_size), limit: nil)
        case S_IFIFO, S_IFSOCK:
            return try readToEnd(descriptor, path: path, expectedBytes: 0, limit: nil)
        case S_IFCHR:
            // `/dev/null` reads as empty; a device with data (`/dev/zero`, a terminal) is refused
            // after one chunk instead of being read forever.
            let data = try readToEnd(descriptor, path: path, expectedBytes: 0, limit: 1)
            guard data.isEmpty else {
                throw .unreadable(
                    path: path,
                    reason: "it is a character device (such as /dev/zero), not a file; save the data to a file")
            }
            return data
        default:
            throw .unreadable(path: path, reason: "it is a device, not a regular file")
        }
    }

    /// Reads until end of file.
    /// - Parameters:
    ///   - expectedBytes: Size announced by `fstat` [bytes], ≥ 0; a hint (the file may change), read
    ///     into one buffer of that size so that a regular file is not copied while it is read.
    ///   - limit: Stop after this many reads have returned bytes; `nil` = read to the end.
    private static func readToEnd(_ descriptor: Int32, path: String, expectedBytes: Int, limit: Int?) throws(IOError)
        -> Data
    {
        var data = Data(count: max(expectedBytes, 0))
        var filled = 0
        var reads = 0
        var chunk = [UInt8](repeating: 0, count: chunkBytes)
        while true {
            let got: Int
            if filled < data.count {
                let room = data.count - filled
                got = data.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) -> Int in
                    POSIXDescriptor.read(descriptor, raw.baseAddress! + filled, room)
                }
            } else {
                got = chunk.withUnsafeMutableBytes { POSIXDescriptor.read(descriptor, $0.baseAddress!, chunkBytes) }
                if got > 0 {
                    data.count = filled
                    data.append(contentsOf: chunk[0..<got])
                }
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw error(errno, path: path)
            }
            if got == 0 { break }
            filled += got
            reads += 1
            if let limit, reads >= limit { break }
        }
        data.count = filled
        return data
    }

    /// The `IOError` for a failed `open`, `fstat` or `read`, in words.
    static func error(_ code: Int32, path: String) -> IOError {
        switch code {
        case ENOENT:
            return .missingFile(path: path)
        case EACCES, EPERM:
            return .unreadable(
                path: path, reason: "permission denied: this user may not read the file (check its mode)")
        case ENOTDIR:
            return .unreadable(path: path, reason: "a component of the path is a file, not a directory")
        case EISDIR:
            return .unreadable(path: path, reason: "it is a directory, not a file")
        case ELOOP:
            return .unreadable(path: path, reason: "too many levels of symbolic links")
        case ENAMETOOLONG:
            return .unreadable(path: path, reason: "the path is too long")
        case EIO:
            return .unreadable(path: path, reason: "input/output error while reading (a failing disk or network mount)")
        default:
            return .unreadable(path: path, reason: String(cString: strerror(code)))
        }
    }
}
