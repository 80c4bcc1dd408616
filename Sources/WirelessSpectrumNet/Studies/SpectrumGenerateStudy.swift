import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO

/// The dataset study of `wtk spectrum generate`: the synthetic wideband dataset, per split and SNR level
/// one SigMF recording (the 16384-sample windows back to back, one annotation per signal with its band
/// edges and modulation), an index of every signal, and the spectrum of the first test example with its
/// labels. `SpectrumTrainStudy` and `SpectrumEvaluateStudy` regenerate exactly these examples from the
/// same seed.
///
///     var configuration = SpectrumGenerateStudy.Configuration()
///     configuration.splits = [("test", 4500..<4502)]
///     let index = try SpectrumGenerateStudy(configuration).run(seed: 1).tables[0]   // split, snr_db, index, …
public struct SpectrumGenerateStudy: Study {
    /// What to generate.
    public struct Configuration: Sendable {
        /// The generator.
        public var generator = WidebandGeneratorConfiguration()
        /// SNR levels [dB].
        public var snrLevelsDB: [Double] = [0]
        /// The splits (name, example indices per level), in order; empty ones are skipped.
        public var splits: [(name: String, indices: Range<Int>)] = [
            ("train", 0..<96), ("validation", 4000..<4016), ("test", 4500..<4564),
        ]
        /// Example indices of the test split (its first example is drawn in the figure).
        public var testIndices: Range<Int> = 4500..<4564

        public init() {}

        /// The dataset of `generator` over the SNR levels and the train, validation and test splits of `splits`.
        public init(generator: WidebandGeneratorConfiguration, splits: SyntheticSplits) {
            self.generator = generator
            snrLevelsDB = splits.snrLevelsDB
            self.splits = [
                ("train", splits.trainIndices), ("validation", splits.validationIndices), ("test", splits.testIndices),
            ]
            testIndices = splits.testIndices
        }
    }

    /// The index of the signals and the figure's spectrum.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The signal index (one row per signal).
        public let index: StudyTable
        /// Number of recordings written (non-empty splits × levels).
        public let recordingCount: Int
        let figure: StudyPlot

        public var tables: [StudyTable] { [index] }
        public var plots: [StudyPlot] { [figure] }
        public var summary: String {
            "spectrum generate: \(recordingCount / Swift.max(1, configuration.snrLevelsDB.count)) splits × \(configuration.snrLevelsDB.count) SNR levels, \(index.rowCount) signals"
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Generates the dataset, discarding the recordings (see `run(seed:progress:recordings:)`).
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        try run(seed: seed, progress: progress) { _, _ in }
    }

    /// Generates the dataset from `seed`, handing each recording to `recordings` (its name
    /// `<split>-snr<s>dB` and the recording) as soon as it is complete, so only one is held in memory.
    /// - Throws: `SpectrumNetError` for a generator configuration it refuses; whatever `recordings` throws.
    public func run(
        seed: UInt64, progress: any StudyProgress, recordings: (String, SigMFRecording) throws -> Void
    ) throws -> Result {
        let c = configuration
        let config = c.generator
        let generator = try WidebandGenerator(configuration: config, seed: seed)
        let levels = c.snrLevelsDB
        let splits = c.splits.filter { !$0.indices.isEmpty }
        let w = config.windowSamples
        var rows = StudyRows(
            layout: [
                ("split", nil), ("snr", "db"), ("index", nil), ("sample_start", nil), ("center_frequency", "hz"),
                ("bandwidth", "hz"), ("modulation", nil), ("tx_power", "db"), ("noise_power", nil),
            ].map { (name: $0.0, unit: $0.1, style: .swiftDescription) })
        progress.begin("spectrum generate", total: splits.count * levels.count)
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
                    if let labels = example.labels {
                        // Realistic scenes: one annotation per run of label frames in which a signal is on.
                        for label in labels {
                            annotations.append(
                                SigMFAnnotation(
                                    sampleStart: k * w + label.sampleStart, sampleCount: label.sampleCount,
                                    frequencyLowerEdgeHz: label.lowerHz, frequencyUpperEdgeHz: label.upperHz,
                                    label: example.signals[label.signal].recordedModulation))
                        }
                    }
                    for (s, signal) in example.signals.enumerated() {
                        if example.labels == nil {
                            let interval = example.intervalsHz(labelWidth: config.labelWidth)[s]
                            annotations.append(
                                SigMFAnnotation(
                                    sampleStart: k * w, sampleCount: w, frequencyLowerEdgeHz: interval.lower,
                                    frequencyUpperEdgeHz: interval.upper, label: signal.recordedModulation))
                        }
                        rows.append([
                            .text(split), .text(String(format: "%g", snr)), .integer(example.index), .integer(k * w),
                            .real(signal.centerFrequencyHz), .real(signal.bandwidthHz),
                            .text(signal.recordedModulation),
                            .real(signal.txPowerDB), .real(example.noisePower),
                        ])
                    }
                }
                let recording = SigMFRecording(
                    samples: samples, sampleRateHz: config.sampleRateHz, annotations: annotations,
                    extraGlobalFields: [
                        "core:description": .string("wtk spectrum generate: \(split) split, SNR \(snr) dB"),
                        "wtk:snr_db": .number(snr), "wtk:window_samples": .number(Double(w)),
                        "wtk:seed": .string(String(seed)), "wtk:first_index": .number(Double(indices.lowerBound)),
                    ])
                try recordings("\(split)-snr\(String(format: "%g", snr))dB", recording)
                progress.advance()
            }
        }
        // Figure: the first test example's spectrum with its labels.
        let example = generator.generate(
            snrDB: levels.last!, snrIndex: levels.count - 1, index: c.testIndices.lowerBound)
        let welch = try WelchPSD(segmentLength: 1024, sampleRateHz: config.sampleRateHz)
        let density = try welch.estimate(samples: example.samples).map { Decibels.fromPower(max($0 * 20e6, 1e-30)) }
        let truth = SpectrumLabels.mask(
            intervalsHz: example.intervalsHz(labelWidth: config.labelWidth), bins: 1024,
            sampleRateHz: config.sampleRateHz)
        let low = density.min() ?? 0
        let high = density.max() ?? 1
        let f = welch.frequenciesHz.map { $0 / 1e6 }
        let figure = StudyPlot(
            title: "Synthetic example (SNR \(String(format: "%g", levels.last!)) dB, \(example.signals.count) signals)",
            xLabel: "Frequency offset [MHz]", yLabel: "Power per bin [dB]",
            series: [
                StudySeries(
                    config.realistic == nil ? "label (nominal bandwidth)" : "label (occupied band)",
                    .band(x: f, lower: Array(repeating: low, count: 1024), upper: truth.map { $0 ? high : low })),
                StudySeries("Welch spectrum", .line(x: f, y: density)),
            ])
        return Result(
            configuration: c, index: rows.table(), recordingCount: splits.count * levels.count, figure: figure)
    }
}
