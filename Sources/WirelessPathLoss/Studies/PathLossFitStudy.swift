import Foundation
import WirelessCore
import WirelessIO

/// The path-gain fit campaign of `wtk pathloss fit`: all-data floating-intercept (FI), close-in (CI),
/// dual-slope, optional censored ML (Tobit) and per-group FI fits; the standard models' RMSE against
/// the data; the paper's headline aggregates beside the replica's; the residual ECDF.
///
///     let result = try PathLossFitStudy(.init(campaign: campaign)).run()
///     result.table(named: "models")   // model, group, a_db, a_se_db, …, rmse_n_db, links, note
public struct PathLossFitStudy: Study {
    /// What to fit.
    public struct Configuration: Sendable {
        /// The measurements.
        public var campaign: PathLossCampaign
        /// Grouping of the per-group fits; nil = no per-group fits (`CampaignGrouping.defaultGrouping(for:)` picks
        /// glass_type when the campaign has it). A grouping column no link has is an error.
        public var groupBy: CampaignGrouping? = .glassType
        /// Reference distance d0 [m], > 0.
        public var referenceDistanceMeters: Double = 1
        /// Confidence level of the intervals, in (0, 1).
        public var confidenceLevel: Double = 0.95
        /// Distance-bin weighting width [decades]; 0 = ordinary least squares.
        public var binWidthDecades: Double = 0
        /// Whether to fit censored links by maximum likelihood (Tobit) too.
        public var censoredML = false
        /// TR 38.901 IRR-glass release of the standard-model comparison.
        public var irrRelease: O2IBuildingPenetration.IRRGlassRelease = .r17
        /// How the summary's excess loss beyond 50 m is averaged (default: the fitted line, `.model`).
        public var excessLossAveraging: ExcessLoss.Averaging = .model
        /// Link-level bootstrap resamples of the all-data FI fit's A and n, 0…100000 (0 = none; seeded).
        public var bootstrapResamples = 0

        public init(campaign: PathLossCampaign) { self.campaign = campaign }
    }

    /// The fits and tables.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// All-data FI fit.
        public let all: FloatingInterceptFit
        /// All-data CI fit.
        public let closeIn: CloseInFit
        /// All-data dual-slope fit (nil when it cannot be fitted).
        public let dualSlope: DualSlopeFit?
        /// Per-group FI fits (nil when grouping fails).
        public let groups: GroupFits?
        /// Censored ML fit (when asked for).
        public let censored: CensoredFit?
        /// Standard models against the data.
        public let comparison: StandardModelComparison
        /// The paper's aggregates on this campaign.
        public let campaignSummary: CampaignSummary
        /// Link-level bootstrap of the all-data FI fit (when asked for).
        public let bootstrap: LinkBootstrap?
        let comparisonOptions: StandardModelComparison.Options

        public var tables: [StudyTable] {
            [modelsTable, comparisonTable, summaryTable, residualTable] + (bootstrap == nil ? [] : [bootstrapTable])
        }
        public var plots: [StudyPlot] { [pathGainPlot, residualPlot] }

        public var summary: String {
            "fit: \(all.usedCount) links; A = \(PathLossStudyText.fixed(all.intercept.estimate)) dB, n = \(PathLossStudyText.fixed(all.pathLossExponent.estimate, 3)), "
                + "RMSE \(PathLossStudyText.fixed(all.rmsErrorDB)) dB (paper 11.7), excess loss > 50 m \(campaignSummary.excessLossDB.map { PathLossStudyText.fixed($0) + " dB" } ?? "n/a (no link beyond 50 m)") (paper 30 dB)"
                + (configuration.campaign.isSynthetic ? " [SYNTHETIC data]" : "")
        }

