import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessIO
import WirelessSpectrumNet

/// `wtk spectrum evaluate`: per-SNR metrics of the complex net, the real net, the energy detector and
/// CA-CFAR on the held-out synthetic test split (protocol of docs/SPECTRUM.md#decision-rule-and-metrics).
struct SpectrumEvaluateCommand: ShardableCommand, OutputNaming {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Per-SNR accuracy, IoU, recall@IoU and false-alarm rate of the nets and the baselines (test split).",
        discussion: """
            Regenerates the test split from --seed (indices 4500… of every SNR level, never used for \
            training or early stopping) and scores each method on the same N-bin grid: the complex \
            CMuSeNet (--model, default the shipped model), optionally the real-valued counterpart \
            (--real-model), the energy detector (Welch L = 1024, Hann, 50 %, chi-square threshold, \
            FCME noise floor) and CA-CFAR (32 reference and 2 guard cells per side). With --captures \
            the windows of labelled recordings are scored instead (one row per method and recording, \
            snr_db from the recording's wtk:snr_db as wtk spectrum generate writes it, empty when absent; \
            windows never straddle a SigMF capture). \
            Writes <name>.csv (one row per method and SNR level or recording plus a mean row per \
            method; the decision rule is recorded in the rule column) and <name>-accuracy.svg, \
            <name>-iou.svg (<name>-false-occupancy.svg instead when no window holds a signal, as with \
            receiver noise alone). Every metric is a fraction in [0, 1]: mask_iou is the IoU of the decided \
            mask (the --rule part), mask_ciou the IoU of [Re > τ] ∨ [Im > τ]; interval_iou and \
            interval_ciou match ground-truth runs to the decided runs, or separately to the Re and Im \
            runs (CIoU = (I_re + I_im)/(U_re + U_im)); the baselines have one mask, so their CIoU \
            columns equal their IoU columns. --authors-protocol adds columns scored the authors' way \
            (examples without any prediction skipped), for comparison only. --shard K/N scores the Kth \
            of N contiguous ranges of the SNR levels (or recordings) and writes their metric sums; \
            'wtk merge' joins the shards into byte-identical tables and figures.
            """)

    @OptionGroup var data: SpectrumDataOptions

    @Option(help: "Complex model checkpoint (default: the shipped datasets/cmusenet-default model).")
    var model: String?

    @Option(name: .customLong("real-model"), help: "Real-valued counterpart checkpoint to compare (optional).")
    var realModel: String?

    @Option(
        name: .customLong("false-alarm"), parsing: .unconditional,
        help: "Target per-bin false-alarm probability of the baselines, in (0, 1).")
    var falseAlarm: Double = 1e-3

    @Option(name: .customLong("noise-estimator"), help: "Energy-detector noise floor: fcme, median or oracle.")
    var noiseEstimator: SpectrumEvaluateStudy.NoiseFloor = .fcme

    @Option(help: "Decision part for the complex net: real, imaginary, and, or.")
    var rule: DecisionRule.Part = .real

    @Option(parsing: .unconditional, help: "Probability threshold τ in (0, 1).")
    var threshold: Double = 0.5

    @Option(parsing: .unconditional, help: "Dilation of the network masks [bins], 0…1024.")
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

    static let outputNameHelp = "Base name of the outputs."
    @OptionGroup var output: SeededOutputOptions<SpectrumEvaluateCommand>
    @OptionGroup var sharding: ShardOptions

    func validate() throws {
        guard falseAlarm > 0, falseAlarm < 1 else { throw ValidationError("--false-alarm must be in (0, 1).") }
        guard threshold > 0, threshold < 1 else { throw ValidationError("--threshold must be in (0, 1).") }
        try OptionRange.check(dilation, "--dilation", in: 0...1024)
        if !captures.isEmpty && noiseEstimator == .oracle {
            throw ValidationError(
                "--noise-estimator oracle needs the synthetic data (the noise power of a capture is unknown).")
        }
    }

    func execute() throws {
        let shard = try sharding.resolved()
        let started = Date()
        let (study, context) = try prepare(extraParameters: [:])
        if let shard {
            try writeShard(study, shard: shard, seed: output.seed, name: output.name, context: context)
        } else {
            try context.write(study.run(seed: output.seed, progress: context.studyProgress), name: output.name)
        }
        context.note(String(format: "spectrum evaluate: %.1f s", Date().timeIntervalSince(started)))
    }

    func writeMerged(_ shards: ShardSet) throws {
        let (study, context) = try prepare(extraParameters: ["merged_shards": shards.record])
        try context.write(study.merge(shards.combinedPartial(itemCount: study.workItemCount())), name: output.name)
    }

    /// The study of these options (models loaded) and the output context.
    func prepare(extraParameters: [String: String]) throws -> (SpectrumEvaluateStudy, OutputContext) {
        let (complexNet, _, complexPath) = try SpectrumModelLoading.load(model)
        var configuration = SpectrumEvaluateStudy.Configuration(networks: [("cmusenet", complexNet)])
        if let realModel { configuration.networks.append(("real-valued", try SpectrumModelLoading.load(realModel).0)) }
        configuration.rule = try DecisionRule(threshold: threshold, part: rule, dilationBins: dilation)
        configuration.falseAlarm = falseAlarm
        configuration.noiseFloor = noiseEstimator
        configuration.useSyntheticData(data.generatorConfiguration, splits: data.splits)
        configuration.captures = captures
        configuration.authorsProtocol = authorsProtocol
        let parameters = data.recorded.merging(configuration.recordedParameters) { a, _ in a }.merging(
            ["model": complexPath, "real_model": realModel ?? ""].merging(extraParameters) { _, new in new }
        ) { a, _ in a }
        let context = OutputContext(options: output, seed: output.seed, parameters: parameters)
        return (SpectrumEvaluateStudy(configuration), context)
    }
}

extension DecisionRule.Part: ExpressibleByArgument {}
extension SpectrumEvaluateStudy.NoiseFloor: ExpressibleByArgument {}
