import ArgumentParser
import Foundation
import WirelessCore
import WirelessSpectrumNet

@testable import WirelessCommands

/// A fresh temporary folder for one test.
func makeTemporaryDirectory(_ label: String = #function) throws -> URL {
    let name = "wtk-test-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString)"
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `wtk <arguments>` in-process and returns its exit code (0 on success).
///
/// Mirrors `ParsableCommand.main`: parse errors exit with ArgumentParser's code (64 for usage),
/// thrown `ExitCode`s with their value.
func runWTK(_ arguments: [String]) -> Int32 {
    do {
        var command = try WTK.parseAsRoot(arguments)
        try command.run()
        return 0
    } catch let exit as ExitCode {
        return exit.rawValue
    } catch {
        return WTK.exitCode(for: error).rawValue
    }
}

/// Files in `directory` (empty if it does not exist).
func listing(_ directory: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
}

/// A randomly initialised compact CMuSeNet (M = 16, N = 1024, widths 2) saved as `tiny.cmsn` in
/// `folder`: a valid checkpoint that loads and runs in milliseconds.
func tinyModel(in folder: URL) throws -> URL {
    var generator = Xoshiro256StarStar(seed: 1)
    var network = try SegmentationNetwork<Float>(
        configuration: .compact(fftCount: 16, bins: 1024, widths: [2, 2, 2, 2]), using: &generator)
    let url = folder.appendingPathComponent("tiny.cmsn")
    try Checkpoint(network: &network).write(to: url)
    return url
}
