import Foundation
import Numerics
import WirelessCore
import WirelessIO

/// The evaluation study of `wtk spectrum evaluate`: per-SNR (or per-recording) accuracy, precision,
/// recall, F1, mask and interval IoU/CIoU, recall at IoU 0.5/0.7/0.9 and false-alarm rate of the
/// networks and the two baselines (energy detector, CA-CFAR), all scored on the same N-bin grid.
///
/// The synthetic test split is regenerated from the seed (indices 4500… of every SNR level, never used
/// for training or early stopping); with `captures`, the windows of labelled recordings are scored
/// instead. Every metric is a fraction in [0, 1]; an undefined one (precision with no detection) is a
/// missing value.
///
///     var configuration = SpectrumEvaluateStudy.Configuration(networks: [("cmusenet", network)])
///     configuration.snrLevelsDB = [0, 10]
///     let table = try SpectrumEvaluateStudy(configuration).run(seed: 1).tables[0]   // method, source, snr_db, accuracy, …
public struct SpectrumEvaluateStudy: Study {
    /// The energy detector's noise floor.
    public enum NoiseFloor: String, Sendable, CaseIterable {
        case fcme, median, oracle
    }

    /// What to score.
    public struct Configuration: Sendable {
        /// The networks (label, network); the first is the reference (its N and M·N are the grid's).
        public var networks: [(label: String, network: SegmentationNetwork<Float>)]
        /// The networks' decision rule.
        public var rule: DecisionRule = .standard
        /// Target per-bin false-alarm probability of the baselines, in (0, 1).
        public var falseAlarm = 1e-3
        /// The energy detector's noise floor (`oracle` needs the synthetic data).
        public var noiseFloor: NoiseFloor = .fcme
        /// The generator of the synthetic split.
        public var generator = WidebandGeneratorConfiguration()
        /// SNR levels of the synthetic split [dB].
        public var snrLevelsDB: [Double] = [0]
        /// Example indices of the synthetic test split (per level).
        public var testIndices: Range<Int> = 4500..<4564
        /// Labelled recordings to score instead of the synthetic split (paths; SigMF or authors' folders).
        public var captures: [String] = []
        /// Also report the authors' protocol columns (examples without any prediction skipped).
        public var authorsProtocol = false

        public init(networks: [(label: String, network: SegmentationNetwork<Float>)]) { self.networks = networks }
    }

    /// One row group: an SNR level of the synthetic split, or one recording.
    struct Group: Sendable {
        var snrDB: Double
        var source: String
        var windows: Range<Int>
    }

    /// The metrics per method and group.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// Per method (networks then baselines, in table order): its label and metrics per group.
        public let methods: [(label: String, metrics: [SegmentationMetrics])]
        let groups: [Group]
        let windowCount: Int

        static let metricNames = [
            "accuracy", "precision", "recall", "f1", "mask_iou", "mask_ciou", "interval_iou", "interval_ciou",
            "recall_iou_0_5", "recall_iou_0_7", "recall_iou_0_9", "false_alarm_rate",
        ]
        static let authorsNames = [
            "authors_protocol_mask_iou", "authors_protocol_interval_iou", "authors_protocol_recall_iou_0_5",
            "authors_protocol_recall_iou_0_7", "authors_protocol_recall_iou_0_9", "authors_protocol_examples",
        ]

        func values(_ m: SegmentationMetrics) -> [Double] {
            var row =
                [
                    m.accuracy, m.precision, m.recall, m.f1, m.meanIoU, m.meanComplexMaskIoU, m.meanIntervalIoU,
                    m.meanIntervalCIoU,
                ] + m.recallAtIoU + [m.falseAlarmRate]
            if configuration.authorsProtocol {
                let a = m.authorsProtocol
                row += [a.meanIoU, a.meanIntervalIoU] + a.recallAtIoU + [Double(a.examples)]
            }
            return row
        }

        func ruleText(_ label: String) -> String {
            label.hasPrefix("cmusenet") || label.hasPrefix("real")
                ? configuration.rule.summary : "P_FA \(configuration.falseAlarm)"
        }

        /// One metric row per group plus the mean over the group rows (NaN rows count as 0 in the mean).
        func rows(_ label: String, _ metrics: [SegmentationMetrics]) -> (rows: [[Double]], mean: [Double]) {
            let rows = metrics.map(values)
            var sums = Array(repeating: 0.0, count: rows.first?.count ?? 0)
            for row in rows { for k in row.indices { sums[k] += row[k].isNaN ? 0 : row[k] } }
            return (rows, sums.map { $0 / Double(Swift.max(1, groups.count)) })
        }

