import ArgumentParser
import Foundation
import Testing

@testable import WirelessCommands

/// `wtk --help` and each subcommand's help against committed snapshots.
///
/// To re-record after an intended change: `WTK_RECORD_SNAPSHOTS=1 swift test --filter HelpSnapshot`,
/// then review the diff of Tests/WirelessCommandsTests/Snapshots/.
@Suite struct HelpSnapshotTests {
    static let snapshotFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    static func check(_ text: String, snapshot name: String) throws {
        let url = snapshotFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["WTK_RECORD_SNAPSHOTS"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "help text of \(name) changed; re-record if intended")
    }

    @Test func rootHelp() throws {
        try Self.check(WTK.helpMessage(columns: 100), snapshot: "wtk-help.txt")
    }

    @Test func psdHelp() throws {
        try Self.check(WTK.helpMessage(for: PSDCommand.self, columns: 100), snapshot: "wtk-psd-help.txt")
    }

    @Test func figuresHelp() throws {
        try Self.check(WTK.helpMessage(for: FiguresCommand.self, columns: 100), snapshot: "wtk-figures-help.txt")
    }

    @Test func everySubcommandHasAnAbstract() {
        func visit(_ command: any ParsableCommand.Type, path: String) {
            let configuration = command.configuration
            #expect(!configuration.abstract.isEmpty, "\(path) has no abstract")
            for child in configuration.subcommands {
                visit(child, path: path + " " + (child.configuration.commandName ?? "?"))
            }
        }
        visit(WTK.self, path: "wtk")
    }
}
