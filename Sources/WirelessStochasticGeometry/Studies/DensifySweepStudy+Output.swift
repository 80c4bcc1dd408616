import Foundation
import WirelessCore
import WirelessIO

/// The sweep's computed values and how they become its table, figures and summary.
struct SweepValues {
    let configuration: DensifySweepStudy.Configuration
    let thresholds: [Double]
    let coverage: [[AnalyticCell]]
    let rate: [AnalyticCell]
    /// The analytic values of the drawn curves, on their own (finer) density grid.
    let curves: Curves
    let simulation: MonteCarloResult?
    let regime: Regime
    let kappa: Double
    let peaks: [DensifySweepStudy.PeakDensity]

    /// Analytic coverage and rate on the curve grid.
    struct Curves {
        let densities: [Double]
        let coverage: [[AnalyticCell]]
        let rate: [AnalyticCell]
    }

    var densities: [Double] { configuration.densities }
    var area: String { configuration.densityUnit.area }
    var thresholdsDB: [Double] { configuration.thresholdsDB }
    var number: CSVNumberFormat { .shortestRoundTrip }

    /// The thresholds a metric has rows for: all for coverage and coverage density, the first otherwise.
    func thresholdIndices(_ metric: DensifyMetric) -> [Int] {
        metric.isPerThreshold ? Array(thresholds.indices) : [0]
    }

    /// The analytic cell, Monte-Carlo estimate and unit of `metric` at density index i, threshold index j.
    func entry(_ metric: DensifyMetric, _ i: Int, _ j: Int) -> (AnalyticCell, MCEstimate?, String) {
        let lambda = densities[i]
        let unit = configuration.rateUnit
        switch metric {
        case .coverage: return (coverage[i][j], simulation?.coverage[i][j], "probability")
        // D_c and ASE are per area of the output unit, so Monte-Carlo's λ·P̂_c and λ·R̂ use the table's λ (the
        // same products as `MonteCarloResult.coverageDensity` and `.areaSpectralEfficiency` in model units).
        case .coverageDensity:
            return (coverage[i][j].scaled(lambda), simulation?.coverage[i][j].scaled(by: lambda), "links/\(area)")
        case .rate: return (rate[i].scaled(unit.scale), simulation?.rate[i].scaled(by: unit.scale), unit.symbol)
        case .ase:
            return (
                rate[i].scaled(unit.scale * lambda), simulation?.rate[i].scaled(by: lambda).scaled(by: unit.scale),
                unit.symbol + "/\(area)"
            )
        }
    }

    /// The analytic cell of `metric` on the curve grid at density index i, threshold index j.
    func curveCell(_ metric: DensifyMetric, _ i: Int, _ j: Int) -> AnalyticCell {
        let lambda = curves.densities[i]
        let scale = configuration.rateUnit.scale
        switch metric {
        case .coverage: return curves.coverage[i][j]
        case .coverageDensity: return curves.coverage[i][j].scaled(lambda)
        case .rate: return curves.rate[i].scaled(scale)
        case .ase: return curves.rate[i].scaled(scale * lambda)
        }
    }

    func table() -> StudyTable {
        var rows = StudyRows(DensifySimulation.layout(configuration.densityUnit))
        for metric in configuration.metrics {
            for j in thresholdIndices(metric) {
                for i in densities.indices {
                    let (cell, estimate, unit) = entry(metric, i, j)
                    rows.append(
                        [
                            .real(densities[i]), .real(metric.isPerThreshold ? thresholdsDB[j] : nil),
                            .text(metric.rawValue), .text(unit),
                        ] + cell.tableCells + DensifySimulation.cells(estimate) + [
                            .real(simulation?.tailShare[i]), .text(cell.reasonText),
                        ])
                }
            }
        }
        for (j, peak) in peaks.enumerated() {
            rows.append(
                [.real(peak.density), .real(thresholdsDB[j]), .text("peak-density"), .text("probability")]
                    + peak.coverage.tableCells + DensifySimulation.cells(nil) + [
                        .real(nil), .text(peak.coverage.reasonText),
                    ])
        }
        return rows.table()
    }

    func plots() throws(DensificationError) -> [StudyPlot] {
        let model = configuration.scenario.phrase
        var plots: [StudyPlot] = []
        for metric in configuration.metrics {
            var series: [StudySeries] = []
            for j in thresholdIndices(metric) {
                let label = metric.isPerThreshold ? "T = \(number.format(thresholdsDB[j])) dB" : ""
                var xs: [Double] = []
                var ys: [Double] = []
                for i in curves.densities.indices {
                    if let y = curveCell(metric, i, j).plottable {
                        xs.append(curves.densities[i])
                        ys.append(y)
                    }
                }
                let estimates = densities.indices.compactMap { entry(metric, $0, j).1 }
                let colour = series.count
                if !xs.isEmpty {
                    series.append(
                        StudySeries(
                            label.isEmpty ? "analytic" : "analytic, \(label)", .line(x: xs, y: ys), lineStyle: .solid))
                }
                if metric.isPerThreshold,
                    let asymptote = try decayAsymptote(
                        on: curves.densities, threshold: thresholds[j], perDensity: metric == .coverageDensity)
                {
                    series.append(
                        StudySeries(
                            "decay asymptote ∝ λ^\(String(format: "%.3g", asymptote.slope))"
                                + (label.isEmpty ? "" : ", \(label)"),
                            .line(x: asymptote.x, y: asymptote.y), lineStyle: .dashed, colorIndex: colour))
                }
                let keep = estimates.indices.filter { !metric.usesLogAxis || estimates[$0].ciLow > 0 }
                if !keep.isEmpty {
                    series.append(.monteCarlo(label, x: keep.map { densities[$0] }, keep.map { estimates[$0] }))
                }
            }
            plots.append(
                StudyPlot(
                    name: "-" + metric.rawValue, title: "\(metric.title) vs BS density (\(model))",
                    xLabel: "BS density λ [per \(area)]", yLabel: metric.axisLabel(configuration.rateUnit, area: area),
                    xScale: .log10, yScale: metric.usesLogAxis ? .log10 : .linear, series: series))
        }
        return plots
    }

