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

    @Option(name: .customLong("sample-rate"), help: "Sample rate [Hz]; required for .cf32.")
    var sampleRateHz: Double?

    @Option(help: "Model checkpoint (default: the shipped datasets/cmusenet-default model).")
    var model: String?

    @Option(help: "Decision part: real, imaginary, and, or.")
    var rule: DecisionRule.Part = .real

    @Option(help: "Probability threshold τ in (0, 1).")
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
        let url = URL(fileURLWithPath: input)
        let recording = try SpectrumRecordingInput.read(input, sampleRateHz: sampleRateHz)
        let (network, _, modelPath) = try SpectrumModelLoading.load(model)
        var segmenter = try SpectrumSegmenter(
            network: network, rule: try DecisionRule(threshold: threshold, part: rule))
        let result = try SpectrumNetError.naming(file: input) {
            try segmenter.segment(
                samples: recording.samples, sampleRateHz: recording.sampleRateHz,
                centerFrequencyHz: recording.centerFrequencyHz)
        }
        let context = OutputContext(
            options: output,
            parameters: [
                "input": input, "model": modelPath, "rule": segmenter.rule.summary,
                "sample_rate_hz": String(recording.sampleRateHz),
            ])
        let intervals = result.intervals
        let table = CSVTable(
            header: [
                "window", "sample_start", "sample_count", "first_bin", "end_bin",
                "lower_edge_hz", "upper_edge_hz", "bandwidth_hz", "mean_probability",
            ],
            rows: intervals.map { i in
                [
                    String(i.window), String(i.sampleStart), String(i.sampleCount), String(i.bins.start),
                    String(i.bins.end), String(i.lowerEdgeHz), String(i.upperEdgeHz),
                    String(i.upperEdgeHz - i.lowerEdgeHz), String(format: "%.4f", i.meanProbability),
                ]
            })
        try context.write(table, name: name)
        var annotated = recording
        annotated.datatype = .cf32LE
        annotated.annotations = intervals.map {
            SigMFAnnotation(
                sampleStart: $0.sampleStart, sampleCount: $0.sampleCount, frequencyLowerEdgeHz: $0.lowerEdgeHz,
                frequencyUpperEdgeHz: $0.upperEdgeHz, label: "occupied (wtk spectrum segment)")
        }
        try context.writeRecording(annotated, name: name)
        // Figure: first window's Welch spectrum with the segments shaded.
        let n = network.configuration.bins
        let window = Array(recording.samples.prefix(network.configuration.fftCount * n))
        let welch = try WelchPSD(segmentLength: n, sampleRateHz: recording.sampleRateHz)
        let density = try welch.estimate(samples: window).map {
            10 * Foundation.log10(max($0 * recording.sampleRateHz, 1e-30))
        }
        let centre = recording.centerFrequencyHz ?? 0
        let frequencies = welch.frequenciesHz.map { ($0 + centre) / 1e6 }
        let low = density.min() ?? 0
        let high = density.max() ?? 1
        var plot = Plot(
            title: "Segments of \(url.lastPathComponent) (window 0)",
            xLabel: recording.centerFrequencyHz == nil ? "Frequency offset [MHz]" : "Frequency [MHz]",
            yLabel: "Power per bin [dB]")
        let mask = result.masks.first ?? []
        plot.add(
            try .band(
                "occupied (CMuSeNet)", x: frequencies, lower: Array(repeating: low, count: n),
                upper: mask.map { $0 ? high : low }))
        plot.add(try .line("Welch spectrum", x: frequencies, y: density))
        try context.writeSVG(plot.svg(), name: name)
        context.note(
            "spectrum segment: \(result.masks.count) windows, \(intervals.count) intervals; wrote \(name).csv, \(name).sigmf-meta, \(name).svg"
        )
    }
}
