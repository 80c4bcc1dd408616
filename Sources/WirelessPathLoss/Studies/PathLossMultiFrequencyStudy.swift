import Foundation
import WirelessCore

/// The multi-frequency study of `wtk pathloss multifrequency`: the ABG and CIF fits of a campaign
/// measured at two or more frequencies, their RMSE per frequency and overall, and the fitted curves.
/// Censored links are left out.
///
///     let result = try PathLossMultiFrequencyStudy(.init(campaign: campaign)).run()
///     result.table(named: "rmse")   // frequency_ghz, links, abg_rmse_db, cif_rmse_db
public struct PathLossMultiFrequencyStudy: Study {
    /// What to fit.
    public struct Configuration: Sendable {
        /// The measurements (two or more frequencies).
        public var campaign: PathLossCampaign
        /// Confidence level of the intervals, in (0, 1).
        public var confidenceLevel: Double = 0.95

        public init(campaign: PathLossCampaign) { self.campaign = campaign }
    }

    /// The two fits.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The ABG fit.
        public let abg: AlphaBetaGammaFit
        /// The CIF fit.
        public let cif: CloseInFrequencyFit
        let distances: [Double]
        let frequencies: [Double]
        let gains: [Double]

        /// The distinct frequencies [GHz], ascending.
        public var distinctFrequenciesGHz: [Double] { Array(Set(frequencies)).sorted() }

        public var tables: [StudyTable] { [modelsTable, rmseTable] }
        public var plots: [StudyPlot] { [pathGainPlot] }

        public var summary: String {
            let f = PathLossStudyText.fixed
            return
                "multifrequency: \(distances.count) links at \(distinctFrequenciesGHz.count) frequencies; ABG α = \(f(abg.alpha.estimate, 3)), β = \(f(abg.beta.estimate, 2)) dB, γ = \(f(abg.gamma.estimate, 3)), RMSE \(f(abg.rmsErrorDB, 2)) dB; CIF n = \(f(cif.pathLossExponent.estimate, 3)), b = \(f(cif.frequencySlope.estimate, 4)), RMSE \(f(cif.rmsErrorDB, 2)) dB"
        }

        /// Each parameter with its standard error and interval (`models`), and the ABG fit's residual
        /// standard error σ = sqrt(Σe²/(N − 3)) [dB] (row `ABG, sigma`: the shadowing σ `wtk densify sweep
        /// --path-loss-model abg` reads).
        public var modelsTable: StudyTable {
            var rows = StudyRows([
                ("model", nil), ("parameter", nil), ("estimate", nil), ("standard_error", nil), ("ci_lower", nil),
                ("ci_upper", nil), ("unit", nil),
            ])
            func append(_ model: String, _ parameters: [(FittedParameter, String)]) {
                for (p, unit) in parameters {
                    rows.append([.text(model), .text(p.name)] + FittedParameter.cells(p) + [.text(unit)])
                }
            }
            append("ABG", [(abg.alpha, "1"), (abg.beta, "dB"), (abg.gamma, "1")])
            rows.append([
                .text("ABG"), .text("sigma"), .real(abg.residualStandardErrorDB), .real(nil), .real(nil), .real(nil),
                .text("dB"),
            ])
            append("CIF", [(cif.pathLossExponent, "1"), (cif.frequencySlope, "1")])
            rows.append([
                .text("CIF"), .text("f0"), .real(cif.referenceFrequencyGHz), .real(nil), .real(nil), .real(nil),
                .text("GHz"),
            ])
            return rows.table(name: "-models")
        }

        /// RMSE of each model per frequency (ascending) and over all links (`rmse`).
        public var rmseTable: StudyTable {
            var rows = StudyRows([("frequency", "ghz"), ("links", nil), ("abg_rmse", "db"), ("cif_rmse", "db")])
            for f in distinctFrequenciesGHz {
                let indices = frequencies.indices.filter { frequencies[$0] == f }
                rows.append([.real(f), .integer(indices.count), .real(rmse(abg, indices)), .real(rmse(cif, indices))])
            }
            let all = Array(frequencies.indices)
            rows.append([.text("all"), .integer(all.count), .real(rmse(abg, all)), .real(rmse(cif, all))])
            return rows.table(name: "-rmse")
        }

        func rmse(_ model: some PathGainModel, _ indices: [Int]) -> Double {
            let sum = indices.reduce(0.0) { total, i in
                let e = gains[i] - model.pathGainDB(distanceMeters: distances[i], frequency: .gigahertz(frequencies[i]))
                return total + e * e
            }
            return (sum / Double(indices.count)).squareRoot()
        }

        /// The links and both models at every frequency (`path-gain`).
        public var pathGainPlot: StudyPlot {
            var plot = StudyPlot(
                name: "-path-gain", title: "Multi-frequency path gain: ABG and CIF fits", xLabel: "3-D distance [m]",
                yLabel: "Path gain [dB]", xScale: .log10)
            let grid = PathLossStudyText.logGrid(distances.min()!, distances.max()!, count: 60)
            for f in distinctFrequenciesGHz {
                let indices = frequencies.indices.filter { frequencies[$0] == f }
                let label = "\(PathLossStudyText.fixed(f, 1)) GHz"
                let frequency = Frequency.gigahertz(f)
                plot.series.append(
                    StudySeries(
                        "links \(label)", .scatter(x: indices.map { distances[$0] }, y: indices.map { gains[$0] })))
                plot.series.append(
                    StudySeries(
                        "ABG \(label)",
                        .line(x: grid, y: grid.map { abg.pathGainDB(distanceMeters: $0, frequency: frequency) })))
                plot.series.append(
                    StudySeries(
                        "CIF \(label)",
                        .line(x: grid, y: grid.map { cif.pathGainDB(distanceMeters: $0, frequency: frequency) })))
            }
            return plot
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Fits both models (deterministic: `seed` is ignored).
    /// - Throws: `PathLossError` for a campaign at fewer than two frequencies or too few links.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let links = configuration.campaign.uncensoredLinks
        let distances = links.map(\.distanceMeters)
        let frequencies = links.map(\.frequencyGHz)
        let gains = links.map(\.pathGainDB)
        let abg = try AlphaBetaGammaFit(
            distancesMeters: distances, frequenciesGHz: frequencies, pathGainsDB: gains,
            confidenceLevel: configuration.confidenceLevel)
        let cif = try CloseInFrequencyFit(
            distancesMeters: distances, frequenciesGHz: frequencies, pathGainsDB: gains,
            confidenceLevel: configuration.confidenceLevel)
        return Result(
            configuration: configuration, abg: abg, cif: cif, distances: distances, frequencies: frequencies,
            gains: gains)
    }
}