    /// The decay asymptote of coverage (and coverage density) on the table grid, with its unit and
    /// log–log slope; nil outside the decay regime or without either metric.
    func asymptoteTable() throws(DensificationError) -> StudyTable? {
        var rows = StudyRows([
            ("lambda", configuration.densityUnit.headerSuffix), ("threshold", "db"), ("metric", nil), ("unit", nil),
            ("asymptote", nil), ("slope", nil),
        ])
        for metric in configuration.metrics where metric.isPerThreshold {
            for j in thresholds.indices {
                guard
                    let asymptote = try decayAsymptote(
                        on: densities, threshold: thresholds[j], perDensity: metric == .coverageDensity)
                else { continue }
                let unit = entry(metric, 0, j).2
                for (x, y) in zip(asymptote.x, asymptote.y) {
                    rows.append([
                        .real(x), .real(thresholdsDB[j]), .text(metric.rawValue), .text(unit), .real(y),
                        .real(asymptote.slope),
                    ])
                }
            }
        }
        return rows.count == 0 ? nil : rows.table(name: "-asymptote")
    }

    /// The dashed decay asymptote (docs/DENSIFICATION.md#regimes)
    ///
    ///     P_c ~ π E[H^{2/α0}] (T m_g)^{−2/α0} λ^{1−2/α0}      (× λ for D_c)
    ///
    /// on the densities where the coverage asymptote is in (0, 1]; nil outside the geometric decay regime
    /// (0 < α0 < 2, κ = 2/α0) and at T = 0.
    func decayAsymptote(on densities: [Double], threshold: Double, perDensity: Bool) throws(DensificationError)
        -> (x: [Double], y: [Double], slope: Double)?
    {
        let scenario = configuration.scenario
        guard case .decay(let coverageSlope, _, let densitySlope, _) = regime,
            kappa == 2 / scenario.pathGain.nearFieldExponent, threshold > 0
        else { return nil }
        var x: [Double] = []
        var y: [Double] = []
        for lambda in densities {
            let v = try DensificationAsymptotics.decayCoverageAsymptote(
                density: lambda * configuration.densityUnit.toModel, threshold: threshold, pathGain: scenario.pathGain,
                fading: scenario.fading)
            guard v.isFinite, v > 0, v <= 1 else { continue }
            x.append(lambda)
            y.append(perDensity ? v * lambda : v)
        }
        return x.isEmpty ? nil : (x, y, perDensity ? densitySlope : coverageSlope)
    }

    /// The one-line stderr summary: counts, regime, slopes and peak density with three or four significant
    /// digits and their units (`SummaryText`); the table keeps full precision.
    func summary() -> String {
        let n = { (value: Double) in SummaryText.number(value, digits: 3) }
        var summary =
            "densify sweep: \(densities.count) densities × \(thresholds.count) thresholds"
            + (simulation.map { ", \($0.drops) MC drops" } ?? "")
            + "; regime \(regime.name), κ = \(n(kappa))"
        if case .decay(let c, let r, let d, let a) = regime {
            summary += ", slopes P_c \(n(c)), R \(n(r)), D_c \(n(d)), ASE \(n(a))"
        }
        if let peak = peaks.first, let density = peak.density, let coverage = peak.coverage.value {
            let threshold = SummaryText.quantity(thresholdsDB[0], "dB", decimals: 1)
            summary +=
                ", peak density \(SummaryText.number(density)) per \(area) (P_c \(n(coverage.value)) at T = \(threshold))"
        }
        if let simulation, let worst = simulation.tailShare.max(), worst > 0.01 {
            summary += "; warning: MC tail share up to \(SummaryText.quantity(100 * worst, "%", digits: 2)) (> 1 %)"
        }
        if let simulation, let last = simulation.servedAtLastFraction.max(), last > 1e-4 {
            summary += "; warning: \(SummaryText.quantity(100 * last, "%", digits: 2)) of drops served by the K-th BS"
        }
        return summary
    }

    func metadata() -> [String: String] {
        guard !peaks.isEmpty else { return [:] }
        return [
            "peak_density": peaks.map { $0.density.map(number.format) ?? "" }.joined(separator: ","),
            "peak_density_coverage": peaks.map { $0.coverage.value.map { number.format($0.value) } ?? "" }
                .joined(separator: ","),
        ]
    }
}
