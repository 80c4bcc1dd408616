import Foundation
import WirelessCore
import WirelessIO

/// The coverage study of `wtk pathloss coverage`: per group, the largest BS distance at which a
/// fraction c of indoor UEs reach each target rate (link budget on the group's FI fit, quantile by
/// model or residuals), and the per-link rate CDF from the measured path gains.
///
///     var configuration = PathLossCoverageStudy.Configuration(campaign: campaign, budget: try LinkBudget())
///     let result = try PathLossCoverageStudy(configuration).run()
///     result.table(named: "max-distance")   // group, target_rate_bps, status, max_distance_m, …
public struct PathLossCoverageStudy: Study {
    /// What to evaluate.
    public struct Configuration: Sendable {
        /// The measurements.
        public var campaign: PathLossCampaign
        /// The link budget.
        public var budget: LinkBudget
        /// Grouping of the per-group fits; nil = the campaign as one group (`CampaignGrouping.defaultGrouping(for:)`
        /// picks glass_type when the campaign has it). A grouping column no link has is an error.
        public var groupBy: CampaignGrouping? = .glassType
        /// Use only links with line of sight.
        public var lineOfSightOnly = false
        /// Target rates [bit/s], each > 0.
        public var targetRatesBitsPerSecond: [Double] = [500e6, 1.2e9, 2.5e9]
        /// SNR → rate mapping.
        public var mapping: RateMapping = .shannon
        /// Coverage level c, in (0, 1).
        public var coverage: Double = 0.9
        /// Coverage quantile method.
        public var method: CoverageAnalysis.QuantileMethod = .modelBased
        /// Report distances outside the measured distance range (status `extrapolated`); without it a d*
        /// beyond the largest measured distance is `beyond_range` and one below the smallest is `below_range`.
        public var allowExtrapolation = false

        public init(campaign: PathLossCampaign, budget: LinkBudget) {
            self.campaign = campaign
            self.budget = budget
        }
    }

    /// One fitted group: its label, fit and uncensored links.
    public struct Group: Sendable {
        /// `all`, or `<grouping>=<value>`.
        public let label: String
        /// The group's FI fit.
        public let fit: FloatingInterceptFit
        /// The group's uncensored links.
        public let links: [PathLossLink]
    }

    /// The groups and their coverage distances.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The analysis (budget, mapping, quantile).
        public let analysis: CoverageAnalysis
        /// All data first, then each group.
        public let groups: [Group]
        /// Maximum distance per group (outer) and target (inner).
        public let maximumDistances: [[CoverageAnalysis.MaximumDistance]]

        public var tables: [StudyTable] { [maximumDistanceTable, rateCDFTable] }
        public var plots: [StudyPlot] { [rateCDFPlot, rateVersusDistancePlot] }

        var suffix: String { configuration.lineOfSightOnly ? " (LOS)" : "" }

        public var summary: String {
            let t = maximumDistanceTable
            guard case .text(let groups) = t["group"]?.values, let rates = t["target_rate_bps"]?.numbers,
                case .text(let statuses) = t["status"]?.values, let distances = t["max_distance_m"]?.numbers
            else { return "coverage: \(t.rowCount) rows" }
            return "coverage: "
                + (0..<t.rowCount).map { r in
                    let rate = rates[r].map { SummaryText.quantity($0, "bit/s", digits: 3, prefixed: true) } ?? "?"
                    let distance = distances[r].map { " " + SummaryText.quantity($0, "m") } ?? ""
                    return "\(groups[r]) \(rate) → \(statuses[r])\(distance)"
                }
                .joined(separator: "; ")
        }

        /// Per group and target: status, distance and the fit used (`max-distance`). Status `distance` (d* in the
        /// measured range), `extrapolated` (d* outside it, with extrapolation allowed), `beyond_range` (met at the
        /// largest measured distance, given), `below_range` (not met at the smallest measured distance, given) or
        /// `not_achievable`.
        public var maximumDistanceTable: StudyTable {
            var rows = StudyRows([
                ("group", nil), ("target_rate", "bps"), ("status", nil), ("max_distance", "m"), ("fit_n", nil),
                ("fit_rmse", "db"), ("links", nil),
            ])
            for (g, group) in groups.enumerated() {
                for (t, target) in configuration.targetRatesBitsPerSecond.enumerated() {
                    let measured = group.fit.distanceRangeMeters
                    let (status, value): (String, Double?) =
                        switch maximumDistances[g][t] {
                        case .distance(let d): (measured.contains(d) ? "distance" : "extrapolated", d)
                        case .beyondRange(let d): ("beyond_range", d)
                        case .belowRange(let d): ("below_range", d)
                        case .notAchievable: ("not_achievable", nil)
                        }
                    rows.append([
                        .text(group.label + suffix), .real(target), .text(status), .real(value),
                        .real(group.fit.pathLossExponent.estimate), .real(group.fit.rmsErrorDB),
                        .integer(group.fit.usedCount),
                    ])
                }
            }
            return rows.table(name: "-max-distance")
        }

