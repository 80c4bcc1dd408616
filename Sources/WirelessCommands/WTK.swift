import ArgumentParser

/// The `wtk` command tree.
public struct WTK: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wtk",
        abstract: "WirelessToolkit: wireless network analysis that writes CSV and SVG.",
        discussion: """
            Each subcommand writes its tables (CSV, or JSON with --format json) and SVG plots into \
            --out-dir, with a <name>.meta.json sidecar recording the command line, version, git \
            revision, seed and parameters. Files are written atomically. Stochastic commands take \
            --seed; the same seed gives byte-identical CSV and SVG.

            Exit codes: 0 success, 64 bad usage or parameter out of range, 65 bad input data, \
            74 a file could not be read or written.
            """,
        subcommands: [
            PSDCommand.self,
            PathLossCommand.self,
            ISACCommand.self,
            DensifyCommand.self,
            SpectrumCommand.self,
            FiguresCommand.self,
        ])

    public init() {}
}
