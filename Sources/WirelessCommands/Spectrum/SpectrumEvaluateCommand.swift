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
            FCME noise floor) and CA-CFAR (32 reference and 2 guard cells per side). Writes \
            <name>.csv (one row per method and SNR plus a mean row per method; the decision rule is \
            recorded in the rule column) and <name>-accuracy.svg, <name>-iou.svg.
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

    @Option(help: "Dilation of the network masks [bins], ≥ 0.")
    var dilation: Int = 0

    @Option(help: "Base name of the outputs.")
    var name: String = "spectrum-evaluate"

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    enum NoiseEstimatorName: String, ExpressibleByArgument, CaseIterable {
        case fcme, median, oracle
    }

    func validate() throws {
        guard falseAlarm > 0, falseAlarm < 1 else { throw ValidationError("--false-alarm must be in (0, 1).") }
        guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be in (0, 1).") }
        guard dilation >= 0 else { throw ValidationError("--dilation must be ≥ 0.") }
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
            ]) { a, _ in a })
        context.note("spectrum evaluate: \(levels.count) SNR levels × \(perLevel) test windows")
        let started = Date()
        // Baselines per example, in parallel (each example has its own seed).
        let estimatorChoice = noiseEstimator
        let falseAlarm = self.falseAlarm
        let indices = data.testIndices
        let baseline: [([Bool], [Bool], [Bool])] = ParallelExecution.parallelMap(count: levels.count * perLevel) {
            task in
            let level = task / perLevel
            let example = generator.generate(
                snrDB: levels[level], snrIndex: level, index: indices.lowerBound + task % perLevel)
            let truth = SpectrumLabels.mask(
                intervalsHz: example.intervalsHz(labelWidth: generatorConfig.labelWidth),
                bins: bins, sampleRateHz: generatorConfig.sampleRateHz)
            let estimator: NoiseFloorEstimator
            switch estimatorChoice {
            case .fcme: estimator = .fcme
            case .median: estimator = .median
            case .oracle: estimator = .oracle(noisePower: example.noisePower)
            }
            let energy =
                (try? EnergyDetector(periodogram: periodogram, falseAlarmProbability: falseAlarm, estimator: estimator)
                    .mask(example.samples[...], bins: bins)) ?? Array(repeating: false, count: bins)
            let cfarMask = (try? cfar.mask(example.samples[...], bins: bins)) ?? Array(repeating: false, count: bins)
            return (truth, energy, cfarMask)
        }
        var perMethod: [(String, [SegmentationMetrics])] = []
        for (label, index) in [("energy-detector", 1), ("ca-cfar", 2)] {
            var metrics = Array(repeating: SegmentationMetrics(), count: levels.count)
            for (task, item) in baseline.enumerated() {
                let mask = index == 1 ? item.1 : item.2
                metrics[task / perLevel].add(prediction: mask, truth: item.0)
            }
            perMethod.append((label, metrics))
        }
        for (label, var network) in networks {
            let extractor = try SpectrumFeatureExtractor(
                fftCount: network.configuration.fftCount, bins: network.configuration.bins)
            guard network.configuration.bins == bins else {
                throw SpectrumNetError.architectureMismatch(
                    expected: "N = \(bins)", found: "N = \(network.configuration.bins)")
            }
            let dataset = try SpectrumDataset.synthetic(
                generator: generator, snrLevelsDB: levels, indices: indices,
                extractor: extractor)
            let probabilities = SpectrumTrainer.probabilities(
                network: &network, dataset: dataset,
                indices: Array(0..<dataset.count))
            var metrics = Array(repeating: SegmentationMetrics(), count: levels.count)
            for example in 0..<dataset.count {
                let range = (example * bins)..<((example + 1) * bins)
                let mask = decision.decide(
                    real: probabilities.real[range],
                    imaginary: probabilities.isComplex ? probabilities.imaginary[range] : [])
                metrics[example / perLevel].add(prediction: mask, truth: baseline[example].0)
            }
            perMethod.insert((label, metrics), at: perMethod.count - 2)
        }
        // Table: one row per method and SNR, then the method's mean row (mean over SNR rows).
        var rows: [[String]] = []
        func format(_ x: Double) -> String { x.isNaN ? "nan" : String(format: "%.6f", x) }
        for (label, metrics) in perMethod {
            let rule = label.hasPrefix("cmusenet") || label.hasPrefix("real") ? decision.summary : "P_FA \(falseAlarm)"
            var sums = [Double](repeating: 0, count: 10)
            for (level, m) in metrics.enumerated() {
                let values =
                    [m.accuracy, m.precision, m.recall, m.f1, m.meanIoU, m.meanIntervalIoU] + m.recallAtIoU
                    + [m.falseAlarmRate]
                for k in 0..<values.count { sums[k] += values[k].isNaN ? 0 : values[k] }
                rows.append(
                    [label, String(format: "%g", levels[level])] + values.map(format) + [String(m.examples), rule])
            }
            rows.append(
                [label, "mean"] + sums.map { format($0 / Double(levels.count)) } + [
                    String(levels.count * perLevel), rule,
                ])
        }
        let header = [
            "method", "snr_db", "accuracy", "precision", "recall", "f1", "iou", "interval_iou",
            "recall_iou_0_5", "recall_iou_0_7", "recall_iou_0_9", "false_alarm_rate", "examples", "rule",
        ]
        try context.write(CSVTable(header: header, rows: rows), name: name)
        for (metric, column, title) in [("accuracy", 2, "Per-bin accuracy"), ("iou", 6, "Mean mask IoU")] {
            var plot = Plot(title: "\(title) on the synthetic test split", xLabel: "SNR [dB]", yLabel: title)
            for (label, _) in perMethod {
                let series = rows.filter { $0[0] == label && $0[1] != "mean" }
                plot.add(
                    try .lineMarkers(
                        label, x: series.map { Double($0[1])! }, y: series.map { Double($0[column]) ?? .nan }))
            }
            try context.writeSVG(plot.svg(), name: "\(name)-\(metric)")
        }
        for (label, _) in perMethod {
            if let mean = rows.first(where: { $0[0] == label && $0[1] == "mean" }) {
                context.note(
                    "\(label): mean accuracy \(mean[2]), IoU \(mean[6]), recall@0.5 \(mean[8]), false-alarm \(mean[11])"
                )
            }
        }
        context.note(String(format: "spectrum evaluate: %.1f s", Date().timeIntervalSince(started)))
    }
}

extension DecisionRule.Part: ExpressibleByArgument {}
