import Foundation
import Testing
import WirelessCore
import WirelessIO

@testable import WirelessSpectrumNet

@Suite struct SpectrumModelLoadingTests {
    /// A missing checkpoint is an I/O error (exit 74); a file that is no checkpoint is bad data naming it.
    @Test func missingAndForeignCheckpoints() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cmsn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = folder.appendingPathComponent("none.cmsn").path
        #expect(throws: IOError.missingFile(path: missing)) { try SpectrumModelLoading.checkpoint(at: missing) }
        let foreign = folder.appendingPathComponent("foreign.cmsn")
        try Data("not a checkpoint at all".utf8).write(to: foreign)
        do {
            _ = try SpectrumModelLoading.load(foreign.path)
            Issue.record("a foreign file loaded as a model")
        } catch let error as CategorizedError {
            #expect(error.category == .invalidData && error.description.contains(foreign.path))
        }
    }
}
