import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessIO
import WirelessSpectrumNet

/// `wtk spectrum evaluate`: per-SNR metrics of the complex net, the real net, the energy detector and
/// CA-CFAR on the held-out synthetic test split (spec §2.6 protocol).
struct SpectrumEvaluateCommand: WTKCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Per-SNR accuracy, IoU, recall@IoU and false-alarm rate of the nets and the baselines (test split).",
        discussion: """
            Regenerates the test split from --seed (indices 4500… of every SNR level, never used for \
            training or early stopping) and scores each method on the same N-bin grid: the complex \
            CMuSeNet (--model, default the shipped model), optionally the real-valued counterpart \
            (--real-model), the energy detector (Welch L = 1024, Hann, 50 %, chi-square threshold, \
            FCME noise floor) and CA-CFAR (32 reference and 2 guard cells per side). With --captures \
            the windows of labelled recordings are scored instead (one row per method and recording). \
            Writes <name>.csv (one row per method and SNR level or recording plus a mean row per \
            method; the decision rule is recorded in the rule column) and <name>-accuracy.svg, \
            <name>-iou.svg. Every metric is a fraction in [0, 1]: mask_iou is the IoU of the decided \
            mask (the --rule part), mask_ciou the IoU of [Re > τ] ∨ [Im > τ]; interval_iou and \
            interval_ciou match ground-truth runs to the decided runs, or separately to the Re and Im \
            runs (CIoU = (I_re + I_im)/(U_re + U_im)); the baselines have one mask, so their CIoU \
            columns equal their IoU columns. --authors-protocol adds columns scored the authors' way \
            (examples without any prediction skipped), for comparison only.
            """)

    @OptionGroup var data: SpectrumDataOptions

    @Option(help: "Complex model checkpoint (default: the shipped datasets/cmusenet-default model).")
    var model: String?

    @Option(name: .customLong("real-model"), help: "Real-valued counterpart checkpoint to compare (optional).")
    var realModel: String?

    @Option(
        name: .customLong("false-alarm"), help: "Target per-bin false-alarm probability of the baselines, in (0, 1).")
    var falseAlarm: Double = 1e-3

    @Option(name: .customLong("noise-estimator"), help: "Energy-detector noise floor: fcme, median or oracle.")
    var noiseEstimator: NoiseEstimatorName = .fcme

    @Option(help: "Decision part for the complex net: real, imaginary, and, or.")
    var rule: DecisionRule.Part = .real

    @Option(help: "Probability threshold τ in (0, 1).")
    var threshold: Double = 0.5

    @Option(help: "Dilation of the network masks [bins], 0…1024.")
    var dilation: Int = 0

    @Option(
        name: .customLong("captures"),
        help: ArgumentHelp(
            "Labelled recordings to score instead of the synthetic test split: SigMF (20 MS/s; annotations with both frequency edges) or an authors' example folder (data.dat + meta-data.json).",
            valueName: "recording"))
    var captures: [String] = []

    @Flag(
        name: .customLong("authors-protocol"),
        help: "Also report IoU and recall the authors' way (examples without prediction skipped; comparison only).")
    var authorsProtocol = false

    @Option(help: "Base name of the outputs.")
    var name: String = "spectrum-evaluate"

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    enum NoiseEstimatorName: String, ExpressibleByArgument, CaseIterable {
        case fcme, median, oracle
    }

    func validate() throws {
        try OutputOptions.validateFileName(name)
        guard falseAlarm > 0, falseAlarm < 1 else { throw ValidationError("--false-alarm must be in (0, 1).") }
        guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be in (0, 1).") }
        try OptionRange.check(dilation, "--dilation", in: 0...1024)
        if !captures.isEmpty && noiseEstimator == .oracle {
            throw ValidationError("--noise-estimator oracle needs the synthetic data (the noise power of a capture is unknown).")
        }
    }

    /// The windows scored in one row of the table: one SNR level of the synthetic split, or one recording.
    struct Group {
        /// `snr_db` column (the level, or an empty cell for a recording).
        var snrDB: Double
        /// `source` column: "synthetic" or the recording's path.
        var source: String
        /// Range of the group's windows in the pooled window list.
        var windows: Range<Int>
    }

    func execute() throws {
        let (complexNet, _, complexPath) = try SpectrumModelLoading.load(model)
        var networks: [(String, SegmentationNetwork<Float>)] = [("cmusenet", complexNet)]
        if let realModel {
            let (realNet, _, _) = try SpectrumModelLoading.load(realModel)
            networks.append(("real-valued", realNet))
        }
        let bins = complexNet.configuration.bins
        let decision = try DecisionRule(threshold: threshold, part: rule, dilationBins: dilation)
        let generatorConfig = data.generatorConfiguration
        let generator = try WidebandGenerator(configuration: generatorConfig, seed: seed.seed)
        let periodogram = try AveragedPeriodogram(
            windowSamples: generatorConfig.windowSamples,
            sampleRateHz: generatorConfig.sampleRateHz)
        let cfar = try CACFARDetector(periodogram: periodogram, falseAlarmProbability: falseAlarm)
        let levels = data.snrLevelsDB
        let perLevel = data.testPerLevel
        let context = OutputContext(
            options: output, seed: seed.seed,
            parameters: data.recorded.merging([
                "model": complexPath, "real_model": realModel ?? "", "false_alarm": String(falseAlarm),
                "noise_estimator": noiseEstimator.rawValue, "rule": decision.summary,
                "captures": captures.joined(separator: " "), "authors_protocol": String(authorsProtocol),
            ]) { a, _ in a })
        let started = Date()
        // The windows: the synthetic test split (per SNR level), or the windows of each labelled recording.
        let windowSamples = generatorConfig.windowSamples
        var groups: [Group] = []
        var recordings: [SigMFRecording] = []
        var captureSets: [SpectrumDataset] = []
        if captures.isEmpty {
            context.note("spectrum evaluate: \(levels.count) SNR levels × \(perLevel) test windows")
            for (level, snr) in levels.enumerated() {
                groups.append(
                    Group(snrDB: snr, source: "synthetic", windows: (level * perLevel)..<((level + 1) * perLevel)))
            }
        } else {
            let extractor = try SpectrumFeatureExtractor(for: complexNet.configuration)
            guard extractor.windowSamples == windowSamples else {
                throw SpectrumNetError.architectureMismatch(
                    expected: "M·N = \(windowSamples)", found: "M·N = \(extractor.windowSamples)")
            }
            var start = 0
            for path in captures {
                let (recording, dataset, skipped) = try SpectrumRecordingInput.labelledWindows(
                    path, extractor: extractor)
                if skipped > 0 { context.note("spectrum evaluate: \(path): \(skipped) labels outside the band skipped") }
                recordings.append(recording)
                captureSets.append(dataset)
                groups.append(Group(snrDB: .nan, source: path, windows: start..<(start + dataset.count)))
                start += dataset.count
            }
            context.note("spectrum evaluate: \(captures.count) recordings, \(start) windows")
        }
        let windowCount = groups.last?.windows.upperBound ?? 0
        func groupIndex(_ window: Int) -> Int { groups.firstIndex { $0.windows.contains(window) }! }
        // Truth and baselines per window, in parallel (each synthetic example has its own seed).
        let estimatorChoice = noiseEstimator
        let falseAlarm = self.falseAlarm
        let indices = data.testIndices
        let pooledCaptures = captureSets.isEmpty ? nil : SpectrumDataset.concatenated(captureSets)
        let captureGroups = groups
        let captureRecordings = recordings
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
            switch estimatorChoice {
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
        var perMethod: [(String, [SegmentationMetrics])] = []
        for (label, index) in [("energy-detector", 1), ("ca-cfar", 2)] {
            var metrics = Array(repeating: SegmentationMetrics(), count: groups.count)
            for (task, item) in baseline.enumerated() {
                let mask = index == 1 ? item.1 : item.2
                metrics[groupIndex(task)].add(prediction: mask, truth: item.0)
            }
            perMethod.append((label, metrics))
        }
        for (label, var network) in networks {
            let extractor = try SpectrumFeatureExtractor(for: network.configuration)
            guard network.configuration.bins == bins else {
                throw SpectrumNetError.architectureMismatch(
                    expected: "N = \(bins)", found: "N = \(network.configuration.bins)")
            }
            let dataset: SpectrumDataset
            if captures.isEmpty {
                dataset = try SpectrumDataset.synthetic(
                    generator: generator, snrLevelsDB: levels, indices: indices, extractor: extractor)
            } else if let pooledCaptures, network.configuration.fftCount == complexNet.configuration.fftCount,
                network.configuration.inputWindow == complexNet.configuration.inputWindow {
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
                    rule: decision, truth: baseline[example].0)
            }
            perMethod.insert((label, metrics), at: perMethod.count - 2)
        }
        // Table: one row per method and group, then the method's mean row (mean over the group rows).
        var header = [
            "method", "source", "snr_db", "accuracy", "precision", "recall", "f1", "mask_iou", "mask_ciou",
            "interval_iou", "interval_ciou", "recall_iou_0_5", "recall_iou_0_7", "recall_iou_0_9",
            "false_alarm_rate",
        ]
        if authorsProtocol {
            header += [
                "authors_protocol_mask_iou", "authors_protocol_interval_iou", "authors_protocol_recall_iou_0_5",
                "authors_protocol_recall_iou_0_7", "authors_protocol_recall_iou_0_9",
                "authors_protocol_examples",
            ]
        }
        header += ["examples", "rule"]
        func values(_ m: SegmentationMetrics) -> [Double] {
            var row =
                [
                    m.accuracy, m.precision, m.recall, m.f1, m.meanIoU, m.meanComplexMaskIoU, m.meanIntervalIoU,
                    m.meanIntervalCIoU,
                ] + m.recallAtIoU + [m.falseAlarmRate]
            if authorsProtocol {
                let a = m.authorsProtocol
                row += [a.meanIoU, a.meanIntervalIoU] + a.recallAtIoU + [Double(a.examples)]
            }
            return row
        }
        var rows: [[String]] = []
        // An undefined metric (precision with no detection, IoU with no labelled bin) is an empty cell.
        func format(_ x: Double) -> String { x.isNaN ? "" : String(format: "%.6f", x) }
        for (label, metrics) in perMethod {
            let rule = label.hasPrefix("cmusenet") || label.hasPrefix("real") ? decision.summary : "P_FA \(falseAlarm)"
            var sums: [Double] = []
            for (index, m) in metrics.enumerated() {
                let row = values(m)
                if sums.isEmpty { sums = Array(repeating: 0, count: row.count) }
                for k in 0..<row.count { sums[k] += row[k].isNaN ? 0 : row[k] }
                rows.append(
                    [label, groups[index].source, groups[index].snrDB.isNaN ? "" : String(format: "%g", groups[index].snrDB)] + row.map(format) + [
                        String(m.examples), rule,
                    ])
            }
            rows.append(
                [label, captures.isEmpty ? "synthetic" : "all", "mean"]
                    + sums.map { format($0 / Double(max(1, groups.count))) } + [String(windowCount), rule])
        }
        try context.write(CSVTable(header: header, rows: rows), name: name)
        let column = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        for (metric, key, title) in [("accuracy", "accuracy", "Per-bin accuracy"), ("iou", "mask_iou", "Mean mask IoU")]
        {
            var plot =
                captures.isEmpty
                ? Plot(title: "\(title) on the synthetic test split", xLabel: "SNR [dB]", yLabel: title)
                : Plot(title: "\(title) on the labelled recordings", xLabel: "Recording (order given)", yLabel: title)
            for (label, _) in perMethod {
                let series = rows.filter { $0[0] == label && $0[2] != "mean" }
                let x = captures.isEmpty ? series.map { Double($0[2])! } : series.indices.map { Double($0 + 1) }
                plot.add(try .lineMarkers(label, x: x, y: series.map { Double($0[column[key]!]) ?? .nan }))
            }
            try context.writeSVG(plot.svg(), name: "\(name)-\(metric)")
        }
        for (label, _) in perMethod {
            if let mean = rows.first(where: { $0[0] == label && $0[2] == "mean" }) {
                context.note(
                    "\(label): mean accuracy \(mean[column["accuracy"]!]), IoU \(mean[column["mask_iou"]!]), CIoU \(mean[column["mask_ciou"]!]), recall@0.5 \(mean[column["recall_iou_0_5"]!]), false-alarm \(mean[column["false_alarm_rate"]!])"
                )
            }
        }
        context.note(String(format: "spectrum evaluate: %.1f s", Date().timeIntervalSince(started)))
    }
}

extension DecisionRule.Part: ExpressibleByArgument {}
