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

@Test func dataPointsAveragingUsesTheLinksNotTheFit() throws {
    // Non-constant EL_i: PG_i = −FSPL(d_i) − 30 − 8·log10(d_i/50) + r_i with alternating ±4 dB residuals,
    // so the data-point mean over d_i > 50 m differs from the model (uniform-in-d) mean.
    let d: [Double] = stride(from: 20.0, through: 400, by: 10).map { $0 }
    let f = Frequency.gigahertz(28)
    let g = d.enumerated().map { i, di in
        -FreeSpacePathLoss.exact.lossDB(distanceMeters: di, frequency: f) - 30 - 8 * log10(di / 50)
            + (i % 3 == 0 ? 4 : -2)
    }
    // Oracle: the plain mean of EL_i = PG_fs(d_i) − PG_i over d_i > 50 m.
    var sum = 0.0
    var count = 0
    for (di, gi) in zip(d, g) where di > 50 {
        sum += -FreeSpacePathLoss.exact.lossDB(distanceMeters: di, frequency: f) - gi
        count += 1
    }
    let oracle = sum / Double(count)
    let fit = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
    let dataPoints = try ExcessLoss.averageDB(fit: fit, averaging: .dataPoints, distancesMeters: d, pathGainsDB: g)
    #expect(abs(dataPoints - oracle) < 1e-12)
    let model = try ExcessLoss.averageDB(fit: fit, averaging: .model)
    #expect(abs(dataPoints - model) > 0.1, "data-point and model averages must differ for this data")
    // .dataPoints without the data, or with unequal arrays, is a typed error.
    #expect(throws: PathLossError.self) { try ExcessLoss.averageDB(fit: fit, averaging: .dataPoints) }
    #expect(throws: PathLossError.dimensionMismatch(name: "pathGainsDB", expected: d.count, got: 3)) {
        try ExcessLoss.dataPointsDB(distancesMeters: d, pathGainsDB: Array(g.prefix(3)))
    }
    #expect(throws: PathLossError.nonFiniteData(name: "pathGainsDB")) {
        try ExcessLoss.dataPointsDB(distancesMeters: [60, 70], pathGainsDB: [-100, .nan])
    }
}

@Test func spreadIsMaxMinusMinInTheTenPercentWindow() throws {
    var d: [Double] = []
    var g: [Double] = []
    for k in 0..<12 {
        d.append(100 + Double(k))
        g.append(-100 - Double(k) * 2)  // range 22 dB
    }
    d.append(150)
    g.append(-300)  // outside [100/1.1, 110]
    let s = try #require(try DistanceSpread.at(centerMeters: 100, distancesMeters: d, pathGainsDB: g))
    #expect(s.count == 11)  // 100…110 m
    #expect(abs(s.rangeDB - 20) < 1e-12)
    #expect(
        try DistanceSpread.at(
            centerMeters: 100, distancesMeters: Array(d.prefix(5)), pathGainsDB: Array(g.prefix(5))) == nil)
}

@Test func maximumSpreadFindsTheWidestCluster() throws {
    // Cluster A: 12 links at 100…111 m spanning 22 dB; cluster B: 12 links at 300…322 m spanning 35 dB.
    // Windows are ±10 %, so no window mixes the clusters; the maximum is exactly B's 35 dB.
    var d: [Double] = []
    var g: [Double] = []
    for k in 0..<12 {
        d.append(100 + Double(k))
        g.append(-100 - 2 * Double(k))
        d.append(300 + 2 * Double(k))
        g.append(-120 - 35 * Double(k) / 11)
    }
    let m = try #require(try DistanceSpread.maximum(distancesMeters: d, pathGainsDB: g))
    #expect(abs(m.rangeDB - 35) < 1e-12)
    #expect(m.count == 12)
    #expect(m.centerMeters >= 322 / 1.1 && m.centerMeters <= 300 * 1.1)
}

@Test func spreadRejectsBadStepsWindowsAndUnequalArrays() {
    let d: [Double] = (1...20).map { 10 * Double($0) }
    let g = d.map { -60 - 25 * log10($0) }
    // Each of these used to loop forever (step ≤ 0 or NaN) or silently truncate (unequal arrays).
    for step in [0.0, -0.02, .nan, .infinity] {
        #expect(throws: PathLossError.self) {
            try DistanceSpread.maximum(distancesMeters: d, pathGainsDB: g, stepDecades: step)
        }
    }
    #expect(throws: PathLossError.self) {
        try DistanceSpread.maximum(distancesMeters: d, pathGainsDB: g, windowFactor: 1)
    }
    #expect(throws: PathLossError.dimensionMismatch(name: "pathGainsDB", expected: 20, got: 19)) {
        try DistanceSpread.maximum(distancesMeters: d, pathGainsDB: Array(g.dropLast()))
    }
    #expect(throws: PathLossError.dimensionMismatch(name: "pathGainsDB", expected: 20, got: 19)) {
        try DistanceSpread.at(centerMeters: 100, distancesMeters: d, pathGainsDB: Array(g.dropLast()))
    }
}
