import Foundation
import Testing
import WirelessCore
import WirelessPathLoss

@Suite struct OTI28PaperComparisonTests {
    /// The replica's headline numbers beside the paper's, with the counts the replica is drawn with.
    @Test func comparesTheBundledReplicaWithThePaper() throws {
        let table = try OTI28PaperComparison.table()
        let counts = try #require(table.rows.first)
        #expect(counts.quantity == "links / scenarios / buildings")
        #expect(counts.paper == "> 2,200 / 43 / 7")
        #expect(counts.measured.hasSuffix(" / 43 / 7"))
        let rms = try #require(table.rows.first { $0.quantity == "RMS fitting error, all data [dB]" })
        let value = try #require(Double(rms.measured))
        // The replica is calibrated to 11.7 dB; one seeded draw stays within a dB of it.
        #expect(abs(value - 11.7) < 1)
        #expect(table.rows.contains { $0.quantity.hasPrefix("effect of scaffolding") })
    }
}
