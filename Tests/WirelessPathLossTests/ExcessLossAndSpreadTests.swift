import Foundation
import Testing

@testable import WirelessPathLoss

@Test func excessLossOfAFreeSpaceLineOffsetBy30DBIs30UnderEveryVariant() throws {
    let d = stride(from: 20.0, through: 300, by: 7).map { $0 }
    let g = d.map { -FreeSpacePathLoss.exact.lossDB(distanceMeters: $0, frequency: .gigahertz(28)) - 30 }
    let fit = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
    for averaging in [ExcessLoss.Averaging.model, .modelLogUniform] {
        #expect(abs(try ExcessLoss.averageDB(fit: fit, averaging: averaging) - 30) < 1e-9)
    }
    #expect(abs(try ExcessLoss.dataPointsDB(distancesMeters: d, pathGainsDB: g) - 30) < 1e-9)
}

@Test func modelExcessLossAveragesUniformlyInDistance() throws {
    // EL(d) = −FSPL(1 m) − A + 10(n−2)log10 d; compare the closed form with a midpoint-rule average.
    let d: [Double] = [30, 60, 90, 150, 250]
    let g = d.map { -75 - 31 * log10($0) }
    let fit = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
    let fspl1 = FreeSpacePathLoss.exact.lossDB(distanceMeters: 1, frequency: .gigahertz(28))
    var sum = 0.0
    let steps = 100_000
    for k in 0..<steps {
        let x = 50 + (Double(k) + 0.5) / Double(steps) * 200
        sum += -fspl1 + 75 + 11 * log10(x)
    }
    #expect(abs(try ExcessLoss.averageDB(fit: fit) - sum / Double(steps)) < 1e-6)
    let near = try FloatingInterceptFit(distancesMeters: [5, 10, 20], pathGainsDB: [-80, -86, -92])
    #expect(throws: PathLossError.insufficientData(needed: 1, got: 0)) { try ExcessLoss.averageDB(fit: near) }
}

@Test func spreadIsMaxMinusMinInTheTenPercentWindow() {
    var d: [Double] = []
    var g: [Double] = []
    for k in 0..<12 {
        d.append(100 + Double(k))
        g.append(-100 - Double(k) * 2)  // range 22 dB
    }
    d.append(150)
    g.append(-300)  // outside [100/1.1, 110]
    let s = DistanceSpread.at(centerMeters: 100, distancesMeters: d, pathGainsDB: g)!
    #expect(s.count == 11)  // 100…110 m
    #expect(abs(s.rangeDB - 20) < 1e-12)
    #expect(DistanceSpread.at(centerMeters: 100, distancesMeters: Array(d.prefix(5)), pathGainsDB: g) == nil)
    let m = DistanceSpread.maximum(distancesMeters: d, pathGainsDB: g)!
    #expect(m.rangeDB >= s.rangeDB)
}
