import Foundation
import Testing

@testable import WirelessPathLoss

@Test func coverageQuantileMatchesTheSpec() throws {
    let analysis = try CoverageAnalysis()
    #expect(abs(analysis.standardNormalQuantile + 1.2815516) < 1e-7)
    #expect(abs(analysis.quantileOffsetDB(sigmaDB: 11.7, residualsDB: []) + 14.994) < 1e-3)
}

@Test func linkBudgetMatchesAHandComputation() throws {
    // N = −174 + 10·log10(400e6) + 10 = −77.979 dBm; PG = −120 dB → SNR = 60 + 10 − 120 + 77.979 = 27.979 dB.
    let budget = LinkBudget.standard
    #expect(abs(budget.noisePowerDBm - (-77.97940008672037)) < 1e-9)
    #expect(abs(budget.snrDB(pathGainDB: -120) - 27.97940008672037) < 1e-9)
    let shannon = try CoverageAnalysis().rateBitsPerSecond(pathGainDB: -120)
    #expect(abs(shannon - 400e6 * log2(1 + pow(10, 2.797940008672037))) < 1e-3)
    #expect(throws: PathLossError.parameterOutOfRange(name: "bandwidthHz", value: 0, valid: "> 0")) {
        try LinkBudget(bandwidthHz: 0)
    }
    #expect(throws: PathLossError.parameterOutOfRange(name: "noiseFigureDB", value: -1, valid: "≥ 0")) {
        try LinkBudget(noiseFigureDB: -1)
    }
    #expect(throws: PathLossError.probabilityOutOfRange(value: 1)) { try CoverageAnalysis(coverage: 1) }
}

@Test func nrTablesHaveStrictlyIncreasingDerivedEfficiencies() {
    for table in NRSpectralEfficiencyTable.allCases {
        let se = table.spectralEfficiencies
        #expect(zip(se, se.dropFirst()).allSatisfy { $0 < $1 }, "\(table)")
    }
    // CQI table 2 spot values: 78/1024·2 = 0.1523, 948/1024·8 = 7.4063.
    let se = NRSpectralEfficiencyTable.cqiTable2.spectralEfficiencies
    #expect(se.count == 15)
    #expect(abs(se[0] - 0.15234375) < 1e-12)
    #expect(abs(se[14] - 7.40625) < 1e-12)
}

private func sampleFit() throws -> FloatingInterceptFit {
    let d = stride(from: 20.0, through: 200, by: 5).map { $0 }
    let g = d.enumerated().map { -70 - 30 * log10($1) + ($0 % 3 == 0 ? 6.0 : -3.0) }
    return try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
}

@Test func maximumDistanceRoundTripsForContinuousMappings() throws {
    let fit = try sampleFit()
    for mapping in [RateMapping.shannon, .attenuatedShannon] {
        for method in [CoverageAnalysis.QuantileMethod.modelBased, .empirical] {
            let analysis = try CoverageAnalysis(mapping: mapping, method: method)
            let target = 1.5e9
            guard
                case .distance(let d) = try analysis.maximumDistance(
                    fit: fit, targetRateBitsPerSecond: target, allowExtrapolation: true)
            else {
                Issue.record("expected a distance for \(mapping), \(method)")
                continue
            }
            #expect(abs(analysis.rateBitsPerSecond(fit: fit, distanceMeters: d) / target - 1) < 1e-6)
            // The generic (Brent) route agrees with the closed form.
            let generic = try analysis.maximumDistance(
                model: fit, residualsDB: fit.residualsDB, frequency: .gigahertz(28), distanceRangeMeters: 1...1e4,
                targetRateBitsPerSecond: target, allowExtrapolation: true)
            guard case .distance(let dg) = generic else {
                Issue.record("generic solver: \(generic)")
                continue
            }
            #expect(abs(dg / d - 1) < 1e-10)
        }
    }
}

@Test func maximumDistanceForTheNRTableIsTheLastDistanceMeetingTheTarget() throws {
    let fit = try sampleFit()
    let analysis = try CoverageAnalysis(mapping: .nrTable(.cqiTable2))
    let target = 1.0e9
    guard
        case .distance(let d) = try analysis.maximumDistance(
            fit: fit, targetRateBitsPerSecond: target, allowExtrapolation: true)
    else {
        Issue.record("expected a distance")
        return
    }
    #expect(analysis.rateBitsPerSecond(fit: fit, distanceMeters: d * (1 - 1e-9)) >= target)
    #expect(analysis.rateBitsPerSecond(fit: fit, distanceMeters: d * (1 + 1e-6)) < target)
    // Above the table's maximum rate: not achievable.
    #expect(try analysis.maximumDistance(fit: fit, targetRateBitsPerSecond: 400e6 * 8) == .notAchievable)
}

@Test func maximumDistanceFlagsRangeAndMonotonicity() throws {
    let fit = try sampleFit()
    let analysis = try CoverageAnalysis()
    #expect(try analysis.maximumDistance(fit: fit, targetRateBitsPerSecond: 1e6) == .beyondRange(200))
    let rising = try FloatingInterceptFit(distancesMeters: [10, 20, 40], pathGainsDB: [-100, -95, -90])
    #expect(throws: PathLossError.nonMonotoneModel) {
        try analysis.maximumDistance(fit: rising, targetRateBitsPerSecond: 1e9)
    }
}
