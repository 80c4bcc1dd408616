/// Settings of the densification Monte-Carlo simulator (docs/DENSIFICATION.md#monte-carlo, which lists the defaults).
public struct MonteCarloConfiguration: Sendable, Equatable, Codable {
    /// Fixed number of drops (`--drops N`); nil = adaptive stop rule between `minimumDrops` and `maximumDrops`.
    public var fixedDrops: Int?
    /// n_min of the stop rule, ≥ 1.
    public var minimumDrops: Int = 10_000
    /// n_max of the stop rule, ≥ n_min.
    public var maximumDrops: Int = 1_000_000
    /// ε_abs: absolute half-width target of every coverage cell, > 0.
    public var absoluteHalfWidth: Double = 0.005
    /// ε_rel: relative half-width target (coverage and rate), > 0.
    public var relativeHalfWidth: Double = 0.05
    /// Rate half-width floor [nats/s/Hz], > 0.
    public var rateHalfWidth: Double = 0.01
    /// Drops per batch (the unit of parallel work and of the stop-rule check), ≥ 1.
    public var batchSize: Int = 20_000
    /// Minimum number of nearest BSs simulated per drop (K floor), ≥ 1.
    public var minimumNeighbours: Int = 400
    /// Cap on K, ≥ `minimumNeighbours`.
    public var maximumNeighbours: Int = 1 << 16
    /// Near-field BS-count multiplier: K(λ) = max(K_min, ⌈c·πλR_1²⌉) where `DensificationSimulator.coversNearField`.
    public var nearFieldMultiplier: Double = 12
    /// Seed of the run; drop d uses `Xoshiro256StarStar(seed: seed, stream: d)`.
    public var seed: UInt64 = 1

    public init(fixedDrops: Int? = nil, seed: UInt64 = 1) {
        self.fixedDrops = fixedDrops
        self.seed = seed
    }

    /// - Throws: `DensificationError.invalidSimulationParameter` for any non-positive size or tolerance, n_max < n_min.
    func validate() throws(DensificationError) {
        if let n = fixedDrops, n <= 0 {
            throw DensificationError.invalidSimulationParameter(name: "drops", value: Double(n))
        }
        let checks: [(String, Double)] = [
            ("minimumDrops", Double(minimumDrops)), ("maximumDrops", Double(maximumDrops)),
            ("absoluteHalfWidth", absoluteHalfWidth), ("relativeHalfWidth", relativeHalfWidth),
            ("rateHalfWidth", rateHalfWidth), ("batchSize", Double(batchSize)),
            ("minimumNeighbours", Double(minimumNeighbours)), ("maximumNeighbours", Double(maximumNeighbours)),
            ("nearFieldMultiplier", nearFieldMultiplier),
        ]
        for (name, value) in checks where !(value.isFinite && value > 0) {
            throw DensificationError.invalidSimulationParameter(name: name, value: value)
        }
        guard maximumDrops >= minimumDrops else {
            throw DensificationError.invalidSimulationParameter(name: "maximumDrops", value: Double(maximumDrops))
        }
        guard maximumNeighbours >= minimumNeighbours else {
            throw DensificationError.invalidSimulationParameter(
                name: "maximumNeighbours", value: Double(maximumNeighbours))
        }
    }
}
