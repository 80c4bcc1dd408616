import ArgumentParser
import Foundation
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss coverage`: 90 %-coverage rates and the largest BS distance per group.
public struct PathLossCoverageCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Rate CDF per group and the largest BS distance at which 90 % of indoor UEs reach each target rate.",
        discussion: """
            Link budget (defaults: EIRP 60 dBm, UE gain 10 dBi, 400 MHz, NF 10 dB): SNR = EIRP + G_UE + G_extra + PG − N, \
            N = −174 + 10·log10(B) + NF. Coverage path gain = group FI fit + Φ⁻¹(1 − c)·σ (model) or the residuals' \
            (1 − c) percentile (empirical). Writes <name>-max-distance.csv, <name>-rate-cdf.csv, <name>-rate-cdf.svg and \
            <name>-rate-vs-distance.svg.
            """)

    enum RateName: String, ExpressibleByArgument, CaseIterable {
        case shannon
        case attenuatedShannon = "attenuated-shannon"
        case nrTable = "nr-table"
    }

    @OptionGroup var inputOptions: PathLossInputOptions

    @Option(name: .customLong("group-by"), help: "Grouping for per-group fits (default glass_type).")
    var groupBy: CampaignGrouping = .glassType

    @Flag(name: .customLong("los-only"), help: "Use only links with los = 1.")
    var losOnly = false

    @Option(help: "Target rates [bit/s], comma-separated.")
    var targets: String = "500e6,1.2e9,2.5e9"

    @Option(help: "BS EIRP [dBm].")
    var eirp: Double = 60

    @Option(name: .customLong("ue-gain"), help: "UE antenna gain [dBi].")
    var ueGain: Double = 10

    @Option(help: "Bandwidth [Hz], > 0.")
    var bandwidth: Double = 400e6

    @Option(name: .customLong("noise-figure"), help: "UE noise figure [dB], ≥ 0.")
    var noiseFigure: Double = 10

    @Option(name: .customLong("extra-gain"), help: "Extra gain [dB].")
    var extraGain: Double = 0

    @Option(help: "Coverage level c, in (0, 1).")
    var coverage: Double = 0.9

    @Option(help: "Rate mapping: shannon, attenuated-shannon or nr-table.")
    var rate: RateName = .shannon

    @Option(
        name: .customLong("nr-table"),
        help: "NR table for --rate nr-table: 38.214-5.2.2.1-3, 38.214-5.2.2.1-2 or 38.214-5.1.3.1-2.")
    var nrTable: NRSpectralEfficiencyTable = .cqiTable2

    @Option(help: "Coverage quantile: modelBased (fit − 1.2816σ at c = 0.9) or empirical (residual percentile).")
    var method: CoverageAnalysis.QuantileMethod = .modelBased

    @Flag(name: .customLong("allow-extrapolation"), help: "Report distances beyond the largest measured distance.")
    var allowExtrapolation = false

    @Option(help: "Base name of the output files.")
    var name: String = "pathloss-coverage"

    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        let values = targets.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else {
            throw ValidationError("--targets must be positive rates in bit/s.")
        }
        try OptionRange.checkListLength(values.count, "--targets", maximum: 1_000)
        try OutputOptions.validateFileName(name)
    }

    public func execute() throws {
        let targetRates = targets.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        let budget = try LinkBudget(
            eirpDBm: eirp, ueGainDBi: ueGain, bandwidthHz: bandwidth, noiseFigureDB: noiseFigure, extraGainDB: extraGain
        )
        let mapping: RateMapping
        switch rate {
        case .shannon: mapping = .shannon
        case .attenuatedShannon: mapping = .attenuatedShannon
        case .nrTable: mapping = .nrTable(nrTable)
        }
        let analysis = try CoverageAnalysis(budget: budget, mapping: mapping, coverage: coverage, method: method)
        let context = OutputContext(
            options: output,
            parameters: [
                "input": inputOptions.input ?? PathLossInputOptions.bundledPath, "group_by": groupBy.rawValue,
                "los_only": String(losOnly), "eirp_dbm": String(eirp), "ue_gain_dbi": String(ueGain),
                "bandwidth_hz": String(bandwidth), "noise_figure_db": String(noiseFigure),
                "extra_gain_db": String(extraGain),
                "coverage": String(coverage), "rate": rate.rawValue, "method": method.rawValue,
            ])
        var campaign = try inputOptions.load(note: context.note)
        if losOnly { campaign = campaign.filtered { $0.lineOfSight == true } }
        let groups = try GroupFits(campaign: campaign, groupBy: groupBy)
        let all = try FloatingInterceptFit(campaign: campaign)
        let entries = [("all", all)] + groups.entries.map { ("\(groupBy.rawValue)=\($0.group)", $0.fit) }

        let number = CSVNumberFormat.shortestRoundTrip
        var distanceRows: [[String]] = []
        for (label, fit) in entries {
            for target in targetRates {
                let result = try analysis.maximumDistance(
                    fit: fit, targetRateBitsPerSecond: target, allowExtrapolation: allowExtrapolation)
                let (status, value): (String, Double?) =
                    switch result {
                    case .distance(let d): ("distance", d)
                    case .beyondRange(let d): ("beyond_range", d)
                    case .notAchievable: ("not_achievable", nil)
                    }
                distanceRows.append([
                    label + (losOnly ? " (LOS)" : ""), number.format(target), status, value.map(number.format) ?? "",
                    number.format(fit.pathLossExponent.estimate), number.format(fit.rmsErrorDB), String(fit.usedCount),
                ])
            }
        }
        // Per-link rate from the measured path gain: the rate CDF per group.
        var cdfRows: [[String]] = []
        var cdfPlot = Plot(
            title:
                "Per-link rate (\(PathLossFormat.provenance(campaign)); \(rate.rawValue), \(Int(bandwidth / 1e6)) MHz)",
            xLabel: "Rate [Gbit/s]", yLabel: "Empirical CDF")
        for (label, fitLinks) in [("all", campaign.uncensoredLinks)]
            + groups.entries.map({ entry in
                (
                    "\(groupBy.rawValue)=\(entry.group)",
                    campaign.uncensoredLinks.filter { groupBy.key(of: $0) == entry.group }
                )
            })
        {
            let rates = fitLinks.map { analysis.rateBitsPerSecond(pathGainDB: $0.pathGainDB) }.sorted()
            let ecdf = rates.indices.map { Double($0 + 1) / Double(rates.count) }
            for (r, p) in zip(rates, ecdf) { cdfRows.append([label, number.format(r), number.format(p)]) }
            cdfPlot.add(try .step(label, x: rates.map { $0 / 1e9 }, y: ecdf))
        }
        cdfPlot.add(.referenceLine("10 % of UEs", .horizontal, at: 1 - coverage))

        var ratePlot = Plot(
            title: "Rate reached by \(Int(coverage * 100)) % of indoor UEs (\(PathLossFormat.provenance(campaign)))",
            xLabel: "BS distance [m]", yLabel: "Rate [Gbit/s]", xAxis: .log10)
        for (label, fit) in entries {
            let lo = fit.distanceRangeMeters.lowerBound
            let hi = fit.distanceRangeMeters.upperBound
            let grid = (0...60).map { lo * pow(hi / lo, Double($0) / 60) }
            ratePlot.add(
                try .line(
                    label, x: grid, y: grid.map { analysis.rateBitsPerSecond(fit: fit, distanceMeters: $0) / 1e9 }))
        }
        for target in targetRates {
            ratePlot.add(.referenceLine("\(number.format(target / 1e9)) Gbit/s", .horizontal, at: target / 1e9))
        }

        try context.write(
            CSVTable(
                header: ["group", "target_rate_bps", "status", "max_distance_m", "fit_n", "fit_rmse_db", "links"],
                rows: distanceRows),
            name: name + "-max-distance")
        try context.write(CSVTable(header: ["group", "rate_bps", "ecdf"], rows: cdfRows), name: name + "-rate-cdf")
        try context.writeSVG(cdfPlot.svg(), name: name + "-rate-cdf")
        try context.writeSVG(ratePlot.svg(), name: name + "-rate-vs-distance")
        context.note(
            "coverage: " + distanceRows.map { "\($0[0]) \($0[1]) bit/s → \($0[2]) \($0[3])" }.joined(separator: "; "))
    }
}

extension NRSpectralEfficiencyTable: ExpressibleByArgument {}
extension CoverageAnalysis.QuantileMethod: ExpressibleByArgument {}
