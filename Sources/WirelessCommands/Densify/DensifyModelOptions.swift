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
            "A '<name>-models.csv' of 'wtk pathloss fit': the network's path gain, loss at 1 m and log-normal shadowing σ come from its fitted model (replaces --exponents, --breakpoints, --path-loss-db-at-1m and shadowing in --fading; lengths in m).",
            valueName: "file"))
    var pathLossFit: String?

    @Option(
        name: .customLong("path-loss-model"), help: "The fit's model row: fi | ci (needs --carrier-ghz) | dual-slope.")
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

    /// The breakpoints: as given, else none for a single slope and R_1 = 1 for two slopes.
    /// - Throws: `ValidationError` (exit 64) when their number is not the number of exponents − 1.
    func breakpointValues() throws -> [Double] {
        let needed = exponents.count - 1
        let defaults: [Double] = needed == 1 ? [1] : []
        let values = breakpoints ?? defaults
        guard values.count == needed else {
            throw ValidationError(
                "--exponents has \(exponents.count) value(s), so --breakpoints needs \(needed) (got \(values.count)\(breakpoints == nil ? ", none given" : ""))."
            )
        }
        return values
    }

    public func validate() throws {
        _ = try breakpointValues()
        if pathLossFit != nil {
            try validateMeasured()
            if case .drops(let n) = mc { try OptionRange.check(n, "--mc drops:N", in: 1...MonteCarloMode.maximumDrops) }
            return
        }
        let budget = [pathLossAt1mDB, carrierGHz, bandwidthHz].contains { $0 != nil }
        if txPowerDBm == nil && budget {
            throw ValidationError("--path-loss-db-at-1m, --carrier-ghz and --bandwidth-hz need --tx-power-dbm.")
        }
        if txPowerDBm != nil {
            guard (pathLossAt1mDB == nil) != (carrierGHz == nil), bandwidthHz != nil else {
                throw ValidationError(
                    "--tx-power-dbm needs --bandwidth-hz and one of --path-loss-db-at-1m or --carrier-ghz.")
            }
            guard noise == nil, edgeSNRDB == nil else {
                throw ValidationError(
                    "give the noise either as --noise/--edge-snr-db or as a link budget (--tx-power-dbm).")
            }
        }
        if case .drops(let n) = mc { try OptionRange.check(n, "--mc drops:N", in: 1...MonteCarloMode.maximumDrops) }
    }

    /// The option rules with --path-loss-fit: the fit gives L0 and σ; a link budget needs --tx-power-dbm and
    /// --bandwidth-hz; the CI model needs --carrier-ghz (its free-space anchor).
    func validateMeasured() throws {
        guard pathLossAt1mDB == nil else {
            throw ValidationError("--path-loss-fit gives the loss at 1 m: drop --path-loss-db-at-1m.")
        }
        guard !fading.hasShadowing else {
            throw ValidationError(
                "--path-loss-fit gives the log-normal shadowing σ: give --fading without lognormal (none, rayleigh or nakagami:M)."
            )
        }
        if pathLossModel == .ci && carrierGHz == nil {
            throw ValidationError("--path-loss-model ci needs --carrier-ghz (the close-in fit's free-space anchor).")
        }
        if txPowerDBm != nil || bandwidthHz != nil {
            guard txPowerDBm != nil, bandwidthHz != nil else {
                throw ValidationError(
                    "a link budget with --path-loss-fit needs both --tx-power-dbm and --bandwidth-hz.")
            }
            guard noise == nil, edgeSNRDB == nil else {
                throw ValidationError(
                    "give the noise either as --noise/--edge-snr-db or as a link budget (--tx-power-dbm).")
            }
        }
        try OptionRange.check(pathLossReferenceMeters, "--path-loss-reference-m", in: 1e-3...1e6, unit: " m")
        if let carrierGHz { try OptionRange.check(carrierGHz, "--carrier-ghz", in: 1e-3...1e4, unit: " GHz") }
    }

    /// The measured channel of --path-loss-fit (nil without it).
    /// - Throws: `IOError` naming the file, line and column (exit 65; 74 when unreadable).
    func measuredPathLoss() throws -> MeasuredPathLoss? {
        guard let pathLossFit else { return nil }
        let document = try CSVReader.read(contentsOf: URL(fileURLWithPath: pathLossFit))
        return try MeasuredPathLoss(
            document: document, model: pathLossModel, group: pathLossGroup,
            referenceDistanceMeters: pathLossReferenceMeters, carrierFrequencyHz: carrierGHz.map { $0 * 1e9 })
    }

    func scenario() throws -> DensificationScenario {
        if let measured = try measuredPathLoss() {
            return try DensificationScenario(
                pathGain: measured.pathGain, fading: measured.fading(smallScale: fading.smallScale),
                association: association, noise: noiseSpecification(pathLossAt1mDB: measured.pathLossAt1mDB))
        }
        return try DensificationScenario(
            pathGain: MultiSlopePathGain(exponents: exponents.values, breakpoints: try breakpointValues()),
            fading: fading, association: association,
            noise: noiseSpecification(
                pathLossAt1mDB: try pathLossAt1mDB
                    ?? LinkBudget.freeSpacePathLossAt1m(carrierFrequencyHz: (carrierGHz ?? 0) * 1e9)))
    }

    /// The noise as given: a link budget (with L₀ = `pathLossAt1mDB`, evaluated only then), --noise or --edge-snr-db.
    func noiseSpecification(pathLossAt1mDB: @autoclosure () throws -> Double) throws -> NoiseSpecification {
        if let txPowerDBm, let bandwidthHz {
            return .linkBudget(
                try LinkBudget(
                    transmitPowerDBm: txPowerDBm, pathLossAt1mDB: pathLossAt1mDB(), bandwidthHz: bandwidthHz,
                    noiseFigureDB: noiseFigureDB))
        }
        if let noise { return .normalized(noise) }
        return edgeSNRDB.map { .edgeSNR(dB: $0) } ?? .interferenceLimited
    }

    /// Prints the Monte-Carlo run's estimated duration on stderr when it is long (see `WorkEstimate`).
    func announce(densities: Int, label: String, quiet: Bool) {
        WorkEstimate(
            label: label, units: Double(mc.expectedDropCount) * Double(densities), unitName: "drops × densities",
            secondsPerUnit: Self.secondsPerDrop
        ).announce(quiet: quiet)
    }

    /// The run's metadata: the options as typed, the breakpoints and fading law as used.
    func parameters(_ scenario: DensificationScenario) -> [String: String] {
        [
            "exponents": exponents.text,
            "breakpoints": scenario.pathGain.breakpoints.map { String($0) }.joined(separator: ","),
            "fading": fading.specification, "association": association.optionName,
            "noise": noise.map { String($0) } ?? "", "edge_snr_db": edgeSNRDB.map { String($0) } ?? "",
            "mc": mc.description, "tx_power_dbm": txPowerDBm.map { String($0) } ?? "",
            "path_loss_db_at_1m": pathLossAt1mDB.map { String($0) } ?? "",
            "carrier_ghz": carrierGHz.map { String($0) } ?? "",
            "bandwidth_hz": bandwidthHz.map { String($0) } ?? "", "noise_figure_db": String(noiseFigureDB),
            "density_unit": densityUnit.rawValue, "noise_w": String(scenario.noise),
        ].merging(
            pathLossFit.map { file in
                [
                    "path_loss_fit": file, "path_loss_model": pathLossModel.rawValue, "path_loss_group": pathLossGroup,
                    "path_loss_reference_m": String(pathLossReferenceMeters),
                    "path_loss_exponents": scenario.pathGain.exponents.map { String($0) }.joined(separator: ","),
                    "shadowing_sigma_db": String(scenario.fading.shadowingSigmaDB),
                ]
            } ?? [:]
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
