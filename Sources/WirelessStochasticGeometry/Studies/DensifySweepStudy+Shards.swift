import WirelessCore

/// `DensifySweepStudy` as a `ShardableStudy`: its work items are the Monte-Carlo work, one item per
/// (drop batch, density), batch-major:
///
///     item = b · D + i      b < B batches of the schedule, i < D densities
///     B = ⌈N / batch⌉ for `drops:N`,  ⌈n_max / batch⌉ for `auto`,  0 items for `off`
///
/// A shard simulates its items batch by batch (a batch it holds only part of is simulated at those
/// densities only; drop d draws from stream d, nearest BS first, so a density's numbers do not depend on
/// which other densities ran beside it) and records each item's sufficient statistics. `merge` rebuilds
/// each batch over the whole grid and folds the batches in batch order through the simulator's stop rule
/// (`DensificationSimulator.fold`), which is what a one-process run does, so the tables are the same
/// number for number.
///
/// `auto` (the stop rule) is sequential: whether round r runs depends on the rounds before it. Sharded,
/// it runs the rule's whole schedule (n_max drops) across the shards and the merge keeps the rounds the
/// one-process rule runs, so the merged files equal the unsharded run's at up to n_max / (4 · batch)
/// times its work (12.5× at the defaults when the first round meets the targets); give `drops:N` to
/// shard a fixed amount of work instead.
///
/// The analytic cells, curves and peak densities hold no randomness and carry text (route, reason): they
/// are not work items but computed where the result is assembled (the one-process run, or the merge).
extension DensifySweepStudy: ShardableStudy {
    /// Drop batches × densities (0 with Monte-Carlo off).
    /// - Throws: `DensificationError` for an invalid grid or Monte-Carlo setting.
    public func workItemCount() throws(DensificationError) -> Int {
        let (densities, _) = try validatedGrid()
        guard let simulator = try simulator(seed: 0) else { return 0 }
        return simulator.batchCount * densities.count
    }

    /// Runs the work items `items` (a sub-range of `0..<workItemCount()`), both cores over their batches.
    /// - Throws: `DensificationError` for an invalid grid or Monte-Carlo setting.
    public func runWorkItems(_ items: Range<Int>, seed: UInt64, progress: any StudyProgress)
        throws(DensificationError) -> StudyPartial
    {
        let (densities, thresholds) = try validatedGrid()
        let columns = Self.partialColumns(thresholdCount: thresholds.count)
        guard let simulator = try simulator(seed: seed) else {
            return StudyPartial(items: items, columns: columns, records: [])
        }
        let total = simulator.batchCount * densities.count
        precondition(items.lowerBound >= 0 && items.upperBound <= total, "DensifySweepStudy: work items out of range")
        let d = densities.count
        // One task per batch this shard touches, at the densities of its items in that batch.
        let batches = items.isEmpty ? 0..<0 : (items.lowerBound / d)..<((items.upperBound - 1) / d + 1)
        progress.begin("densify sweep: Monte-Carlo batches", total: batches.count)
        let parts = ParallelExecution.parallelMap(count: batches.count) { t -> (Range<Int>, BatchStatistics) in
            defer { progress.advance() }
            let b = batches.lowerBound + t
            let lower = max(items.lowerBound, b * d) - b * d
            let upper = min(items.upperBound, (b + 1) * d) - b * d
            return (
                lower..<upper,
                simulator.simulateBatch(b, densityRange: lower..<upper, densities: densities, thresholds: thresholds)
            )
        }
        var records: [StudyPartial.Record] = []
        for (t, (range, stats)) in parts.enumerated() {
            let b = batches.lowerBound + t
            for (k, i) in range.enumerated() {
                records.append(.init(item: b * d + i, values: Self.record(stats, density: k)))
            }
        }
        return StudyPartial(items: items, columns: columns, records: records)
    }

