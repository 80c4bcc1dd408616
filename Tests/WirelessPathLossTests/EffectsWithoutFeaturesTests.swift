import Foundation
import Testing
import WirelessCore
import WirelessPathLoss

/// `pathloss effects` on campaigns that do not carry every feature column (a user's own measurements).
@Suite struct EffectsWithoutFeaturesTests {
    /// The bundled replica with some columns removed from every link.
    static func replica(removing strip: (inout PathLossLink) -> Void) throws -> PathLossCampaign {
        let full = try CampaignCSV.read(contentsOf: BundledReplica.url())
        let links = full.links.map { link -> PathLossLink in
            var copy = link
            strip(&copy)
            return copy
        }
        return PathLossCampaign(links: links, isSynthetic: false, source: "mine.csv")
    }

    @Test func distanceOnlyCampaignGivesTheFloatingInterceptFitAndListsEveryFeatureAsOmitted() throws {
        let campaign = UsersCampaignTests.plainCampaign()
        var configuration = PathLossEffectsStudy.Configuration(campaign: campaign)
        configuration.bootstrapResamples = 100
        let result = try PathLossEffectsStudy(configuration).run()
        // With no feature the regression is PG = A − 10·n·log10(d): the same least-squares problem as the
        // floating-intercept fit, solved by another code path (the oracle). Both are QR solutions of a
        // well-conditioned 120 × 2 system, so they agree to a few ulps of the largest term (~1e-12 relative).
        let fit = try FloatingInterceptFit(campaign: campaign)
        #expect(abs(result.regression.intercept.estimate - fit.intercept.estimate) < 1e-9)
        #expect(abs(result.regression.pathLossExponent.estimate - fit.pathLossExponent.estimate) < 1e-11)
        #expect(result.regression.effects.isEmpty)
        #expect(result.regression.covariance == .classical)
        #expect(result.bootstrap == nil && result.offsets == nil)
        #expect(result.omitted.map(\.name) == ["high_loss", "scaffolding", "foliage", "elevated_subway", "floor"])
        #expect(result.omitted.first?.reason == "no glass_type column")
        #expect(result.notes.count == 2)
        #expect(result.plots.isEmpty)
        #expect(result.tables.count == 1)
        let table = result.effectsTable
        #expect(table["feature"]?.values == .text(["intercept", "path_loss_exponent"] + result.omitted.map(\.name)))
        guard case .text(let notes) = table["note"]?.values else {
            Issue.record("no note column")
            return
        }
        #expect(notes[0] == "" && notes[2] == "no glass_type column" && notes[6] == "no floor column")
        #expect(result.summary.contains("none estimable"))
    }

    @Test func missingAndConstantFeaturesAreOmittedAndTheOthersKeepTheirFullCampaignEstimates() throws {
        let full = try CampaignCSV.read(contentsOf: BundledReplica.url())
        var reference = PathLossEffectsStudy.Configuration(campaign: full)
        reference.bootstrapResamples = 0
        let all = try PathLossEffectsStudy(reference).run()
        #expect(all.omitted.isEmpty && all.notes.isEmpty)

        // Without the foliage column, foliage is omitted; the other effects move (foliage's loss goes into the
        // residual and the correlated features) but stay finite with their intervals.
        var configuration = PathLossEffectsStudy.Configuration(
            campaign: try Self.replica { $0.foliage = nil })
        configuration.bootstrapResamples = 0
        let withoutFoliage = try PathLossEffectsStudy(configuration).run()
        #expect(withoutFoliage.omitted == [.init(name: "foliage", reason: "no foliage column")])
        #expect(withoutFoliage.regression.effect(named: "foliage") == nil)
        #expect(withoutFoliage.regression.effect(named: "scaffolding")?.estimate.isFinite == true)
        #expect(withoutFoliage.regression.covariance == .clusterRobust)

        // A feature equal on every link is not identifiable: setting scaffolding to 0 everywhere must give the
        // same regression as leaving it out of the design (exact same design matrix, so identical estimates).
        configuration.campaign = try Self.replica { $0.scaffolding = false }
        let constant = try PathLossEffectsStudy(configuration).run()
        #expect(constant.omitted == [.init(name: "scaffolding", reason: "scaffolding is 0 on every link")])
        let direct = try FeatureRegression(
            campaign: configuration.campaign, features: [.highLossGlass, .foliage, .elevatedSubway])
        #expect(constant.regression == direct)
    }

    @Test func aColumnSomeLinksLackIsStillAnErrorNamingTheFirstSuchLink() throws {
        let full = try CampaignCSV.read(contentsOf: BundledReplica.url())
        var links = full.links
        let index = try #require(links.indices.dropFirst(10).first { !links[$0].isCensored })
        links[index].foliage = nil
        let campaign = PathLossCampaign(links: links, isSynthetic: false, source: "mine.csv")
        var configuration = PathLossEffectsStudy.Configuration(campaign: campaign)
        configuration.bootstrapResamples = 0
        #expect(throws: PathLossError.self) { try PathLossEffectsStudy(configuration).run() }
    }

    @Test func anExplicitCovarianceIsKeptAndTheScenarioBootstrapNeedsScenarios() throws {
        var configuration = PathLossEffectsStudy.Configuration(
            campaign: try Self.replica { $0.scenarioID = nil })
        configuration.bootstrapResamples = 20
        let automatic = try PathLossEffectsStudy(configuration).run()
        #expect(automatic.regression.covariance == .classical)
        #expect(automatic.bootstrap == nil)
        #expect(
            automatic.notes == [
                "classical covariance (no scenario_id column to cluster by)",
                "no scenario bootstrap (no scenario_id column)",
            ])
        configuration.covariance = .clusterRobust
        #expect(throws: PathLossError.self) { try PathLossEffectsStudy(configuration).run() }
    }
}
