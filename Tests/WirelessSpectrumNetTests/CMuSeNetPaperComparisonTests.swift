import Foundation
import Testing
import WirelessCore
import WirelessSpectrumNet

@Suite struct CMuSeNetPaperComparisonTests {
    static func rows(_ method: String, _ accuracies: [Double: Double]) -> [TableRecord] {
        accuracies.map { ["method": method, "snr_db": String($0.key), "accuracy": String($0.value), "examples": "8"] }
    }

    @Test func gapsToTheBaselineAndToTheRealNetwork() throws {
        let records =
            Self.rows("cmusenet", [-10: 0.95, 10: 0.99]) + Self.rows("energy-detector", [-10: 0.80, 10: 0.97])
            + [["method": "cmusenet", "snr_db": "mean", "accuracy": "0.97", "examples": "8"]]
        let shipped = Self.rows("cmusenet", [0: 0.99]) + Self.rows("real-valued", [0: 0.96])
        let table = CMuSeNetPaperComparison.table(records: records, shipped: ("full.csv", shipped))
        #expect(table.rows.count == 3)
        #expect(table.rows[0].measured.hasPrefix("97.00 ("))
        #expect(table.rows[1].measured == "2.0 (at 10 dB) to 15.0")
        #expect(table.rows[2].measured == "3.0 to 3.0 (full.csv)")
        #expect(CMuSeNetPaperComparison.table(records: records, shipped: nil).rows.count == 2)
    }
}
