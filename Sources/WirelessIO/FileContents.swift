import Foundation

/// Reads whole files, mapping failures to `IOError` (missing → `missingFile`, anything else → `unreadable`).
enum FileContents {
    static func read(_ url: URL) throws(IOError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .missingFile(path: url.path)
        }
        if isDirectory.boolValue { throw .unreadable(path: url.path, reason: "it is a directory, not a file") }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: String(describing: error))
        }
    }
}