        /// Parameters with SE and CI per model and group (`models`).
        public var modelsTable: StudyTable {
            var rows = StudyRows([
                ("model", nil), ("group", nil), ("a", "db"), ("a_se", "db"), ("a_ci_lower", "db"),
                ("a_ci_upper", "db"), ("n", nil), ("n_se", nil), ("n_ci_lower", nil), ("n_ci_upper", nil), ("p3", nil),
                ("p3_se", nil), ("p3_ci_lower", nil), ("p3_ci_upper", nil), ("rmse_n", "db"),
                ("sigma_n_minus_p", "db"), ("links", nil), ("note", nil),
            ])
            func add(
                _ model: String, _ group: String, _ a: FittedParameter?, _ n: FittedParameter?,
                _ extra: FittedParameter?, rmse: Double, sigma: Double, count: Int, note: String
            ) {
                rows.append(
                    [.text(model), .text(group)] + FittedParameter.cells(a) + FittedParameter.cells(n)
                        + FittedParameter.cells(extra) + [.real(rmse), .real(sigma), .integer(count), .text(note)])
            }
            add(
                "FI", "all", all.intercept, all.pathLossExponent, nil, rmse: all.rmsErrorDB,
                sigma: all.residualStandardErrorDB, count: all.usedCount,
                note: "censored dropped: \(all.censoredCount)")
            add(
                "CI", "all", nil, closeIn.pathLossExponent, nil, rmse: closeIn.rmsErrorDB,
                sigma: closeIn.residualStandardErrorDB, count: closeIn.usedCount, note: "anchor FSPL(f, d0) exact")
            let view = all.closeInWithOffset()
            rows.append(
                [.text("CI-offset (FI view)"), .text("all"), .real(view.offsetDB), .real(nil), .real(nil), .real(nil)]
                    + [.real(view.exponentDelta + 2)] + Array(repeating: .real(nil), count: 7)
                    + [
                        .real(all.rmsErrorDB), .real(all.residualStandardErrorDB), .integer(all.usedCount),
                        .text("L_x [dB] in the A column; n = 2 + Δn"),
                    ])
            if let dual = dualSlope {
                add(
                    "dual-slope", "all", dual.intercept, dual.nearExponent, dual.farExponent, rmse: dual.rmsErrorDB,
                    sigma: dual.residualStandardErrorDB, count: all.usedCount,
                    note:
                        "breakpoint \(PathLossStudyText.fixed(dual.breakpointMeters)) m; third parameter n2; SEs conditional on the breakpoint"
                )
            }
            if let tobit = censored {
                add(
                    "FI censored ML", "all", tobit.intercept, tobit.pathLossExponent, tobit.sigma,
                    rmse: tobit.sigma.estimate, sigma: tobit.sigma.estimate,
                    count: tobit.uncensoredCount + tobit.censoredCount,
                    note: "Tobit, \(tobit.censoredCount) censored; third parameter sigma")
            }
            for entry in groups?.entries ?? [] {
                add(
                    "FI", "\(groups?.grouping.rawValue ?? "")=\(entry.group)", entry.fit.intercept,
                    entry.fit.pathLossExponent, nil, rmse: entry.fit.rmsErrorDB,
                    sigma: entry.fit.residualStandardErrorDB, count: entry.fit.usedCount, note: "")
            }
            return rows.table(name: "-models")
        }

        /// RMSE, bias and de-biased std of each standard model (`comparison`); a model with no link
        /// inside its validity range has no error statistics (missing values).
        public var comparisonTable: StudyTable {
            let rows = comparison.rows
            func statistic(_ value: KeyPath<StandardModelComparison.Row, Double>) -> [Double?] {
                rows.map { $0.usedCount > 0 ? $0[keyPath: value] : nil }
            }
            return StudyTable(
                name: "-comparison",
                columns: [
                    StudyColumn("model", rows.map(\.model)),
                    StudyColumn("rmse", unit: "db", statistic(\.rmseDB)),
                    StudyColumn("bias", unit: "db", statistic(\.biasDB)),
                    StudyColumn("debiased_std", unit: "db", statistic(\.debiasedStandardDeviationDB)),
                    StudyColumn("links_used", rows.map(\.usedCount)),
                    StudyColumn("links_excluded", rows.map(\.excludedCount)),
                ])
        }

