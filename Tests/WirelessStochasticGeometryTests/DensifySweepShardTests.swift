import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// `DensifySweepStudy` as a `ShardableStudy`: shards of (batch, density) work items merged give the
/// one-process run number for number — fixed drops with a short last batch, shard counts that do not
/// divide the items (and split batches between shards), and the stop rule (`auto`), which the merge
/// replays over the full schedule the shards ran.
@Suite struct DensifySweepShardTests {
    /// Nearest BS, Rayleigh, α = 4 (closed-form analytic cells, so the test spends its time on drops).
    static func configuration(_ mode: MonteCarloMode, settings: MonteCarloConfiguration) throws
        -> DensifySweepStudy.Configuration
    {
        let network = try DensificationScenario(
            pathGain: .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest, noise: 0.01)
        var configuration = DensifySweepStudy.Configuration(scenario: network, densities: [0.5, 2, 8])
        configuration.thresholdsDB = [-3, 3]
        configuration.metrics = [.coverage, .rate]
        configuration.monteCarlo = mode
        configuration.curvePointsPerDecade = 0
        configuration.simulatorSettings = settings
        return configuration
    }

    /// Small batches and a short K so that a few hundred drops span several batches and rounds.
    static func settings(fixedDrops: Int?) -> MonteCarloConfiguration {
        var settings = MonteCarloConfiguration(fixedDrops: fixedDrops)
        settings.batchSize = 50
        settings.minimumNeighbours = 60
        settings.minimumDrops = 100
        settings.maximumDrops = 2_000
        settings.absoluteHalfWidth = 0.04
        settings.relativeHalfWidth = 0.04
        settings.rateHalfWidth = 0.15
        return settings
    }

    /// Runs `shards` shards, merges them (given in reverse order) and compares with the one-process run.
    static func expectShardsMergeToTheWholeRun(_ study: DensifySweepStudy, shards: Int, seed: UInt64) throws
        -> DensifySweepStudy.Result
    {
        let whole = try study.run(seed: seed)
        let count = try study.workItemCount()
        let parts = try (1...shards).map {
            try study.run(shard: Shard(index: $0, count: shards), seed: seed, progress: SilentStudyProgress())
        }
        let merged = try study.merge(StudyPartial.combined(parts.reversed(), itemCount: count))
        #expect(merged.simulation == whole.simulation)
        #expect(merged.tables == whole.tables)
        #expect(String(describing: merged.plots) == String(describing: whole.plots))  // NaN-safe
        #expect(merged.summary == whole.summary)
        return whole
    }

    /// 230 drops = batches of 50, 50, 50, 50, 30 × 3 densities = 15 items in 4 shards (3, 4, 4, 4 items:
    /// every shard but the first starts inside a batch).
    @Test func fixedDropsShardsMergeToTheWholeRun() throws {
        let study = DensifySweepStudy(try Self.configuration(.drops(230), settings: Self.settings(fixedDrops: 230)))
        #expect(try study.workItemCount() == 15)
        let whole = try Self.expectShardsMergeToTheWholeRun(study, shards: 4, seed: 5)
        #expect(whole.simulation?.drops == 230)
        // More shards than items: some shards run nothing.
        _ = try Self.expectShardsMergeToTheWholeRun(study, shards: 17, seed: 5)
    }

    /// The stop rule stops after a few rounds of 4 batches; the shards ran all 40 batches (n_max = 2000).
    @Test func stopRuleShardsMergeToTheWholeRun() throws {
        let study = DensifySweepStudy(try Self.configuration(.auto, settings: Self.settings(fixedDrops: nil)))
        #expect(try study.workItemCount() == 40 * 3)
        let whole = try Self.expectShardsMergeToTheWholeRun(study, shards: 7, seed: 11)
        let drops = try #require(whole.simulation?.drops)
        #expect(drops > 200 && drops < 2_000, "the stop rule should stop after round 1 and before n_max: \(drops)")
        #expect(drops % 200 == 0, "the rule stops at a round boundary (4 batches of 50)")
    }

    @Test func monteCarloOffHasNoWorkItems() throws {
        let study = DensifySweepStudy(try Self.configuration(.off, settings: Self.settings(fixedDrops: nil)))
        #expect(try study.workItemCount() == 0)
        _ = try Self.expectShardsMergeToTheWholeRun(study, shards: 2, seed: 1)
    }

    /// A partial of another configuration, or with a record that does not fit its batch, is refused.
    @Test func unfitPartialsAreRefused() throws {
        let study = DensifySweepStudy(try Self.configuration(.drops(120), settings: Self.settings(fixedDrops: 120)))
        let partial = try study.runWorkItems(0..<(try study.workItemCount()), seed: 3, progress: SilentStudyProgress())
        var other = study.configuration
        other.thresholdsDB = [0]
        #expect(throws: StudyPartialError.self) { try DensifySweepStudy(other).merge(partial) }
        var changed = partial
        changed.records[4].values[2] = 51  // rate count of a 50-drop batch
        #expect(throws: StudyPartialError.self) { try study.merge(changed) }
        changed = partial
        changed.records[0].values[0] = 0.5  // a covered-drop count that is not an integer
        #expect(throws: StudyPartialError.self) { try study.merge(changed) }
        #expect(try study.merge(partial).simulation == (try study.run(seed: 3)).simulation)
    }
}
