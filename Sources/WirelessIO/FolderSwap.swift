import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a folder by a fully built one, so that readers see the old folder or the new one, never a mix.
///
///     Linux:     renameat2(built, target, RENAME_EXCHANGE)   one atomic step; then remove the old
///                 folder, now at the built folder's path
///     otherwise: rename(target → .wtk-staging-<pid>-<uuid>), rename(built → target), remove the old
///
/// The built folder should be a sibling of the target (same file system), named like a staging folder
/// (`OutputTransaction.stagingFolderName()`) so that a run killed before the swap leaves only
/// something `OutputTransaction.removeStaleTemporaries(in:)` cleans up.
public enum FolderSwap {
    /// Puts `built` at `target`, replacing whatever folder was there, and deletes the old folder.
    /// - Throws: `IOError.unwritable` naming `target` when neither the exchange nor the renames work
    ///   (the old folder is then still in place).
    public static func replace(_ target: URL, with built: URL) throws(IOError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
            if rename(built.path, target.path) != 0 {
                throw .unwritable(path: target.path, reason: String(cString: strerror(errno)))
            }
            return
        }
        guard isDirectory.boolValue else {
            throw .unwritable(path: target.path, reason: "a file with this name is in the way of the folder")
        }
        if exchange(built.path, target.path) {
            try? manager.removeItem(atPath: built.path)
            return
        }
        let old = target.deletingLastPathComponent().appendingPathComponent(OutputTransaction.stagingFolderName())
        if rename(target.path, old.path) != 0 {
            throw .unwritable(path: target.path, reason: String(cString: strerror(errno)))
        }
        if rename(built.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            _ = rename(old.path, target.path)
            throw .unwritable(path: target.path, reason: reason)
        }
        try? manager.removeItem(at: old)
    }

    /// Atomically exchanges two paths with renameat2(2) where the C library has it (glibc ≥ 2.28);
    /// false when it is missing or the file system refuses (the caller then falls back to two renames).
    static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
            typealias RenameAt2 =
                @convention(c) (
                    Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
                ) -> Int32
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let atCurrentDirectory: Int32 = -100  // AT_FDCWD
            let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE
            return renameat2(atCurrentDirectory, first, atCurrentDirectory, second, exchangeFlag) == 0
        #else
            return false
        #endif
    }
}