        /// The campaign's aggregates beside the paper's (`summary`), full precision. Counts of a column the
        /// campaign lacks (scenario_id, building_id) are missing, not 0.
        public var summaryTable: StudyTable {
            let s = campaignSummary
            typealias P = CampaignSummary.Published
            var rows = StudyRows([("metric", nil), ("campaign", nil), ("paper", nil), ("unit", nil)])
            func count(_ value: Int) -> StudyCell { value > 0 ? .integer(value) : .real(nil) }
            rows.append([.text("links"), .integer(s.linkCount), .text("> \(P.linkCount)"), .text("count")])
            rows.append([.text("scenarios"), count(s.scenarioCount), .integer(P.scenarioCount), .text("count")])
            rows.append([.text("buildings"), count(s.buildingCount), .integer(P.buildingCount), .text("count")])
            rows.append([.text("censored_links"), .integer(s.censoredCount), .text(""), .text("count")])
            // Missing when no fitted link lies beyond 50 m (the excess loss is not computable).
            let averaging =
                switch s.excessLossAveraging {
                case .model: ""
                case .modelLogUniform: "_model_log_uniform"
                case .dataPoints: "_data_points"
                }
            rows.append([
                .text("excess_loss_beyond_50m" + averaging), .real(s.excessLossDB), .real(P.excessLossDB), .text("dB"),
            ])
            rows.append([.text("rms_fitting_error"), .real(s.rmsErrorDB), .real(P.rmsErrorDB), .text("dB")])
            if let gap = s.glassGapDB {
                rows.append([.text("glass_gap_low_minus_high"), .real(gap), .real(P.glassGapDB), .text("dB")])
            }
            if let spread = s.maximumSpread {
                let upTo = "up to " + CSVNumberFormat.shortestRoundTrip.format(P.maximumSpreadDB)
                rows.append([.text("max_spread_at_distance"), .real(spread.rangeDB), .text(upTo), .text("dB")])
                rows.append([.text("max_spread_window_center"), .real(spread.centerMeters), .text(""), .text("m")])
            }
            for effect in s.featureRegression?.effects ?? [] {
                rows.append([
                    .text("effect_\(effect.name)"), .real(effect.estimate),
                    .text(CampaignSummary.Published.effectText(effect.name)), .text("dB"),
                ])
            }
            rows.append([.text("synthetic"), .text(s.isSynthetic ? "true" : "false"), .text("false"), .text("")])
            return rows.table(name: "-summary")
        }

        /// Link-level bootstrap of the all-data FI fit's A and n beside the fit's own t intervals (`bootstrap`).
        public var bootstrapTable: StudyTable {
            var rows = StudyRows([
                ("parameter", nil), ("estimate", nil), ("se", nil), ("ci_lower", nil), ("ci_upper", nil),
                ("bootstrap_se", nil), ("bootstrap_ci_lower", nil), ("bootstrap_ci_upper", nil), ("unit", nil),
                ("resamples", nil),
            ])
            guard let bootstrap else { return rows.table(name: "-bootstrap") }
            for (p, interval, se, unit) in [
                (all.intercept, bootstrap.intercept, bootstrap.interceptStandardError, "dB"),
                (all.pathLossExponent, bootstrap.pathLossExponent, bootstrap.pathLossExponentStandardError, "1"),
            ] {
                rows.append([
                    .text(p.name == "n" ? "path_loss_exponent" : "intercept"), .real(p.estimate),
                    .real(p.standardError),
                    .real(p.confidenceInterval.lower), .real(p.confidenceInterval.upper), .real(se),
                    .real(interval.lower), .real(interval.upper), .text(unit), .integer(bootstrap.successfulResamples),
                ])
            }
            return rows.table(name: "-bootstrap")
        }

