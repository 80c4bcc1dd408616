import Foundation
import Testing
import WirelessCore

@testable import WirelessIO

@Suite struct FigureSetFolderTests {
    /// A set's report has its title, summary, regeneration line and sections in order; a command section
    /// embeds the SVGs, links the tables (not the sidecars) and shell-quotes the words that need it.
    @Test func aSetIsBuiltWithItsReport() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let set = FigureSet(name: "demo", title: "Demo", summary: "What it shows.") { report in
            try AtomicFileWriter.write("x\n1\n", to: report.directory.appendingPathComponent("demo.csv"))
            try AtomicFileWriter.write("<svg/>", to: report.directory.appendingPathComponent("demo.svg"))
            report.addCommandSection(
                caption: "The curve.", words: ["wtk", "psd", "it's here"],
                produced: ["demo.csv", "demo.csv.meta.json", "demo.svg"])
            report.addTable(header: ["a", "b"], rows: [["1", "2"]])
        }
        try FigureSetFolder.build(set, in: root.file("demo"), seed: 7)
        let text = try String(contentsOf: root.file("demo/README.md"), encoding: .utf8)
        #expect(
            text.hasPrefix("# Demo\n\nWhat it shows.\n\nRegenerate with `wtk figures --only demo --seed 7`. Seed: 7."))
        #expect(text.contains("```sh\nwtk psd 'it'\\''s here' --out-dir <dir>\n```\n\n![demo.svg](demo.svg)\n"))
        #expect(text.contains("Data: [demo.csv](demo.csv)\n"))
        #expect(text.hasSuffix("| a | b |\n| --- | --- |\n| 1 | 2 |\n"))
        #expect(try root.contents() == ["demo"])
    }

    /// A set that fails leaves the previous folder as it was and no staging folder behind.
    @Test func aFailedSetKeepsThePreviousFolder() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try FileManager.default.createDirectory(at: root.file("demo"), withIntermediateDirectories: false)
        try AtomicFileWriter.write("old", to: root.file("demo/README.md"))
        struct Failure: Error {}
        let failing = FigureSet(name: "demo", title: "Demo", summary: "s") { report in
            try AtomicFileWriter.write("new", to: report.directory.appendingPathComponent("new.csv"))
            throw Failure()
        }
        #expect(throws: Failure.self) { try FigureSetFolder.build(failing, in: root.file("demo"), seed: 1) }
        #expect(try root.contents() == ["demo"])
        #expect(try String(contentsOf: root.file("demo/README.md"), encoding: .utf8) == "old")
    }

    /// Sidecars that record the build folder record the published folder instead; other files are untouched.
    @Test func recordedPathsAreRelocated() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let from = folder.file("building")
        try FileManager.default.createDirectory(at: from, withIntermediateDirectories: false)
        let sidecar = #"{"input":"\#(from.path)/a.csv"}"#
        try AtomicFileWriter.write(sidecar, to: from.appendingPathComponent("b.csv.meta.json"))
        try AtomicFileWriter.write(from.path + "/a.csv", to: from.appendingPathComponent("b.csv"))
        try FigureSetFolder.relocateRecordedPaths(in: from, from: from, to: folder.file("published"))
        let moved = try String(contentsOf: from.appendingPathComponent("b.csv.meta.json"), encoding: .utf8)
        #expect(moved == #"{"input":"\#(folder.file("published").path)/a.csv"}"#)
        #expect(try String(contentsOf: from.appendingPathComponent("b.csv"), encoding: .utf8) == from.path + "/a.csv")
    }

    /// The index links every set in the order given; copied sets replace their targets.
    @Test func indexAndCopy() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let sets = ["b", "a"].map { FigureSet(name: $0, title: "Set \($0)", summary: "") { _ in } }
        try FigureSetFolder.writeIndex(in: folder.file("out"), sets: sets)
        let index = try String(contentsOf: folder.file("out/README.md"), encoding: .utf8)
        #expect(index.hasSuffix("| [b](b/README.md) | Set b |\n| [a](a/README.md) | Set a |\n"))
        let source = folder.file("shard/a")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try AtomicFileWriter.write("new", to: source.appendingPathComponent("README.md"))
        try FileManager.default.createDirectory(at: folder.file("out/a"), withIntermediateDirectories: false)
        try AtomicFileWriter.write("old", to: folder.file("out/a/old.csv"))
        try FigureSetFolder.copy([("a", source)], into: folder.file("out"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.file("out").path).sorted() == ["README.md", "a"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file("out/a").path) == ["README.md"])
    }

    /// A reference comparison becomes a heading, its introduction and a four-column table.
    @Test func aComparisonIsAddedAsATable() {
        let report = FigureReport(directory: URL(fileURLWithPath: "/nonexistent"), seed: 1)
        var comparison = ReferenceComparison()
        comparison.add("κ", paper: "1.3", measured: "1.33", deviation: "rounding")
        comparison.add(to: report, referenceTitle: "theory", introduction: "Closed form.")
        #expect(
            report.sections == [
                "### Theory vs this run\n\nClosed form.\n",
                "| quantity | theory | this run | deviation explained |\n| --- | --- | --- | --- |\n| κ | 1.3 | 1.33 | rounding |\n",
            ])
    }
}
