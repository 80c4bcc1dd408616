import Foundation
import Testing

@testable import WirelessIO

@Suite struct AtomicFileWriterTests {
    @Test func writesContentAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let target = folder.file("out.csv")
        try AtomicFileWriter.write("first\n", to: target)
        try AtomicFileWriter.write("second\n", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "second\n")
        #expect(try folder.contents() == ["out.csv"])
    }

    @Test func failureInMissingDirectoryIsUnwritable() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let target = folder.file("no-such-dir/out.csv")
        #expect {
            try AtomicFileWriter.write("x", to: target)
        } throws: { error in
            guard case .unwritable(let path, _) = error as? IOError else { return false }
            return path == target.path
        }
        #expect(try folder.contents().isEmpty)
    }

    /// A rename that cannot happen (the target is a non-empty folder) must keep the target and remove the temp file.
    @Test func failedRenameKeepsTargetAndRemovesTemporaryFile() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let target = folder.file("blocked")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside.txt"))
        #expect(throws: IOError.self) { try AtomicFileWriter.write("new", to: target) }
        #expect(try folder.contents() == ["blocked"])
        #expect(try String(contentsOf: target.appendingPathComponent("inside.txt"), encoding: .utf8) == "keep")
    }

    /// Writing into a read-only folder fails before anything is created; the existing target is untouched.
    @Test func readOnlyFolderKeepsExistingTarget() throws {
        guard getuid() != 0 else { return }  // root ignores permission bits; covered by the rename test above
        let folder = try TemporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.url.path)
            folder.remove()
        }
        let target = folder.file("out.txt")
        try AtomicFileWriter.write("old", to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.url.path)
        #expect(throws: IOError.self) { try AtomicFileWriter.write("new", to: target) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        #expect(try folder.contents() == ["out.txt"])
    }

    @Test func outputDirectoryCreatesNestedFolders() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let output = try OutputDirectory(url: folder.file("a/b/c"))
        let written = try output.write("hello", named: "x.txt")
        #expect(written.lastPathComponent == "x.txt")
        #expect(try String(contentsOf: written, encoding: .utf8) == "hello")
        _ = try OutputDirectory(url: folder.file("a/b/c"))  // existing folder is fine
        #expect(throws: IOError.self) { try OutputDirectory(url: written) }  // a file is in the way
    }

    @Test func csvWriterWritesAtomically() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let target = folder.file("t.csv")
        try CSVWriter().write(CSVTable(columns: [("x_m", [1, 2])]), to: target)
        #expect(try CSVReader.read(contentsOf: target).doubles(column: "x_m") == [1, 2])
        #expect(throws: IOError.missingFile(path: folder.file("none.csv").path)) {
            try CSVReader.read(contentsOf: folder.file("none.csv"))
        }
    }
}
