import Foundation
import Testing

@testable import WirelessPathLoss

@Test func azimuthScanAveragesLinearPowerOverAngularSpans() throws {
    // Samples at 0, 90, 180, 270° (equal 90° spans): a plain linear mean.
    let powers = [-60.0, -70, -80, -70]
    let scan = try AzimuthScan(
        linkID: "L1",
        samples: zip([0.0, 90, 180, 270], powers).map { AzimuthScan.Sample(azimuthDegrees: $0, rxPowerDBm: $1) })
    let linearMean = powers.map { pow(10, $0 / 10) }.reduce(0, +) / 4
    #expect(abs(scan.meanPowerDBm - 10 * log10(linearMean)) < 1e-12)
    #expect(abs(scan.azimuthGainDB - (-60 - 10 * log10(linearMean))) < 1e-12)
    let n = AzimuthScan.Normalization(txPowerDBm: 20, txGainDBi: 15, rxEffectiveGainDBi: 10, calibrationDB: 1)
    #expect(abs(scan.pathGainDB(normalization: n) - (10 * log10(linearMean) - 20 - 15 - 10 + 1)) < 1e-12)
    // Uneven spacing: 0° and 10° share the arc; weights sum to 360.
    let uneven = try AzimuthScan(
        linkID: "L2",
        samples: [
            .init(azimuthDegrees: 0, rxPowerDBm: -50), .init(azimuthDegrees: 10, rxPowerDBm: -50),
            .init(azimuthDegrees: 180, rxPowerDBm: -90),
        ])
    #expect(abs(uneven.weightsDegrees.reduce(0, +) - 360) < 1e-12)
    #expect(uneven.weightsDegrees == [95, 90, 175])
}

@Test func azimuthScanRejectsBadRecords() {
    #expect(throws: PathLossError.invalidAzimuthRecord(linkID: "L", reason: "azimuth 360.0° outside [0, 360)")) {
        try AzimuthScan(linkID: "L", samples: [.init(azimuthDegrees: 360, rxPowerDBm: -50)])
    }
    #expect(throws: PathLossError.invalidAzimuthRecord(linkID: "L", reason: "azimuth 10.0° appears twice")) {
        try AzimuthScan(
            linkID: "L",
            samples: [.init(azimuthDegrees: 10, rxPowerDBm: -50), .init(azimuthDegrees: 10, rxPowerDBm: -52)])
    }
    #expect(throws: PathLossError.invalidAzimuthRecord(linkID: "L", reason: "non-finite power at 5.0°")) {
        try AzimuthScan(linkID: "L", samples: [.init(azimuthDegrees: 5, rxPowerDBm: .nan)])
    }
    #expect(throws: PathLossError.invalidAzimuthRecord(linkID: "L", reason: "no samples")) {
        try AzimuthScan(linkID: "L", samples: [])
    }
}
