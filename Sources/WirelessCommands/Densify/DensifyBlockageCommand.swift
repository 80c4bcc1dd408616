import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessStochasticGeometry

/// `wtk densify blockage`: coverage of a mmWave network with LOS/NLOS blockage
/// (docs/DENSIFICATION.md#mmwave-blockage); the work is `BlockageCoverageStudy`.
public struct DensifyBlockageCommand: WTKCommand, OutputNaming, ThresholdSweepDefaults {
    public static let configuration = CommandConfiguration(
        commandName: "blockage",
        abstract: "mmWave coverage with LOS/NLOS blockage (exponential or LOS ball): analytic curves and Monte-Carlo.",
        discussion: """
            A Poisson network in metres: a BS at distance r is LOS with probability exp(-r/L) (exponential, \
            Bai-Heath 2015) or 1{r <= L} (ball), L = --los-range-m; LOS and NLOS links have their own path gain at 1 m \
            and exponent (defaults: the 28 GHz New York fits of Akdeniz et al., JSAC 2014), Rayleigh fading, \
            association to the largest mean received power, noise from --tx-power-dbm, --bandwidth-hz and \
            --noise-figure-db. Writes <name>.csv (lambda_per_km2, threshold_db, analytic, mc, mc_ci95_lo, \
            mc_ci95_hi) and <name>.svg.
            """)

    @Option(parsing: .unconditional, help: "Densities [BSs per km²], comma-separated, each > 0.")
    var densities: CommaList<Double> = "30,100,300"

    @Option(help: "Blockage law: exponential or ball.")
    var blockage: BlockageLinkSpecification.Law = .exponential

    @Option(name: .customLong("los-range-m"), parsing: .unconditional, help: "LOS range L [m]: 1/β or R_B, > 0.")
    var losRangeMeters: Double = 141

    @Option(name: .customLong("los-gain-db"), parsing: .unconditional, help: "LOS path gain at 1 m [dB].")
    var losGainDB: Double = -61.4

    @Option(name: .customLong("nlos-gain-db"), parsing: .unconditional, help: "NLOS path gain at 1 m [dB].")
    var nlosGainDB: Double = -72

    @Option(name: .customLong("los-exponent"), parsing: .unconditional, help: "LOS path-loss exponent, > 0.")
    var losExponent: Double = 2

    @Option(name: .customLong("nlos-exponent"), parsing: .unconditional, help: "NLOS path-loss exponent, > 2.")
    var nlosExponent: Double = 2.92

    @Option(name: .customLong("tx-power-dbm"), parsing: .unconditional, help: "BS transmit power [dBm].")
    var txPowerDBm: Double = 30

    @Option(name: .customLong("bandwidth-hz"), parsing: .unconditional, help: "Bandwidth [Hz], > 0.")
    var bandwidthHz: Double = 1e9

    @Option(name: .customLong("noise-figure-db"), parsing: .unconditional, help: "Receiver noise figure [dB].")
    var noiseFigureDB: Double = 7

    public static let defaultMaximumThresholdDB: Double = 30
    public static let defaultDrops = 5000
    public static let dropsHelp = "Monte-Carlo drops per density, 0 (none) … 1000000."
    @OptionGroup var sweep: ThresholdSweepOptions<DensifyBlockageCommand>

    public init() {}

    public func validate() throws {
        guard bandwidthHz > 0, bandwidthHz.isFinite else { throw ValidationError("--bandwidth-hz must be > 0.") }
    }

    public func execute() throws {
        let link = BlockageLinkSpecification(
            law: blockage, losRangeMeters: losRangeMeters, losGainDB: losGainDB, nlosGainDB: nlosGainDB,
            losExponent: losExponent, nlosExponent: nlosExponent, txPowerDBm: txPowerDBm, bandwidthHz: bandwidthHz,
            noiseFigureDB: noiseFigureDB)
        var configuration = BlockageCoverageStudy.Configuration(
            densitiesPerKm2: densities.values, network: try link.network(),
            thresholdsDB: try sweep.thresholds.thresholdsDB())
        configuration.drops = sweep.drops
        let output = sweep.output
        let result = try BlockageCoverageStudy(configuration).run(
            seed: output.seed, progress: StderrStudyProgress(quiet: output.quiet))
        let parameters = link.recordedParameters.merging(sweep.parameters) { a, _ in a }.merging([
            "densities_per_km2": densities.text
        ]) { a, _ in a }
        try OutputContext(options: output, seed: output.seed, parameters: parameters).write(result, name: output.name)
    }
}

extension BlockageLinkSpecification.Law: ExpressibleByArgument {}
