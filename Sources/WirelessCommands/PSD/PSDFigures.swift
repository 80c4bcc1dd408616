import Foundation

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
        _ = try TwoToneRecording().make(seed: context.seed).write(to: base)
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
        try comparison(context).add(
            to: context, referenceTitle: "theory",
            introduction:
                "Welch's method has closed-form expectations on this recording: each tone's power is the sum of its "
                + "PSD bins times the bin width, and the noise floor is the per-sample noise power over fs.")
    }

    /// The recording's known tone powers and noise floor beside the two estimates.
    private static func comparison(_ context: FigureContext) throws -> PaperComparison {
        let recording = TwoToneRecording()
        let tones = zip(recording.toneFrequenciesHz, recording.toneAmplitudes).map {
            (frequencyHz: $0, powerDB: 20 * log10($1))
        }
        let f = PaperComparison.fixed
        var table = PaperComparison()
        for (file, label) in [("psd.csv", "Hann, N = 1024"), ("psd-blackman-harris.csv", "Blackman–Harris, N = 4096")] {
            let records = try context.records(file)
            let frequencies = records.compactMap { $0.number("frequency_hz") }
            let densities = records.compactMap { $0.number("psd_db_per_hz") }
            guard frequencies.count == densities.count, frequencies.count > 2 else { continue }
            let binWidth = frequencies[1] - frequencies[0]
            // Tone power: the PSD integrated over ±8 bins around the tone (both windows' main lobes and
            // near side lobes), less the noise in those bins.
            var noise = densities.enumerated().filter { i, _ in
                tones.allSatisfy { abs(frequencies[i] - $0.frequencyHz) > 20 * binWidth }
            }.map(\.element).sorted()
            let floor = noise.isEmpty ? nil : noise[noise.count / 2]
            noise.removeAll()
            for tone in tones {
                let bins = frequencies.indices.filter { abs(frequencies[$0] - tone.frequencyHz) <= 8 * binWidth }
                let noiseDensity = floor.map { pow(10, $0 / 10) } ?? 0
                let power = bins.reduce(0.0) { $0 + (pow(10, densities[$1] / 10) - noiseDensity) * binWidth }
                table.add(
                    "\(label): power of the tone at \(f(tone.frequencyHz / 1e3, 0)) kHz [dB]",
                    paper: f(tone.powerDB, 1), measured: f(10 * log10(power), 2),
                    deviation:
                        "the window's noise-equivalent bandwidth is normalised out, so the integral is unbiased; "
                        + "what remains is the noise inside the 17 bins and Welch's variance")
            }
            let expected = 10 * log10(recording.noisePower / recording.sampleRateHz)
            table.add(
                "\(label): median noise floor away from the tones [dB/Hz]", paper: f(expected, 1),
                measured: f(floor, 2),
                deviation:
                    "the median of a χ² PSD estimate with 2K degrees of freedom lies below its mean by a fraction of a "
                    + "dB (K segments averaged); leakage from the tones is excluded ±20 bins away")
        }
        return table
    }
}