        /// The metric's value as written (six decimals), NaN when undefined.
        static func rounded(_ x: Double) -> Double { x.isNaN ? .nan : Double(String(format: "%.6f", x))! }

        public var tables: [StudyTable] {
            var layout: [(String, String?)] = [("method", nil), ("source", nil), ("snr", "db")]
            let metricColumns = Self.metricNames + (configuration.authorsProtocol ? Self.authorsNames : [])
            layout += metricColumns.map { ($0, nil) }
            layout += [("examples", nil), ("rule", nil)]
            var table = StudyRows(layout: layout.map { (name: $0.0, unit: $0.1, style: .fixedDecimals(6)) })
            func cells(_ row: [Double]) -> [StudyCell] { row.map { .real($0.isNaN ? nil : $0) } }
            for (label, metrics) in methods {
                let (rows, mean) = rows(label, metrics)
                for (index, row) in rows.enumerated() {
                    let snr = groups[index].snrDB
                    table.append(
                        [.text(label), .text(groups[index].source), .text(snr.isNaN ? "" : String(format: "%g", snr))]
                            + cells(row) + [.integer(metrics[index].examples), .text(ruleText(label))])
                }
                table.append(
                    [.text(label), .text(configuration.captures.isEmpty ? "synthetic" : "all"), .text("mean")]
                        + cells(mean) + [.integer(windowCount), .text(ruleText(label))])
            }
            return [table.table()]
        }

        public var plots: [StudyPlot] {
            let synthetic = configuration.captures.isEmpty
            return [("-accuracy", 0, "Per-bin accuracy"), ("-iou", 4, "Mean mask IoU")].map { suffix, key, title in
                StudyPlot(
                    name: suffix,
                    title: synthetic ? "\(title) on the synthetic test split" : "\(title) on the labelled recordings",
                    xLabel: synthetic ? "SNR [dB]" : "Recording (order given)", yLabel: title,
                    series: methods.map { label, metrics in
                        let rows = rows(label, metrics).rows
                        let x =
                            synthetic
                            ? groups.map { Double(String(format: "%g", $0.snrDB))! }
                            : groups.indices.map { Double($0 + 1) }
                        return StudySeries(label, .lineMarkers(x: x, y: rows.map { Self.rounded($0[key]) }))
                    })
            }
        }

