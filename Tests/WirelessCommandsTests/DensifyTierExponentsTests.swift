import Foundation
import Testing
import WirelessStochasticGeometry

@testable import WirelessCommands

/// `densify tiers --tier-exponents`: one exponent per tier reaches the library's tier-specific route (the
/// overall coverage equals `MultiTierNetwork.coverage` of the same network to the CSV's digits), and a list of
/// the wrong length is a usage error.
@Test func densifyTiersTakesTierSpecificExponents() throws {
    let dir = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(
        runWTK([
            "densify", "tiers", "--densities", "0.5,4", "--powers-db", "20,0", "--biases-db", "0,3",
            "--tier-exponents", "3.2,4.5", "--drops", "0", "--threshold-min-db", "0", "--threshold-max-db", "0",
            "--out-dir", dir.path, "--quiet",
        ]) == 0)
    let csv = try String(contentsOf: dir.appendingPathComponent("densify-tiers.csv"), encoding: .utf8)
    let row = try #require(csv.split(separator: "\n").first { $0.hasPrefix("0,all,") })
    let value = try #require(Double(row.split(separator: ",", omittingEmptySubsequences: false)[2]))
    let network = try MultiTierNetwork(
        tiers: [
            .init(density: 0.5, transmitPower: 100, exponent: 3.2),
            .init(density: 4, transmitPower: 1, bias: pow(10, 0.3), exponent: 4.5),
        ], exponent: 4)
    #expect(abs(value - (try network.coverage(threshold: 1).value)) < 1e-9)
    let common = try MultiTierNetwork(
        tiers: [.init(density: 0.5, transmitPower: 100), .init(density: 4, transmitPower: 1, bias: pow(10, 0.3))],
        exponent: 4)
    #expect(abs(value - (try common.coverage(threshold: 1).value)) > 0.01)
    #expect(
        runWTK([
            "densify", "tiers", "--densities", "0.5,4", "--powers-db", "20,0", "--biases-db", "0,3",
            "--tier-exponents", "3.2", "--out-dir", dir.appendingPathComponent("bad").path, "--quiet",
        ]) == 64)
}
