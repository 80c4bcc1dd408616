import ArgumentParser
import WirelessStochasticGeometry

/// The highest SINR threshold a command's grid defaults to (see `ThresholdGridOptions`).
public protocol ThresholdGridDefault {
    /// The default of `--threshold-max-db` [dB].
    static var defaultMaximumThresholdDB: Double { get }
}

/// `--threshold-min-db`, `--threshold-max-db`, `--threshold-step-db`: an evenly spaced SINR threshold
/// grid [dB] (`DensifyGrid.thresholdsDB`), from −10 dB in 2 dB steps unless typed otherwise.
public struct ThresholdGridOptions<Default: ThresholdGridDefault>: ParsableArguments {
    @Option(name: .customLong("threshold-min-db"), parsing: .unconditional, help: "Lowest threshold [dB].")
    public var minimumDB: Double = -10

    @Option(name: .customLong("threshold-max-db"), parsing: .unconditional, help: "Highest threshold [dB].")
    public var maximumDB: Double = Default.defaultMaximumThresholdDB

    @Option(name: .customLong("threshold-step-db"), parsing: .unconditional, help: "Threshold step [dB], > 0.")
    public var stepDB: Double = 2

    public init() {}

    /// The thresholds [dB], lowest first.
    /// - Throws: `DensificationError.invalidSweep` for an empty or too long grid, or a step ≤ 0.
    public func thresholdsDB() throws -> [Double] {
        try DensifyGrid.thresholdsDB(from: minimumDB, to: maximumDB, step: stepDB)
    }

    /// The three options as the run's sidecar records them.
    public var parameters: [String: String] {
        [
            "threshold_min_db": String(minimumDB), "threshold_max_db": String(maximumDB),
            "threshold_step_db": String(stepDB),
        ]
    }
}

/// A command's `--drops` default and help (see `ThresholdSweepOptions`).
public protocol ThresholdSweepDefaults: ThresholdGridDefault, OutputNaming {
    /// The default of `--drops`.
    static var defaultDrops: Int { get }
    /// The help of `--drops`: what one drop covers and the valid range.
    static var dropsHelp: String { get }
}

/// The tail of `densify tiers` and `densify blockage`: the SINR threshold grid, `--drops` (Monte-Carlo drops,
/// 0 for none) and the seeded output options, with the command's defaults.
public struct ThresholdSweepOptions<Command: ThresholdSweepDefaults>: ParsableArguments {
    @OptionGroup public var thresholds: ThresholdGridOptions<Command>

    @Option(parsing: .unconditional, help: ArgumentHelp(Command.dropsHelp))
    public var drops: Int = Command.defaultDrops

    @OptionGroup public var output: SeededOutputOptions<Command>

    public init() {}

    /// The thresholds and the drops as the run's sidecar records them.
    public var parameters: [String: String] { thresholds.parameters.merging(["drops": String(drops)]) { a, _ in a } }
}
