import ArgumentParser
import WirelessIO

/// The `wtk` command tree.
public struct WTK: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wtk",
        abstract: "WirelessToolkit: wireless network analysis that writes CSV and SVG.",
        discussion: """
            Each subcommand writes its tables (CSV, or JSON with --format json) and SVG plots into \
            --out-dir, with a <name>.meta.json sidecar recording the command line, version, git \
            revision, seed and parameters. A run's files appear together when it succeeds; a failed \
            run adds nothing (spectrum train's checkpoint, rewritten every epoch for --resume, excepted). \
            --name must be a plain file name.

            Stochastic commands take --seed. The same command line and seed give byte-identical CSV, \
            JSON and SVG on the same machine type with the same library build (FFTW, OpenBLAS); on \
            another CPU type OpenBLAS may choose another kernel and change the last digits of \
            BLAS/LAPACK-backed results. The .meta.json sidecars and spectrum train's <name>-timing.csv \
            (wall-clock) are not covered.

            Options that size the work have ranges given in each --help, checked before any work; a \
            run estimated to take over a minute prints its estimate on stderr first.

            Exit codes: 0 success, 64 bad usage or parameter out of range, 65 bad input data or a \
            non-finite result, 74 a file could not be read or written.
            """,
        // `wtk --version`: the string every output's .meta.json records as its toolkit version.
        version: ToolkitVersion.string,
        subcommands: [
            PSDCommand.self,
            PathLossCommand.self,
            ISACCommand.self,
            DensifyCommand.self,
            SpectrumCommand.self,
            FiguresCommand.self,
            MergeCommand.self,
        ])

    public init() {}
}
