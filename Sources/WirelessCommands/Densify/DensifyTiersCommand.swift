import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessStochasticGeometry

/// `wtk densify tiers`: coverage and rate of a K-tier network with biased association
/// (docs/DENSIFICATION.md#multi-tier-networks); the work is `MultiTierCoverageStudy`.
public struct DensifyTiersCommand: WTKCommand, OutputNaming, ThresholdSweepDefaults {
    public static let configuration = CommandConfiguration(
        commandName: "tiers",
        abstract:
            "Coverage and rate per tier of a multi-tier network with biased association (analytic + Monte-Carlo).",
        discussion: """
            K Poisson tiers (one entry per tier in --densities, --powers-db and --biases-db) with path gain \
            r^-α (one --exponent, or one per tier in --tier-exponents) and Rayleigh fading; a user joins the BS of \
            largest bias × power × r^-α_k (Jo, Sang, Xia, Andrews, IEEE TWC 2012; distinct α_k by the \
            serving-distance integral of Singh, Dhillon, Andrews, IEEE TWC 2013). Writes <name>.csv (threshold_db, tier, analytic, mc, mc_ci95_lo, mc_ci95_hi: the \
            probability of being served by the tier and covered; tier 'all' is the overall coverage), \
            <name>-tiers.csv (association probability and mean rate per tier, analytic and Monte-Carlo) and \
            <name>.svg.
            """)

    @Option(parsing: .unconditional, help: "Tier densities λ_k [BSs per unit area], comma-separated, each > 0.")
    var densities: CommaList<Double> = "1,10"

    @Option(
        name: .customLong("powers-db"), parsing: .unconditional,
        help: "Tier transmit powers [dB, relative; the noise is relative to 0 dB], one per tier.")
    var powersDB: CommaList<Double> = "20,0"

    @Option(
        name: .customLong("biases-db"), parsing: .unconditional,
        help: "Association biases [dB], one per tier (0 = max received power).")
    var biasesDB: CommaList<Double> = "0,6"

    @Option(parsing: .unconditional, help: "Path-loss exponent α of every tier without its own --tier-exponents, > 2.")
    var exponent: Double = 4

    @Option(
        name: .customLong("tier-exponents"), parsing: .unconditional,
        help: "Tier-specific path-loss exponents α_k, one per tier, each > 2 (default: --exponent for every tier).")
    var tierExponents: CommaList<Double>?

    @Option(
        parsing: .unconditional, help: "Noise power W [linear, relative to a 0 dB transmitter at unit distance], ≥ 0.")
    var noise: Double = 0

    public static let defaultMaximumThresholdDB: Double = 20
    public static let defaultDrops = 20_000
    public static let dropsHelp = "Monte-Carlo drops, 0 (none) … 10000000."
    @OptionGroup var sweep: ThresholdSweepOptions<DensifyTiersCommand>

    public init() {}

    public func validate() throws {
        guard powersDB.count == densities.count, biasesDB.count == densities.count else {
            throw ValidationError(
                "--densities, --powers-db and --biases-db need one entry per tier (got \(densities.count), "
                    + "\(powersDB.count) and \(biasesDB.count)).")
        }
        if let tierExponents, tierExponents.count != densities.count {
            throw ValidationError(
                "--tier-exponents needs one entry per tier (got \(tierExponents.count) for \(densities.count) tiers).")
        }
    }

    public func execute() throws {
        let tiers = densities.values.indices.map { k in
            MultiTierNetwork.Tier(
                density: densities.values[k], transmitPower: Decibels.toPower(powersDB.values[k]),
                bias: Decibels.toPower(biasesDB.values[k]), exponent: tierExponents?.values[k])
        }
        var configuration = MultiTierCoverageStudy.Configuration(
            network: try MultiTierNetwork(tiers: tiers, exponent: exponent, noise: noise),
            thresholdsDB: try sweep.thresholds.thresholdsDB())
        configuration.drops = sweep.drops
        let (output, progress) = (sweep.output, StderrStudyProgress(quiet: sweep.output.quiet))
        let result = try MultiTierCoverageStudy(configuration).run(seed: output.seed, progress: progress)
        var typed = ["densities": densities.text, "powers_db": powersDB.text, "biases_db": biasesDB.text]
        if let tierExponents { typed["tier_exponents"] = tierExponents.text }
        let parameters = configuration.recordedParameters.merging(typed) { _, typed in typed }
            .merging(sweep.parameters) { a, _ in a }
        try OutputContext(options: output, seed: output.seed, parameters: parameters).write(result, name: output.name)
    }
}
