import Foundation

/// A folder that output files are written into; created (with intermediate folders) on `init`.
public struct OutputDirectory: Sendable, Equatable {
    /// The folder.
    public let url: URL

    /// Creates the folder at `url` if needed.
    /// - Throws: `IOError.unwritable` if it cannot be created or a non-folder is in the way.
    public init(url: URL) throws(IOError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .unwritable(path: url.path, reason: "a file with this name exists where a folder is needed")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw .unwritable(path: url.path, reason: String(describing: error))
            }
        }
        self.url = url
    }

    /// Creates the folder at `path` (relative paths resolve against the current directory).
    public init(path: String) throws(IOError) {
        try self.init(url: URL(fileURLWithPath: path, isDirectory: true))
    }

    /// The URL of `fileName` inside this folder (no file is created).
    public func file(_ fileName: String) -> URL {
        url.appendingPathComponent(fileName, isDirectory: false)
    }

    /// Atomically writes `data` to `fileName` in this folder (staged when an `OutputTransaction` is
    /// bound); returns its URL.
    /// - Throws: `IOError.unwritable` when `fileName` is not a plain file name (see `OutputFileName`;
    ///   a file never lands outside this folder) or the file cannot be written.
    @discardableResult
    public func write(_ data: Data, named fileName: String) throws(IOError) -> URL {
        if let problem = OutputFileName.problem(with: fileName) {
            throw .unwritable(path: url.path, reason: "'\(fileName)' is not a plain file name: \(problem)")
        }
        let target = file(fileName)
        try AtomicFileWriter.write(data, to: target)
        return target
    }

    /// Atomically writes UTF-8 `text` to `fileName` in this folder; returns its URL.
    @discardableResult
    public func write(_ text: String, named fileName: String) throws(IOError) -> URL {
        try write(Data(text.utf8), named: fileName)
    }
}
