import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessIO
import WirelessISAC
import WirelessLinearAlgebra

/// `wtk isac sweep`: Monte-Carlo evaluations of PLAIN and the baselines against the CRB.
public struct ISACSweepCommand: ShardableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "RMSE vs SNR against the CRB, resolution probability, or detection/pairing success, per method.",
        discussion: """
            rmse: per SNR, method and parameter (angle_deg, distance_m, velocity_mps): rmse, crb_std (full data, \
            sqrt of the mean CRB over paths and trials), crb_compressed_std (Averaging/Decimation data), ratio = \
            rmse/crb_std and valid_trials (trials with K̂ = P; estimates matched to truth by optimal assignment). \
            resolution: probability that two equal-power targets κ Rayleigh cells (2π/N_m) apart in one \
            dimension (≥ 3 cells apart in the others) are both found within half the separation. detect: with \
            the path count estimated (AIC/MDL), P(K̂ = P), P(pairing within half a cell | K̂ = P) and overall \
            success. Trials run in parallel with per-trial streams (seed, trial); a trial's scenario and unit \
            noise are drawn once and scaled for every SNR, so results do not depend on the thread count. \
            --shard K/N runs the Kth of N contiguous ranges of the work items (blocks of 64 trials × SNRs; \
            blocks × separations for resolution) and writes partial sums; 'wtk merge' joins the shards into \
            byte-identical tables and figures.
            """)

    @Option(help: "Evaluation: rmse, resolution or detect.")
    var evaluation: ISACSweepStudy.Evaluation = .rmse

    @Option(
        name: .customLong("method"),
        help: "Estimator(s), repeatable (default: plain, sequential, tensor-esprit, fft3d).")
    var methods: [ISACMethodName] = [.plain, .sequential, .tensorESPRIT, .fft3d]

    @Option(
        name: .customLong("snr-min"), parsing: .unconditional, help: "First SNR [dB], −200…200.")
    var snrMinimumDB: Double = -20

    @Option(name: .customLong("snr-max"), parsing: .unconditional, help: "Last SNR [dB], −200…200, ≥ --snr-min.")
    var snrMaximumDB: Double = 20

    @Option(
        name: .customLong("snr-step"), parsing: .unconditional,
        help: "SNR step [dB], > 0; at most \(maximumSNRPoints) SNR points.")
    var snrStepDB: Double = 5

    @Option(
        parsing: .unconditional,
        help: "Monte-Carlo trials per point, 1…\(maximumTrials) (memory: one record of sums per 64 trials).")
    var trials: Int = 20

    @Option(
        name: .customLong("separations"), parsing: .unconditional,
        help: "resolution: separations κ in Rayleigh cells, comma-separated, each in (0, 1000], at most 100.")
    var separations: CommaList<Double> = "0.25,0.5,0.75,1,1.5"

    @OptionGroup var scenario: ISACScenarioOptions
    @OptionGroup var plain: PLAINOptions

    @Option(help: "Base name of the output files.")
    var name: String?

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sharding: ShardOptions

    public init() {}

    /// Largest --trials: 10⁶ (results stream in chunks, so this bounds time, not memory).
    static let maximumTrials = 1_000_000
    /// Most SNR points a sweep may have.
    static let maximumSNRPoints = 1_000

    public func validate() throws {
        try OptionRange.check(trials, "--trials", in: 1...Self.maximumTrials)
        try OptionRange.check(snrMinimumDB, "--snr-min", in: -200...200, unit: " dB")
        try OptionRange.check(snrMaximumDB, "--snr-max", in: -200...200, unit: " dB")
        _ = try OptionRange.gridCount(
            from: snrMinimumDB, to: snrMaximumDB, step: snrStepDB, stepOption: "--snr-step",
            rangeOptions: "--snr-min…--snr-max", maximum: Self.maximumSNRPoints)
        try OptionRange.checkListLength(separations.count, "--separations", maximum: 100)
        guard separations.values.allSatisfy({ $0 > 0 && $0 <= 1000 }) else {
            throw ValidationError(
                "--separations must be numbers in (0, 1000] like 0.5,1,1.5 (got '\(separations.text)').")
        }
        if let name {
            try OutputOptions.validateFileName(name)
        }
        guard !methods.isEmpty else { throw ValidationError("give at least one --method.") }
    }

    var snrs: [Double] {
        let count = Int(((snrMaximumDB - snrMinimumDB) / snrStepDB + 1e-9).rounded(.down)) + 1
        return (0..<count).map { snrMinimumDB + Double($0) * snrStepDB }
    }

    /// Rough seconds per trial, SNR point and method on the 2-core reference machine (both cores busy),
    /// measured with the paper scenario (16×180×560): PLAIN ≈ 0.1 s, fft3d ≈ 0.5 s; 0.3 s is the middle.
    static let secondsPerEstimate = 0.3

    public func execute() throws {
        let shard = try sharding.resolved()
        let (study, context) = prepare(extraParameters: [:])
        if let shard {
            try writeShard(study, shard: shard, seed: seed.seed, name: outputName, context: context)
        } else {
            try context.write(study.run(seed: seed.seed, progress: context.studyProgress), name: outputName)
        }
    }

    func writeMerged(_ shards: ShardSet) throws {
        let (study, context) = prepare(extraParameters: ["merged_shards": shards.record])
        let partial = try shards.combinedPartial(itemCount: study.workItemCount())
        try context.write(study.merge(partial), name: outputName)
    }

    var outputName: String { name ?? "isac-\(evaluation.rawValue)" }

    /// The study of these options and the output context (with `extraParameters` in the metadata).
    func prepare(extraParameters: [String: String]) -> (ISACSweepStudy, OutputContext) {
        let points = evaluation == .resolution ? 3 * separations.count : snrs.count
        if extraParameters.isEmpty {
            WorkEstimate(
                label: "isac sweep \(evaluation.rawValue)",
                units: Double(trials) * Double(points) * Double(methods.count),
                unitName: "estimates", secondsPerUnit: Self.secondsPerEstimate
            ).announce(quiet: output.quiet)
        }
        let defaultPathCount = evaluation == .resolution ? 2 : scenario.pathCount
        var configuration = ISACSweepStudy.Configuration(
            plain: plain.configuration(scenario: scenario, grid: scenario.grid, defaultPathCount: defaultPathCount))
        configuration.evaluation = evaluation
        configuration.methods = methods
        configuration.snrsDB = snrs
        configuration.resolutionSNRDB = scenario.snrDB
        configuration.separationsCells = separations.values
        configuration.trials = trials
        configuration.preset = scenario.scenario
        configuration.rangeMapping = scenario.rangeMapping
        configuration.fft = plain.fftSettings
        let parameters = configuration.recordedParameters.merging(extraParameters) { _, new in new }
        return (ISACSweepStudy(configuration), OutputContext(options: output, seed: seed.seed, parameters: parameters))
    }
}

extension ISACSweepStudy.Evaluation: ExpressibleByArgument {}
