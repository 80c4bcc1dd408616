import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO
import WirelessSpectrumNet

/// `wtk spectrum segment`: a recording → occupied intervals (CSV and SigMF annotations) and an SVG.
struct SpectrumSegmentCommand: WTKCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Find the occupied frequency intervals of a 20 MS/s recording with a trained CMuSeNet.",
        discussion: """
            INPUT is a SigMF recording (cf32_le or ci16_le), a raw .cf32 file with --sample-rate, or one \
            example of the authors' generator (a folder with data.dat and meta-data.json). The \
            recording is cut into windows of M·N = 16384 samples; each window's occupied bins become \
            intervals (RF edges when the centre frequency is known). Writes <name>.csv (one row per \
            interval), <name>.sigmf-meta/-data (the recording with one annotation per interval) and \
            <name>.svg (the first window's spectrum with the segments shaded). The sample rate must \
            equal the model's 20 MHz (no implicit resampling).
            """)

    @Argument(
        help: ArgumentHelp(
            "The recording: .sigmf-meta, .sigmf-data, SigMF base name, .cf32, or an authors' example folder.",
            valueName: "input"))
    var input: String

    @Option(name: .customLong("sample-rate"), parsing: .unconditional, help: "Sample rate [Hz]; required for .cf32.")
    var sampleRateHz: Double?

    @Option(help: "Model checkpoint (default: the shipped datasets/cmusenet-default model).")
    var model: String?

    @Option(help: "Decision part: real, imaginary, and, or.")
    var rule: DecisionRule.Part = .real

    @Option(parsing: .unconditional, help: "Probability threshold τ in (0, 1).")
    var threshold: Double = 0.5

    @Option(help: "Base name of the outputs.")
    var name: String = "spectrum-segment"

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OutputOptions.validateFileName(name)
        guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be in (0, 1).") }
        let rates = SigMFRecording.sampleRateRangeHz  // the range a SigMF file is held to
        if let rate = sampleRateHz, !rates.contains(rate) {
            let range = String(format: "%g...%g", rates.lowerBound, rates.upperBound)
            throw ValidationError("--sample-rate must lie in \(range) Hz (got \(rate)).")
        }
    }

    func execute() throws {
        let recording = try SpectrumRecordingInput.read(input, sampleRateHz: sampleRateHz)
        let (network, _, modelPath) = try SpectrumModelLoading.load(model)
        var configuration = SpectrumSegmentStudy.Configuration(recording: recording, network: network)
        configuration.rule = try DecisionRule(threshold: threshold, part: rule)
        configuration.source = input
        let result = try SpectrumSegmentStudy(configuration).run()
        let context = OutputContext(
            options: output,
            parameters: [
                "input": input, "model": modelPath, "rule": configuration.rule.summary,
                "sample_rate_hz": String(recording.sampleRateHz),
            ])
        try context.writeRecording(result.annotatedRecording, name: name)
        try context.write(result, name: name)
    }
}
