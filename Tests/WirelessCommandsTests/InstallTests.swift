import Foundation
import Numerics
import Testing
import WirelessIO
import WirelessPathLoss
import WirelessSpectrumNet

/// An installed `wtk` finds its shipped model and the path-loss replica from any folder: `scripts/install`
/// is run (on the products already built beside the tests, `--from`) into a temporary prefix, and the
/// installed binary is run from an unrelated working directory.
@Suite(.serialized) struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: URL, _ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    static var productsFolder: URL? { CrossProcessDeterminismTests.executable?.deletingLastPathComponent() }

    @Test(.enabled(if: productsFolder != nil, "the wtk executable was not built beside the tests"))
    func installedWTKRunsFromAnyFolder() throws {
        let products = try #require(Self.productsFolder)
        let work = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let prefix = work.appendingPathComponent("prefix")
        let elsewhere = work.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)

        let install = try Self.run(
            URL(fileURLWithPath: "/bin/bash"),
            [
                Self.root.appendingPathComponent("scripts/install").path, "--prefix", prefix.path, "--from",
                products.path,
            ],
            in: elsewhere)
        #expect(install.status == 0, "scripts/install failed: \(install.stderr)")
        let wtk = prefix.appendingPathComponent("bin/wtk")

        let version = try Self.run(wtk, ["--version"], in: elsewhere)
        #expect(version.status == 0)
        #expect(version.stdout == ToolkitVersion.string + "\n")

        // The replica: read from the installed resources (no search from the working directory, no regeneration).
        let fit = try Self.run(wtk, ["pathloss", "fit", "--out-dir", "out"], in: elsewhere)
        #expect(fit.status == 0, "\(fit.stderr)")
        #expect(!fit.stderr.contains("regenerat"))
        let installedCSV = try String(
            contentsOf: elsewhere.appendingPathComponent("out/pathloss-fit-models.csv"), encoding: .utf8)
        #expect(installedCSV.hasPrefix("model,"))

        // The model: the shipped checkpoint segments a recording.
        let recording = SigMFRecording(
            samples: Array(repeating: Complex<Float>(1, 0), count: 16_384), sampleRateHz: 20e6)
        let meta = try recording.write(to: elsewhere.appendingPathComponent("tone")).meta
        let segment = try Self.run(
            wtk, ["spectrum", "segment", meta.path, "--out-dir", "out", "--quiet"], in: elsewhere)
        #expect(segment.status == 0, "\(segment.stderr)")

        // A binary copied without its resource folders fails with a clear I/O error (74), never a crash.
        let bare = work.appendingPathComponent("bare")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: products.appendingPathComponent("wtk"), to: bare.appendingPathComponent("wtk"))
        let missing = try Self.run(
            bare.appendingPathComponent("wtk"), ["pathloss", "fit", "--out-dir", "out"], in: elsewhere)
        #expect(missing.status == 74)
        #expect(missing.stderr.contains("scripts/install"))
        let noModel = try Self.run(
            bare.appendingPathComponent("wtk"), ["spectrum", "segment", meta.path, "--out-dir", "out"], in: elsewhere)
        #expect(noModel.status == 74)
        #expect(noModel.stderr.contains("--model"))
    }

    /// The shipped files in the repository's `datasets/` folders are the resources the toolkit loads.
    @Test func datasetFilesAreTheShippedResources() throws {
        let replica = try BundledReplica.url()
        #expect(
            try Data(contentsOf: replica)
                == Data(
                    contentsOf: Self.root.appendingPathComponent("datasets/oti28-synthetic/oti28_synthetic_links.csv")))
        let model = try #require(SpectrumSegmenter.defaultModelURL)
        #expect(
            try Data(contentsOf: model)
                == Data(contentsOf: Self.root.appendingPathComponent("datasets/cmusenet-default/cmusenet-default.cmsn"))
        )
        // Found beside the running executable (the test runner), not through a source path.
        #expect(!replica.path.hasPrefix(Self.root.appendingPathComponent("Sources").path))
        #expect(!replica.path.hasPrefix(Self.root.appendingPathComponent("datasets").path))
    }
}
