/// Monte-Carlo trials run in fixed-size chunks: each chunk in parallel, its results folded in trial
/// order and then released, so memory stays O(chunk) whatever the trial count.
///
/// The chunk size does not depend on the thread count and the fold visits trials 0, 1, 2, … in order,
/// so a sum accumulated in `accumulate` is bit-identical to a left fold over all trials at once.
public enum TrialStream {
    /// Trials per chunk: enough to keep both cores busy, small enough that a chunk's results are a few MB.
    public static let chunkSize = 64

    /// Calls `transform(trial)` for every trial in 0..<count (concurrently within a chunk), then
    /// `accumulate(trial, result)` in trial order.
    /// - Parameter count: Number of trials, ≥ 0.
    public static func run<T: Sendable>(
        count: Int, _ transform: @Sendable (Int) -> T, accumulate: (Int, T) throws -> Void
    ) rethrows {
        var start = 0
        while start < count {
            let size = min(chunkSize, count - start)
            let first = start
            let results = ParallelExecution.parallelMap(count: size) { k in transform(first + k) }
            for (k, result) in results.enumerated() { try accumulate(first + k, result) }
            start += size
        }
    }
}