        /// Sorted residuals of the all-data FI fit and their ECDF levels (`residual-ecdf`).
        public var residualTable: StudyTable {
            let residuals = all.residualsDB.sorted()
            return StudyTable(
                name: "-residual-ecdf",
                columns: [
                    StudyColumn("residual", unit: "db", residuals),
                    StudyColumn("ecdf", PathLossStudyText.ecdfLevels(residuals.count)),
                ])
        }

        /// Data, fits, free space and the standard models against distance (`path-gain`).
        public var pathGainPlot: StudyPlot {
            let campaign = configuration.campaign
            var plot = StudyPlot(
                name: "-path-gain",
                title: "28 GHz outdoor-to-indoor path gain (\(PathLossStudyText.provenance(campaign)))",
                xLabel: "TX–RX distance [m]", yLabel: "Path gain [dB]", xScale: .log10, heightPixels: 540)
            let used = campaign.uncensoredLinks
            if configuration.groupBy == .glassType {
                for glass in GlassType.allCases {
                    let links = used.filter { $0.glassType == glass }
                    if !links.isEmpty {
                        plot.series.append(
                            StudySeries(
                                "data \(glass.rawValue)",
                                .scatter(x: links.map(\.distanceMeters), y: links.map(\.pathGainDB))))
                    }
                }
            } else {
                plot.series.append(
                    StudySeries("data", .scatter(x: used.map(\.distanceMeters), y: used.map(\.pathGainDB))))
            }
            let grid = PathLossStudyText.logGrid(
                all.distanceRangeMeters.lowerBound, all.distanceRangeMeters.upperBound, count: 60)
            plot.series.append(
                StudySeries(
                    "free space",
                    .line(
                        x: grid,
                        y: grid.map { FreeSpacePathLoss.exact.gainDB(distanceMeters: $0, frequency: all.frequency) })))
            plot.series.append(
                StudySeries(
                    "FI all data (n = \(PathLossStudyText.fixed(all.pathLossExponent.estimate)), σ = \(PathLossStudyText.fixed(all.rmsErrorDB)) dB)",
                    .line(x: grid, y: grid.map { all.pathGainDB(distanceMeters: $0) })))
            plot.series.append(
                StudySeries(
                    "FI mean line, \(Int((all.intercept.confidenceInterval.confidenceLevel * 100).rounded())) % band",
                    .band(
                        x: grid,
                        lower: grid.map {
                            all.pathGainDB(distanceMeters: $0) - all.meanLineHalfWidthDB(distanceMeters: $0)
                        },
                        upper: grid.map {
                            all.pathGainDB(distanceMeters: $0) + all.meanLineHalfWidthDB(distanceMeters: $0)
                        })))
            for entry in groups?.entries ?? [] {
                let g = PathLossStudyText.logGrid(
                    entry.fit.distanceRangeMeters.lowerBound, entry.fit.distanceRangeMeters.upperBound, count: 40)
                plot.series.append(
                    StudySeries("FI \(entry.group)", .line(x: g, y: g.map { entry.fit.pathGainDB(distanceMeters: $0) }))
                )
            }
            // Standard models on a street-floor-2 UE (h_UT = 4.5 m), NLOS, per glass type.
            for glass in GlassType.allCases {
                let links = grid.map {
                    PathLossLink(distanceMeters: $0, pathGainDB: 0, glassType: glass, floor: 2, lineOfSight: false)
                }
                let o2i = links.map { StandardModelComparison.threeGPPGainDB($0, comparisonOptions) }
                let valid = zip(grid, o2i).compactMap { d, v in v.map { (d, $0) } }
                if !valid.isEmpty {
                    plot.series.append(
                        StudySeries(
                            "TR 38.901 O2I \(glass.rawValue) (UMi NLOS, mean)",
                            .line(x: valid.map(\.0), y: valid.map(\.1))))
                }
                let p2109 = links.compactMap { StandardModelComparison.p2109GainDB($0, comparisonOptions) }
                if p2109.count == grid.count {
                    plot.series.append(
                        StudySeries("P.2109 median \(BuildingEntryLossP2109(glass).rawValue)", .line(x: grid, y: p2109))
                    )
                }
            }
            return plot
        }

