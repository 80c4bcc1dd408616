/// One part of a study split over several processes: shard `index` of `count` (1-based, as typed
/// `--shard 2/4`), or the part a Slurm array task runs (`--shard slurm`).
///
/// A shardable study is a list of independent work items (SNR × trial blocks, recordings, figure
/// sets); shard K of N runs the contiguous, balanced range of items
///
///     lower = ⌊(K − 1)·M / N⌋,  upper = ⌊K·M / N⌋      (M work items)
///
/// so the ranges of shards 1…N tile 0..<M in order, differ in size by at most one, and need not
/// divide evenly (N may even exceed M: some shards then run nothing). Random streams are keyed by the
/// work item, never by the shard, so the split changes no number.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based index K, in 1…count.
    public let index: Int
    /// Number of shards N, ≥ 1.
    public let count: Int

    /// Shard `index` of `count`.
    /// - Throws: `ShardError.outOfRange` unless 1 ≤ index ≤ count.
    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, index >= 1, index <= count else {
            throw .outOfRange(text: "\(index)/\(count)")
        }
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// The work items of this shard among `itemCount` (contiguous, balanced; see the type's formula).
    /// - Parameter itemCount: Number of work items of the study, ≥ 0.
    public func workItems(of itemCount: Int) -> Range<Int> {
        precondition(itemCount >= 0, "Shard.workItems: negative item count")
        // Multiply in double width: itemCount·K may exceed Int.max; the quotient is ≤ itemCount.
        func bound(_ k: Int) -> Int { count.dividingFullWidth(itemCount.multipliedFullWidth(by: k)).quotient }
        return bound(index - 1)..<bound(index)
    }

    /// Environment variables `--shard slurm` reads (set by `sbatch --array`).
    public enum SlurmVariable {
        public static let taskID = "SLURM_ARRAY_TASK_ID"
        public static let taskCount = "SLURM_ARRAY_TASK_COUNT"
        public static let taskMinimum = "SLURM_ARRAY_TASK_MIN"
        public static let taskStep = "SLURM_ARRAY_TASK_STEP"
    }

    /// Parses `K/N` (1-based, e.g. `2/4`) or `slurm`.
    ///
    /// `slurm` reads the array task's id, the array's task count and its smallest id (and step, if set):
    /// K = (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN) / step + 1, N = SLURM_ARRAY_TASK_COUNT, so
    /// `--array=0-3`, `--array=1-4` and `--array=0-6:2` all give shards 1/4 … 4/4.
    /// - Parameters:
    ///   - text: The option's value.
    ///   - environment: The process environment (injectable for tests).
    /// - Throws: `ShardError` (category `.invalidArgument`, exit 64): malformed text, K or N out of
    ///   range, a missing or non-numeric Slurm variable.
    public static func parse(_ text: String, environment: [String: String]) throws(ShardError) -> Shard {
        if text == "slurm" { return try fromSlurm(environment) }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
            throw .malformed(text: text)
        }
        return try Shard(index: k, count: n)
    }

    static func fromSlurm(_ environment: [String: String]) throws(ShardError) -> Shard {
        func number(_ name: String) throws(ShardError) -> Int {
            guard let text = environment[name], !text.isEmpty else { throw .slurmVariableMissing(name: name) }
            guard let value = Int(text) else {
                throw .slurmVariableInvalid(name: name, value: text)
            }
            return value
        }
        let id = try number(SlurmVariable.taskID)
        let count = try number(SlurmVariable.taskCount)
        let minimum = try number(SlurmVariable.taskMinimum)
        var step = 1
        if environment[SlurmVariable.taskStep] != nil { step = try number(SlurmVariable.taskStep) }
        guard step >= 1, id >= minimum, (id - minimum) % step == 0 else {
            throw .slurmVariableInvalid(
                name: SlurmVariable.taskID, value: "\(id) (array minimum \(minimum), step \(step))")
        }
        do {
            return try Shard(index: (id - minimum) / step + 1, count: count)
        } catch {
            throw .slurmVariableInvalid(
                name: SlurmVariable.taskID,
                value:
                    "\(id): task \((id - minimum) / step + 1) of \(count) (is the array a contiguous range like --array=0-\(count - 1)?)"
            )
        }
    }
}
