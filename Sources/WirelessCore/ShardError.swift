/// A `--shard` value that names no shard (category `.invalidArgument`, exit 64).
public enum ShardError: Error, Equatable, Sendable, CategorizedError {
    /// Not `K/N` with integers, nor `slurm`.
    case malformed(text: String)
    /// K or N outside 1 ≤ K ≤ N.
    case outOfRange(text: String)
    /// `--shard slurm` outside a Slurm array task: the variable is not set.
    case slurmVariableMissing(name: String)
    /// A Slurm variable that is not a usable number.
    case slurmVariableInvalid(name: String, value: String)

    public var category: ErrorCategory { .invalidArgument }

    public var description: String {
        switch self {
        case .malformed(let text):
            "--shard must be K/N with 1 ≤ K ≤ N (e.g. 2/4) or 'slurm', got '\(text)'"
        case .outOfRange(let text):
            "--shard \(text) is out of range: K must be in 1…N and N ≥ 1 (shards are numbered from 1)"
        case .slurmVariableMissing(let name):
            "--shard slurm needs \(name), which is not set: run it inside an sbatch --array job, or give --shard K/N"
        case .slurmVariableInvalid(let name, let value):
            "--shard slurm: \(name) = \(value) does not name a task of the array"
        }
    }
}
