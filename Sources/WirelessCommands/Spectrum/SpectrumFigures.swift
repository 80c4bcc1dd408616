import Foundation
import WirelessCore
import WirelessIO
import WirelessSpectrumNet

/// The figure set of `wtk spectrum`.
enum SpectrumFigures {
    /// Synthetic data, segmentation with the shipped model, and the per-SNR comparison with the baselines.
    static let segmentation = FigureSet(
        name: "spectrum-cmusenet",
        title: "CMuSeNet: complex-valued spectrum segmentation vs energy detection and CA-CFAR",
        summary: """
            Shin and Vuran, "CV-MuSeNet: Complex-Valued Multi-Signal Segmentation" (IEEE DySPAN 2025). \
            The synthetic generator places 1–10 signals (PSK/QAM with RRC shaping, GMSK, 2-FSK; 0.1–2 MHz) \
            in 20 MHz with full-band SNR −20…10 dB referenced to the weakest signal. The shipped compact \
            complex U-Net with dilated context blocks (datasets/cmusenet-default, trained by `wtk spectrum \
            train` with the recorded command in about 12 min on 2 cores; 99.0 % mean per-bin accuracy on 256 test \
            windows per level) segments the test split; the table \
            compares it with the Welch energy detector (chi-square threshold, FCME noise floor) and \
            CA-CFAR at P_FA = 1e-3. The paper reports \
            99.4 % mean per-bin accuracy on its synthetic set (with train/validation/test pooled).
            """
    ) { context in
        try context.run(
            SpectrumGenerateCommand.self,
            arguments: [
                "--train-per-level", "0", "--validation-per-level", "1", "--test-per-level", "2",
                "--snr-min=-10", "--snr-max", "10", "--snr-step", "10",
            ],
            caption: "A small labelled dataset as SigMF recordings; the figure shows one example with its labels.")
        try context.run(
            SpectrumSegmentCommand.self, arguments: ["test-snr10dB.sigmf-meta"], seeded: false,
            caption:
                "The shipped model segments a 10 dB test recording (two windows); shaded bins are detected as occupied.",
            inputsIn: context.directory)
        try context.run(
            SpectrumEvaluateCommand.self, arguments: ["--test-per-level", "8"],
            caption:
                "Per-SNR per-bin accuracy and mask IoU of the complex net and the baselines on 8 test windows per level."
        )
        try context.run(
            SpectrumEvaluateCommand.self,
            arguments: [
                "--realistic", "--name", "realistic-evaluate", "--test-per-level", "8", "--validation-per-level", "1",
                "--train-per-level", "0", "--snr-min=-10", "--snr-max", "20", "--snr-step", "5",
            ],
            caption:
                "The same methods on SDR-like realistic scenes (OFDM, single-carrier, CW, FM, AM; bursts, multipath, "
                + "roll-off, DC offset, IQ imbalance, coloured floor, ci16; docs/SPECTRUM.md#realistic-scenes), 8 "
                + "windows per level of the weakest signal's in-band SNR; datasets/realistic-eval has the "
                + "per-condition tables.")
        try context.run(
            SpectrumEvaluateCommand.self,
            arguments: [
                "--realistic", "--signal-families", "none", "--effects", "roll-off,dc-offset,coloured-noise",
                "--name", "noise-only-evaluate", "--test-per-level", "16", "--validation-per-level", "1",
                "--train-per-level", "0", "--snr-min", "0", "--snr-max", "3", "--snr-step", "1",
            ],
            caption:
                "Receiver noise alone (anti-alias roll-off, DC offset, coloured floor; no signal): every occupied "
                + "bin is a false occupancy, so the false_alarm_rate column is the figure of merit (the level "
                + "only reseeds the draws).")
        try comparison(context).add(
            to: context,
            introduction:
                "The paper trains its paper-size networks (24.5–39 M parameters) on its own dataset; the shipped "
                + "model is the compact preset (≈ 0.4 M parameters) trained in minutes on 2 cores, evaluated on "
                + "held-out test windows the paper's generator would draw (docs/SPECTRUM.md).")
    }

    /// The shipped model's full evaluation (with the real-valued counterpart), found in the checkout's
    /// datasets folder from the set's folder upwards, then from the working directory upwards (`wtk figures`
    /// runs in a checkout, possibly with `--out-dir` elsewhere).
    private static func comparison(_ context: FigureContext) throws -> PaperComparison {
        let evaluation = "datasets/cmusenet-default/evaluation/spectrum-evaluate.csv"
        let starts = [context.directory, URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        let shipped = starts.lazy.flatMap { start in
            sequence(first: start.standardizedFileURL) { url in
                url.path == "/" ? nil : url.deletingLastPathComponent()
            }
        }.map { $0.appendingPathComponent(evaluation) }.first { FileManager.default.fileExists(atPath: $0.path) }
        return CMuSeNetPaperComparison.table(
            records: try context.records("spectrum-evaluate.csv"),
            shipped: try shipped.map { (evaluation, try FigureContext.records(at: $0)) })
    }
}
