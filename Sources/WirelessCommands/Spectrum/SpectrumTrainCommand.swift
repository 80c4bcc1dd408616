import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessSpectrumNet

/// `wtk spectrum train`: trains a CMuSeNet (or its real-valued counterpart) on the synthetic training
/// split, with early stopping on the validation split; writes the checkpoint and the training log.
struct SpectrumTrainCommand: WTKCommand, OutputNaming {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the complex (or real-valued) segmentation network on the synthetic dataset.",
        discussion: """
            Regenerates the training and validation splits from --seed (see 'wtk spectrum generate'), \
            trains with Adam in stages (one per --learning-rates entry, fresh Adam each, early stopping \
            on the validation loss with --patience and δ = --min-delta), restores the weights of the lowest \
            validation loss so far at the end of each stage, and \
            writes <model> (a CMSNCKPT checkpoint, rewritten atomically after every epoch so an \
            interrupted run continues with --resume; it is written at once, not with the run's other files) \
            plus <name>.csv (loss and validation metrics per epoch), <name>-timing.csv (wall-clock seconds and \
            examples/s per epoch, which differ from run to run) and <name>.svg (the loss curves). The same \
            seed and command line give a bit-identical checkpoint, <name>.csv and <name>.svg on the same \
            machine type and library build (the header records the command). --resume continues with the checkpoint's own \
            layout and training settings; repeat the data flags. \
            Transfer learning: --initial-model starts from a trained checkpoint (the shipped model, say) and \
            --train-only head retrains only its output head, e.g. on your own labelled --captures. The \
            defaults follow the authors' schedule (batch 64, up to 50 epochs per stage); the shipped model \
            used --fresh-data --train-per-level 256 --batch-size 32 --max-epochs 8,4 (12 epochs, about 12 min \
            on 2 cores; see datasets/cmusenet-default/README.md).
            """)

    @OptionGroup var data: SpectrumDataOptions

    @Option(help: "Network layout: compact (1-D residual U-Net, default) or paper1d (ResNet-18 in 1-D).")
    var architecture: ArchitectureName = .compact

    @Flag(help: "Train the real-valued counterpart (2M real input channels, ReLU, matched parameter count).")
    var real = false

    @Option(
        name: .customLong("fft-count"), parsing: .unconditional, help: "M, consecutive FFTs per window (M·N = 16384).")
    var fftCount: Int = 16

    @Option(
        parsing: .unconditional,
        help: "Channel widths w0,w1,w2,w3, each 1…1024 (default 16,32,64,64 complex; real: matched by κ-search).")
    var widths: CommaList<Int>?

    @Option(
        help: ArgumentHelp(
            "Dilations of the compact net's bottleneck context blocks, comma-separated, or 'none' for the plain U-Net (default 2,4,8, those ≤ N/8).",
            valueName: "d1,d2,…"))
    var context: ContextDilations?

    @Option(
        name: .customLong("input-window"),
        help: "Window of the input FFTs: rectangular (the authors') or hann; stored in the model.")
    var inputWindow: NetworkConfiguration.InputWindow = .rectangular

    @Option(
        name: .customLong("batch-norm"),
        help: "Complex batch norm: whitening (2×2, Trabelsi) or naive (Re and Im separately; the ablation).")
    var batchNorm: BatchNormKind = .whitening

    @Option(help: "Activation: crelu, modrelu, zrelu or cardioid (complex only).")
    var activation: ActivationKind = .crelu

    @Option(
        name: .customLong("batch-size"), parsing: .unconditional,
        help: "Examples per Adam step, 1…\(TrainingConfiguration.Limits.batchSize.upperBound).")
    var batchSize: Int = 64

    @Option(
        name: .customLong("learning-rates"), parsing: .unconditional,
        help: "Comma-separated learning rates in (0, 1], one stage each, at most 16.")
    var learningRates: CommaList<Double> = "1e-3,1e-4"

    @Option(
        name: .customLong("max-epochs"), parsing: .unconditional,
        help: "Epoch cap per stage, 1…10000: one value for every stage, or one per --learning-rates entry (e.g. 8,2).")
    var maximumEpochs: CommaList<Int> = "50"

    @Option(parsing: .unconditional, help: "Early-stopping patience [epochs], 1…1000.")
    var patience: Int = 3

    @Option(
        name: .customLong("min-delta"), parsing: .unconditional,
        help: "Early stopping: a validation-loss drop counts as improvement when it exceeds this, ≥ 0 (authors: 1e-3).")
    var minimumImprovement: Double = 1e-3

    @Option(parsing: .unconditional, help: "CFL α > 0.")
    var alpha: Double = 1

    @Option(parsing: .unconditional, help: "CFL γ ≥ 0.")
    var gamma: Double = 2

    @Flag(
        name: .customLong("fresh-data"),
        help: ArgumentHelp(
            "Draw new synthetic training windows every epoch (blocks of --train-per-level per SNR level through the 4000-window training split), holding one block in memory."
        ))
    var freshData = false

    @Flag(
        name: .customLong("gauss-multiplication"),
        help:
            "Run the complex convolutions in the Gauss three-multiplication form (25 % fewer multiply-adds, but its extra passes over memory made a training step 17 % slower on the 2-core reference machine; results differ in the last bits, so a seed reproduces a run only with the same setting)."
    )
    var gaussMultiplication = false

    @Option(help: "Checkpoint path (default <out-dir>/<name>.cmsn).")
    var model: String?

    @Flag(help: "Continue the interrupted run stored in the checkpoint.")
    var resume = false

    @Option(
        name: .customLong("initial-model"),
        help: ArgumentHelp(
            "Start from this checkpoint's weights and architecture (transfer learning, e.g. datasets/cmusenet-default/cmusenet-default.cmsn on your own --captures); the layout flags are then ignored.",
            valueName: "checkpoint"))
    var initialModel: String?

    @Option(
        name: .customLong("train-only"),
        help:
            "Parameters to train: all, or head (the body frozen in inference mode, its batch-norm statistics included)."
    )
    var trainableScope: TrainingConfiguration.TrainableScope = .all

    @Option(
        name: .customLong("captures"),
        help: ArgumentHelp(
            "Labelled SigMF recordings (20 MS/s; annotations with both frequency edges), or folders of the authors' data.dat + meta-data.json, to train on instead of the synthetic data; every 10th window validates.",
            valueName: "recording"))
    var captures: [String] = []

    static let outputNameHelp = "Base name of the outputs."
    @OptionGroup var output: SeededOutputOptions<SpectrumTrainCommand>

    /// Rough cost of one training window (forward + backward, compact complex net, batch 32) on the
    /// 2-core reference machine [s]: 418 ms per batch-32 step (ARCHITECTURE notes), an upper bound
    /// when early stopping ends a stage before its cap.
    static let secondsPerWindow = 0.013

    enum ArchitectureName: String, ExpressibleByArgument, CaseIterable {
        case compact, paper1d
    }

    func validate() throws {
        try OptionRange.check(batchSize, "--batch-size", in: TrainingConfiguration.Limits.batchSize)
        try OptionRange.check(patience, "--patience", in: 1...1000)
        for cap in maximumEpochs.values { try OptionRange.check(cap, "--max-epochs", in: 1...10_000) }
        for width in widths?.values ?? [] { try OptionRange.check(width, "--widths", in: 1...1024) }
        try data.checkTrainingMemory()
        if resume && initialModel != nil {
            throw ValidationError("--resume continues the run in --model; it cannot start from --initial-model.")
        }
        // The layout flags are checked even when --resume or --initial-model then ignores them.
        do { try studyConfiguration(start: .fresh(try networkConfiguration)).validate() } catch {
            throw ValidationError("\(error)")
        }
    }

    /// The network to train (`NetworkConfiguration.layout`): the complex layout, or its real-valued
    /// counterpart (widths matched by the κ-search of docs/SPECTRUM.md#architectures unless --widths gives them).
    var networkConfiguration: NetworkConfiguration {
        get throws {
            try .layout(
                architecture: architecture == .compact ? .compact : .paper1D, fftCount: fftCount, isComplex: !real,
                widths: widths?.values, contextDilations: context?.values, activation: activation,
                inputWindow: inputWindow, batchNorm: batchNorm)
        }
    }

    var trainingConfiguration: TrainingConfiguration {
        var config = TrainingConfiguration()
        config.batchSize = batchSize
        config.learningRates = learningRates.values
        config.setEpochCaps(maximumEpochs.values)
        config.patience = patience
        config.minimumImprovement = minimumImprovement
        config.trainableScope = trainableScope
        config.focalAlpha = alpha
        config.focalGamma = gamma
        config.seed = output.seed
        return config
    }

    /// The study's configuration from the options (a resumed run takes its training settings from `start`).
    func studyConfiguration(start: SpectrumTrainStudy.Start) -> SpectrumTrainStudy.Configuration {
        var configuration = SpectrumTrainStudy.Configuration(start: start, training: trainingConfiguration)
        configuration.useSyntheticData(data.generatorConfiguration, splits: data.splits)
        configuration.freshData = freshData
        configuration.captures = captures
        configuration.gaussMultiplication = gaussMultiplication
        configuration.provenance = ["command": (["wtk"] + CommandLine.arguments.dropFirst()).joined(separator: " ")]
        return configuration
    }

    func execute() throws {
        HeapTuning.keepLargeBlocksInHeap()
        let names = OutputContext(options: output)
        let modelURL =
            try model.map { URL(fileURLWithPath: $0) } ?? names.fileURL(names.checkedBaseName(output.name) + ".cmsn")
        let start = try SpectrumTrainStudy.Start.choosing(
            resuming: resume ? modelURL.path : nil, initialModel: initialModel, fresh: { try networkConfiguration })
        let configuration = studyConfiguration(start: start)
        let context = OutputContext(
            options: output, seed: configuration.training.seed,
            parameters: data.recorded.merging(configuration.recordedParameters) { a, _ in a })
        if resume {
            context.note(
                "spectrum train: resuming \(modelURL.path) (\(start.networkConfiguration.summary)); its stored layout and training settings apply"
            )
        }
        try FileManager.default.createDirectory(
            at: modelURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        WorkEstimate(
            label: "spectrum train",
            units: Double(configuration.training.totalEpochCap) * Double(configuration.windowsPerEpoch),
            unitName: "training windows", secondsPerUnit: Self.secondsPerWindow
        ).announce(quiet: output.quiet)
        let result = try SpectrumTrainStudy(configuration).run(progress: context.studyProgress) { checkpoint in
            // Written in place at once, outside the run's transaction: the checkpoint is what --resume
            // reads after an interruption, so it must not wait for the end of the run.
            try OutputTransaction.writingInPlace { try checkpoint.write(to: modelURL) }
        }
        try context.write(result, name: output.name)
        context.note("spectrum train: wrote \(modelURL.path)")
    }
}

/// `--context`: `none` (the plain U-Net of docs/SPECTRUM.md#architectures) or comma-separated dilations ≥ 1.
struct ContextDilations: ExpressibleByArgument, Sendable {
    let values: [Int]
    let text: String

    init?(argument: String) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        if trimmed == "none" {
            values = []
        } else {
            guard let list = CommaList<Int>(argument: trimmed), list.values.allSatisfy({ $0 >= 1 }) else { return nil }
            values = list.values
        }
        text = argument
    }
}

extension ActivationKind: ExpressibleByArgument {}
extension NetworkConfiguration.InputWindow: ExpressibleByArgument {}
extension TrainingConfiguration.TrainableScope: ExpressibleByArgument {}
extension BatchNormKind: ExpressibleByArgument {}
