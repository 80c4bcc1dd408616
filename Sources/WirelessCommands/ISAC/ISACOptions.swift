import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessISAC

/// Scenario selection shared by the `wtk isac` commands.
struct ISACScenarioOptions: ParsableArguments {
    @Option(help: "Scenario: paper (26 GHz, 16×180×560) or nr28 (28 GHz NR, 16×792×140).")
    var scenario: ISACScenarioPreset = .paper

    @Option(name: .customLong("range-mapping"), help: "one-way (τ = d/c, path length) or monostatic (τ = 2R/c, range).")
    var rangeMapping: RangeMapping = .oneWay

    @Option(
        name: .customLong("snr-db"), parsing: .unconditional,
        help: "SNR = Σ|β_p|²/σ² per resource element [dB], finite.")
    var snrDB: Double = 10

    init() {}

    func validate() throws {
        guard snrDB.isFinite else { throw ValidationError("--snr-db must be finite (got \(snrDB)).") }
    }

    /// The scenario with path phases drawn from `generator` (U[0, 2π)).
    func makeScenario(using generator: inout some RandomNumberGenerator) -> ISACScenario {
        scenario.scenario(rangeMapping: rangeMapping, using: &generator)
    }

    /// The scenario's grid (no random draw).
    var grid: ISACGrid { scenario.grid(rangeMapping: rangeMapping) }

    /// Number of paths of the scenario.
    var pathCount: Int {
        var generator = SplitMix64(seed: 0)
        return makeScenario(using: &generator).paths.count
    }

    /// The PLAIN default factors for the scenario (docs/ISAC.md#scenarios).
    var defaultFactors: [Int] { scenario.defaultFactors }
}

/// PLAIN settings shared by `estimate`, `sweep` and `bench`.
struct PLAINOptions: ParsableArguments {
    @Option(help: "PLAIN compression: none, decimation, averaging, decimation2 or smoothing.")
    var compression: CompressionMode = .averaging

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Compression factors Δ per mode, e.g. 1,4,14 (default: 1,4,14 paper; 1,4,7 nr28); each divides its mode.",
            valueName: "a,f,t"))
    var factors: CommaList<Int>?

    @Option(help: "1-D estimator per mode: root-music, esprit or tls-esprit.")
    var estimator: FrequencyEstimator = .rootMUSIC

    @Option(help: "Model-order criterion: aic or mdl.")
    var criterion: ModelOrderCriterion = .aic

    @Option(help: "Fusion: omp (TensorOMP, CP update) or ls (TensorLS).")
    var fusion: FusionMethod = .tensorOMP

    @Option(
        name: .customLong("omp-update"),
        help: "TensorOMP LS update: cp (default) or tucker (the reference's core update).")
    var ompUpdate: TensorOMPUpdate = .cp

    @Option(
        name: .customLong("path-count"), parsing: .unconditional,
        help: "Number of paths K to return, 0…64 (default: the scenario's 6; 0 = estimate it).")
    var pathCount: Int?

    @Flag(name: .customLong("no-fba"), help: "Disable forward–backward averaging.")
    var noForwardBackward = false

    @Option(
        name: .customLong("fft-window"),
        help:
            "Taper of the fft3d baseline: hann (default here: its −31 dB sidelobes stay below the default scenario's 21 dB power spread) or rectangular (the library default; −13 dB sidelobes mask weak paths)."
    )
    var fftWindow: ISACMethod.FFTSettings.Taper = .hann

    @Option(
        name: .customLong("fft-padding"), parsing: .unconditional,
        help:
            "Zero-padding factor per mode of the fft3d baseline, ≥ 1 (default 1: 16×180×560 points; 2 gives 8× the points and ~8× the time, and halves the grid step but not the resolution)."
    )
    var fftPadding: Int = 1

    @Option(
        name: .customLong("fft-peak"),
        help: "fft3d peak position: parabolic (default; log-power vertex per mode, sub-bin) or grid (the FFT bin).")
    var fftPeak: PeriodogramEstimator.PeakRefinement = .parabolic

    init() {}

    func validate() throws {
        if let k = pathCount { try OptionRange.check(k, "--path-count", in: 0...64) }
        guard (1...8).contains(fftPadding) else {
            throw ValidationError("--fft-padding must be in 1...8 (got \(fftPadding)).")
        }
        if let factors, factors.count != 3 {
            throw ValidationError("--factors must be three positive integers like 1,4,14 (got \(factors.text)).")
        }
    }

    /// The PLAIN configuration for `scenario` (the path count defaults to the scenario's P).
    func configuration(scenario: ISACScenarioOptions, grid: ISACGrid, defaultPathCount: Int?) -> PLAINConfiguration {
        let resolvedCount: Int? = pathCount.map { $0 == 0 ? nil : $0 } ?? defaultPathCount
        return PLAINConfiguration(
            grid: grid, compression: compression,
            compressionFactors: factors?.values ?? scenario.defaultFactors,
            frequencyEstimator: estimator, modelOrderCriterion: criterion,
            forwardBackwardAveraging: !noForwardBackward, fusion: fusion, ompUpdate: ompUpdate,
            pathCount: resolvedCount)
    }

    /// The fft3d baseline's taper, padding and peak refinement.
    var fftSettings: ISACMethod.FFTSettings {
        .init(taper: fftWindow, paddingFactor: fftPadding, refinement: fftPeak)
    }
}

extension ModelOrderCriterion: ExpressibleByArgument {}
extension RangeMapping: ExpressibleByArgument {}
extension CompressionMode: ExpressibleByArgument {}
extension FrequencyEstimator: ExpressibleByArgument {}
extension FusionMethod: ExpressibleByArgument {}
extension ISACMethod.FFTSettings.Taper: ExpressibleByArgument {}
extension TensorOMPUpdate: ExpressibleByArgument {}
extension PeriodogramEstimator.PeakRefinement: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument == "grid" ? "none" : argument) }
    public static var allValueStrings: [String] { ["parabolic", "grid"] }
}

/// The estimators `wtk isac` can run.
typealias ISACMethodName = ISACMethod

extension ISACMethod: ExpressibleByArgument {}
extension ISACScenarioPreset: ExpressibleByArgument {}
