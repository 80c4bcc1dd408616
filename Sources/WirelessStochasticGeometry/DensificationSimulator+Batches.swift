import WirelessCore

/// The batch schedule and the stop rule's fold, shared by a one-process run and a merge of shards.
///
/// A run's drops are cut into batches of `batchSize` consecutive drops from drop 0 (the last one
/// shorter): up to `fixedDrops`, or up to the stop rule's n_max. The stop rule folds the batches in
/// order, four per round, and after each round with at least n_min drops stops when every cell meets
/// its width target. A batch's statistics depend only on its drop range and the density (drop d draws
/// from its own stream), so the fold gives the same numbers whether the batches were simulated here,
/// lazily round by round, or by shards on other machines that ran the whole schedule (the fold then
/// simply reads fewer batches than were run).
extension DensificationSimulator {
    /// Number of batches of the schedule: ⌈N / batchSize⌉ with N = `fixedDrops`, or n_max under the stop rule.
    public var batchCount: Int {
        let target = configuration.fixedDrops ?? configuration.maximumDrops
        return (target + configuration.batchSize - 1) / configuration.batchSize
    }

    /// The drops of batch `batch` (0-based, < `batchCount`).
    public func batchDrops(_ batch: Int) -> Range<Int> {
        precondition(batch >= 0 && batch < batchCount, "DensificationSimulator: batch out of range")
        let target = configuration.fixedDrops ?? configuration.maximumDrops
        let lower = batch * configuration.batchSize
        return lower..<min(target, lower + configuration.batchSize)
    }

    /// Folds the batches in order through the stop rule (or all of them with fixed drops).
    ///
    /// - Parameters:
    ///   - neighbourCounts: K(λ) per density.
    ///   - batches: The statistics of the batches in a range (one round), in batch order, over the whole
    ///     density and threshold grid.
    func fold<E: Error>(
        densities: [Double], thresholds: [Double], neighbourCounts: [Int],
        batches: (Range<Int>) throws(E) -> [BatchStatistics]
    ) throws(E) -> MonteCarloResult {
        var total = BatchStatistics(densityCount: densities.count, thresholdCount: thresholds.count)
        var converged = false
        let count = batchCount
        var next = 0
        while next < count {
            let round = next..<min(count, next + Self.batchesPerRound)
            for r in try batches(round) { total.merge(r) }
            next = round.upperBound
            if configuration.fixedDrops == nil && total.drops >= configuration.minimumDrops {
                if cellsConverged(total).allSatisfy({ $0 }) {
                    converged = true
                    break
                }
            }
        }
        if configuration.fixedDrops != nil { converged = true }
        let cellFlags =
            configuration.fixedDrops != nil
            ? [Bool](repeating: true, count: densities.count * (thresholds.count + 1)) : cellsConverged(total)
        return total.result(
            densities: densities, thresholds: thresholds, neighbourCounts: neighbourCounts, converged: converged,
            cellFlags: cellFlags)
    }

    /// Simulates batch `batch` at the densities `densities[densityRange]` only (a shard's share of a
    /// batch): the statistics of those densities are bit-identical to those of the whole grid's batch,
    /// because a drop draws its BSs nearest first and a density reads only the first K(λ) of them.
    ///
    /// - Parameters:
    ///   - batch: The batch, < `batchCount`.
    ///   - densityRange: A non-empty range of indices into `densities`.
    ///   - densities: λ grid [per unit area], validated by the caller.
    ///   - thresholds: T grid [linear], validated by the caller.
    /// - Returns: Statistics over the `densityRange.count` densities of the range, in order.
    func simulateBatch(_ batch: Int, densityRange: Range<Int>, densities: [Double], thresholds: [Double])
        -> BatchStatistics
    {
        let subset = Array(densities[densityRange])
        let ks = subset.map { neighbourCount(density: $0) }
        let plan = DropPlan(
            scenario: scenario, densities: subset, thresholds: thresholds, neighbourCounts: ks,
            maximumCount: ks.max()!)
        let drops = batchDrops(batch)
        return plan.simulateBatch(drops: drops.count, firstDrop: drops.lowerBound, seed: configuration.seed)
    }
}
