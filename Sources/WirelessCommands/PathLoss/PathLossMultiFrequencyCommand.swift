import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss multifrequency`: the ABG and CIF fits of a campaign measured at two or more
/// frequencies (the single-frequency fits of `pathloss fit` refuse such data).
public struct PathLossMultiFrequencyCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "multifrequency",
        abstract: "Fit the multi-frequency ABG and CIF path-loss models to a campaign at two or more frequencies.",
        discussion: """
            ABG: PL(f, d) = 10·α·log10(d) + β + 10·γ·log10(f/1 GHz) [dB], by ordinary least squares. \
            CIF: PL(f, d) = FSPL(f, 1 m) + 10·n·(1 + b·(f − f0)/f0)·log10(d) [dB], with f0 the mean \
            frequency of the links. Censored links are left out. Writes <name>-models.csv (each \
            parameter with its standard error and confidence interval), <name>-rmse.csv (RMSE of each \
            model per frequency and overall) and <name>-path-gain.svg (the links and both models at \
            every frequency). The bundled 28 GHz replica has one frequency, so --input is needed.
            """)

    @OptionGroup var inputOptions: PathLossInputOptions

    @Option(name: .customLong("confidence-level"), help: "Confidence level of the intervals, in (0, 1).")
    var confidenceLevel: Double = 0.95

    @Option(help: "Base name of the output files.")
    var name: String = "pathloss-multifrequency"

    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw ValidationError("--confidence-level must be in (0, 1).")
        }
        try OutputOptions.validateFileName(name)
    }

    public func execute() throws {
        let context = OutputContext(
            options: output,
            parameters: [
                "input": inputOptions.input ?? PathLossInputOptions.bundledPath,
                "confidence_level": String(confidenceLevel),
            ])
        let campaign = try inputOptions.load(note: context.note)
        let links = campaign.uncensoredLinks
        let distances = links.map(\.distanceMeters)
        let frequencies = links.map(\.frequencyGHz)
        let gains = links.map(\.pathGainDB)
        // Both fits before any output: a data error leaves nothing behind.
        let abg = try AlphaBetaGammaFit(
            distancesMeters: distances, frequenciesGHz: frequencies, pathGainsDB: gains,
            confidenceLevel: confidenceLevel)
        let cif = try CloseInFrequencyFit(
            distancesMeters: distances, frequenciesGHz: frequencies, pathGainsDB: gains,
            confidenceLevel: confidenceLevel)

        let number = CSVNumberFormat.shortestRoundTrip
        func row(_ model: String, _ p: FittedParameter, unit: String) -> [String] {
            [
                model, p.name, number.format(p.estimate), number.format(p.standardError),
                number.format(p.confidenceInterval.lower), number.format(p.confidenceInterval.upper), unit,
            ]
        }
        let models = CSVTable(
            header: ["model", "parameter", "estimate", "standard_error", "ci_lower", "ci_upper", "unit"],
            rows: [
                row("ABG", abg.alpha, unit: "1"), row("ABG", abg.beta, unit: "dB"), row("ABG", abg.gamma, unit: "1"),
                row("CIF", cif.pathLossExponent, unit: "1"), row("CIF", cif.frequencySlope, unit: "1"),
                ["CIF", "f0", number.format(cif.referenceFrequencyGHz), "", "", "", "GHz"],
            ])

        // RMSE per frequency (ascending) and overall.
        let distinct = Array(Set(frequencies)).sorted()
        func rmse(_ model: some PathGainModel, _ indices: [Int]) -> Double {
            let sum = indices.reduce(0.0) { total, i in
                let e = gains[i] - model.pathGainDB(distanceMeters: distances[i], frequency: .gigahertz(frequencies[i]))
                return total + e * e
            }
            return (sum / Double(indices.count)).squareRoot()
        }
        var rmseRows: [[String]] = []
        for f in distinct {
            let indices = frequencies.indices.filter { frequencies[$0] == f }
            rmseRows.append([
                number.format(f), String(indices.count), number.format(rmse(abg, indices)),
                number.format(rmse(cif, indices)),
            ])
        }
        let all = Array(frequencies.indices)
        rmseRows.append(["all", String(all.count), number.format(rmse(abg, all)), number.format(rmse(cif, all))])
        let rmseTable = CSVTable(header: ["frequency_ghz", "links", "abg_rmse_db", "cif_rmse_db"], rows: rmseRows)

        var plot = Plot(
            title: "Multi-frequency path gain: ABG and CIF fits", xLabel: "3-D distance [m]", yLabel: "Path gain [dB]",
            xAxis: .log10)
        let span = (distances.min()!, distances.max()!)
        let grid = (0...60).map { span.0 * pow(span.1 / span.0, Double($0) / 60) }
        for f in distinct {
            let indices = frequencies.indices.filter { frequencies[$0] == f }
            let label = "\(PathLossFormat.fixed(f, 1)) GHz"
            plot.add(try .scatter("links \(label)", x: indices.map { distances[$0] }, y: indices.map { gains[$0] }))
            let frequency = Frequency.gigahertz(f)
            plot.add(
                try .line(
                    "ABG \(label)", x: grid, y: grid.map { abg.pathGainDB(distanceMeters: $0, frequency: frequency) }))
            plot.add(
                try .line(
                    "CIF \(label)", x: grid, y: grid.map { cif.pathGainDB(distanceMeters: $0, frequency: frequency) }))
        }
        try context.write(models, name: name + "-models")
        try context.write(rmseTable, name: name + "-rmse")
        try context.writeSVG(plot.svg(), name: name + "-path-gain")
        context.note(
            "multifrequency: \(links.count) links at \(distinct.count) frequencies; ABG α = \(PathLossFormat.fixed(abg.alpha.estimate, 3)), β = \(PathLossFormat.fixed(abg.beta.estimate)) dB, γ = \(PathLossFormat.fixed(abg.gamma.estimate, 3)), RMSE \(PathLossFormat.fixed(abg.rmsErrorDB)) dB; CIF n = \(PathLossFormat.fixed(cif.pathLossExponent.estimate, 3)), b = \(PathLossFormat.fixed(cif.frequencySlope.estimate, 4)), RMSE \(PathLossFormat.fixed(cif.rmsErrorDB)) dB"
        )
    }
}
