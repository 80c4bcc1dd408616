import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessStochasticGeometry

/// `wtk densify regimes`: the λ → ∞ regime of each near-field exponent with its predicted slopes
/// (docs/DENSIFICATION.md#regimes).
public struct DensifyRegimesCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "regimes",
        abstract: "Classify the dense-network regime (increase / saturate / decay) and its predicted log–log slopes.",
        discussion: """
            For each α0 in --alpha0 (far-field --far-exponent, breakpoint --breakpoint) prints and writes \
            <name>.csv with κ = min(2/α0, κ_H) (empty when infinite), the regime and the slopes of P_c, R, D_c and \
            ASE; and \
            <name>.svg with nearest-BS Rayleigh coverage versus λ on log–log axes for each α0 (analytic route (f), solid; \
            the predicted decay asymptote, dashed, for 0 < α0 < 2; values below 1e-8 are not drawn).
            """)

    @Option(help: "Near-field exponents α0 to classify, comma-separated, each ≥ 0.")
    var alpha0: String = "0,0.8,1.5,2,2.5,3"

    @Option(name: .customLong("far-exponent"), parsing: .unconditional, help: "Far-field exponent α1 (> 2).")
    var farExponent: Double = 4

    @Option(parsing: .unconditional, help: "Breakpoint R_1 [length unit] (> 0).")
    var breakpoint: Double = 1

    @Option(name: .customLong("tail-index"), parsing: .unconditional, help: "Fading tail index κ_H ∈ [0, ∞] (inf for every built-in law).")
    var tailIndex: Double = .infinity

    @Option(name: .customLong("threshold-db"), parsing: .unconditional, help: "SINR threshold for the plotted coverage [dB].")
    var thresholdDB: Double = 0

    @Option(help: "Base name of the output files.")
    var name: String = "densify-regimes"

    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        try OutputOptions.validateFileName(name)
    }

    public func execute() throws {
        let alphas = try DensifyModelOptions.list(alpha0, "alpha0")
        guard !alphas.isEmpty else { throw ValidationError("--alpha0 must not be empty") }
        guard thresholdDB.isFinite else { throw DensificationError.invalidThreshold(value: thresholdDB) }
        let t = pow(10, thresholdDB / 10)
        let number = CSVNumberFormat.shortestRoundTrip
        var rows: [[String]] = []
        var plot = Plot(
            title: "Nearest-BS coverage vs density (Rayleigh, T = \(number.format(thresholdDB)) dB)",
            xLabel: "BS density λ [per unit area]", yLabel: "P_c", xAxis: .log10, yAxis: .log10)
        let densities = (0...20).map { pow(10, -2 + Double($0) * 0.25) }
        for (index, a) in alphas.enumerated() {
            let color = PlotPalette.colors[index % PlotPalette.colors.count]
            let regime = try DensificationAsymptotics.classifyRegime(alpha0: a, fadingTailIndex: tailIndex)
            let kappa = try DensificationAsymptotics.tailIndex(alpha0: a, fadingTailIndex: tailIndex)
            var slopes = ["", "", "", ""]
            if case .decay(let c, let r, let d, let s) = regime { slopes = [c, r, d, s].map { number.format($0) } }
            // κ = ∞ (α0 = 0 with a light-tailed fading law) is left empty: the regime column names it
            // (decay-superpolynomial), and no table carries "inf" text.
            rows.append([number.format(a), kappa.isFinite ? number.format(kappa) : "", regime.name] + slopes)
            let g = try MultiSlopePathGain.dualSlope(
                nearExponent: a, farExponent: farExponent, criticalDistance: breakpoint)
            var xs: [Double] = []
            var ys: [Double] = []
            for lambda in densities {
                let v = try NearestCellCoverage.rayleigh(
                    density: lambda, threshold: t, pathGain: g, fading: .rayleigh, noise: 0)
                if v.value > 1e-8 {  // below 1e-8 the super-polynomial curve would flatten every other one
                    xs.append(lambda)
                    ys.append(v.value)
                }
            }
            if !xs.isEmpty {
                plot.add(
                    try .line(
                        "α0 = \(number.format(a)) (\(regime.name))", x: xs, y: ys,
                        style: PlotSeriesStyle(color: color, lineStyle: .solid)))
            }
            // Dashed decay asymptote (docs/DENSIFICATION.md#regimes) π Γ(1+2/α0) (T m_g)^{−2/α0} λ^{1−2/α0} (nearest,
            // Rayleigh), drawn where
            // the geometric tail index sets the regime and the asymptote lies in (1e-8, 1].
            if case .decay(let slope, _, _, _) = regime, kappa == 2 / a {
                var ax: [Double] = []
                var ay: [Double] = []
                for lambda in densities {
                    let v = try DensificationAsymptotics.decayCoverageAsymptote(
                        density: lambda, threshold: t, pathGain: g, fading: .rayleigh)
                    if v > 1e-8 && v <= 1 {
                        ax.append(lambda)
                        ay.append(v)
                    }
                }
                if !ax.isEmpty {
                    plot.add(
                        try .line(
                            "α0 = \(number.format(a)) asymptote ∝ λ^\(String(format: "%.3g", slope))", x: ax, y: ay,
                            style: PlotSeriesStyle(color: color, lineStyle: .dashed)))
                }
            }
            // A summary line per exponent, on stderr like every summary (stdout stays clean for pipes).
            var line = "α0 = \(number.format(a)): κ = \(SummaryText.number(kappa, digits: 3)), regime \(regime.name)"
            if case .decay(let c, let r, let d, let s) = regime {
                let n = { (value: Double) in SummaryText.number(value, digits: 3) }
                line += ", slopes P_c \(n(c)), R \(n(r)), D_c \(n(d)), ASE \(n(s))"
            }
            ProgressReporter.note(line, quiet: output.quiet)
        }
        let context = OutputContext(
            options: output,
            parameters: [
                "alpha0": alpha0, "far_exponent": String(farExponent), "breakpoint": String(breakpoint),
                "tail_index": String(tailIndex), "threshold_db": String(thresholdDB),
            ])
        try context.write(
            CSVTable(
                header: [
                    "alpha0", "kappa", "regime", "coverage_slope", "rate_slope",
                    "coverage_density_slope", "ase_slope",
                ], rows: rows), name: name)
        try context.writeSVG(plot.svg(), name: name)
        context.note("regimes: \(rows.count) exponents; wrote \(name).csv, \(name).svg")
    }
}
