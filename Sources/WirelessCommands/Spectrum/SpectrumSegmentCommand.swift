import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO
import WirelessPlot
import WirelessSpectrumNet

/// `wtk spectrum segment`: a recording or a sample stream → emissions (CSV and SigMF annotations) and an SVG.
struct SpectrumSegmentCommand: WTKCommand, OutputNaming {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Find the emissions in a 20 MS/s recording or sample stream with a trained CMuSeNet.",
        discussion: """
            INPUT is a SigMF recording (cf32_le or ci16_le; every capture's frequency and time are used), \
            a raw .cf32 file with --sample-rate, one example of the authors' generator (a folder with \
            data.dat and meta-data.json), or - for standard input (with --sample-rate, --datatype and \
            optionally --frequency), e.g. rx_sdr ... | wtk spectrum segment - --sample-rate 20e6 \
            --datatype ci16_le --frequency 2.44e9. The samples are read a chunk at a time (memory does not \
            grow with the length) and cut into windows of M·N = 16384 samples that never straddle a \
            capture; a trailing partial window is zero-padded and marked. Occupied intervals of \
            consecutive windows that overlap in frequency (within --tolerance-bins, skipping up to \
            --max-gap-windows windows) form one emission. Writes <name>-emissions.csv (one row per \
            emission, appended as each closes to <name>-emissions.csv.part, renamed when the run \
            ends), <name>.sigmf-meta (the input's annotations marked wtk:source input, then one \
            annotation per emission; it references the input's data in core:dataset (a path relative to the \
            output folder), or is metadata-only for \
            standard input, unless --copy-data writes <name>.sigmf-data) and <name>.svg (the \
            first window's spectrum with the segments shaded), and prints the real-time factor. The \
            sample rate must equal the model's 20 MHz (no implicit resampling).
            """)

    @Argument(
        help: ArgumentHelp(
            "The recording: .sigmf-meta, .sigmf-data, SigMF base name, .cf32, an authors' example folder, or - (standard input).",
            valueName: "input"))
    var input: String

    @Option(
        name: .customLong("sample-rate"), parsing: .unconditional,
        help: "Sample rate [Hz]; required for .cf32 and standard input.")
    var sampleRateHz: Double?

    @Option(help: "Sample encoding of standard input: cf32_le or ci16_le.")
    var datatype: SigMFRecording.Datatype = .cf32LE

    @Option(
        name: .customLong("frequency"), parsing: .unconditional,
        help: "Centre frequency [Hz] of standard input or a .cf32 file (RF edges); SigMF captures give their own.")
    var frequencyHz: Double?

    @Option(help: "Model checkpoint (default: the shipped datasets/cmusenet-default model).")
    var model: String?

    @Option(help: "Decision part: real, imaginary, and, or.")
    var rule: DecisionRule.Part = .real

    @Option(parsing: .unconditional, help: "Probability threshold τ in (0, 1).")
    var threshold: Double = 0.5

    @Option(
        name: .customLong("batch-windows"), parsing: .unconditional, help: "Windows per batched inference call (1…256)."
    )
    var batchWindows = 16

    @Option(
        name: .customLong("tolerance-bins"), parsing: .unconditional,
        help: "Frequency tolerance [bins] when following an interval into the next window (≥ 0).")
    var toleranceBins = 1

    @Option(
        name: .customLong("max-gap-windows"), parsing: .unconditional,
        help: "Windows without a detection an emission may skip and continue (≥ 0).")
    var maxGapWindows = 0

    @Flag(
        name: .customLong("copy-data"),
        help: "Also write the samples read as <name>.sigmf-data (cf32_le), so the output is a self-contained recording."
    )
    var copyData = false

    static let outputNameHelp = "Base name of the outputs."
    @OptionGroup var output: NamedOutputOptions<SpectrumSegmentCommand>

    func validate() throws {
        guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be in (0, 1).") }
        if let problem = SigMFRecording.overrideProblem(
            sampleRateHz: sampleRateHz, named: "--sample-rate", centerFrequencyHz: frequencyHz, named: "--frequency")
        {
            throw ValidationError(problem + ".")
        }
        if input == "-" && sampleRateHz == nil {
            throw ValidationError("--sample-rate is required when reading standard input (-).")
        }
        guard (1...256).contains(batchWindows) else { throw ValidationError("--batch-windows must be in 1…256.") }
        guard toleranceBins >= 0 else { throw ValidationError("--tolerance-bins must be ≥ 0.") }
        guard maxGapWindows >= 0 else { throw ValidationError("--max-gap-windows must be ≥ 0.") }
    }

    func execute() throws {
        let source = try SpectrumSegmentStudy.Source(
            input, sampleRateHz: sampleRateHz, frequencyHz: frequencyHz, streamDatatype: datatype)
        let (network, _, modelPath) = try SpectrumModelLoading.load(model)
        var configuration = try source.configuration(network: network, path: input)
        configuration.rule = try DecisionRule(threshold: threshold, part: rule)
        configuration.batchWindows = batchWindows
        configuration.toleranceBins = toleranceBins
        configuration.maxGapWindows = maxGapWindows
        let context = OutputContext(
            options: output, parameters: configuration.recordedParameters.merging(["model": modelPath]) { a, _ in a })
        let csvURL = try context.fileURL(context.checkedBaseName(output.name) + "-emissions.csv")
        let files = try SpectrumSegmentFiles(
            emissions: csvURL, meta: context.fileURL(output.name + ".sigmf-meta"),
            data: copyData ? context.fileURL(output.name + ".sigmf-data") : nil,
            inputAnnotations: source.metadata.annotations
        )
        let started = ContinuousClock.now
        let result = try files.run(
            SpectrumSegmentStudy(configuration), source: source, outputFolder: output.outputDirectory,
            progress: context.studyProgress)
        let elapsed = ContinuousClock.now - started
        // The emissions table is the live file (a streaming result keeps no rows); the figure and the summary.
        for plot in result.plots { try context.writeSVG(Plot(plot).svg(), name: output.name + plot.name) }
        context.note(result.summary)
        try context.metadata.writeSidecar(for: csvURL)
        try files.finish()
        context.note(result.speedSummary(elapsed: elapsed))
    }
}

extension SigMFRecording.Datatype: ExpressibleByArgument {
    /// The SigMF spelling (`ci16_le`), or the kebab-case one of the other option values (`ci16-le`).
    public init?(argument: String) { self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_")) }
}
