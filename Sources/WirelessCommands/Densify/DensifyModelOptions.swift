import ArgumentParser
import Foundation
import WirelessIO
import WirelessStochasticGeometry

/// The model flags shared by `wtk densify sweep` and `wtk densify coverage`, parsed into a
/// `DensificationScenario` (docs/DENSIFICATION.md#command-line-sweeps).
public struct DensifyModelOptions: ParsableArguments {
    @Option(
        parsing: .unconditional,
        help: "Path-loss exponents α0,…,α_{N−1}, comma-separated, non-decreasing, last > 2 (one value: single slope).")
    var exponents: CommaList<Double> = "1.5,4"

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Breakpoints R_1,…,R_{N−1} [length unit], comma-separated, increasing, one fewer than --exponents (default: none for one exponent, 1 for two).",
            valueName: "breakpoints"),
        transform: DensifyModelOptions.breakpointList)
    var breakpoints: [Double]?

    @Option(
        help:
            "Fading: none | rayleigh | nakagami:M | rician:K (linear K-factor; rician:KdB in dB) | lognormal:SDB | a small-scale law + lognormal:SDB, e.g. rician:3+lognormal:8 (default: rayleigh).",
        transform: { try FadingModel(specification: $0) })
    var fading: FadingModel = .rayleigh

    @Option(help: "Association: nearest | strongest | mean-power.")
    var association: Association = .strongestInstantaneous

    @Option(parsing: .unconditional, help: "Normalised noise W = N0/P (≥ 0); overrides --edge-snr-db.")
    var noise: Double?

    @Option(
        name: .customLong("edge-snr-db"), parsing: .unconditional,
        help: "Noise from the SNR at distance R_1 [dB]: W = g(R_1)/SNR.")
    var edgeSNRDB: Double?

    @Option(
        name: .customLong("tx-power-dbm"), parsing: .unconditional,
        help:
            "Transmit power P [dBm]: with --path-loss-db-at-1m or --carrier-ghz and --bandwidth-hz, W = N/(P·10^(−L0/10)) (lengths in m)."
    )
    var txPowerDBm: Double?

    @Option(
        name: .customLong("path-loss-db-at-1m"), parsing: .unconditional,
        help: "Path-loss constant L0 [dB], the loss at 1 m.")
    var pathLossAt1mDB: Double?

    @Option(
        name: .customLong("carrier-ghz"), parsing: .unconditional,
        help: "Carrier frequency [GHz], > 0: L0 = free-space loss at 1 m.")
    var carrierGHz: Double?

    @Option(
        name: .customLong("bandwidth-hz"), parsing: .unconditional,
        help: "Bandwidth B [Hz], > 0: noise N = −174 dBm/Hz + 10·log10 B + F.")
    var bandwidthHz: Double?

    @Option(name: .customLong("noise-figure-db"), parsing: .unconditional, help: "Receiver noise figure F [dB], ≥ 0.")
    var noiseFigureDB: Double = 0

    @Option(
        name: .customLong("density-unit"),
        help: "Unit of every density: unit-area (of the length unit) or km2 (lengths in m, λ per km²).")
    var densityUnit: DensityUnit = .unitArea

    @Option(
        name: .customLong("path-loss-fit"),
        help: ArgumentHelp(
            "A '<name>-models.csv' of 'wtk pathloss fit' (or of 'wtk pathloss multifrequency' for --path-loss-model abg): the network's path gain, loss at 1 m and log-normal shadowing σ come from its fitted model (replaces --exponents, --breakpoints, --path-loss-db-at-1m and shadowing in --fading; lengths in m).",
            valueName: "file"))
    var pathLossFit: String?

    @Option(
        name: .customLong("path-loss-model"),
        help:
            "The fit's model row: fi | ci (needs --carrier-ghz) | dual-slope | abg (a multifrequency table; needs --carrier-ghz)."
    )
    var pathLossModel: MeasuredPathLoss.Model = .fi

    @Option(
        name: .customLong("path-loss-group"),
        help: "The fit's group row (the group column: all, glass_type=low_loss, …).")
    var pathLossGroup: String = "all"

    @Option(
        name: .customLong("path-loss-reference-m"), parsing: .unconditional,
        help: "Reference distance d0 [m] the fit used (its --reference-distance-m), > 0.")
    var pathLossReferenceMeters: Double = 1

    @Option(help: "Monte-Carlo: auto (stop rule, 10⁴…10⁶ drops) | off | drops:N (N in 1…10⁸).")
    var mc: MonteCarloMode = .auto

    public init() {}

    /// Rough cost of one Monte-Carlo drop at one density on the 2-core reference machine [s] (measured
    /// with the default two-slope model, strongest-BS association and Rayleigh fading; denser networks
    /// cost more per drop, so the estimate is a lower bound there).
    static let secondsPerDrop = 2e-5

    /// `--breakpoints`: a comma list of numbers, or '' for none (kept for scripts written before a single
    /// exponent implied a single slope).
    static func breakpointList(_ text: String) throws -> [Double] {
        if text.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
        guard let list = CommaList<Double>(argument: text) else {
            throw ValidationError("--breakpoints must be a comma-separated list of numbers (got '\(text)').")
        }
        return list.values
    }

    /// The model flags as a library value (its `validate()` states how they fit together).
    var specification: DensifyModelSpecification {
        var model = DensifyModelSpecification()
        model.exponents = exponents.values
        model.breakpoints = breakpoints
        model.fading = fading
        model.association = association
        model.noise = noise
        model.edgeSNRDB = edgeSNRDB
        model.txPowerDBm = txPowerDBm
        model.pathLossAt1mDB = pathLossAt1mDB
        model.carrierGHz = carrierGHz
        model.bandwidthHz = bandwidthHz
        model.noiseFigureDB = noiseFigureDB
        model.measured = pathLossFit.map {
            .init(file: $0, model: pathLossModel, group: pathLossGroup, referenceMeters: pathLossReferenceMeters)
        }
        return model
    }

    public func validate() throws {
        do { try specification.validate() } catch { throw ValidationError(error.description) }
        if pathLossFit != nil {
            try OptionRange.check(pathLossReferenceMeters, "--path-loss-reference-m", in: 1e-3...1e6, unit: " m")
            if let carrierGHz { try OptionRange.check(carrierGHz, "--carrier-ghz", in: 1e-3...1e4, unit: " GHz") }
        }
        if case .drops(let n) = mc { try OptionRange.check(n, "--mc drops:N", in: 1...MonteCarloMode.maximumDrops) }
    }

    /// The scenario of the model flags (`DensifyModelSpecification.scenario()`).
    func scenario() throws -> DensificationScenario { try specification.scenario() }

    /// Prints the Monte-Carlo run's estimated duration on stderr when it is long (see `WorkEstimate`).
    func announce(densities: Int, label: String, quiet: Bool) {
        WorkEstimate(
            label: label, units: Double(mc.expectedDropCount) * Double(densities), unitName: "drops × densities",
            secondsPerUnit: Self.secondsPerDrop
        ).announce(quiet: quiet)
    }

    /// The run's metadata: the options as typed, the breakpoints and fading law as used.
    func parameters(_ scenario: DensificationScenario) -> [String: String] {
        specification.parameters(scenario, exponentsText: exponents.text).merging(
            ["mc": mc.description, "density_unit": densityUnit.rawValue]
        ) { a, _ in a }
    }
}

extension Association: ExpressibleByArgument {
    public init?(argument: String) { self.init(optionName: argument) }
}

extension MonteCarloMode: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
    public var defaultValueDescription: String { description }
}

extension DensifyMetric: ExpressibleByArgument {}
extension MeasuredPathLoss.Model: ExpressibleByArgument {}
extension DensityUnit: ExpressibleByArgument {}
extension RateUnit: ExpressibleByArgument {}
