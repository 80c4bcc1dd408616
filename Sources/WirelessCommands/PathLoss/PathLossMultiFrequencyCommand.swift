import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessPathLoss

/// `wtk pathloss multifrequency`: the ABG and CIF fits of a campaign measured at two or more
/// frequencies (the single-frequency fits of `pathloss fit` refuse such data).
public struct PathLossMultiFrequencyCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "multifrequency",
        abstract: "Fit the multi-frequency ABG and CIF path-loss models to a campaign at two or more frequencies.",
        discussion: """
            ABG: PL(f, d) = 10·α·log10(d) + β + 10·γ·log10(f/1 GHz) [dB], by ordinary least squares. \
            CIF: PL(f, d) = FSPL(f, 1 m) + 10·n·(1 + b·(f − f0)/f0)·log10(d) [dB], with f0 the mean \
            frequency of the links. Censored links are left out. Writes <name>-models.csv (each \
            parameter with its standard error and confidence interval), <name>-rmse.csv (RMSE of each \
            model per frequency and overall) and <name>-path-gain.svg (the links and both models at \
            every frequency). --input is required: the bundled replica has links at one frequency \
            (28 GHz); a campaign with fewer than two distinct frequencies is refused as a usage error (exit 64).
            """)

    @Option(
        help: ArgumentHelp(
            "Campaign CSV with links at two or more distinct frequencies (distance_m, frequency_ghz, path_gain_db or path_loss_db). Required.",
            valueName: "csv"))
    var input: String

    @Flag(
        name: .customLong("drop-invalid-rows"),
        help: "Drop rows with non-finite values or non-positive distances instead of failing.")
    var dropInvalidRows = false

    @Option(
        name: .customLong("confidence-level"), parsing: .unconditional,
        help: "Confidence level of the intervals, in (0, 1).")
    var confidenceLevel: Double = 0.95

    @OptionGroup var output: NamedOutputOptions<PathLossMultiFrequencyCommand>

    public init() {}

    public func validate() throws {
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw ValidationError("--confidence-level must be in (0, 1).")
        }
    }

    public func execute() throws {
        let context = OutputContext(
            options: output, parameters: ["input": input, "confidence_level": String(confidenceLevel)])
        let campaign = try CampaignCSV.read(path: input, options: .init(dropInvalidRows: dropInvalidRows))
        let frequencies = Set(campaign.links.map(\.frequencyGHz)).sorted()
        guard frequencies.count >= 2 else {
            let found = frequencies.map { SummaryText.number($0) + " GHz" }.joined()
            throw ValidationError(
                "--input \(input): links at \(frequencies.isEmpty ? "no frequency" : "one frequency (\(found))"); multifrequency needs a campaign with links at two or more distinct frequencies (column frequency_ghz)."
            )
        }
        var configuration = PathLossMultiFrequencyStudy.Configuration(campaign: campaign)
        configuration.confidenceLevel = confidenceLevel
        // Both fits before any output: a data error leaves nothing behind.
        try context.write(
            PathLossMultiFrequencyStudy(configuration).run(progress: context.studyProgress), name: output.name)
    }
}
