/// How a densification study runs its Monte-Carlo check (docs/DENSIFICATION.md#monte-carlo).
///
/// Written on the command line as `auto`, `off` or `drops:N`.
public enum MonteCarloMode: Sendable, Equatable, Codable, CustomStringConvertible {
    /// No simulation: analytic values only.
    case off
    /// The stop rule: batches until every cell's 95 % half-width meets its target (n_min 10⁴, n_max 10⁶).
    case auto
    /// A fixed number of drops, 1…`maximumDrops` (no stop rule).
    case drops(Int)

    /// Largest fixed drop count: 10⁸ (drops stream through fixed buffers, so this bounds time, not memory).
    public static let maximumDrops = 100_000_000

    /// Parses `auto`, `off` or `drops:N` (N an integer; its range is checked by `configuration(seed:)`);
    /// nil for any other text.
    public init?(text: String) {
        if text == "off" {
            self = .off
        } else if text == "auto" {
            self = .auto
        } else if text.hasPrefix("drops:"), let n = Int(text.dropFirst(6)) {
            self = .drops(n)
        } else {
            return nil
        }
    }

    /// The text form: `off`, `auto` or `drops:N`.
    public var description: String {
        switch self {
        case .off: "off"
        case .auto: "auto"
        case .drops(let n): "drops:\(n)"
        }
    }

    /// The simulator settings (nil for `.off`), with every drop's stream derived from `seed`.
    /// - Throws: `DensificationError.invalidSimulationParameter` for a drop count outside 1…`maximumDrops`.
    public func configuration(seed: UInt64) throws(DensificationError) -> MonteCarloConfiguration? {
        switch self {
        case .off: return nil
        case .auto: return MonteCarloConfiguration(seed: seed)
        case .drops(let n):
            guard (1...Self.maximumDrops).contains(n) else {
                throw .invalidSimulationParameter(name: "drops", value: Double(n))
            }
            return MonteCarloConfiguration(fixedDrops: n, seed: seed)
        }
    }

    /// Drops a run is expected to take, for duration estimates: N for `drops:N`, one round of the stop rule
    /// (4 batches of 2·10⁴, where the default targets are usually met) for `auto`, 0 for `off`.
    public var expectedDropCount: Int {
        switch self {
        case .off: 0
        case .auto:
            DensificationSimulator.batchesPerRound * MonteCarloConfiguration().batchSize
        case .drops(let n): n
        }
    }
}
