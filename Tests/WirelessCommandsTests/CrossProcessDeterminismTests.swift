import Foundation
import Testing

/// The same seed must give byte-identical CSV and SVG in *separate processes*: Swift randomises
/// Dictionary order per process, and OpenBLAS threading changes summation order, so in-process
/// determinism tests cannot see either. These run the built `wtk` executable twice.
@Suite struct CrossProcessDeterminismTests {
    /// `wtk` beside the test bundle (SwiftPM builds every product with `--build-tests`).
    static let executable: URL? = {
        let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundleDirectory, bundleDirectory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("wtk")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test(.enabled(if: executable != nil, "the wtk executable was not built beside the tests"))
    func pathLossEffectsAreByteIdenticalAcrossProcesses() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for run in ["a", "b"] {
            let status = try Self.run([
                "pathloss", "effects", "--bootstrap", "20", "--seed", "5", "--quiet",
                "--out-dir", folder.appendingPathComponent(run).path,
            ])
            #expect(status == 0)
        }
        let names = listing(folder.appendingPathComponent("a")).filter { !$0.hasSuffix(".meta.json") }
        #expect(!names.isEmpty)
        for name in names {
            let a = try Data(contentsOf: folder.appendingPathComponent("a/\(name)"))
            let b = try Data(contentsOf: folder.appendingPathComponent("b/\(name)"))
            #expect(a == b, "\(name) differs between two processes with the same seed")
        }
    }
}
