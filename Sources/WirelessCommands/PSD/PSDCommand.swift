import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO

/// `wtk psd`: Welch power spectral density of a complex IQ recording.
public struct PSDCommand: WTKCommand, OutputNaming {
    public static let configuration = CommandConfiguration(
        commandName: "psd",
        abstract: "Welch power spectral density of a complex IQ recording (SigMF or raw .cf32).",
        discussion: """
            INPUT is a SigMF recording (x.sigmf-meta, x.sigmf-data or the base name x; datatypes \
            cf32_le and ci16_le; sample rate and centre frequency from the metadata) or a raw \
            interleaved little-endian float32 I/Q file (.cf32) with --sample-rate.

            Writes <name>.csv with frequency_hz (baseband offset, ascending from -fs/2), \
            rf_frequency_hz (when the centre frequency is known) and psd_db_per_hz \
            (10·log10 of the two-sided density in W/Hz, samples taken as volts across 1 ohm), \
            and <name>.svg.
            """)

    @Argument(
        help: ArgumentHelp("The recording: .sigmf-meta, .sigmf-data, SigMF base name, or .cf32.", valueName: "input"))
    var input: String

    @Option(
        name: .customLong("sample-rate"), parsing: .unconditional,
        help: ArgumentHelp("Sample rate [Hz]; required for .cf32, overrides SigMF metadata.", valueName: "hz"))
    var sampleRateHz: Double?

    @Option(
        name: .customLong("center-frequency"), parsing: .unconditional,
        help: ArgumentHelp("Centre frequency [Hz]; overrides SigMF metadata.", valueName: "hz"))
    var centerFrequencyHz: Double?

    @Option(
        name: .customLong("segment-length"), parsing: .unconditional,
        help: "Welch segment length = FFT size [samples], 8…1048576.")
    var segmentLength: Int = 1024

    @Option(parsing: .unconditional, help: "Overlap between segments as a fraction of the segment, in [0, 1).")
    var overlap: Double = 0.5

    @Option(help: "Window: hann, hamming, blackman-harris, kaiser or rectangular.")
    var window: Window.Family = .hann

    @Option(
        name: .customLong("kaiser-beta"), parsing: .unconditional,
        help: "Kaiser window shape β (with --window kaiser), ≥ 0.")
    var kaiserBeta: Double = 8.6

    @OptionGroup var output: NamedOutputOptions<PSDCommand>

    public init() {}

    /// Largest FFT size: 2²⁰ samples (16 MiB of plan buffers).
    static let maximumSegmentLength = 1 << 20

    public func validate() throws {
        try OptionRange.check(segmentLength, "--segment-length", in: 8...Self.maximumSegmentLength)
        guard overlap >= 0, overlap < 1 else { throw ValidationError("--overlap must be in [0, 1) (got \(overlap)).") }
        if let problem = SigMFRecording.overrideProblem(
            sampleRateHz: sampleRateHz, named: "--sample-rate", centerFrequencyHz: centerFrequencyHz,
            named: "--center-frequency")
        {
            throw ValidationError(problem + ".")
        }
        guard kaiserBeta >= 0, kaiserBeta.isFinite else { throw ValidationError("--kaiser-beta must be ≥ 0.") }
    }

    public func execute() throws {
        let recording = try SigMFRecording.read(
            sigMFOrRawCF32: input, sampleRateHz: sampleRateHz, centerFrequencyHz: centerFrequencyHz)
        guard recording.samples.count >= segmentLength else {
            throw IOError.malformedInput(
                file: input, line: nil, column: "samples",
                reason:
                    "the recording has \(recording.samples.count) samples, fewer than one segment of \(segmentLength)")
        }
        var configuration = PSDStudy.Configuration(samples: recording.samples, sampleRateHz: recording.sampleRateHz)
        configuration.centerFrequencyHz = recording.centerFrequencyHz
        configuration.segmentLength = segmentLength
        configuration.overlap = overlap
        configuration.window = window.window(kaiserBeta: kaiserBeta)
        configuration.sourceName = URL(fileURLWithPath: input).lastPathComponent
        let result = try PSDStudy(configuration).run()
        let context = OutputContext(
            options: output,
            parameters: configuration.recordedParameters.merging([
                "input": input, "segments": String(result.segmentCount),
            ]) { a, _ in a })
        try context.write(result, name: output.name)
    }
}

extension Window.Family: ExpressibleByArgument {}
