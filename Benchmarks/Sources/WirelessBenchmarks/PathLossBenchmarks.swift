import WirelessCore
import WirelessPathLoss

/// The `wtk pathloss fit + effects + coverage` pipeline on the 2,252-link synthetic replica (in memory, no I/O),
/// and its most expensive pieces. Spec target: the whole pipeline with a 1,000-resample bootstrap < 1 s.
let pathLossBenchmarks = BenchmarkGroup(name: "pathloss") {
    [
        Benchmark(name: "pipeline fit+effects(B=1000)+coverage", samples: 7) {
            let campaign = try! SyntheticCampaignGenerator().generate().campaign
            return {
                let summary = try! CampaignSummary(campaign: campaign)
                let used = campaign.uncensoredLinks
                _ = try! DualSlopeFit(distancesMeters: used.map(\.distanceMeters), pathGainsDB: used.map(\.pathGainDB))
                _ = StandardModelComparison(campaign: campaign, fits: [summary.allDataFit])
                let regression = try! FeatureRegression(campaign: campaign)
                _ = try! FeatureEffectBootstrap(campaign: campaign, reference: regression, resamples: 1000, seed: 1)
                let groups = try! GroupFits(campaign: campaign, groupBy: .glassType)
                let analysis = try! CoverageAnalysis()
                for entry in groups.entries {
                    for rate in [500e6, 1.2e9, 2.5e9] {
                        _ = try! analysis.maximumDistance(fit: entry.fit, targetRateBitsPerSecond: rate)
                    }
                }
            }
        },
        Benchmark(name: "FloatingInterceptFit N=2252") {
            let campaign = try! SyntheticCampaignGenerator().generate().campaign
            return { _ = try! FloatingInterceptFit(campaign: campaign) }
        },
        Benchmark(name: "FeatureRegression CR1 N=2252") {
            let campaign = try! SyntheticCampaignGenerator().generate().campaign
            return { _ = try! FeatureRegression(campaign: campaign) }
        },
        Benchmark(name: "FeatureEffectBootstrap B=1000", samples: 7) {
            let campaign = try! SyntheticCampaignGenerator().generate().campaign
            let regression = try! FeatureRegression(campaign: campaign)
            return {
                _ = try! FeatureEffectBootstrap(campaign: campaign, reference: regression, resamples: 1000, seed: 1)
            }
        },
        Benchmark(name: "DualSlopeFit N=2252") {
            let used = try! SyntheticCampaignGenerator().generate().campaign.uncensoredLinks
            return {
                _ = try! DualSlopeFit(distancesMeters: used.map(\.distanceMeters), pathGainsDB: used.map(\.pathGainDB))
            }
        },
        Benchmark(name: "SyntheticCampaignGenerator.generate") {
            return { _ = try! SyntheticCampaignGenerator().generate() }
        },
    ]
}