    /// The result from the partial of every work item: the batches rebuilt over the whole grid and folded
    /// in order through the stop rule, then the analytic cells as in `run`.
    /// - Throws: `StudyPartialError.inconsistent` for a partial that does not fit the configuration (item
    ///   count, record width, a batch's drop count); `DensificationError` as `run`.
    public func merge(_ partial: StudyPartial) throws -> Result {
        let (densities, thresholds) = try validatedGrid()
        let total = try workItemCount()
        let columns = Self.partialColumns(thresholdCount: thresholds.count)
        guard partial.items == 0..<total, partial.records.count == total, partial.columns == columns,
            partial.records.enumerated().allSatisfy({ $0.element.item == $0.offset })
        else {
            throw StudyPartialError.inconsistent(
                "expected one record of \(columns.count) values for each of \(total) work items (Monte-Carlo batches × densities), found \(partial.records.count) records of columns \(partial.columns.joined(separator: ","))"
            )
        }
        guard let simulator = try simulator(seed: 0) else {
            return try assemble(simulation: nil, progress: SilentStudyProgress())
        }
        let d = densities.count
        let ks = densities.map { simulator.neighbourCount(density: $0) }
        let simulation = try simulator.fold(densities: densities, thresholds: thresholds, neighbourCounts: ks) {
            (round: Range<Int>) throws(StudyPartialError) -> [BatchStatistics] in
            var batches: [BatchStatistics] = []
            for b in round {
                let drops = simulator.batchDrops(b).count
                var stats = BatchStatistics(densityCount: d, thresholdCount: thresholds.count)
                stats.drops = drops
                stats.interactions = Double(drops) * Double(ks.reduce(0, +))
                for i in 0..<d {
                    try Self.restore(partial.records[b * d + i].values, density: i, drops: drops, into: &stats)
                }
                batches.append(stats)
            }
            return batches
        }
        return try assemble(simulation: simulation, progress: SilentStudyProgress())
    }

    /// The simulator of the configuration's Monte-Carlo mode with `seed` (nil when off).
    func simulator(seed: UInt64) throws(DensificationError) -> DensificationSimulator? {
        guard var settings = try configuration.monteCarlo.configuration(seed: seed) else { return nil }
        if var replacement = configuration.simulatorSettings {
            replacement.seed = seed
            settings = replacement
        }
        return try DensificationSimulator(scenario: configuration.scenario, configuration: settings)
    }

    /// A record's columns: the covered-drop count per threshold, the rate accumulator's state (count,
    /// mean, M₂, min, max of ln(1 + SINR)), the sum of tail shares and the count served by the K-th BS.
    static func partialColumns(thresholdCount: Int) -> [String] {
        (0..<thresholdCount).map { "covered_\($0)" } + [
            "rate_count", "rate_mean", "rate_m2", "rate_min", "rate_max", "tail_share_sum", "served_at_last",
        ]
    }

    /// The record of density `k` of a batch's statistics.
    static func record(_ stats: BatchStatistics, density k: Int) -> [Double] {
        let t = stats.thresholdCount
        let rate = stats.rate[k]
        return stats.counts[(k * t)..<((k + 1) * t)].map(Double.init) + [
            Double(rate.count), rate.mean, rate.sumOfSquaredDeviations, rate.minimum, rate.maximum,
            stats.tailShareSum[k], Double(stats.servedAtLast[k]),
        ]
    }

    /// Writes a record back into density `i` of a batch's statistics.
    /// - Throws: `StudyPartialError.inconsistent` when a count is not an integer in 0…drops.
    static func restore(_ values: [Double], density i: Int, drops: Int, into stats: inout BatchStatistics)
        throws(StudyPartialError)
    {
        let t = stats.thresholdCount
        func count(_ value: Double, _ name: String) throws(StudyPartialError) -> Int {
            guard value >= 0, value <= Double(drops), value.rounded() == value else {
                throw .inconsistent("\(name) of \(value) in a batch of \(drops) drops")
            }
            return Int(value)
        }
        for j in 0..<t { stats.counts[i * t + j] = try count(values[j], "a covered-drop count") }
        guard try count(values[t], "a rate count") == drops else {
            throw .inconsistent("a rate count of \(values[t]) in a batch of \(drops) drops")
        }
        stats.rate[i] = RunningStatistics(
            count: drops, mean: values[t + 1], sumOfSquaredDeviations: values[t + 2], minimum: values[t + 3],
            maximum: values[t + 4])
        stats.tailShareSum[i] = values[t + 5]
        stats.servedAtLast[i] = try count(values[t + 6], "a served-by-the-last-BS count")
    }
}
