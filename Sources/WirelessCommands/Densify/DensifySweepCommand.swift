import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessStochasticGeometry

/// `wtk densify sweep`: coverage, rate, coverage density and ASE versus log-spaced density
/// (docs/DENSIFICATION.md#command-line-sweeps).
public struct DensifySweepCommand: WTKCommand {
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
            n_max 1e6), off, or drops:N.
            """)

    @OptionGroup var model: DensifyModelOptions

    @Option(name: .customLong("threshold-db"), parsing: .unconditional, help: "SINR thresholds [dB], comma-separated, finite.")
    var thresholdDB: String = "0"

    @Option(name: .customLong("lambda-min"), parsing: .unconditional, help: "Smallest density [per unit area], > 0.")
    var lambdaMin: Double = 1e-2

    @Option(name: .customLong("lambda-max"), parsing: .unconditional, help: "Largest density [per unit area], ≥ --lambda-min.")
    var lambdaMax: Double = 1e3

    @Option(
        name: .customLong("per-decade"), parsing: .unconditional,
        help: "Densities per decade (log-spaced, endpoints included), ≥ 1; the grid has at most 10000 points.")
    var perDecade: Int = 2

    @Option(help: "Metrics: comma-separated subset of coverage,rate,coverage-density,ase.")
    var metrics: String = "coverage,rate,coverage-density,ase"

    @Option(help: "Monte-Carlo: auto (10⁴…10⁶ drops) | off | drops:N (N in 1…10⁸).")
    var mc: String = "drops:2000"

    @Option(name: .customLong("rate-unit"), help: "Rate unit: nats or bits.")
    var rateUnit: String = "nats"

    @Option(help: "Base name of the output files.")
    var name: String = "densify-sweep"

    @OptionGroup var seedOptions: SeedOptions
    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        try OutputOptions.validateFileName(name)
        _ = try DensifyModelOptions.monteCarloConfiguration(mc, seed: 0)  // --mc drops:N range, before any work
    }

    func densityGrid() throws -> [Double] {
        guard lambdaMin.isFinite, lambdaMin > 0 else { throw DensificationError.invalidDensity(value: lambdaMin) }
        guard lambdaMax.isFinite, lambdaMax >= lambdaMin else {
            throw DensificationError.invalidSweep(reason: "--lambda-max < --lambda-min")
        }
        guard perDecade >= 1 else { throw DensificationError.invalidSweep(reason: "--per-decade must be ≥ 1") }
        let decades = log10(lambdaMax) - log10(lambdaMin)
        if decades == 0 { return [lambdaMin] }
        let points = (decades * Double(perDecade)).rounded(.up)
        guard points.isFinite, points < Double(DensifyModelOptions.maximumGridPoints) else {
            throw DensificationError.invalidSweep(
                reason: "the density grid would have more than \(DensifyModelOptions.maximumGridPoints) points")
        }
        let count = max(1, Int(points))
        let start = log10(lambdaMin)
        return (0...count).map { i in
            i == 0 ? lambdaMin : i == count ? lambdaMax : pow(10, start + decades * Double(i) / Double(count))
        }
    }

    public func execute() throws {
        let scenario = try model.scenario()
        let densities = try densityGrid()
        let thresholdsDB = try DensifyModelOptions.list(thresholdDB, "threshold-db")
        try OptionRange.checkListLength(
            thresholdsDB.count, "--threshold-db", maximum: DensifyModelOptions.maximumGridPoints)
        let thresholds = try DensifyModelOptions.linearThresholds(fromDB: thresholdsDB)
        let chosen = metrics.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
        let known = ["coverage", "rate", "coverage-density", "ase"]
        for m in chosen where !known.contains(m) { throw ValidationError("unknown metric '\(m)'") }
        guard rateUnit == "nats" || rateUnit == "bits" else {
            throw ValidationError("--rate-unit must be nats or bits")
        }
        let rateScale = rateUnit == "bits" ? 1 / M_LN2 : 1.0
        let monteCarlo = try DensifyModelOptions.monteCarloConfiguration(mc, seed: seedOptions.seed)
        DensifyModelOptions.announce(monteCarlo, densities: densities.count, label: "densify sweep", quiet: output.quiet)
        let simulation = try monteCarlo.map {
            try DensificationSimulator(scenario: scenario, configuration: $0).run(densities: densities, thresholds: thresholds)
        }

        let alpha0 = scenario.pathGain.nearFieldExponent
        let kappa = try DensificationAsymptotics.tailIndex(alpha0: alpha0, fadingTailIndex: scenario.fading.tailIndex)
        let regime = try DensificationAsymptotics.classifyRegime(
            alpha0: alpha0, fadingTailIndex: scenario.fading.tailIndex)
        let number = CSVNumberFormat.shortestRoundTrip
        var rows: [[String]] = []
        var curves: [String: [(label: String, x: [Double], y: [Double], mc: [MCEstimate])]] = [:]
        let rateUnitName = rateUnit == "bits" ? "bit/s/Hz" : "nat/s/Hz"
        let rates: [DensifyAnalyticCell] =
            chosen.contains("rate") || chosen.contains("ase")
            ? densities.map { l in DensifyAnalyticCell.evaluate { try scenario.meanRate(density: l) } }
            : densities.map { _ in DensifyAnalyticCell(value: nil, reason: "") }
        for metric in chosen {
            let perThreshold = metric == "coverage" || metric == "coverage-density"
            let tIndices = perThreshold ? Array(thresholds.indices) : [0]
            for j in tIndices {
                var xs: [Double] = []
                var ys: [Double] = []
                var estimates: [MCEstimate] = []
                for (i, lambda) in densities.enumerated() {
                    var value = DensifyAnalyticCell(value: nil, reason: "")
                    var estimate: MCEstimate?
                    var unit = ""
                    switch metric {
                    case "coverage":
                        value = DensifyAnalyticCell.evaluate {
                            try scenario.coverage(density: lambda, threshold: thresholds[j])
                        }
                        estimate = simulation?.coverage[i][j]
                        unit = "probability"
                    case "coverage-density":
                        value = DensifyAnalyticCell.evaluate {
                            try scenario.coverage(density: lambda, threshold: thresholds[j])
                        }.scaled(lambda)
                        estimate = simulation?.coverageDensity[i][j]
                        unit = "links/unit area"
                    case "rate":
                        value = rates[i].scaled(rateScale)
                        estimate = simulation?.rate[i].scaledForOutput(rateScale)
                        unit = rateUnitName
                    default:
                        value = rates[i].scaled(rateScale * lambda)
                        estimate = simulation?.areaSpectralEfficiency[i].scaledForOutput(rateScale)
                        unit = rateUnitName + "/unit area"
                    }
                    if let y = value.plottable {
                        xs.append(lambda)
                        ys.append(y)
                    }
                    if let estimate { estimates.append(estimate) }
                    rows.append([
                        number.format(lambda), perThreshold ? number.format(thresholdsDB[j]) : "", metric, unit,
                    ] + value.leadingColumns(number) + [
                        estimate.map { number.format($0.mean) } ?? "", estimate.map { number.format($0.ciLow) } ?? "",
                        estimate.map { number.format($0.ciHigh) } ?? "", estimate.map { String($0.n) } ?? "",
                        estimate.map { $0.converged ? "1" : "0" } ?? "",
                        simulation.map { number.format($0.tailShare[i]) } ?? "", value.reasonColumn,
                    ])
                }
                let label = perThreshold ? "T = \(number.format(thresholdsDB[j])) dB" : metric
                curves[metric, default: []].append((label, xs, ys, estimates))
            }
        }
        let peaks = peakDensityRows(scenario: scenario, densities: densities, thresholds: thresholds)
        for (j, peak) in peaks.enumerated() {
            let cell = peak.cell
            rows.append(
                [
                    peak.density.map { number.format($0) } ?? "", number.format(thresholdsDB[j]), "peak-density",
                    "probability",
                ] + cell.leadingColumns(number) + ["", "", "", "", "", "", cell.reasonColumn])
        }
        var peakParameters: [String: String] = [:]
        if !peaks.isEmpty {
            peakParameters["peak_density"] = peaks.map { $0.density.map { number.format($0) } ?? "" }
                .joined(separator: ",")
            peakParameters["peak_density_coverage"] = peaks.map {
                $0.cell.value.map { number.format($0.value) } ?? ""
            }.joined(separator: ",")
        }
        let context = OutputContext(
            options: output, seed: seedOptions.seed,
            parameters: model.parameters.merging(peakParameters) { a, _ in a }.merging([
                "threshold_db": thresholdDB, "lambda_min": String(lambdaMin), "lambda_max": String(lambdaMax),
                "per_decade": String(perDecade), "metrics": metrics, "mc": mc, "rate_unit": rateUnit,
            ]) { a, _ in a })
        try context.write(
            CSVTable(
                header: [
                    "lambda", "threshold_db", "metric", "unit", "analytic", "analytic_method", "analytic_abs_err", "mc",
                    "mc_ci95_lo", "mc_ci95_hi", "mc_drops", "converged", "tail_share", "analytic_reason",
                ], rows: rows), name: name)
        for metric in chosen {
            let logY = metric == "coverage-density" || metric == "ase"
            var plot = Plot(
                title: "\(metric) vs density (\(model.association), exponents \(model.exponents))",
                xLabel: "BS density λ [per unit area]", yLabel: metric, xAxis: .log10, yAxis: logY ? .log10 : .linear)
            for (j, curve) in (curves[metric] ?? []).enumerated() {
                if !curve.x.isEmpty {
                    plot.add(
                        try .line(
                            "analytic \(curve.label)", x: curve.x, y: curve.y,
                            style: PlotSeriesStyle(lineStyle: .solid)))
                }
                if metric == "coverage" || metric == "coverage-density",
                    let asymptote = decayAsymptote(
                        scenario: scenario, regime: regime, kappa: kappa, densities: densities,
                        threshold: thresholds[j], perDensity: metric == "coverage-density")
                {
                    plot.add(
                        try .line(
                            "asymptote \(curve.label) ∝ λ^\(String(format: "%.3g", asymptote.slope))",
                            x: asymptote.x, y: asymptote.y,
                            style: PlotSeriesStyle(
                                color: PlotColor(rgb: 0x555555), lineStyle: .dashed, lineWidthPixels: 1.2)))
                }
                if let simulation, !curve.mc.isEmpty {
                    let keep = curve.mc.indices.filter { !logY || curve.mc[$0].ciLow > 0 }
                    if !keep.isEmpty {
                        plot.add(
                            try .errorBars(
                                "MC \(curve.label) (95 %)", x: keep.map { simulation.densities[$0] },
                                y: keep.map { curve.mc[$0].mean },
                                lower: keep.map { curve.mc[$0].ciLow }, upper: keep.map { curve.mc[$0].ciHigh }))
                    }
                }
            }
            try context.writeSVG(plot.svg(), name: "\(name)-\(metric)")
        }
        let n = { (value: Double) in SummaryText.number(value, digits: 3) }
        var summary = "regime \(regime.name), κ = \(n(kappa))"
        if case .decay(let c, let r, let d, let a) = regime {
            summary += ", slopes P_c \(n(c)), R \(n(r)), D_c \(n(d)), ASE \(n(a))"
        }
        if let peak = peaks.first, let density = peak.density, let coverage = peak.cell.value {
            summary +=
                ", peakDensity \(n(density)) per unit area (P_c \(n(coverage.value)) at T = \(SummaryText.quantity(thresholdsDB[0], "dB", decimals: 1)))"
        }
        if let simulation, let worst = simulation.tailShare.max(), worst > 0.01 {
            summary += "; warning: MC tail share up to \(SummaryText.quantity(100 * worst, "%", digits: 2)) (> 1 %)"
        }
        if let simulation, let last = simulation.servedAtLastFraction.max(), last > 1e-4 {
            summary += "; warning: \(SummaryText.quantity(100 * last, "%", digits: 2)) of drops served by the K-th BS"
        }
        context.note(
            "sweep: \(densities.count) densities × \(thresholds.count) thresholds"
                + (simulation.map { ", \($0.drops) MC drops" } ?? "")
                + "; \(summary); wrote \(name).csv and \(chosen.count) SVG")
    }
}

extension DensifySweepCommand {
    /// The noise-limited peak density λ* = argmax P_c(λ, T) on [λ_min, λ_max], one per threshold (empty without
    /// noise or with a single density): λ* and a cell holding P_c(λ*), or no λ* and the reason.
    func peakDensityRows(scenario: DensificationScenario, densities: [Double], thresholds: [Double])
        -> [(density: Double?, cell: DensifyAnalyticCell)]
    {
        guard scenario.noise > 0, densities.count > 1 else { return [] }
        return thresholds.map { t in
            do {
                let peak = try scenario.peakDensity(
                    threshold: t, lowerDensity: densities[0], upperDensity: densities[densities.count - 1])
                let at = try scenario.coverage(density: peak.density, threshold: t)
                return (peak.density, DensifyAnalyticCell(value: at, reason: ""))
            } catch {
                return (nil, DensifyAnalyticCell(value: nil, reason: String(describing: error)))
            }
        }
    }

    /// The dashed decay asymptote (docs/DENSIFICATION.md#regimes) P_c ~ π E[H^{2/α0}] (T m_g)^{−2/α0} λ^{1−2/α0} (× λ
    /// for D_c) on the
    /// densities where it is ≤ 1 for coverage; nil outside the geometric decay regime (0 < α0 < 2, κ = 2/α0).
    func decayAsymptote(
        scenario: DensificationScenario, regime: Regime, kappa: Double, densities: [Double], threshold: Double,
        perDensity: Bool
    ) -> (x: [Double], y: [Double], slope: Double)? {
        guard case .decay(let coverageSlope, _, let densitySlope, _) = regime,
            kappa == 2 / scenario.pathGain.nearFieldExponent
        else { return nil }
        var x: [Double] = []
        var y: [Double] = []
        for lambda in densities {
            guard
                let v = try? DensificationAsymptotics.decayCoverageAsymptote(
                    density: lambda, threshold: threshold, pathGain: scenario.pathGain, fading: scenario.fading),
                v.isFinite, v > 0, v <= 1
            else { continue }
            x.append(lambda)
            y.append(perDensity ? v * lambda : v)
        }
        return x.isEmpty ? nil : (x, y, perDensity ? densitySlope : coverageSlope)
    }
}

extension MCEstimate {
    func scaledForOutput(_ factor: Double) -> MCEstimate {
        MCEstimate(mean: mean * factor, ciLow: ciLow * factor, ciHigh: ciHigh * factor, n: n, converged: converged)
    }
}
