import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO
import WirelessSpectrumNet

/// `wtk spectrum generate`: the synthetic wideband dataset as SigMF recordings with labelled annotations.
struct SpectrumGenerateCommand: WTKCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate the synthetic wideband dataset (train/validation/test) as labelled SigMF recordings.",
        discussion: """
            Per SNR level and split, writes <split>-snr<s>dB.sigmf-meta/-data: the windows (16384 samples \
            at 20 MS/s each) back to back, one annotation per signal with its sample range, band edges \
            (baseband, the nominal bandwidth) and modulation label; SNR and noise power in the wtk: \
            extension fields. Also writes <name>.csv (one row per signal) and <name>.svg (the spectrum \
            of the first test example with its labels shaded). 'train' and 'evaluate' regenerate exactly \
            these examples from the same --seed.
            """)

    @OptionGroup var data: SpectrumDataOptions

    @Option(help: "Base name of the index table and figure.")
    var name: String = "spectrum-dataset"

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try OutputOptions.validateFileName(name)
    }

    func execute() throws {
        let generatorConfig = data.generatorConfiguration
        let generator = try WidebandGenerator(configuration: generatorConfig, seed: seed.seed)
        let context = OutputContext(options: output, seed: seed.seed, parameters: data.recorded)
        let levels = data.snrLevelsDB
        let splits: [(String, Range<Int>)] = [
            ("train", data.trainIndices), ("validation", data.validationIndices),
            ("test", data.testIndices),
        ].filter { !$0.1.isEmpty }
        var rows: [[String]] = []
        let w = generatorConfig.windowSamples
        for (split, indices) in splits {
            for (level, snr) in levels.enumerated() {
                let examples = ParallelExecution.parallelMap(count: indices.count) { k in
                    generator.generate(snrDB: snr, snrIndex: level, index: indices.lowerBound + k)
                }
                var samples: [Complex<Float>] = []
                samples.reserveCapacity(examples.count * w)
                var annotations: [SigMFAnnotation] = []
                for (k, example) in examples.enumerated() {
                    samples.append(contentsOf: example.samples)
                    for (signal, interval) in zip(
                        example.signals, example.intervalsHz(labelWidth: generatorConfig.labelWidth))
                    {
                        annotations.append(
                            SigMFAnnotation(
                                sampleStart: k * w, sampleCount: w, frequencyLowerEdgeHz: interval.lower,
                                frequencyUpperEdgeHz: interval.upper, label: signal.recordedModulation))
                        rows.append([
                            split, String(format: "%g", snr), String(example.index), String(k * w),
                            String(signal.centerFrequencyHz), String(signal.bandwidthHz), signal.recordedModulation,
                            String(signal.txPowerDB), String(example.noisePower),
                        ])
                    }
                }
                let recording = SigMFRecording(
                    samples: samples, sampleRateHz: generatorConfig.sampleRateHz, annotations: annotations,
                    extraGlobalFields: [
                        "core:description": .string("wtk spectrum generate: \(split) split, SNR \(snr) dB"),
                        "wtk:snr_db": .number(snr), "wtk:window_samples": .number(Double(w)),
                        "wtk:seed": .string(String(seed.seed)), "wtk:first_index": .number(Double(indices.lowerBound)),
                    ])
                try context.writeRecording(recording, name: "\(split)-snr\(String(format: "%g", snr))dB")
            }
        }
        try context.write(
            CSVTable(
                header: [
                    "split", "snr_db", "index", "sample_start", "center_frequency_hz",
                    "bandwidth_hz", "modulation", "tx_power_db", "noise_power",
                ], rows: rows),
            name: name)
        // Figure: the first test example's spectrum with its labels.
        let example = generator.generate(
            snrDB: levels.last!, snrIndex: levels.count - 1, index: data.testIndices.lowerBound)
        let welch = try WelchPSD(segmentLength: 1024, sampleRateHz: generatorConfig.sampleRateHz)
        let density = try welch.estimate(samples: example.samples).map { 10 * Foundation.log10(max($0 * 20e6, 1e-30)) }
        let truth = SpectrumLabels.mask(
            intervalsHz: example.intervalsHz(labelWidth: generatorConfig.labelWidth), bins: 1024,
            sampleRateHz: generatorConfig.sampleRateHz)
        let low = density.min() ?? 0
        let high = density.max() ?? 1
        let f = welch.frequenciesHz.map { $0 / 1e6 }
        var plot = Plot(
            title: "Synthetic example (SNR \(String(format: "%g", levels.last!)) dB, \(example.signals.count) signals)",
            xLabel: "Frequency offset [MHz]", yLabel: "Power per bin [dB]")
        plot.add(
            try .band(
                "label (nominal bandwidth)", x: f, lower: Array(repeating: low, count: 1024),
                upper: truth.map { $0 ? high : low }))
        plot.add(try .line("Welch spectrum", x: f, y: density))
        try context.writeSVG(plot.svg(), name: name)
        context.note(
            "spectrum generate: \(splits.count) splits × \(levels.count) SNR levels, \(rows.count) signals; wrote \(output.outputDirectory)"
        )
    }
}
