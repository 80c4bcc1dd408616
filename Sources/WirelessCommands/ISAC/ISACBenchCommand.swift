import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessIO
import WirelessISAC

/// `wtk isac bench`: runtime vs tensor size per method, and PLAIN's time split by stage.
public struct ISACBenchCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Runtime vs tensor size per method (log-log), and PLAIN's per-stage time on the default size.",
        discussion: """
            Sizes are 16×48×140, 16×96×280, 16×180×560 and 16×360×1120 of the paper's grid (same spacings, six \
            paths, --snr-db). Each method is timed --repeats times after one warm-up; the table gives the median \
            and minimum wall time [ms] (single-threaded unless --parallel; BLAS may still use its own threads). \
            Methods whose working set would exceed 4 GiB are marked skipped. <name>_stages.csv splits PLAIN on \
            16×180×560 into compress, modes, fusion and refit (median of --repeats, with --parallel honoured). \
            Use a release build for meaningful numbers.
            """)

    @Option(name: .customLong("method"), help: "Method(s), repeatable (default: all).")
    var methods: [ISACMethodName] = ISACMethodName.allCases

    @Option(parsing: .unconditional, help: "Timed runs per method and size after a warm-up, 1…1000.")
    var repeats: Int = 5

    @Option(
        name: .customLong("max-symbols"), parsing: .unconditional, help: "Largest N_T to time (140, 280, 560 or 1120).")
    var maximumSymbols: Int = 1120

    @Flag(help: "Let PLAIN and the refits use both cores.")
    var parallel = false

    @Option(name: .customLong("snr-db"), parsing: .unconditional, help: "SNR of the timed tensors [dB].")
    var snrDB: Double = 10

    @OptionGroup var output: SeededOutputOptions<ISACBenchCommand>

    public init() {}

    public func validate() throws {
        try OptionRange.check(repeats, "--repeats", in: 1...1000)
        guard [140, 280, 560, 1120].contains(maximumSymbols) else {
            throw ValidationError("--max-symbols must be 140, 280, 560 or 1120.")
        }
    }

    public func execute() throws {
        var configuration = ISACBenchStudy.Configuration()
        configuration.methods = methods
        configuration.repeats = repeats
        configuration.maximumSymbols = maximumSymbols
        configuration.parallel = parallel
        configuration.snrDB = snrDB
        let context = OutputContext(options: output, seed: output.seed, parameters: configuration.recordedParameters)
        try context.write(
            ISACBenchStudy(configuration).run(seed: output.seed, progress: context.studyProgress), name: output.name)
    }
}
