import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss fit`: all-data and per-group path-gain fits, standard-model RMSE, headline aggregates.
public struct PathLossFitCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract:
            "Fit path gain vs distance (FI, CI, dual-slope, per group), compare with free space, TR 38.901 and P.2109.",
        discussion: """
            Writes <name>-models.csv (parameters with SE and CI per model and group), <name>-comparison.csv \
            (RMSE, bias and de-biased std of each model against the data), <name>-summary.csv (the paper's \
            aggregates beside the replica's), <name>-residual-ecdf.csv, and the plots <name>-path-gain.svg \
            (data, fits, free space, standard models) and <name>-residual-ecdf.svg.
            """)

    @OptionGroup var inputOptions: PathLossInputOptions

    @Option(
        name: .customLong("group-by"),
        help:
            "Grouping for per-group fits: glass_type, building_id, scenario_id, floor, scaffolding, foliage, elevated_subway, los."
    )
    var groupBy: CampaignGrouping = .glassType

    @Option(name: .customLong("reference-distance"), help: "Reference distance d0 [m], > 0.")
    var referenceDistanceMeters: Double = 1

    @Option(name: .customLong("confidence-level"), help: "Confidence level of the intervals, in (0, 1).")
    var confidenceLevel: Double = 0.95

    @Option(
        name: .customLong("bin-weighting"), help: "Distance-bin weighting width [decades]; 0 = ordinary least squares.")
    var binWidthDecades: Double = 0

    @Flag(name: .customLong("censored-ml"), help: "Also fit censored links by maximum likelihood (Tobit).")
    var censoredML = false

    @Option(name: .customLong("irr-release"), help: "TR 38.901 IRR-glass release: r17 or r19.")
    var irrRelease: O2IBuildingPenetration.IRRGlassRelease = .r17

    @Option(help: "Base name of the output files.")
    var name: String = "pathloss-fit"

    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        guard referenceDistanceMeters > 0, referenceDistanceMeters.isFinite else {
            throw ValidationError("--reference-distance must be > 0 m.")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw ValidationError("--confidence-level must be in (0, 1).")
        }
        guard binWidthDecades >= 0, binWidthDecades.isFinite else {
            throw ValidationError("--bin-weighting must be ≥ 0.")
        }
        try OutputOptions.validateFileName(name)
    }

    public func execute() throws {
        let context = OutputContext(
            options: output,
            parameters: [
                "input": inputOptions.input ?? PathLossInputOptions.bundledPath, "group_by": groupBy.rawValue,
                "reference_distance_m": String(referenceDistanceMeters), "confidence_level": String(confidenceLevel),
                "bin_weighting_decades": String(binWidthDecades), "irr_release": irrRelease.rawValue,
            ])
        let campaign = try inputOptions.load(note: context.note)
        let weighting: FitWeighting = binWidthDecades > 0 ? .distanceBins(widthDecades: binWidthDecades) : .none
        let d0 = referenceDistanceMeters
        let level = confidenceLevel

        // All analyses first: a data error leaves no output behind.
        let all = try FloatingInterceptFit(
            campaign: campaign, referenceDistanceMeters: d0, confidenceLevel: level, weighting: weighting)
        let used = campaign.uncensoredLinks
        let ci = try CloseInFit(
            distancesMeters: used.map(\.distanceMeters), pathGainsDB: used.map(\.pathGainDB),
            frequency: all.frequency, referenceDistanceMeters: d0, confidenceLevel: level,
            isSynthetic: campaign.isSynthetic)
        let dual = try? DualSlopeFit(
            distancesMeters: used.map(\.distanceMeters), pathGainsDB: used.map(\.pathGainDB),
            referenceDistanceMeters: d0, confidenceLevel: level)
        let groups = try? GroupFits(
            campaign: campaign, groupBy: groupBy, referenceDistanceMeters: d0, confidenceLevel: level,
            weighting: weighting)
        let tobit =
            censoredML ? try CensoredFit(campaign: campaign, referenceDistanceMeters: d0, confidenceLevel: level) : nil
        var options = StandardModelComparison.Options()
        options.irrRelease = irrRelease
        var fits: [any PathGainModel] = [all, ci]
        if let dual { fits.append(dual) }
        let comparison = StandardModelComparison(campaign: campaign, fits: fits, options: options)
        let summary = try CampaignSummary(campaign: campaign, referenceDistanceMeters: d0)

        // Models table.
        var rows: [[String]] = []
        let number = CSVNumberFormat.shortestRoundTrip
        func parameterCells(_ p: FittedParameter?) -> [String] {
            guard let p else { return ["", "", "", ""] }
            return [p.estimate, p.standardError, p.confidenceInterval.lower, p.confidenceInterval.upper].map(
                number.format)
        }
        func row(
            _ model: String, _ group: String, _ a: FittedParameter?, _ n: FittedParameter?, _ extra: FittedParameter?,
            rmse: Double, sigma: Double, count: Int, note: String
        ) -> [String] {
            [model, group] + parameterCells(a) + parameterCells(n) + parameterCells(extra)
                + [number.format(rmse), number.format(sigma), String(count), note]
        }
        rows.append(
            row(
                "FI", "all", all.intercept, all.pathLossExponent, nil, rmse: all.rmsErrorDB,
                sigma: all.residualStandardErrorDB,
                count: all.usedCount, note: "censored dropped: \(all.censoredCount)"))
        rows.append(
            row(
                "CI", "all", nil, ci.pathLossExponent, nil, rmse: ci.rmsErrorDB, sigma: ci.residualStandardErrorDB,
                count: ci.usedCount, note: "anchor FSPL(f, d0) exact"))
        let view = all.closeInWithOffset()
        rows.append([
            "CI-offset (FI view)", "all", number.format(view.offsetDB), "", "", "",
            number.format(view.exponentDelta + 2), "", "", "", "", "", "", "",
            number.format(all.rmsErrorDB), number.format(all.residualStandardErrorDB), String(all.usedCount),
            "L_x [dB] in the A column; n = 2 + Δn",
        ])
        if let dual {
            rows.append(
                row(
                    "dual-slope", "all", dual.intercept, dual.nearExponent, dual.farExponent, rmse: dual.rmsErrorDB,
                    sigma: dual.residualStandardErrorDB, count: all.usedCount,
                    note:
                        "breakpoint \(PathLossFormat.fixed(dual.breakpointMeters)) m; third parameter n2; SEs conditional on the breakpoint"
                ))
        }
        if let tobit {
            rows.append(
                row(
                    "FI censored ML", "all", tobit.intercept, tobit.pathLossExponent, tobit.sigma,
                    rmse: tobit.sigma.estimate,
                    sigma: tobit.sigma.estimate, count: tobit.uncensoredCount + tobit.censoredCount,
                    note: "Tobit, \(tobit.censoredCount) censored; third parameter sigma"))
        }
        for entry in groups?.entries ?? [] {
            rows.append(
                row(
                    "FI", "\(groupBy.rawValue)=\(entry.group)", entry.fit.intercept, entry.fit.pathLossExponent, nil,
                    rmse: entry.fit.rmsErrorDB, sigma: entry.fit.residualStandardErrorDB, count: entry.fit.usedCount,
                    note: ""))
        }
        let header = [
            "model", "group", "a_db", "a_se_db", "a_ci_lower_db", "a_ci_upper_db", "n", "n_se", "n_ci_lower",
            "n_ci_upper",
            "p3", "p3_se", "p3_ci_lower", "p3_ci_upper", "rmse_n_db", "sigma_n_minus_p_db", "links", "note",
        ]
        let comparisonTable = CSVTable(
            header: ["model", "rmse_db", "bias_db", "debiased_std_db", "links_used", "links_excluded"],
            rows: comparison.rows.map { row in
                // A model with no link inside its validity range has no error statistics: empty cells.
                func statistic(_ value: Double) -> String { row.usedCount > 0 ? number.format(value) : "" }
                return [
                    row.model, statistic(row.rmseDB), statistic(row.biasDB), statistic(row.debiasedStandardDeviationDB),
                    String(row.usedCount), String(row.excludedCount),
                ]
            })
        let summaryTable = CSVTable(header: ["metric", "replica", "paper", "unit"], rows: Self.summaryRows(summary))

        // Residual ECDF of the all-data fit.
        let residuals = all.residualsDB.sorted()
        let probabilities = residuals.indices.map { Double($0 + 1) / Double(residuals.count) }

        try context.write(CSVTable(header: header, rows: rows), name: name + "-models")
        try context.write(comparisonTable, name: name + "-comparison")
        try context.write(summaryTable, name: name + "-summary")
        try context.write(
            CSVTable(columns: [("residual_db", residuals), ("ecdf", probabilities)]), name: name + "-residual-ecdf")
        try context.writeSVG(
            try pathGainPlot(campaign: campaign, all: all, groups: groups, options: options).svg(),
            name: name + "-path-gain")
        var ecdf = Plot(
            title: "Residuals of the all-data FI fit (\(PathLossFormat.provenance(campaign)))", xLabel: "Residual [dB]",
            yLabel: "Empirical CDF")
        ecdf.add(try .step("all data, RMSE \(PathLossFormat.fixed(all.rmsErrorDB)) dB", x: residuals, y: probabilities))
        for entry in groups?.entries ?? [] {
            let r = entry.fit.residualsDB.sorted()
            ecdf.add(try .step("\(entry.group) own fit", x: r, y: r.indices.map { Double($0 + 1) / Double(r.count) }))
        }
        try context.writeSVG(ecdf.svg(), name: name + "-residual-ecdf")
        context.note(
            "fit: \(all.usedCount) links; A = \(PathLossFormat.fixed(all.intercept.estimate)) dB, n = \(PathLossFormat.fixed(all.pathLossExponent.estimate, 3)), "
                + "RMSE \(PathLossFormat.fixed(all.rmsErrorDB)) dB (paper 11.7), excess loss > 50 m \(summary.excessLossDB.map { PathLossFormat.fixed($0) + " dB" } ?? "n/a (no link beyond 50 m)") (paper 30 dB)"
                + (campaign.isSynthetic ? " [SYNTHETIC data]" : ""))
    }

    /// Replica vs paper rows for the summary table.
    static func summaryRows(_ s: CampaignSummary) -> [[String]] {
        let number = CSVNumberFormat.significantDigits(6)
        typealias P = CampaignSummary.Published
        var rows: [[String]] = [
            ["links", String(s.linkCount), "> \(P.linkCount)", "count"],
            ["scenarios", String(s.scenarioCount), String(P.scenarioCount), "count"],
            ["buildings", String(s.buildingCount), String(P.buildingCount), "count"],
            ["censored_links", String(s.censoredCount), "", "count"],
            // Empty cell when no fitted link lies beyond 50 m (the excess loss is not computable).
            [
                "excess_loss_beyond_50m", s.excessLossDB.map { number.format($0) } ?? "", number.format(P.excessLossDB),
                "dB",
            ],
            ["rms_fitting_error", number.format(s.rmsErrorDB), number.format(P.rmsErrorDB), "dB"],
        ]
        if let gap = s.glassGapDB {
            rows.append(["glass_gap_low_minus_high", number.format(gap), number.format(P.glassGapDB), "dB"])
        }
        if let spread = s.maximumSpread {
            rows.append([
                "max_spread_at_distance", number.format(spread.rangeDB), "up to \(number.format(P.maximumSpreadDB))",
                "dB",
            ])
            rows.append(["max_spread_window_center", number.format(spread.centerMeters), "", "m"])
        }
        for effect in s.featureRegression?.effects ?? [] {
            rows.append([
                "effect_\(effect.name)", number.format(effect.estimate),
                effect.name == "high_loss" ? "20 (gap)" : "5–10", "dB",
            ])
        }
        rows.append(["synthetic", s.isSynthetic ? "true" : "false", "false", ""])
        return rows
    }

    func pathGainPlot(
        campaign: PathLossCampaign, all: FloatingInterceptFit, groups: GroupFits?,
        options: StandardModelComparison.Options
    ) throws -> Plot {
        var plot = Plot(
            title: "28 GHz outdoor-to-indoor path gain (\(PathLossFormat.provenance(campaign)))",
            xLabel: "TX–RX distance [m]",
            yLabel: "Path gain [dB]", xAxis: .log10, heightPixels: 540)
        let used = campaign.uncensoredLinks
        if groupBy == .glassType {
            for glass in GlassType.allCases {
                let links = used.filter { $0.glassType == glass }
                if !links.isEmpty {
                    plot.add(
                        try .scatter(
                            "data \(glass.rawValue)", x: links.map(\.distanceMeters), y: links.map(\.pathGainDB)))
                }
            }
        } else {
            plot.add(try .scatter("data", x: used.map(\.distanceMeters), y: used.map(\.pathGainDB)))
        }
        let lo = all.distanceRangeMeters.lowerBound
        let hi = all.distanceRangeMeters.upperBound
        let grid = (0...60).map { lo * pow(hi / lo, Double($0) / 60) }
        plot.add(
            try .line(
                "free space", x: grid,
                y: grid.map { FreeSpacePathLoss.exact.gainDB(distanceMeters: $0, frequency: all.frequency) }))
        plot.add(
            try .line(
                "FI all data (n = \(PathLossFormat.fixed(all.pathLossExponent.estimate)), σ = \(PathLossFormat.fixed(all.rmsErrorDB)) dB)",
                x: grid, y: grid.map { all.pathGainDB(distanceMeters: $0) }))
        plot.add(
            try .band(
                "FI mean line, \(Int((all.intercept.confidenceInterval.confidenceLevel * 100).rounded())) % band",
                x: grid,
                lower: grid.map { all.pathGainDB(distanceMeters: $0) - all.meanLineHalfWidthDB(distanceMeters: $0) },
                upper: grid.map { all.pathGainDB(distanceMeters: $0) + all.meanLineHalfWidthDB(distanceMeters: $0) }))
        for entry in groups?.entries ?? [] {
            let g = (0...40).map {
                entry.fit.distanceRangeMeters.lowerBound
                    * pow(
                        entry.fit.distanceRangeMeters.upperBound / entry.fit.distanceRangeMeters.lowerBound,
                        Double($0) / 40)
            }
            plot.add(try .line("FI \(entry.group)", x: g, y: g.map { entry.fit.pathGainDB(distanceMeters: $0) }))
        }
        // Standard models on a street-floor-2 UE (h_UT = 4.5 m), NLOS, per glass type.
        for glass in GlassType.allCases {
            let links = grid.map {
                PathLossLink(distanceMeters: $0, pathGainDB: 0, glassType: glass, floor: 2, lineOfSight: false)
            }
            let o2i = links.map { StandardModelComparison.threeGPPGainDB($0, options) }
            let valid = zip(grid, o2i).compactMap { d, v in v.map { (d, $0) } }
            if !valid.isEmpty {
                plot.add(
                    try .line("TR 38.901 O2I \(glass.rawValue) (UMi NLOS, mean)", x: valid.map(\.0), y: valid.map(\.1)))
            }
            let p2109 = links.compactMap { StandardModelComparison.p2109GainDB($0, options) }
            if p2109.count == grid.count {
                plot.add(try .line("P.2109 median \(BuildingEntryLossP2109(glass).rawValue)", x: grid, y: p2109))
            }
        }
        return plot
    }
}

extension CampaignGrouping: ExpressibleByArgument {}
extension O2IBuildingPenetration.IRRGlassRelease: ExpressibleByArgument {}
