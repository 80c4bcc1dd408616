import Foundation
import Testing
import WirelessCore
import WirelessFFT

@Suite struct PSDTwoToneComparisonTests {
    /// A flat −100 dB/Hz floor with one bin carrying 0 dB of tone power: the integral finds 0 dB, the median the floor.
    @Test func tonePowerAndFloorFromAFlatSpectrum() throws {
        let binWidth = 1000.0
        let floor = -100.0
        let records: [TableRecord] = (-64..<64).map { k in
            let frequency = Double(k) * binWidth
            let density = k == 10 ? 10 * log10(1 / binWidth + pow(10, floor / 10)) : floor
            return ["frequency_hz": String(frequency), "psd_db_per_hz": String(density)]
        }
        let table = try PSDTwoToneComparison.table(
            [(frequencyHz: 10 * binWidth, powerDB: 0)], noiseFloorDBPerHz: floor, records: { _ in records })
        // Two files (both given the same records), each a tone row and a floor row.
        #expect(table.rows.count == 4)
        #expect(table.rows[0].paper == "0.0")
        #expect(table.rows[0].measured == "0.00" || table.rows[0].measured == "-0.00")
        #expect(table.rows[1].measured == "-100.00")
    }
}
