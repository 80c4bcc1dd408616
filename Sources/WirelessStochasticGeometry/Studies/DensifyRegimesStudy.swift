import Foundation
import WirelessCore
import WirelessIO

/// The λ → ∞ regime of each near-field exponent α0 with its predicted log–log slopes
/// (`wtk densify regimes`, docs/DENSIFICATION.md#regimes), and nearest-BS Rayleigh coverage against
/// density for a dual-slope gain with each α0 (route f; the predicted decay asymptote dashed).
///
/// Table: `alpha0`, `kappa` (empty when infinite), `regime`, `coverage_slope`, `rate_slope`,
/// `coverage_density_slope`, `ase_slope` (slopes empty outside the power-law decay regime).
///
///     let result = try DensifyRegimesStudy(.init(nearFieldExponents: [0.8, 3])).run()
///     result.classifications[0].regime   // .decay(coverageSlope: −1.5, …)
public struct DensifyRegimesStudy: Study {
    /// What to classify.
    public struct Configuration: Sendable {
        /// Near-field exponents α0 [dimensionless], each finite and ≥ 0 (at least one).
        public var nearFieldExponents: [Double]
        /// Far-field exponent α1 of the plotted dual-slope gain [dimensionless], > 2.
        public var farExponent: Double = 4
        /// Breakpoint R_1 of the plotted gain [length unit], > 0.
        public var breakpoint: Double = 1
        /// Fading tail index κ_H ∈ [0, ∞] (∞ for every built-in law).
        public var fadingTailIndex: Double = .infinity
        /// Threshold of the plotted coverage [dB], finite.
        public var thresholdDB: Double = 0
        /// Density grid of the plotted curves [per unit area]: 10⁻² to 10³, 20 points per decade.
        public var densities: [Double] = (0...100).map { pow(10, -2 + Double($0) / 20) }

        public init(nearFieldExponents: [Double]) { self.nearFieldExponents = nearFieldExponents }
    }

    /// The classification of one α0.
    public struct Classification: Sendable, Equatable {
        public var nearFieldExponent: Double
        /// κ = min(2/α0, κ_H) (∞ at α0 = 0 with a light-tailed law).
        public var tailIndex: Double
        public var regime: Regime
    }

    /// The classifications, table and figure.
    public struct Result: StudyResult {
        public let configuration: Configuration
        public let classifications: [Classification]
        public let table: StudyTable
        public let plot: StudyPlot
        public let summary: String

        public var tables: [StudyTable] { [table] }
        public var plots: [StudyPlot] { [plot] }

        /// One line per α0: κ, regime and slopes in words.
        public var lines: [String] {
            let number = CSVNumberFormat.shortestRoundTrip
            return classifications.map { c in
                var line =
                    "α0 = \(number.format(c.nearFieldExponent)): κ = \(c.tailIndex.isFinite ? number.format(c.tailIndex) : "∞"), regime \(c.regime.name)"
                if case .decay(let p, let r, let d, let a) = c.regime {
                    line +=
                        ", slopes P_c \(number.format(p)), R \(number.format(r)), D_c \(number.format(d)), ASE \(number.format(a))"
                }
                return line
            }
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Smallest coverage drawn: below it the super-polynomial curve would flatten every other one.
    static let smallestPlotted = 1e-8

    /// Classifies every α0 and computes the curves.
    /// - Throws: `DensificationError` for an invalid exponent, breakpoint, tail index or threshold, and any
    ///   numerical failure of route f.
    public func run(seed: UInt64, progress: any StudyProgress) throws(DensificationError) -> Result {
        let c = configuration
        guard !c.nearFieldExponents.isEmpty else { throw .invalidSweep(reason: "--alpha0 must not be empty") }
        guard c.thresholdDB.isFinite else { throw .invalidThreshold(value: c.thresholdDB) }
        let t = pow(10, c.thresholdDB / 10)
        let number = CSVNumberFormat.shortestRoundTrip
        var rows = StudyRows([
            ("alpha0", nil), ("kappa", nil), ("regime", nil), ("coverage_slope", nil), ("rate_slope", nil),
            ("coverage_density_slope", nil), ("ase_slope", nil),
        ])
        var classifications: [Classification] = []
        var series: [StudySeries] = []
        progress.begin("densify regimes", total: c.nearFieldExponents.count)
        for (index, a) in c.nearFieldExponents.enumerated() {
            let regime = try DensificationAsymptotics.classifyRegime(alpha0: a, fadingTailIndex: c.fadingTailIndex)
            let kappa = try DensificationAsymptotics.tailIndex(alpha0: a, fadingTailIndex: c.fadingTailIndex)
            classifications.append(Classification(nearFieldExponent: a, tailIndex: kappa, regime: regime))
            var slopes: [Double?] = [nil, nil, nil, nil]
            if case .decay(let p, let r, let d, let s) = regime { slopes = [p, r, d, s] }
            // κ = ∞ (α0 = 0 with a light-tailed law) is an empty cell: the regime column names it.
            rows.append(
                [.real(a), .real(kappa.isFinite ? kappa : nil), .text(regime.name)] + slopes.map { .real($0) })
            let g = try MultiSlopePathGain.dualSlope(
                nearExponent: a, farExponent: c.farExponent, criticalDistance: c.breakpoint)
            var xs: [Double] = []
            var ys: [Double] = []
            for lambda in c.densities {
                let v = try NearestCellCoverage.rayleigh(
                    density: lambda, threshold: t, pathGain: g, fading: .rayleigh, noise: 0)
                guard v.value.isFinite, v.absError.isFinite else {
                    throw .numericalFailure(reason: "route f at α0 = \(a), λ = \(lambda) is not finite")
                }
                if v.value > Self.smallestPlotted {
                    xs.append(lambda)
                    ys.append(v.value)
                }
            }
            if !xs.isEmpty {
                series.append(
                    StudySeries(
                        "α0 = \(number.format(a)) (\(regime.name))", .line(x: xs, y: ys), lineStyle: .solid,
                        colorIndex: index))
            }
            // The decay asymptote π Γ(1+2/α0) (T m_g)^{−2/α0} λ^{1−2/α0} (nearest, Rayleigh), where the
            // geometric tail index sets the regime and the asymptote lies in (1e-8, 1].
            if case .decay(let slope, _, _, _) = regime, kappa == 2 / a {
                var ax: [Double] = []
                var ay: [Double] = []
                for lambda in c.densities {
                    let v = try DensificationAsymptotics.decayCoverageAsymptote(
                        density: lambda, threshold: t, pathGain: g, fading: .rayleigh)
                    if v > Self.smallestPlotted && v <= 1 {
                        ax.append(lambda)
                        ay.append(v)
                    }
                }
                if !ax.isEmpty {
                    series.append(
                        StudySeries(
                            "α0 = \(number.format(a)) asymptote ∝ λ^\(String(format: "%.3g", slope))",
                            .line(x: ax, y: ay), lineStyle: .dashed, colorIndex: index))
                }
            }
            progress.advance()
        }
        let plot = StudyPlot(
            title: "Nearest-BS coverage vs density (Rayleigh, T = \(number.format(c.thresholdDB)) dB)",
            xLabel: "BS density λ [per unit area]", yLabel: "Coverage probability P_c", xScale: .log10, yScale: .log10,
            series: series)
        return Result(
            configuration: c, classifications: classifications, table: rows.table(), plot: plot,
            summary: "densify regimes: \(classifications.count) exponents")
    }
}
