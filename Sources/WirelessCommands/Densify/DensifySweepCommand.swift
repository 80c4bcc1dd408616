import ArgumentParser
import Foundation
import WirelessIO
import WirelessStochasticGeometry

/// `wtk densify sweep`: coverage, rate, coverage density and ASE versus log-spaced density
/// (docs/DENSIFICATION.md#command-line-sweeps); the work is `DensifySweepStudy`.
public struct DensifySweepCommand: ShardableCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Sweep BS density: analytic curves with Monte-Carlo points and 95 % intervals.",
        discussion: """
            Writes <name>.csv, one row per (λ, T, metric) with columns lambda, threshold_db, metric, unit, analytic, \
            analytic_method, analytic_abs_err, mc, mc_ci95_lo, mc_ci95_hi, mc_drops, converged, tail_share; and one \
            SVG per metric (<name>-<metric>.svg; log x, log–log for coverage density and ASE). An analytic cell with no \
            value says why in the last column, analytic_reason; a value whose error estimate is not below it is \
            printed as "< bound". With noise, one peak-density row per threshold gives the density λ* that maximises \
            coverage (lambda column) and P_c(λ*) (also in the meta sidecar). --mc takes auto (stop rule, n_min 1e4, \
            n_max 1e6), off, or drops:N. With --shard K/N (or slurm) it runs only shard K of the Monte-Carlo work \
            (drop batches × densities) and writes partial results for 'wtk merge', which writes the files of the \
            one-process run byte for byte (analytic cells are computed by the merge). A sharded --mc auto runs \
            the stop rule's whole schedule (n_max drops) and the merge keeps the rounds a one-process run takes; \
            give --mc drops:N to shard a fixed amount of work.
            """)

    @OptionGroup var model: DensifyModelOptions

    @Option(
        name: .customLong("threshold-db"), parsing: .unconditional,
        help: "SINR thresholds [dB], comma-separated, finite.")
    var thresholdDB: CommaList<Double> = "0"

    @Option(
        name: .customLong("lambda-min"), parsing: .unconditional, help: "Smallest density [per --density-unit], > 0.")
    var lambdaMin: Double = 1e-2

    @Option(
        name: .customLong("lambda-max"), parsing: .unconditional,
        help: "Largest density [per --density-unit], ≥ --lambda-min.")
    var lambdaMax: Double = 1e3

    @Option(
        name: .customLong("per-decade"), parsing: .unconditional,
        help: "Densities per decade (log-spaced, endpoints included), ≥ 1; the grid has at most 10000 points.")
    var perDecade: Int = 2

    @Option(help: "Metrics: comma-separated subset of coverage,rate,coverage-density,ase.")
    var metrics: CommaList<DensifyMetric> = "coverage,rate,coverage-density,ase"

    @Option(name: .customLong("rate-unit"), help: "Rate unit: nats or bits.")
    var rateUnit: RateUnit = .nats

    @OptionGroup var output: SeededOutputOptions<DensifySweepCommand>
    @OptionGroup var sharding: ShardOptions

    public init() {}

    public func validate() throws {
        try OptionRange.checkListLength(thresholdDB.count, "--threshold-db", maximum: DensifyGrid.maximumPoints)
    }

    public func execute() throws {
        let shard = try sharding.resolved()
        let study = try study()
        if let shard {
            let context = OutputContext(options: output, seed: output.seed, parameters: [:])
            if model.mc == .auto {
                context.note(
                    "densify sweep: a sharded --mc auto runs the stop rule's whole schedule (n_max drops) over the shards; the merge keeps the rounds a one-process run takes (give --mc drops:N to shard less work)"
                )
            }
            try writeShard(study, shard: shard, seed: output.seed, name: output.name, context: context)
        } else {
            let progress = StderrStudyProgress(quiet: output.quiet)
            try write(study.run(seed: output.seed, progress: progress), extraParameters: [:])
        }
    }

    func writeMerged(_ shards: ShardSet) throws {
        let study = try study(announce: false)
        let partial = try shards.combinedPartial(itemCount: study.workItemCount())
        try write(study.merge(partial), extraParameters: ["merged_shards": shards.record])
    }

    /// The study of these options (announcing the Monte-Carlo run's duration when long).
    func study(announce: Bool = true) throws -> DensifySweepStudy {
        var configuration = try DensifySweepStudy.Configuration(
            scenario: try model.scenario(), densitiesFrom: lambdaMin, to: lambdaMax, perDecade: perDecade)
        configuration.thresholdsDB = thresholdDB.values
        configuration.metrics = metrics.values
        configuration.monteCarlo = model.mc
        configuration.rateUnit = rateUnit
        configuration.densityUnit = model.densityUnit
        if announce {
            model.announce(densities: configuration.densities.count, label: "densify sweep", quiet: output.quiet)
        }
        return DensifySweepStudy(configuration)
    }

    /// Writes the result with the run's metadata (options as typed, peak densities, `extraParameters`).
    func write(_ result: DensifySweepStudy.Result, extraParameters: [String: String]) throws {
        var parameters = model.parameters(result.configuration.scenario).merging(result.metadata) { a, _ in a }
        parameters.merge(result.configuration.recordedParameters) { a, _ in a }
        parameters["threshold_db"] = thresholdDB.text  // the dB values as typed
        parameters.merge(extraParameters) { a, _ in a }
        try OutputContext(options: output, seed: output.seed, parameters: parameters).write(result, name: output.name)
    }
}