        /// Sorted per-link rates and ECDF levels, per group (`rate-cdf`).
        public var rateCDFTable: StudyTable {
            var rows = StudyRows([("group", nil), ("rate", "bps"), ("ecdf", nil)])
            for group in groups {
                let (rates, ecdf) = rateCDF(group)
                for (r, p) in zip(rates, ecdf) { rows.append([.text(group.label), .real(r), .real(p)]) }
            }
            return rows.table(name: "-rate-cdf")
        }

        func rateCDF(_ group: Group) -> (rates: [Double], ecdf: [Double]) {
            let rates = group.links.map { analysis.rateBitsPerSecond(pathGainDB: $0.pathGainDB) }.sorted()
            return (rates, PathLossStudyText.ecdfLevels(rates.count))
        }

        /// The rate name used in titles.
        var rateName: String {
            switch configuration.mapping {
            case .shannon: "shannon"
            case .attenuatedShannon: "attenuated-shannon"
            case .nrTable: "nr-table"
            }
        }

        /// Per-link rate ECDF per group (`rate-cdf`).
        public var rateCDFPlot: StudyPlot {
            let c = configuration
            var plot = StudyPlot(
                name: "-rate-cdf",
                title:
                    "Per-link rate (\(PathLossStudyText.provenance(c.campaign)); \(rateName), \(Int(c.budget.bandwidthHz / 1e6)) MHz)",
                xLabel: "Rate [Gbit/s]", yLabel: "Empirical CDF")
            for group in groups {
                let (rates, ecdf) = rateCDF(group)
                plot.series.append(StudySeries(group.label, .step(x: rates.map { $0 / 1e9 }, y: ecdf)))
            }
            let below = CSVNumberFormat.shortestRoundTrip.format(((1 - c.coverage) * 1000).rounded() / 10)
            plot.series.append(StudySeries("\(below) % of UEs", .horizontalLine(y: 1 - c.coverage)))
            return plot
        }

        /// Rate reached by a fraction c of UEs against distance, per group (`rate-vs-distance`).
        public var rateVersusDistancePlot: StudyPlot {
            let c = configuration
            var plot = StudyPlot(
                name: "-rate-vs-distance",
                title:
                    "Rate reached by \(Int(c.coverage * 100)) % of indoor UEs (\(PathLossStudyText.provenance(c.campaign)))",
                xLabel: "BS distance [m]", yLabel: "Rate [Gbit/s]", xScale: .log10)
            for group in groups {
                let grid = PathLossStudyText.logGrid(
                    group.fit.distanceRangeMeters.lowerBound, group.fit.distanceRangeMeters.upperBound, count: 60)
                plot.series.append(
                    StudySeries(
                        group.label,
                        .line(
                            x: grid,
                            y: grid.map { analysis.rateBitsPerSecond(fit: group.fit, distanceMeters: $0) / 1e9 })))
            }
            let number = CSVNumberFormat.shortestRoundTrip
            for target in c.targetRatesBitsPerSecond {
                plot.series.append(
                    StudySeries("\(number.format(target / 1e9)) Gbit/s", .horizontalLine(y: target / 1e9)))
            }
            return plot
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Fits the groups and solves for the distances (deterministic: `seed` is ignored).
    /// - Throws: `PathLossError` for a bad coverage level, mapping or a campaign the fits cannot use.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        let analysis = try CoverageAnalysis(
            budget: c.budget, mapping: c.mapping, coverage: c.coverage, method: c.method)
        var campaign = c.campaign
        if c.lineOfSightOnly { campaign = campaign.filtered { $0.lineOfSight == true } }
        let all = try FloatingInterceptFit(campaign: campaign)
        let used = campaign.uncensoredLinks
        var groups = [Group(label: "all", fit: all, links: used)]
        if let grouping = c.groupBy {
            let fits = try GroupFits(campaign: campaign, groupBy: grouping)
            groups += fits.entries.map { entry in
                Group(
                    label: "\(grouping.rawValue)=\(entry.group)", fit: entry.fit,
                    links: used.filter { grouping.key(of: $0) == entry.group })
            }
        }
        let distances = try groups.map { group in
            try c.targetRatesBitsPerSecond.map {
                try analysis.maximumDistance(
                    fit: group.fit, targetRateBitsPerSecond: $0, allowExtrapolation: c.allowExtrapolation)
            }
        }
        return Result(configuration: c, analysis: analysis, groups: groups, maximumDistances: distances)
    }
}

extension PathLossCoverageStudy.Configuration {
    /// The settings a run records beside its outputs: `group_by` (`none` for one group), `los_only`, the link
    /// budget (`eirp_dbm`, `ue_gain_dbi`, `bandwidth_hz`, `noise_figure_db`, `extra_gain_db`), `coverage`,
    /// `rate` (`RateMapping.name`) and `method`.
    public var recordedParameters: [String: String] {
        [
            "group_by": groupBy?.rawValue ?? "none", "los_only": String(lineOfSightOnly),
            "eirp_dbm": String(budget.eirpDBm), "ue_gain_dbi": String(budget.ueGainDBi),
            "bandwidth_hz": String(budget.bandwidthHz), "noise_figure_db": String(budget.noiseFigureDB),
            "extra_gain_db": String(budget.extraGainDB), "coverage": String(coverage), "rate": mapping.name,
            "method": method.rawValue,
        ]
    }
}
