import Foundation
import WirelessFFT
import WirelessIO

/// The figure set of `wtk psd`.
enum PSDFigures {
    /// Welch PSD of the bundled synthetic two-tone recording.
    static let twoToneRecording = FigureSet(
        name: "psd-two-tone",
        title: "Welch PSD of a synthetic two-tone recording",
        summary: """
            A 16,384-sample SigMF recording at 1 MS/s (centre 2.4 GHz) holds a 0 dBFS tone at −125 kHz, \
            a −20 dB tone at +200 kHz and white noise at −40 dB per sample. The Welch estimate (Hann, \
            N = 1024, 50 % overlap, 31 segments) should show both tones 20 dB apart and a flat noise floor \
            at −40 dB − 10·log10(fs) = −100 dB/Hz.
            """
    ) { context in
        let base = context.directory.appendingPathComponent("two-tone")
        let recording = TwoToneRecording()
        _ = try recording.make(seed: context.seed).write(to: base)
        context.addMarkdown(
            "The recording (`two-tone.sigmf-meta`, `two-tone.sigmf-data`) is generated from the seed by `TwoToneRecording`.\n"
        )
        try context.run(
            PSDCommand.self, arguments: ["two-tone.sigmf-meta", "--segment-length", "1024"], seeded: false,
            caption: "Welch PSD with a Hann window.", inputsIn: context.directory)
        try context.run(
            PSDCommand.self,
            arguments: [
                "two-tone.sigmf-meta", "--window", "blackman-harris", "--segment-length", "4096", "--name",
                "psd-blackman-harris",
            ],
            seeded: false,
            caption:
                "The same recording with a 4-term Blackman–Harris window and N = 4096 (finer bins, lower leakage).",
            inputsIn: context.directory)
        let comparison = try PSDTwoToneComparison.table(
            recording.tones, noiseFloorDBPerHz: recording.noiseFloorDBPerHz, records: context.records)
        comparison.add(
            to: context, referenceTitle: "theory",
            introduction:
                "Welch's method has closed-form expectations on this recording: each tone's power is the sum of its "
                + "PSD bins times the bin width, and the noise floor is the per-sample noise power over fs.")
    }
}
