import ArgumentParser

/// `wtk densify`: stochastic-geometry limits of network densification (Nguyen–Kountouris, JSAC 2017).
public struct DensifyCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "densify",
        abstract:
            "Coverage, rate, coverage density and ASE of a Poisson network versus BS density (analytic + Monte-Carlo).",
        subcommands: [
            DensifySweepCommand.self, DensifyCoverageCommand.self, DensifyRegimesCommand.self, DensifyTiersCommand.self,
            DensifyBlockageCommand.self,
        ])

    public init() {}
}
