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
    // At d* itself (docs/PATHLOSS.md#test-tolerances), not at a slightly shorter distance.
    #expect(analysis.rateBitsPerSecond(fit: fit, distanceMeters: d) >= target)
    #expect(analysis.rateBitsPerSecond(fit: fit, distanceMeters: d * (1 + 1e-6)) < target)
    // Every exact MCS rate B·SE_k as a target: both solver routes return a d* that meets it.
    let bandwidth = LinkBudget.standard.bandwidthHz
    for se in NRSpectralEfficiencyTable.cqiTable2.spectralEfficiencies {
        let exact = bandwidth * se
        guard
            case .distance(let dk) = try analysis.maximumDistance(
                fit: fit, targetRateBitsPerSecond: exact, allowExtrapolation: true)
        else { continue }
        #expect(analysis.rateBitsPerSecond(fit: fit, distanceMeters: dk) >= exact, "closed form, SE \(se)")
        #expect(analysis.rateBitsPerSecond(fit: fit, distanceMeters: dk * (1 + 1e-6)) < exact)
        let generic = try analysis.maximumDistance(
            model: fit, residualsDB: fit.residualsDB, frequency: .gigahertz(28), distanceRangeMeters: 1...1e4,
            targetRateBitsPerSecond: exact, allowExtrapolation: true)
        if case .distance(let dg) = generic {
            #expect(analysis.rateBitsPerSecond(fit: fit, distanceMeters: dg) >= exact, "generic, SE \(se)")
        }
    }
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

/// A dual-slope-like model whose gain rises up to 30 m (n1 = −1) and falls beyond (n2 = 4): not invertible.
private struct RisingThenFallingModel: PathGainModel {
    var modelName: String { "rising-then-falling" }
    var shadowingStandardDeviationDB: Double { 0 }
    func pathGainDB(distanceMeters d: Double, frequency: Frequency) -> Double {
        let x = log10(d / 30)
        return -90 + (x < 0 ? 10 * x : -40 * x)
    }
}

@Test func genericSolverRejectsNonMonotoneModels() throws {
    let analysis = try CoverageAnalysis()
    // Endpoint margins alone look fine here (gain at 10 m > gain at 10^6 m), but the model is not invertible.
    let model = RisingThenFallingModel()
    #expect(
        model.pathGainDB(distanceMeters: 10, frequency: .campaign28GHz)
            > model.pathGainDB(distanceMeters: 1e6, frequency: .campaign28GHz))
    #expect(throws: PathLossError.nonMonotoneModel) {
        try analysis.maximumDistance(
            model: model, residualsDB: [], frequency: .campaign28GHz, distanceRangeMeters: 10...100,
            targetRateBitsPerSecond: 1e9)
    }
}

/// Spot values are hand-derived closed forms; 1e-3 bit/s absorbs pow/log rounding on rates of ~1e9 bit/s.
private let rateSpotToleranceBitsPerSecond = 1e-3

@Test func attenuatedShannonHasTheMinus10DBFloorAndThe4Point4Cap() {
    let b = 400e6
    let mapping = RateMapping.attenuatedShannon
    // Floor: rate 0 just below −10 dB, 0.6·B·log2(1.1) at −10 dB.
    #expect(mapping.rateBitsPerSecond(snrDB: -10.000001, bandwidthHz: b) == 0)
    #expect(mapping.rateBitsPerSecond(snrDB: -30, bandwidthHz: b) == 0)
    #expect(
        abs(mapping.rateBitsPerSecond(snrDB: -10, bandwidthHz: b) - 0.6 * b * log2(1.1))
            < rateSpotToleranceBitsPerSecond)
    // Below the cap: 0.6·B·log2(1 + 10) at 10 dB.
    #expect(
        abs(mapping.rateBitsPerSecond(snrDB: 10, bandwidthHz: b) - 0.6 * b * log2(11)) < rateSpotToleranceBitsPerSecond)
    // Cap 4.4 bit/s/Hz, applied before multiplying by B: reached where 0.6·log2(1+snr) = 4.4, i.e. snr = 2^(22/3) − 1.
    let capSNRDB = 10 * log10(pow(2, 4.4 / 0.6) - 1)
    #expect(
        abs(mapping.rateBitsPerSecond(snrDB: capSNRDB + 0.01, bandwidthHz: b) - 4.4 * b)
            < rateSpotToleranceBitsPerSecond)
    #expect(abs(mapping.rateBitsPerSecond(snrDB: 60, bandwidthHz: b) - 4.4 * b) < rateSpotToleranceBitsPerSecond)
    #expect(mapping.rateBitsPerSecond(snrDB: capSNRDB - 0.01, bandwidthHz: b) < 4.4 * b)
    // Inverse: above the cap not reachable; far below, the floor −10 dB is required.
    #expect(mapping.requiredSNRDB(rateBitsPerSecond: 4.5 * b, bandwidthHz: b) == nil)
    #expect(mapping.requiredSNRDB(rateBitsPerSecond: 1e-3 * b, bandwidthHz: b) == -10)
}

@Test func nrTableSpotValues() {
    let b = 400e6
    let mapping = RateMapping.nrTable(.cqiTable2)
    // TS 38.214 Table 5.2.2.1-3 by hand: QPSK 449 → SE = 2·449/1024 = 0.876953125; 16QAM 378 → 1.4765625;
    // 256QAM 948 → 7.40625. T = 10·log10(2^SE − 1) + 3 dB.
    let qpsk449 = 0.876953125
    let qam16x378 = 1.4765625
    let t16 = 10 * log10(pow(2, qam16x378) - 1) + 3
    #expect(abs(t16 - 5.5111) < 1e-3)  // 10·log10(2^1.4765625 − 1) + 3 = 2.5111 + 3
    #expect(mapping.rateBitsPerSecond(snrDB: t16, bandwidthHz: b) == b * qam16x378)
    #expect(mapping.rateBitsPerSecond(snrDB: t16 - 1e-9, bandwidthHz: b) == b * qpsk449)
    #expect(mapping.rateBitsPerSecond(snrDB: 60, bandwidthHz: b) == b * 7.40625)
    // Below the lowest threshold (QPSK 78: SE 0.15234375, T = −6.532 dB): no rate.
    let tLowest = 10 * log10(pow(2, 0.15234375) - 1) + 3
    #expect(abs(tLowest - -6.5322) < 1e-3)
    #expect(mapping.rateBitsPerSecond(snrDB: tLowest - 1e-9, bandwidthHz: b) == 0)
    // Overhead scales the rate by (1 − OH).
    let withOverhead = RateMapping.nrTable(.cqiTable2, overhead: 0.25)
    #expect(withOverhead.rateBitsPerSecond(snrDB: t16, bandwidthHz: b) == 0.75 * b * qam16x378)
}
