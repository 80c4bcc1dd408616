import Foundation
import Testing
import WirelessIO

@testable import WirelessCommands

@Suite struct PaperComparisonTests {
    @Test func tableHasTheDeviationColumn() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let context = FigureContext(directory: folder, seed: 1)
        var table = PaperComparison()
        table.add("q [dB]", paper: "1", measured: "1.1", deviation: "sampling")
        table.add(to: context, introduction: "Why.")
        let text = context.sections.joined()
        #expect(text.contains("### Paper vs this run"))
        #expect(text.contains("| quantity | paper | this run | deviation explained |"))
        #expect(text.contains("| q [dB] | 1 | 1.1 | sampling |"))
    }
}

/// Sidecars of `wtk figures` are committed, so a regeneration must rewrite them unchanged.
@Suite struct ReproducibleFigureMetadataTests {
    @Test func figureSidecarsRecordTheShownCommandRelativePathsAndNoTimeOrRevision() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var sidecars: [Data] = []
        for _ in 0..<2 {
            let context = FigureContext(directory: folder, seed: 1)
            try context.run(PathLossModelCommand.self, arguments: ["fspl"], seeded: false, caption: "FSPL.")
            sidecars.append(try Data(contentsOf: folder.appendingPathComponent("pathloss-model.meta.json")))
            try FileManager.default.removeItem(at: folder.appendingPathComponent("pathloss-model.meta.json"))
        }
        #expect(sidecars[0] == sidecars[1])
        let metadata = try RunMetadata.decode(sidecars[0], file: "pathloss-model.meta.json")
        #expect(metadata.commandLine == ["wtk", "pathloss", "model", "fspl"])
        #expect(metadata.gitRevision == nil)
        #expect(metadata.timestamp == RunMetadata.reproducibleTimestamp)
    }

    @Test func pathsUnderTheBuildFolderAreRecordedRelativeToIt() {
        let build = RunMetadata.ReproducibleBuild(commandLine: ["wtk", "psd", "a.sigmf-meta"], baseDirectory: "/x/set")
        let metadata = RunMetadata.$reproducibleBuild.withValue(build) {
            RunMetadata.current(parameters: ["input": "/x/set/a.sigmf-meta", "other": "/elsewhere/b", "n": "3"])
        }
        #expect(metadata.parameters == ["input": "a.sigmf-meta", "other": "/elsewhere/b", "n": "3"])
        #expect(metadata.commandLine == build.commandLine)
    }
}