        public var summary: String {
            methods.map { label, metrics in
                let mean = rows(label, metrics).mean.map { $0.isNaN ? "" : String(format: "%.6f", $0) }
                return
                    "\(label): mean accuracy \(mean[0]), IoU \(mean[4]), CIoU \(mean[5]), recall@0.5 \(mean[8]), false-alarm \(mean[11])"
            }.joined(separator: "\n")
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Scores every method on the synthetic split drawn from `seed` (or on the captures).
    /// - Throws: `SpectrumNetError` (architecture mismatch between the networks, unreadable capture),
    ///   `IOError` for a capture that cannot be read.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        let reference = c.networks[0].network
        let bins = reference.configuration.bins
        let generatorConfig = c.generator
        let generator = try WidebandGenerator(configuration: generatorConfig, seed: seed)
        let periodogram = try AveragedPeriodogram(
            windowSamples: generatorConfig.windowSamples, sampleRateHz: generatorConfig.sampleRateHz)
        let cfar = try CACFARDetector(periodogram: periodogram, falseAlarmProbability: c.falseAlarm)
        let levels = c.snrLevelsDB
        let indices = c.testIndices
        let perLevel = indices.count
        let windowSamples = generatorConfig.windowSamples
        var groups: [Group] = []
        var recordings: [SigMFRecording] = []
        var captureSets: [SpectrumDataset] = []
        if c.captures.isEmpty {
            progress.note("spectrum evaluate: \(levels.count) SNR levels × \(perLevel) test windows")
            for (level, snr) in levels.enumerated() {
                groups.append(
                    Group(snrDB: snr, source: "synthetic", windows: (level * perLevel)..<((level + 1) * perLevel)))
            }
        } else {
            let extractor = try SpectrumFeatureExtractor(for: reference.configuration)
            guard extractor.windowSamples == windowSamples else {
                throw SpectrumNetError.architectureMismatch(
                    expected: "M·N = \(windowSamples)", found: "M·N = \(extractor.windowSamples)")
            }
            var start = 0
            for path in c.captures {
                let (recording, dataset, skipped) = try SpectrumRecordingInput.labelledWindows(
                    path, extractor: extractor)
                if skipped > 0 {
                    progress.note("spectrum evaluate: \(path): \(skipped) labels outside the band skipped")
                }
                recordings.append(recording)
                captureSets.append(dataset)
                groups.append(Group(snrDB: .nan, source: path, windows: start..<(start + dataset.count)))
                start += dataset.count
            }
            progress.note("spectrum evaluate: \(c.captures.count) recordings, \(start) windows")
        }
        let windowCount = groups.last?.windows.upperBound ?? 0
        func groupIndex(_ window: Int) -> Int { groups.firstIndex { $0.windows.contains(window) }! }
        // Truth and baselines per window, in parallel (each synthetic example has its own seed).
        let pooledCaptures = captureSets.isEmpty ? nil : SpectrumDataset.concatenated(captureSets)
        let (captureGroups, captureRecordings) = (groups, recordings)
        let (noiseFloor, falseAlarm) = (c.noiseFloor, c.falseAlarm)
        let baseline: [([Bool], [Bool], [Bool])] = ParallelExecution.parallelMap(count: windowCount) { task in
            let samples: ArraySlice<Complex<Float>>
            let truth: [Bool]
            var noisePower = Double.nan
            if captureRecordings.isEmpty {
                let level = task / perLevel
                let example = generator.generate(
                    snrDB: levels[level], snrIndex: level, index: indices.lowerBound + task % perLevel)
                truth = SpectrumLabels.mask(
                    intervalsHz: example.intervalsHz(labelWidth: generatorConfig.labelWidth),
                    bins: bins, sampleRateHz: generatorConfig.sampleRateHz)
                samples = example.samples[...]
                noisePower = example.noisePower
            } else {
                let group = captureGroups.firstIndex { $0.windows.contains(task) }!
                let window = task - captureGroups[group].windows.lowerBound
                samples = captureRecordings[group].samples[(window * windowSamples)..<((window + 1) * windowSamples)]
                truth = pooledCaptures!.mask(task)
            }
            let estimator: NoiseFloorEstimator
            switch noiseFloor {
            case .fcme: estimator = .fcme
            case .median: estimator = .median
            case .oracle: estimator = .oracle(noisePower: noisePower)
            }
            let energy =
                (try? EnergyDetector(periodogram: periodogram, falseAlarmProbability: falseAlarm, estimator: estimator)
                    .mask(samples, bins: bins)) ?? Array(repeating: false, count: bins)
            let cfarMask = (try? cfar.mask(samples, bins: bins)) ?? Array(repeating: false, count: bins)
            return (truth, energy, cfarMask)
        }
        var perMethod: [(label: String, metrics: [SegmentationMetrics])] = []
        for (label, index) in [("energy-detector", 1), ("ca-cfar", 2)] {
            var metrics = Array(repeating: SegmentationMetrics(), count: groups.count)
            for (task, item) in baseline.enumerated() {
                metrics[groupIndex(task)].add(prediction: index == 1 ? item.1 : item.2, truth: item.0)
            }
            perMethod.append((label, metrics))
        }
        for (label, var network) in c.networks {
            let extractor = try SpectrumFeatureExtractor(for: network.configuration)
            guard network.configuration.bins == bins else {
                throw SpectrumNetError.architectureMismatch(
                    expected: "N = \(bins)", found: "N = \(network.configuration.bins)")
            }
            let dataset: SpectrumDataset
            if c.captures.isEmpty {
                dataset = try SpectrumDataset.synthetic(
                    generator: generator, snrLevelsDB: levels, indices: indices, extractor: extractor)
            } else if let pooledCaptures, network.configuration.fftCount == reference.configuration.fftCount,
                network.configuration.inputWindow == reference.configuration.inputWindow
            {
                dataset = pooledCaptures
            } else {
                dataset = SpectrumDataset.concatenated(
                    try c.captures.map { try SpectrumRecordingInput.labelledWindows($0, extractor: extractor).dataset })
            }
            // Probability planes Re ŷ, Im ŷ (Re only for a real-valued net): the decided mask and the CIoU parts.
            let probabilities = SpectrumTrainer.probabilities(
                network: &network, dataset: dataset, indices: Array(0..<dataset.count))
            var metrics = Array(repeating: SegmentationMetrics(), count: groups.count)
            for example in 0..<dataset.count {
                let range = (example * bins)..<((example + 1) * bins)
                metrics[groupIndex(example)].add(
                    real: probabilities.real[range],
                    imaginary: probabilities.isComplex ? probabilities.imaginary[range] : [],
                    rule: c.rule, truth: baseline[example].0)
            }
            perMethod.insert((label, metrics), at: perMethod.count - 2)
        }
        return Result(configuration: c, methods: perMethod, groups: groups, windowCount: windowCount)
    }
}
