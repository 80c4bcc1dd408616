import ArgumentParser
import Foundation
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss coverage`: 90 %-coverage rates and the largest BS distance per group.
public struct PathLossCoverageCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Rate CDF per group and the largest BS distance at which 90 % of indoor UEs reach each target rate.",
        discussion: """
            Link budget (defaults: EIRP 60 dBm, UE gain 10 dBi, 400 MHz, NF 10 dB): SNR = EIRP + G_UE + G_extra + PG − N, \
            N = −174 + 10·log10(B) + NF. Coverage path gain = group FI fit + Φ⁻¹(1 − c)·σ (model) or the residuals' \
            (1 − c) percentile (empirical). A distance outside the measured range is an extrapolation: reported as beyond_range or \
            below_range (the measured bound in max_distance_m) unless --allow-extrapolation. Writes <name>-max-distance.csv, <name>-rate-cdf.csv, <name>-rate-cdf.svg and \
            <name>-rate-vs-distance.svg.
            """)

    enum RateName: String, ExpressibleByArgument, CaseIterable {
        case shannon
        case attenuatedShannon = "attenuated-shannon"
        case nrTable = "nr-table"
    }

    @OptionGroup var inputOptions: PathLossGroupedInputOptions

    @Flag(name: .customLong("los-only"), help: "Use only links with los = 1.")
    var losOnly = false

    @Option(parsing: .unconditional, help: "Target rates [bit/s], comma-separated.")
    var targets: CommaList<Double> = "500e6,1.2e9,2.5e9"

    @Option(parsing: .unconditional, help: "BS EIRP [dBm].")
    var eirp: Double = 60

    @Option(name: .customLong("ue-gain"), parsing: .unconditional, help: "UE antenna gain [dBi].")
    var ueGain: Double = 10

    @Option(parsing: .unconditional, help: "Bandwidth [Hz], > 0.")
    var bandwidth: Double = 400e6

    @Option(name: .customLong("noise-figure"), parsing: .unconditional, help: "UE noise figure [dB], ≥ 0.")
    var noiseFigure: Double = 10

    @Option(name: .customLong("extra-gain"), parsing: .unconditional, help: "Extra gain [dB].")
    var extraGain: Double = 0

    @Option(parsing: .unconditional, help: "Coverage level c, in (0, 1).")
    var coverage: Double = 0.9

    @Option(help: "Rate mapping: shannon, attenuated-shannon or nr-table.")
    var rate: RateName = .shannon

    @Option(
        name: .customLong("nr-table"),
        help: "NR table for --rate nr-table: 38.214-5.2.2.1-3, 38.214-5.2.2.1-2 or 38.214-5.1.3.1-2.")
    var nrTable: NRSpectralEfficiencyTable = .cqiTable2

    @Option(help: "Coverage quantile: model-based (fit − 1.2816σ at c = 0.9) or empirical (residual percentile).")
    var method: CoverageAnalysis.QuantileMethod = .modelBased

    @Flag(
        name: [.customLong("allow-extrapolation"), .customLong("extrapolate")],
        help: """
            Report distances outside the measured range (status extrapolated). Without it a distance beyond the \
            largest measured one is beyond_range and one below the smallest is below_range.
            """)
    var allowExtrapolation = false

    @OptionGroup var output: NamedOutputOptions<PathLossCoverageCommand>

    public init() {}

    public func validate() throws {
        guard targets.values.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw ValidationError("--targets must be positive rates in bit/s.")
        }
        try OptionRange.checkListLength(targets.count, "--targets", maximum: 1_000)
    }

    public func execute() throws {
        let budget = try LinkBudget(
            eirpDBm: eirp, ueGainDBi: ueGain, bandwidthHz: bandwidth, noiseFigureDB: noiseFigure, extraGainDB: extraGain
        )
        let (campaign, grouping) = try inputOptions.load()
        var configuration = PathLossCoverageStudy.Configuration(campaign: campaign, budget: budget)
        configuration.groupBy = grouping
        configuration.lineOfSightOnly = losOnly
        configuration.targetRatesBitsPerSecond = targets.values
        configuration.mapping = rate.mapping(nrTable)
        configuration.coverage = coverage
        configuration.method = method
        configuration.allowExtrapolation = allowExtrapolation
        let context = OutputContext(
            options: output,
            parameters: configuration.recordedParameters.merging(["input": inputOptions.recordedPath]) { a, _ in a })
        try context.write(PathLossCoverageStudy(configuration).run(progress: context.studyProgress), name: output.name)
    }
}

extension PathLossCoverageCommand.RateName {
    /// The library mapping of the rate option (`nrTable` is the table for `nr-table`).
    func mapping(_ nrTable: NRSpectralEfficiencyTable) -> RateMapping {
        switch self {
        case .shannon: .shannon
        case .attenuatedShannon: .attenuatedShannon
        case .nrTable: .nrTable(nrTable)
        }
    }
}

extension NRSpectralEfficiencyTable: ExpressibleByArgument {}
extension CoverageAnalysis.QuantileMethod: ExpressibleByArgument {
    /// `model-based` or `empirical`; the old spelling `modelBased` is accepted as a deprecated alias.
    public init?(argument: String) { self.init(rawValue: argument == "modelBased" ? "model-based" : argument) }
}
