import ArgumentParser
import Foundation
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
