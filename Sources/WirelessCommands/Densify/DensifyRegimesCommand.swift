import ArgumentParser
import Foundation
import WirelessIO
import WirelessStochasticGeometry

/// `wtk densify regimes`: the λ → ∞ regime of each near-field exponent with its predicted slopes
/// (docs/DENSIFICATION.md#regimes); the work is `DensifyRegimesStudy`.
public struct DensifyRegimesCommand: WTKCommand, OutputNaming {
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

    @Option(parsing: .unconditional, help: "Near-field exponents α0 to classify, comma-separated, each ≥ 0.")
    var alpha0: CommaList<Double> = "0,0.8,1.5,2,2.5,3"

    @Option(name: .customLong("far-exponent"), parsing: .unconditional, help: "Far-field exponent α1 (> 2).")
    var farExponent: Double = 4

    @Option(parsing: .unconditional, help: "Breakpoint R_1 [length unit] (> 0).")
    var breakpoint: Double = 1

    @Option(
        name: .customLong("tail-index"), parsing: .unconditional,
        help: "Fading tail index κ_H ∈ [0, ∞] (inf for every built-in law).")
    var tailIndex: Double = .infinity

    @Option(
        name: .customLong("threshold-db"), parsing: .unconditional,
        help: "SINR threshold for the plotted coverage [dB].")
    var thresholdDB: Double = 0

    @OptionGroup var output: NamedOutputOptions<DensifyRegimesCommand>

    public init() {}

    public func execute() throws {
        var configuration = DensifyRegimesStudy.Configuration(nearFieldExponents: alpha0.values)
        configuration.farExponent = farExponent
        configuration.breakpoint = breakpoint
        configuration.fadingTailIndex = tailIndex
        configuration.thresholdDB = thresholdDB
        let result = try DensifyRegimesStudy(configuration).run(progress: StderrStudyProgress(quiet: output.quiet))
        // One summary line per exponent, on stderr like every summary (stdout stays clean for pipes).
        for line in result.lines { ProgressReporter.note(line, quiet: output.quiet) }
        let context = OutputContext(
            options: output,
            parameters: configuration.recordedParameters.merging(["alpha0": alpha0.text]) { _, typed in typed })
        try context.write(result, name: output.name)
    }
}
