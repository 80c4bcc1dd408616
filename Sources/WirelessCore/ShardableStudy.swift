/// A `Study` that is a list of independent work items (SNR × trial blocks, separation × trial blocks,
/// recordings), so that several processes can each run a shard and `merge` joins their partials.
///
///     let study = ISACSweepStudy(configuration)
///     let parts = try (1...3).map { k in
///         try study.run(shard: Shard(index: k, count: 3), seed: 7, progress: SilentStudyProgress())
///     }
///     let result = try study.merge(StudyPartial.combined(parts, itemCount: study.workItemCount()))
///     // result's tables equal study.run(seed: 7)'s, number for number
///
/// Contract (what makes a split change no number):
/// - a work item's random streams are keyed by the item (trial, point, recording), never by the shard
///   or the thread;
/// - `merge` folds the records in work-item order, and `run(seed:progress:)` is
///   `merge(runWorkItems(0..<workItemCount()))`, so a one-process run folds the same numbers in the
///   same order as a merge of shards.
public protocol ShardableStudy: Study {
    /// The number of work items, ≥ 0.
    /// - Throws: The capability's typed error for a configuration that cannot run.
    func workItemCount() throws -> Int

    /// Runs the work items `items` (a sub-range of `0..<workItemCount()`).
    /// - Throws: As `run(seed:progress:)`.
    func runWorkItems(_ items: Range<Int>, seed: UInt64, progress: any StudyProgress) throws -> StudyPartial

    /// The result from the partial of every work item (`StudyPartial.combined` of the shards).
    /// - Throws: `StudyPartialError` when the partial does not fit the configuration; the capability's errors.
    func merge(_ partial: StudyPartial) throws -> Result
}

extension ShardableStudy {
    /// Runs the work items of `shard` (see `Shard.workItems(of:)`).
    public func run(shard: Shard, seed: UInt64, progress: any StudyProgress) throws -> StudyPartial {
        try runWorkItems(shard.workItems(of: workItemCount()), seed: seed, progress: progress)
    }

    /// The whole study in one process: every work item, merged (the same fold as a merge of shards).
    public func runAllWorkItems(seed: UInt64, progress: any StudyProgress) throws -> Result {
        try merge(runWorkItems(0..<workItemCount(), seed: seed, progress: progress))
    }
}
