import ArgumentParser

/// `wtk spectrum`: complex-valued multi-signal spectrum segmentation (CMuSeNet, Shin & Vuran, DySPAN 2025).
public struct SpectrumCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "spectrum",
        abstract: "Complex-valued spectrum segmentation (CMuSeNet): generate data, train, evaluate, segment.",
        discussion: """
            The synthetic generator, network, loss, metrics and baselines follow the CMuSeNet \
            specification (Shin and Vuran, DySPAN 2025). Every stochastic step is seeded: the same \
            --seed regenerates the same dataset splits and trains to bit-identical weights.
            """,
        subcommands: [
            SpectrumGenerateCommand.self,
            SpectrumTrainCommand.self,
            SpectrumEvaluateCommand.self,
            SpectrumSegmentCommand.self,
        ])

    public init() {}
}
