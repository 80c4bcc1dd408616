import Foundation
import Testing

@testable import WirelessIO

@Suite struct RunMetadataTests {
    static let sample = RunMetadata(
        commandLine: ["wtk", "pathloss", "fit", "--seed", "18446744073709551615"],
        gitRevision: String(repeating: "ab", count: 20),
        seed: .max, parameters: ["carrier_frequency_hz": "2.8e+10", "path/with/slash": "a \"quoted\" value"],
        timestamp: "2026-11-27T11:25:00Z")

    @Test func jsonRoundTripIsExactAndSorted() throws {
        let data = try Self.sample.jsonData()
        let decoded = try RunMetadata.decode(data)
        #expect(decoded == Self.sample)
        #expect(decoded.seed == UInt64.max)
        let text = String(decoding: data, as: UTF8.self)
        let keys = ["commandLine", "gitRevision", "parameters", "seed", "timestamp", "toolkitVersion"]
        let positions = keys.map { text.range(of: "\"\($0)\"")!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.contains("18446744073709551615"))
        #expect(text.hasSuffix("}\n"))
        #expect(try Self.sample.jsonData() == data)
    }

    @Test func absentOptionalFieldsRoundTrip() throws {
        let metadata = RunMetadata(commandLine: [], gitRevision: nil, seed: nil, parameters: [:], timestamp: "t")
        #expect(try RunMetadata.decode(metadata.jsonData()) == metadata)
    }

    @Test func timestampComesFromEnvironmentWhenSet() {
        let fixed = RunMetadata.current(
            seed: 3, commandLine: ["wtk"], environment: ["WTK_TIMESTAMP": "2000-01-01T00:00:00Z"])
        #expect(fixed.timestamp == "2000-01-01T00:00:00Z")
        #expect(fixed.toolkitVersion == ToolkitVersion.string)
        let live = RunMetadata.current(
            commandLine: ["wtk"], environment: [:], now: Date(timeIntervalSince1970: 1_000_000_000))
        #expect(live.timestamp == "2001-09-09T01:46:40Z")
    }

    @Test func sidecarSitsBesideTheOutput() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let csv = folder.file("pathloss.csv")
        #expect(RunMetadata.sidecarURL(for: csv).lastPathComponent == "pathloss.meta.json")
        let written = try Self.sample.writeSidecar(for: csv)
        #expect(try RunMetadata.read(from: written) == Self.sample)
    }

    @Test func gitRevisionOfAPlainRepositoryAndAWorktree() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let commit = String(repeating: "0123456789", count: 4)
        let other = String(repeating: "fedcba9876", count: 4)
        let git = folder.file("repo/.git")
        try FileManager.default.createDirectory(
            at: git.appendingPathComponent("refs/heads"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.file("repo/sub/dir"), withIntermediateDirectories: true)
        try "ref: refs/heads/main\n".write(to: git.appendingPathComponent("HEAD"), atomically: false, encoding: .utf8)
        try "\(commit)\n".write(to: git.appendingPathComponent("refs/heads/main"), atomically: false, encoding: .utf8)
        #expect(GitRevision.current(startingAt: folder.file("repo/sub/dir")) == commit)

        // A worktree: `.git` is a file pointing at <common>/worktrees/wt, whose ref is packed in the common dir.
        let worktreeGit = git.appendingPathComponent("worktrees/wt")
        try FileManager.default.createDirectory(at: worktreeGit, withIntermediateDirectories: true)
        try "ref: refs/heads/feature\n".write(
            to: worktreeGit.appendingPathComponent("HEAD"), atomically: false, encoding: .utf8)
        try "../..\n".write(to: worktreeGit.appendingPathComponent("commondir"), atomically: false, encoding: .utf8)
        try "# pack-refs\n\(other) refs/heads/feature\n".write(
            to: git.appendingPathComponent("packed-refs"), atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.file("wt"), withIntermediateDirectories: true)
        try "gitdir: \(worktreeGit.path)\n".write(to: folder.file("wt/.git"), atomically: false, encoding: .utf8)
        #expect(GitRevision.current(startingAt: folder.file("wt")) == other)

        // Outside any repository.
        #expect(GitRevision.current(startingAt: folder.url) == nil)
    }
}
