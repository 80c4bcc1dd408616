import Foundation
import Testing
import WirelessCore

@testable import WirelessPathLoss

/// Path loss on a user's own campaign: files without the replica's feature columns, extrapolation below the
/// measured range, the effects table's model rows, the summary's wording and the link bootstrap (issue 17).
@Suite struct UsersCampaignTests {
    /// 120 links at 20…200 m, PG = −65 − 25·log10(d) ± 4 dB, no feature columns.
    static func plainCampaign() -> PathLossCampaign {
        let links = (0..<120).map { i -> PathLossLink in
            let d = 20 * pow(10, Double(i) / 119)
            return PathLossLink(distanceMeters: d, pathGainDB: -65 - 25 * log10(d) + (i % 2 == 0 ? 4 : -4))
        }
        return PathLossCampaign(links: links, isSynthetic: false, source: "mine.csv")
    }

    @Test func coverageOfACampaignWithoutGlassTypeIsOneGroup() throws {
        let campaign = Self.plainCampaign()
        #expect(CampaignGrouping.defaultGrouping(for: campaign) == nil)
        var configuration = PathLossCoverageStudy.Configuration(campaign: campaign, budget: try LinkBudget())
        configuration.groupBy = nil
        let result = try PathLossCoverageStudy(configuration).run()
        #expect(result.groups.map(\.label) == ["all"])
        // Asking for a column the file lacks names the column and the file (bad data, exit 65).
        configuration.groupBy = .floor
        #expect(throws: PathLossError.missingGroupingColumn(name: "floor", file: "mine.csv")) {
            try PathLossCoverageStudy(configuration).run()
        }
        #expect(PathLossError.missingGroupingColumn(name: "floor", file: "mine.csv").category == .invalidData)
        var fit = PathLossFitStudy.Configuration(campaign: campaign)
        fit.groupBy = .glassType
        #expect(throws: PathLossError.missingGroupingColumn(name: "glass_type", file: "mine.csv")) {
            try PathLossFitStudy(fit).run()
        }
    }

    /// A target met only below the smallest measured distance (20 m) is an extrapolation: `.belowRange(20)`
    /// unless allowed; allowed, the distance is returned and the table calls it `extrapolated`.
    @Test func aDistanceBelowTheMeasuredRangeIsAnExtrapolation() throws {
        let campaign = Self.plainCampaign()
        let fit = try FloatingInterceptFit(campaign: campaign)
        let analysis = try CoverageAnalysis()
        let target = analysis.rateBitsPerSecond(fit: fit, distanceMeters: 8)
        #expect(try analysis.maximumDistance(fit: fit, targetRateBitsPerSecond: target) == .belowRange(20))
        guard
            case .distance(let d) = try analysis.maximumDistance(
                fit: fit, targetRateBitsPerSecond: target, allowExtrapolation: true)
        else {
            Issue.record("no extrapolated distance")
            return
        }
        #expect(abs(d - 8) < 1e-6)
        // The generic solver never searches below the measured range either.
        #expect(
            try analysis.maximumDistance(
                model: fit, residualsDB: fit.residualsDB, frequency: fit.frequency, distanceRangeMeters: 20...200,
                targetRateBitsPerSecond: target) == .belowRange(20))
        var configuration = PathLossCoverageStudy.Configuration(campaign: campaign, budget: try LinkBudget())
        configuration.groupBy = nil
        configuration.targetRatesBitsPerSecond = [target]
        let table = try PathLossCoverageStudy(configuration).run().maximumDistanceTable
        #expect(table["status"]?.values == .text(["below_range"]))
        #expect(table["max_distance_m"]?.numbers == [20])
        configuration.allowExtrapolation = true
        let extrapolated = try PathLossCoverageStudy(configuration).run().maximumDistanceTable
        #expect(extrapolated["status"]?.values == .text(["extrapolated"]))
    }

    @Test func effectsTableCarriesTheModelAndThePapersFloorFigureAsAMagnitude() throws {
        let campaign = try CampaignCSV.read(contentsOf: BundledReplica.url())
        var configuration = PathLossEffectsStudy.Configuration(campaign: campaign)
        configuration.bootstrapResamples = 0
        let result = try PathLossEffectsStudy(configuration).run()
        let table = result.effectsTable
        guard case .text(let features) = table["feature"]?.values, case .text(let paper) = table["paper_db"]?.values,
            case .text(let units) = table["unit"]?.values, let estimates = table["effect_db"]?.numbers,
            let errors = table["se_db"]?.numbers
        else {
            Issue.record("effects table lacks its columns")
            return
        }
        let a = try #require(features.firstIndex(of: "intercept"))
        let n = try #require(features.firstIndex(of: "path_loss_exponent"))
        #expect(estimates[a] == result.regression.intercept.estimate)
        #expect(errors[n] == result.regression.pathLossExponent.standardError)
        #expect(units[a] == "dB" && units[n] == "1")
        #expect(paper[a] == "" && paper[n] == "")
        let floor = try #require(features.firstIndex(of: "floor_2"))
        #expect(paper[floor] == "5–10 (magnitude)")
        #expect(paper[try #require(features.firstIndex(of: "scaffolding"))] == "5–10")
    }

    @Test func summaryOfAUsersFileHasNoReplicaNoZeroScenariosAndFullPrecision() throws {
        let campaign = Self.plainCampaign()
        var configuration = PathLossFitStudy.Configuration(campaign: campaign)
        configuration.groupBy = nil
        let table = try PathLossFitStudy(configuration).run().summaryTable
        #expect(table.columns.map(\.header) == ["metric", "campaign", "paper", "unit"])
        guard case .text(let metrics) = table["metric"]?.values, case .mixed(let values) = table["campaign"]?.values
        else {
            Issue.record("summary table lacks its columns")
            return
        }
        let scenarios = try #require(metrics.firstIndex(of: "scenarios"))
        #expect(values[scenarios] == .real(nil))
        let rms = try #require(metrics.firstIndex(of: "rms_fitting_error"))
        let fit = try FloatingInterceptFit(campaign: campaign)
        #expect(values[rms] == .real(fit.rmsErrorDB))
        #expect(table["campaign"]?.style == .shortestRoundTrip)
    }

    @Test func excessLossCanBeTheDataPointAverage() throws {
        let campaign = Self.plainCampaign()
        let summary = try CampaignSummary(campaign: campaign, excessLossAveraging: .dataPoints)
        let used = campaign.uncensoredLinks
        let expected = try ExcessLoss.dataPointsDB(
            distancesMeters: used.map(\.distanceMeters), pathGainsDB: used.map(\.pathGainDB))
        #expect(summary.excessLossDB == expected)
        #expect(try CampaignSummary(campaign: campaign).excessLossDB != expected)
    }

    /// With independent, equal-variance residuals the link bootstrap's SE of n matches the OLS SE: the bootstrap
    /// SE estimate has a relative error ≈ 1/√(2B) = 1.6 % at B = 2000 and the bootstrap's own bias is O(1/N)
    /// (N = 400), so 10 % is a wide bound that a wrong resampling (e.g. a fixed index set) fails.
    @Test func linkBootstrapOfTheExponentMatchesTheOLSErrorAndIsSeeded() throws {
        var generator = Xoshiro256StarStar(seed: 17)
        let noise = try NormalDistribution(mean: 0, standardDeviation: 6)
        let d = (0..<400).map { _ in 10 * pow(10, 1.5 * generator.nextUnitDouble()) }
        let g = d.map { -61 - 25 * log10($0) + noise.sample(using: &generator) }
        let fit = try FloatingInterceptFit(distancesMeters: d, pathGainsDB: g)
        let boot = try LinkBootstrap(distancesMeters: d, pathGainsDB: g, resamples: 2000, seed: 5)
        let relative = abs(boot.pathLossExponentStandardError / fit.pathLossExponent.standardError - 1)
        #expect(
            relative < 0.10,
            "bootstrap SE \(boot.pathLossExponentStandardError) vs \(fit.pathLossExponent.standardError)")
        #expect(boot.pathLossExponent.contains(fit.pathLossExponent.estimate))
        #expect(try LinkBootstrap(distancesMeters: d, pathGainsDB: g, resamples: 2000, seed: 5) == boot)
        #expect(try LinkBootstrap(distancesMeters: d, pathGainsDB: g, resamples: 2000, seed: 6) != boot)
        #expect(throws: PathLossError.self) {
            try LinkBootstrap(distancesMeters: d, pathGainsDB: g, resamples: 1, seed: 5)
        }
    }
}

/// The dataset README's largest-spread row states the window centre the summary finds (to the metre).
@Test func datasetReadmeStatesWhereTheLargestSpreadIs() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let readme = try String(
        contentsOf: root.appendingPathComponent("datasets/oti28-synthetic/README.md"), encoding: .utf8)
    let row = try #require(readme.split(separator: "\n").first { $0.contains("largest spread at one distance") })
    let spread = try #require(
        try CampaignSummary(campaign: CampaignCSV.read(contentsOf: BundledReplica.url())).maximumSpread)
    let stated = String(format: "%.2f dB (at %.0f m)", spread.rangeDB, spread.centerMeters)
    #expect(row.contains(stated), "README row: \(row); summary: \(stated)")
}
