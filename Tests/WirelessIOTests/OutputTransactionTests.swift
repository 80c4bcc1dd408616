import Foundation
import Testing

@testable import WirelessIO

@Suite struct OutputTransactionTests {
    /// Staged files are invisible until commit, then all appear; the staging folder is gone.
    @Test func commitMovesEveryStagedFileIntoPlace() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let sub = folder.file("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: false)
        let transaction = OutputTransaction()
        try OutputTransaction.$current.withValue(transaction) {
            try AtomicFileWriter.write("a", to: folder.file("a.csv"))
            try AtomicFileWriter.write("b1", to: sub.appendingPathComponent("b.csv"))
            try AtomicFileWriter.write("b2", to: sub.appendingPathComponent("b.csv"))  // the last write wins
            try CSVWriter().write(CSVTable(columns: [("x", [1.0])]), to: folder.file("c.csv"))
        }
        #expect(try folder.contents().filter { !$0.hasPrefix(".wtk-staging-") } == ["sub"])
        try transaction.commit()
        #expect(try folder.contents() == ["a.csv", "c.csv", "sub"])
        #expect(try String(contentsOf: sub.appendingPathComponent("b.csv"), encoding: .utf8) == "b2")
        #expect(try FileManager.default.contentsOfDirectory(atPath: sub.path) == ["b.csv"])
    }

    /// A body that throws discards everything it staged; an existing file keeps its old content.
    @Test func aFailingRunLeavesTheFolderAsItWas() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try AtomicFileWriter.write("old", to: folder.file("a.csv"))
        try FileManager.default.createDirectory(at: folder.file("b.svg"), withIntermediateDirectories: false)
        #expect(throws: IOError.self) {
            try OutputTransaction.run {
                try AtomicFileWriter.write("new", to: folder.file("a.csv"))
                try AtomicFileWriter.write("<svg/>", to: folder.file("b.svg"))  // a folder is in the way
            }
        }
        #expect(try folder.contents() == ["a.csv", "b.svg"])
        #expect(try String(contentsOf: folder.file("a.csv"), encoding: .utf8) == "old")
        // Nested runs join the outer transaction (one commit at the end).
        try OutputTransaction.run {
            try OutputTransaction.run { try AtomicFileWriter.write("inner", to: folder.file("c.csv")) }
            #expect(!FileManager.default.fileExists(atPath: folder.file("c.csv").path))
        }
        #expect(FileManager.default.fileExists(atPath: folder.file("c.csv").path))
        // writingInPlace bypasses the bound transaction.
        try OutputTransaction.run {
            try OutputTransaction.writingInPlace { try AtomicFileWriter.write("now", to: folder.file("d.csv")) }
            #expect(FileManager.default.fileExists(atPath: folder.file("d.csv").path))
        }
    }

    @Test func temporaryNamesAreRecognised() {
        let uuid = UUID().uuidString
        #expect(OutputTransaction.temporaryOwner(of: ".wtk-staging-123-\(uuid)") == 123)
        #expect(OutputTransaction.temporaryOwner(of: ".psd.csv.tmp-4567-\(uuid)") == 4567)
        #expect(OutputTransaction.temporaryOwner(of: ".a.tmp-0-\(uuid)") == nil)
        #expect(OutputTransaction.temporaryOwner(of: "psd.csv") == nil)
        #expect(OutputTransaction.temporaryOwner(of: ".psd.csv.tmp-12-not-a-uuid-at-all-but-36-chars-long-xx") == nil)
        #expect(OutputTransaction.temporaryOwner(of: ".wtk-stagingX-12-\(uuid)") == nil)
        #expect(OutputTransaction.temporaryOwner(of: ".data-12-\(uuid)") == nil)
    }

    @Test func outputFileNamesArePlain() {
        for bad in ["", ".", "..", "../x", "a/b", "/x", "a\u{0}b", "a\nb", String(repeating: "x", count: 201)] {
            #expect(OutputFileName.problem(with: bad) != nil, "\(bad)")
        }
        for good in ["psd.csv", ".hidden", "a b", "résumé-é.svg", String(repeating: "x", count: 200)] {
            #expect(OutputFileName.problem(with: good) == nil, "\(good)")
        }
    }

    /// The folder swap replaces a folder as a whole and removes the old one.
    @Test func folderSwapReplacesTheWholeFolder() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let target = folder.file("set")
        let built = folder.file(OutputTransaction.stagingFolderName())
        for (url, file) in [(target, "old.txt"), (built, "new.txt")] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            try AtomicFileWriter.writeInPlace(Data("x".utf8), to: url.appendingPathComponent(file))
        }
        try FolderSwap.replace(target, with: built)
        #expect(try folder.contents() == ["set"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["new.txt"])
    }
}