        /// ECDF of the residuals, all data and each group's own fit (`residual-ecdf`).
        public var residualPlot: StudyPlot {
            var plot = StudyPlot(
                name: "-residual-ecdf",
                title: "Residuals of the all-data FI fit (\(PathLossStudyText.provenance(configuration.campaign)))",
                xLabel: "Residual [dB]", yLabel: "Empirical CDF")
            let residuals = all.residualsDB.sorted()
            plot.series.append(
                StudySeries(
                    "all data, RMSE \(PathLossStudyText.fixed(all.rmsErrorDB)) dB",
                    .step(x: residuals, y: PathLossStudyText.ecdfLevels(residuals.count))))
            for entry in groups?.entries ?? [] {
                let r = entry.fit.residualsDB.sorted()
                plot.series.append(
                    StudySeries("\(entry.group) own fit", .step(x: r, y: PathLossStudyText.ecdfLevels(r.count))))
            }
            return plot
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Fits everything; `seed` drives only the link bootstrap (when asked for).
    /// - Throws: `PathLossError` for a campaign the FI, CI or summary fits cannot use.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        let campaign = c.campaign
        let weighting: FitWeighting = c.binWidthDecades > 0 ? .distanceBins(widthDecades: c.binWidthDecades) : .none
        let d0 = c.referenceDistanceMeters
        let level = c.confidenceLevel
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
        // A grouping column no link has is the caller's error; a group too small to fit leaves the groups out.
        if let grouping = c.groupBy, !grouping.isPresent(in: campaign) {
            throw PathLossError.missingGroupingColumn(name: grouping.rawValue, file: campaign.source)
        }
        let groups = c.groupBy.flatMap {
            try? GroupFits(
                campaign: campaign, groupBy: $0, referenceDistanceMeters: d0, confidenceLevel: level,
                weighting: weighting)
        }
        let tobit =
            c.censoredML
            ? try CensoredFit(campaign: campaign, referenceDistanceMeters: d0, confidenceLevel: level) : nil
        var options = StandardModelComparison.Options()
        options.irrRelease = c.irrRelease
        var fits: [any PathGainModel] = [all, ci]
        if let dual { fits.append(dual) }
        let comparison = StandardModelComparison(campaign: campaign, fits: fits, options: options)
        let summary = try CampaignSummary(
            campaign: campaign, referenceDistanceMeters: d0, excessLossAveraging: c.excessLossAveraging)
        let bootstrap =
            c.bootstrapResamples > 0
            ? try LinkBootstrap(
                distancesMeters: used.map(\.distanceMeters), pathGainsDB: used.map(\.pathGainDB),
                referenceDistanceMeters: d0, resamples: c.bootstrapResamples, seed: seed, confidenceLevel: level)
            : nil
        return Result(
            configuration: c, all: all, closeIn: ci, dualSlope: dual, groups: groups, censored: tobit,
            comparison: comparison, campaignSummary: summary, bootstrap: bootstrap, comparisonOptions: options)
    }
}

extension PathLossFitStudy.Configuration {
    /// The settings a run records beside its outputs: `group_by` (`none` for one group),
    /// `reference_distance_m`, `confidence_level`, `bin_weighting_decades` and `irr_release`;
    /// `excess_loss_averaging` and `bootstrap` only when they differ from their defaults (`model`, 0), so that
    /// the record of a default run stays as it was before they existed.
    public var recordedParameters: [String: String] {
        var parameters = [
            "group_by": groupBy?.rawValue ?? "none", "reference_distance_m": String(referenceDistanceMeters),
            "confidence_level": String(confidenceLevel), "bin_weighting_decades": String(binWidthDecades),
            "irr_release": irrRelease.rawValue,
        ]
        if excessLossAveraging != .model { parameters["excess_loss_averaging"] = excessLossAveraging.rawValue }
        if bootstrapResamples > 0 { parameters["bootstrap"] = String(bootstrapResamples) }
        return parameters
    }
}
