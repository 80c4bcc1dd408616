import Foundation
import Testing

@testable import WirelessPathLoss

/// The FSPL table (docs/PATHLOSS.md#test-tolerances) is quoted to 3 decimals.
private let tableTolerance = 1e-3

@Test func freeSpaceMatchesTheSpecTableAt28GHz() {
    let rows: [(d: Double, exact: Double, shorthand: Double)] = [
        (1, 61.391, 61.343), (10, 81.391, 81.343), (20, 87.412, 87.364), (49, 95.195, 95.147),
        (50, 95.370, 95.323), (68, 98.041, 97.993), (100, 101.391, 101.343), (175, 106.252, 106.204),
        (200, 107.412, 107.364),
    ]
    for row in rows {
        let exact = FreeSpacePathLoss.exact.lossDB(distanceMeters: row.d, frequency: .gigahertz(28))
        let short = FreeSpacePathLoss.shorthand.lossDB(distanceMeters: row.d, frequency: .gigahertz(28))
        #expect(abs(exact - row.exact) < tableTolerance, "exact at \(row.d) m: \(exact)")
        #expect(abs(short - row.shorthand) < tableTolerance, "shorthand at \(row.d) m: \(short)")
        #expect(FreeSpacePathLoss.exact.gainDB(distanceMeters: row.d, frequency: .gigahertz(28)) == -exact)
    }
}

@Test func shorthandIsAConstant0048DBBelowExactAtEveryDistanceAndFrequency() {
    // Independent oracle: Friis from first principles, λ = c/f, FSPL = (4πd/λ)².
    let c = 299_792_458.0
    for f in [0.9, 3.5, 28, 39, 73] {
        for d in [1.0, 7, 130, 2500] {
            let lambda = c / (f * 1e9)
            let friis = 10 * log10(pow(4 * Double.pi * d / lambda, 2))
            let exact = FreeSpacePathLoss.exact.lossDB(distanceMeters: d, frequency: .gigahertz(f))
            let short = FreeSpacePathLoss.shorthand.lossDB(distanceMeters: d, frequency: .gigahertz(f))
            #expect(abs(exact - friis) < 1e-10)
            #expect(abs((exact - short) - 0.0478) < 1e-3)
        }
    }
}
