import Foundation

/// Helpers that turn one fuzz input into the files or parts a reader expects.
enum FuzzInput {
    /// Splits `data` at its first NUL byte: (before, after). Without a NUL, `after` is empty.
    ///
    /// Used for two-file formats whose first file is JSON text (which never holds a NUL byte):
    /// `meta JSON ␀ sample bytes`.
    static func splitAtFirstNUL(_ data: Data) -> (head: Data, tail: Data) {
        guard let index = data.firstIndex(of: 0) else { return (data, Data()) }
        return (Data(data[data.startIndex..<index]), Data(data[data.index(after: index)...]))
    }

    /// A scratch folder private to this process, created once and reused by every run.
    ///
    /// In `$WTK_FUZZ_SCRATCH`, else `/dev/shm` (memory: on a disk, the per-run writes cost about 6 ms
    /// of block I/O each and slow the file targets 50-fold), else the temporary folder.
    static let scratch: URL = {
        var isDirectory: ObjCBool = false
        let shm = FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory) && isDirectory.boolValue
        let base =
            ProcessInfo.processInfo.environment["WTK_FUZZ_SCRATCH"] ?? (shm ? "/dev/shm" : NSTemporaryDirectory())
        let url = URL(fileURLWithPath: base, isDirectory: true)
            .appendingPathComponent("wtk-fuzz-\(getpid())", isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Writes `data` to `name` in the scratch folder (replacing it) and returns its URL.
    static func file(_ name: String, _ data: Data) -> URL {
        let url = scratch.appendingPathComponent(name)
        // A failed write is the machine's fault, not the reader's: stop loudly rather than fuzz nothing.
        do { try data.write(to: url) } catch { fatalError("fuzz harness cannot write \(url.path): \(error)") }
        return url
    }
}
