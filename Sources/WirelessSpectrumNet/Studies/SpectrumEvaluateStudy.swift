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
///
/// Shardable (`ShardableStudy`): the work items are the row groups (SNR levels, or recordings in the
/// order given); an item's records are its metric accumulators, one per method in table order.
public struct SpectrumEvaluateStudy: ShardableStudy {
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
                    [
                        .text(label),
                        .text(configuration.captures.isEmpty ? configuration.generator.sourceName : "all"),
                        .text("mean"),
                    ]
                        + cells(mean) + [.integer(windowCount), .text(ruleText(label))])
            }
            return [table.table()]
        }

        /// Per-bin accuracy and mean mask IoU against the SNR (or the recording). Windows without a signal
        /// (receiver noise alone) have no occupied bin, so their IoU says nothing and their recall is undefined: when
        /// no group has an occupied bin, the second plot shows the fraction of bins marked occupied (the false
        /// occupancy) instead of the IoU.
        public var plots: [StudyPlot] {
            let synthetic = configuration.captures.isEmpty
            let data =
                !synthetic
                ? "the labelled recordings"
                : configuration.generator.realistic == nil ? "the synthetic test split" : "realistic synthetic scenes"
            let recall = Self.metricNames.firstIndex(of: "recall")!
            let hasSignal = methods.contains { method in
                rows(method.label, method.metrics).rows.contains { !$0[recall].isNaN }
            }
            let panels = [
                ("-accuracy", "accuracy", "Per-bin accuracy"),
                hasSignal
                    ? ("-iou", "mask_iou", "Mean mask IoU")
                    : ("-false-occupancy", "false_alarm_rate", "Fraction of bins marked occupied"),
            ]
            return panels.map { suffix, metric, title in
                let key = Self.metricNames.firstIndex(of: metric)!
                return StudyPlot(
                    name: suffix,
                    title: "\(title) on \(data)",
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
        try runAllWorkItems(seed: seed, progress: progress)
    }

    /// The row groups: SNR levels of the synthetic split, or recordings.
    public func workItemCount() throws -> Int {
        configuration.captures.isEmpty ? configuration.snrLevelsDB.count : configuration.captures.count
    }

    /// The method labels in table order: the networks, then the two baselines.
    var methodLabels: [String] { configuration.networks.map(\.label) + ["energy-detector", "ca-cfar"] }

    /// The metric accumulator as numbers (counts exact), in `SegmentationMetrics.stateColumns` order.
    static func state(_ m: SegmentationMetrics) -> [Double] {
        let a = m.authorsProtocol
        let counts: [Int] =
            [m.truePositives, m.falsePositives, m.trueNegatives, m.falseNegatives, m.examples]
            + [m.groundTruthIntervals, m.predictedIntervals] + m.recalledAt
        let sums: [Double] = [m.maskIoUSum, m.intervalIoUSum, m.complexMaskIoUSum, m.intervalCIoUSum]
        let authorsCounts: [Int] = [a.examples, a.groundTruthIntervals] + a.recalledAt
        let authorsSums: [Double] = [a.maskIoUSum, a.intervalIoUSum]
        return counts.map(Double.init) + sums + authorsCounts.map(Double.init) + authorsSums
    }

    static let stateColumns = [
        "true_positives", "false_positives", "true_negatives", "false_negatives", "examples",
        "ground_truth_intervals", "predicted_intervals", "recalled_0_5", "recalled_0_7", "recalled_0_9",
        "mask_iou_sum", "interval_iou_sum", "complex_mask_iou_sum", "interval_ciou_sum", "authors_examples",
        "authors_ground_truth_intervals", "authors_recalled_0_5", "authors_recalled_0_7", "authors_recalled_0_9",
        "authors_mask_iou_sum", "authors_interval_iou_sum",
    ]

    /// The accumulator of `state(_:)`'s numbers.
    /// - Throws: `StudyPartialError.inconsistent` for a count that is not a non-negative integer.
    static func metrics(_ v: [Double]) throws -> SegmentationMetrics {
        func count(_ k: Int) throws -> Int {
            guard v[k] >= 0, v[k] < 9.0e15, v[k].rounded() == v[k] else {
                throw StudyPartialError.inconsistent("\(stateColumns[k]) = \(v[k]) is not a count")
            }
            return Int(v[k])
        }
        var m = SegmentationMetrics()
        (m.truePositives, m.falsePositives, m.trueNegatives, m.falseNegatives) =
            (try count(0), try count(1), try count(2), try count(3))
        (m.examples, m.groundTruthIntervals, m.predictedIntervals) = (try count(4), try count(5), try count(6))
        m.recalledAt = [try count(7), try count(8), try count(9)]
        (m.maskIoUSum, m.intervalIoUSum, m.complexMaskIoUSum, m.intervalCIoUSum) = (v[10], v[11], v[12], v[13])
        m.authorsProtocol.examples = try count(14)
        m.authorsProtocol.groundTruthIntervals = try count(15)
        m.authorsProtocol.recalledAt = [try count(16), try count(17), try count(18)]
        (m.authorsProtocol.maskIoUSum, m.authorsProtocol.intervalIoUSum) = (v[19], v[20])
        return m
    }

    /// Joins every group's records (one per method, in table order) into the result.
    public func merge(_ partial: StudyPartial) throws -> Result {
        let c = configuration
        let groupCount = try workItemCount()
        let labels = methodLabels
        guard partial.items == 0..<groupCount, partial.columns == Self.stateColumns,
            partial.records.count == groupCount * labels.count
        else {
            throw StudyPartialError.inconsistent(
                "spectrum evaluate expects \(labels.count) records (one per method) for each of \(groupCount) groups, got \(partial.records.count)"
            )
        }
        var perMethod = labels.map { (label: $0, metrics: [SegmentationMetrics]()) }
        for group in 0..<groupCount {
            let records = partial.records(of: group)
            guard records.count == labels.count else {
                throw StudyPartialError.inconsistent(
                    "group \(group) has \(records.count) records, expected \(labels.count)")
            }
            for (i, record) in records.enumerated() { perMethod[i].metrics.append(try Self.metrics(record.values)) }
        }
        var groups: [Group] = []
        var start = 0
        for group in 0..<groupCount {
            let windows = perMethod.last?.metrics[group].examples ?? 0
            groups.append(
                c.captures.isEmpty
                    ? Group(
                        snrDB: c.snrLevelsDB[group], source: c.generator.sourceName, windows: start..<(start + windows))
                    : Group(
                        snrDB: SpectrumRecordingInput.recordedSNRDB(c.captures[group]) ?? .nan,
                        source: c.captures[group],
                        windows: start..<(start + windows)))
            start += windows
        }
        return Result(configuration: c, methods: perMethod, groups: groups, windowCount: start)
    }

    /// Scores the groups `items` (SNR levels or recordings); each synthetic example keeps its seed (level, index).
    public func runWorkItems(_ items: Range<Int>, seed: UInt64, progress: any StudyProgress) throws -> StudyPartial {
        let c = configuration
        if items.isEmpty { return StudyPartial(items: items, columns: Self.stateColumns, records: []) }
        let reference = c.networks[0].network
        let bins = reference.configuration.bins
        let generatorConfig = c.generator
        let generator = try WidebandGenerator(configuration: generatorConfig, seed: seed)
        let periodogram = try AveragedPeriodogram(
            windowSamples: generatorConfig.windowSamples, sampleRateHz: generatorConfig.sampleRateHz)
        let cfar = try CACFARDetector(periodogram: periodogram, falseAlarmProbability: c.falseAlarm)
        let allLevels = c.snrLevelsDB
        let firstLevel = items.lowerBound
        let levels = c.captures.isEmpty ? Array(allLevels[items]) : []
        let captures = c.captures.isEmpty ? [] : Array(c.captures[items])
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
                    Group(
                        snrDB: snr, source: generatorConfig.sourceName,
                        windows: (level * perLevel)..<((level + 1) * perLevel)))
            }
        } else {
            let extractor = try SpectrumFeatureExtractor(for: reference.configuration)
            guard extractor.windowSamples == windowSamples else {
                throw SpectrumNetError.architectureMismatch(
                    expected: "M·N = \(windowSamples)", found: "M·N = \(extractor.windowSamples)")
            }
            var start = 0
            for path in captures {
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
            progress.note("spectrum evaluate: \(captures.count) recordings, \(start) windows")
        }
        let windowCount = groups.last?.windows.upperBound ?? 0
        func groupIndex(_ window: Int) -> Int { groups.firstIndex { $0.windows.contains(window) }! }
        // Truth and baselines per window, in parallel (each synthetic example has its own seed).
        let pooledCaptures = captureSets.isEmpty ? nil : SpectrumDataset.concatenated(captureSets)
        let (captureGroups, captureRecordings) = (groups, recordings)
        let captureStarts = recordings.map { LabelledRecording.windowStarts(of: $0, windowSamples: windowSamples) }
        let (noiseFloor, falseAlarm) = (c.noiseFloor, c.falseAlarm)
        let baseline: [([Bool], [Bool], [Bool])] = ParallelExecution.parallelMap(count: windowCount) { task in
            let samples: ArraySlice<Complex<Float>>
            let truth: [Bool]
            var noisePower = Double.nan
            if captureRecordings.isEmpty {
                let level = task / perLevel
                let example = generator.generate(
                    snrDB: levels[level], snrIndex: firstLevel + level, index: indices.lowerBound + task % perLevel)
                truth = SpectrumLabels.mask(
                    intervalsHz: example.intervalsHz(labelWidth: generatorConfig.labelWidth),
                    bins: bins, sampleRateHz: generatorConfig.sampleRateHz)
                samples = example.samples[...]
                noisePower = example.noisePower
            } else {
                let group = captureGroups.firstIndex { $0.windows.contains(task) }!
                let window = task - captureGroups[group].windows.lowerBound
                let start = captureStarts[group][window].start
                samples = captureRecordings[group].samples[start..<(start + windowSamples)]
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
                    generator: generator, snrLevelsDB: levels, indices: indices, extractor: extractor,
                    firstSNRIndex: firstLevel)
            } else if let pooledCaptures, network.configuration.fftCount == reference.configuration.fftCount,
                network.configuration.inputWindow == reference.configuration.inputWindow
            {
                dataset = pooledCaptures
            } else {
                dataset = SpectrumDataset.concatenated(
                    try captures.map { try SpectrumRecordingInput.labelledWindows($0, extractor: extractor).dataset })
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
        // Records in item order, then method order.
        var records: [StudyPartial.Record] = []
        for group in groups.indices {
            for method in perMethod {
                records.append(.init(item: firstLevel + group, values: Self.state(method.metrics[group])))
            }
        }
        return StudyPartial(items: items, columns: Self.stateColumns, records: records)
    }
}
