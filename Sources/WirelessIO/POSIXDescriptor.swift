import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The toolkit's raw file-descriptor calls, written once for its readers and writers.
enum POSIXDescriptor {
    /// POSIX `read(2)`: bytes read, 0 at the end, −1 on error (`errno` set).
    static func read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    /// Writes all of `data` to `descriptor` (retrying short writes and `EINTR`).
    /// - Returns: nil on success, else the system's description of the error.
    static func writeAll(_ data: Data, to descriptor: Int32) -> String? {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> String? in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return lastErrorText()
                }
                offset += written
            }
            return nil
        }
    }

    /// `strerror(errno)`.
    static func lastErrorText() -> String { String(cString: strerror(errno)) }
}
