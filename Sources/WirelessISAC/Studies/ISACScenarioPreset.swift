import WirelessCore

/// The scenarios the ISAC studies run on, with path phases drawn from the study's seed.
public enum ISACScenarioPreset: String, Sendable, CaseIterable {
    /// The paper's default (26 GHz, 16×180×560).
    case paper
    /// 5G NR FR2 μ = 3 (28 GHz, 16×792×140).
    case nr28

    /// The scenario with its six path phases drawn from `generator` (U[0, 2π)).
    public func scenario(
        rangeMapping: RangeMapping = .oneWay, using generator: inout some RandomNumberGenerator
    ) -> ISACScenario {
        let phases = (0..<6).map { _ in 2 * Double.pi * generator.nextUnitDouble() }
        var value = self == .paper ? ISACScenario.paperDefault(phasesRadians: phases) : .nr28GHz(phasesRadians: phases)
        value.grid.rangeMapping = rangeMapping
        return value
    }

    /// The scenario's grid (no random draw).
    public func grid(rangeMapping: RangeMapping = .oneWay) -> ISACGrid {
        var generator = SplitMix64(seed: 0)
        return scenario(rangeMapping: rangeMapping, using: &generator).grid
    }

    /// The PLAIN default compression factors Δ per mode.
    public var defaultFactors: [Int] { self == .paper ? [1, 4, 14] : [1, 4, 7] }
}
