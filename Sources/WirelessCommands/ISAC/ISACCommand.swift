import ArgumentParser

/// `wtk isac`: PLAIN tensor ISAC parameter estimation with baselines and bounds (Tahir, Svoboda, Rupp 2025).
public struct ISACCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "isac",
        abstract: "PLAIN tensor ISAC estimation (angle, distance, velocity) with baselines and Cramér–Rao bounds.",
        discussion: """
            The channel is one OFDM snapshot H[r, k, l] (antennas × subcarriers × symbols). Defaults run the \
            paper's scenario: 26 GHz, 16 × 180 × 560, six paths at 30…150°, 44…400 m, 0…25 km/h, PLAIN with \
            Averaging [1, 4, 14], root-MUSIC, FBA, AIC and TensorOMP. Angles are measured from the array axis \
            (broadside 90°); distances are one-way path lengths unless --range-mapping monostatic.
            """,
        subcommands: [
            ISACSimulateCommand.self, ISACEstimateCommand.self, ISACSweepCommand.self, ISACBenchCommand.self,
        ])

    public init() {}
}
