import Foundation
import Testing
import WirelessCore
import WirelessIO
import WirelessISAC

@testable import WirelessCommands

/// `wtk isac estimate --input` on a user's tensor (issue 17): the number of paths is the file's, not the
/// built-in scenario's 6.
@Suite struct ISACUserTensorTests {
    /// A tensor of the paper's grid with only its first three paths, at 20 dB.
    @Test func estimateOnAFileSelectsTheModelOrderUnlessThePathCountIsGiven() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var scenario = ISACScenario.paperDefault(phasesRadians: [0.3, 1.1, 2.0, 2.9, 4.0, 5.1])
        scenario.paths = Array(scenario.paths.prefix(3))
        var generator = Xoshiro256StarStar(seed: 21)
        let input = folder.appendingPathComponent("three.npy")
        try scenario.tensor(snrDB: 20, using: &generator).write(to: input)
        #expect(runWTK(["isac", "estimate", "--input", input.path, "--out-dir", folder.path, "--quiet"]) == 0)
        let table = try CSVReader.read(contentsOf: folder.appendingPathComponent("isac-estimate.csv"))
        // Before: the scenario's 6 paths were forced, three of them ghosts.
        #expect(try table.doubles(column: "angle_deg").count == 3)
        let orders = try CSVReader.read(contentsOf: folder.appendingPathComponent("isac-estimate-mode-orders.csv"))
        #expect(try orders.strings(column: "mode") == ["angle", "distance", "velocity"])
        #expect(try orders.strings(column: "criterion") == ["aic", "aic", "aic"])
        #expect(try orders.doubles(column: "order").max() == 3)
        // --path-count still forces the number of targets.
        let forced = folder.appendingPathComponent("forced")
        #expect(
            runWTK([
                "isac", "estimate", "--input", input.path, "--path-count", "5", "--out-dir", forced.path, "--quiet",
            ]) == 0)
        let five = try CSVReader.read(contentsOf: forced.appendingPathComponent("isac-estimate.csv"))
        #expect(try five.doubles(column: "angle_deg").count == 5)
    }

    @Test func aRealValuedNPYExits65() throws {
        let folder = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("real.npy")
        try NPYArray(shape: [16, 180, 560], realElements: (0..<(16 * 180 * 560)).map { Double($0 % 7) - 3 })
            .write(to: input)
        let out = folder.appendingPathComponent("out")
        #expect(runWTK(["isac", "estimate", "--input", input.path, "--out-dir", out.path]) == 65)
        #expect(listing(out).isEmpty)
    }
}
