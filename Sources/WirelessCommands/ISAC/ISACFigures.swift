import Foundation

/// The figure set of `wtk isac`.
enum ISACFigures {
    /// PLAIN on the paper's default scenario: paired estimates, RMSE vs SNR against the CRB, resolution, runtime.
    static let plain = FigureSet(
        name: "isac-plain",
        title: "PLAIN tensor ISAC estimation on the paper's default scenario",
        summary: """
            Tahir, Svoboda, Rupp, "PLAIN: Scalable Estimation Architecture for Integrated Sensing and \
            Communication" (arXiv:2503.21242, 2025), default scenario of the authors' code: 26 GHz, 16 antennas × \
            180 subcarriers × 560 symbols, six paths at 30…150°, 44…400 m, 0…25 km/h, ideal tensor model. PLAIN \
            (Averaging [1, 4, 14], root-MUSIC, FBA, AIC, TensorOMP) against the sequential and joint (R-D Tensor-\
            ESPRIT) baselines, a Hann-tapered 3-D FFT periodogram and the deterministic CRB. \
            Expected (docs/ISAC.md#test-tolerances): \
            PLAIN's RMSE within ≈ 1.05–1.2 of the compressed-data CRB at SNR ≥ 0 dB and ≈ 1.2–1.4 of the \
            full-data CRB in angle; the FFT is grid-limited.
            """
    ) { context in
        try context.run(
            ISACEstimateCommand.self,
            arguments: [
                "--method", "plain", "--method", "sequential", "--method", "tensor-esprit", "--method", "fft3d",
                "--snr-db", "10",
            ],
            caption:
                "Paired estimates of one 10 dB realisation (distance vs angle), every method, with the truth; each path's error in Rayleigh cells (log scale), which the scatter is too coarse to show; each method's per-mode model orders in isac-estimate-mode-orders.csv."
        )
        try context.run(
            ISACSweepCommand.self,
            arguments: ["--snr-min=-10", "--snr-max", "20", "--snr-step", "5", "--trials", "20"],
            caption:
                "RMSE vs SNR per parameter (20 trials per point) against the full-data CRB and the CRB of the compressed tensor PLAIN estimates from; per-path RMSE and CRB in isac-rmse-per-path.csv."
        )
        try context.run(
            ISACSweepCommand.self,
            arguments: [
                "--evaluation", "resolution", "--method", "plain", "--method", "sequential", "--method",
                "tensor-esprit", "--trials", "10", "--snr-db=-25",
            ],
            caption: """
                Probability of resolving two equal-power targets κ Rayleigh cells apart in one dimension and 3 cells \
                apart in the others (−25 dB, 10 trials). At 10 dB every method resolves 0.25 cells (the integrated SNR \
                over 1.6 M samples is ≈ 72 dB); at −25 dB the decoupled per-mode stage of PLAIN needs ≈ 0.5 cells \
                while the joint estimator exploits the separation in the other dimensions.
                """)
        try comparison(context).add(
            to: context,
            introduction:
                "The paper's figures are RMSE curves against the CRB; docs/ISAC.md#test-tolerances turns them (and "
                + "the authors' code on the same scenario) into the ratios below, which this run reads from "
                + "isac-rmse.csv and isac-resolution.csv.")
        // No `isac bench` here: timings differ from run to run and machine to machine, so a regenerated
        // report would never match the committed one (docs/ISAC.md gives measured timings with their setup).
    }

    /// The paper's (and its authors' code's) accuracy figures beside the sweeps above.
    private static func comparison(_ context: FigureContext) throws -> PaperComparison {
        let f = PaperComparison.fixed
        let plain = try context.records("isac-rmse.csv").filter { $0["method"] == "plain" }
        let paths = Set(try context.records("isac-rmse-per-path.csv").compactMap { $0["path"] }).count
        var table = PaperComparison()
        for parameter in ["angle_deg", "distance_m", "velocity_mps"] {
            let cells = plain.filter { $0["parameter"] == parameter && ($0.number("snr_db") ?? -1) >= 0 }
            let ratios = cells.compactMap { r in
                r.number("rmse").flatMap { e in r.number("crb_compressed_std").map { e / $0 } }
            }
            let errors = (cells.first?.number("valid_trials") ?? 0) * Double(paths)
            var why =
                "\(Int(errors)) errors per point (\(paths) paths × trials): an RMSE from n errors has a relative "
                + "sampling error ≈ 1/√(2n) = \(f(100 / (2 * max(errors, 1)).squareRoot(), 1)) %"
            if parameter != "velocity_mps", let low = ratios.min(), low < 1 - 2 / (2 * max(errors, 1)).squareRoot() {
                why +=
                    "; below 1 by more than that error: the RMSE beats a bound for unbiased estimators that see only "
                    + "the compressed tensor (it stays above the full-data CRB, the ratio column of isac-rmse.csv), so "
                    + "PLAIN's \(parameter) estimate draws on more than the compressed data or the compressed-data "
                    + "bound is computed for a heavier compression; an open question, not a settled result"
            }
            if parameter == "velocity_mps" {
                why +=
                    "; velocity can sit below its per-path CRB because the static paths share one Doppler "
                    + "candidate (docs/ISAC.md#test-tolerances)"
            }
            table.add(
                "PLAIN RMSE / √CRB of the compressed data, \(parameter), SNR 0…20 dB",
                paper: "≈ 1.05–1.2", measured: "\(f(ratios.min(), 3))–\(f(ratios.max(), 3))", deviation: why)
        }
        if let atZero = plain.first(where: { $0["parameter"] == "angle_deg" && $0.number("snr_db") == 0 }) {
            table.add(
                "PLAIN angle RMSE / √CRB of the full data at 0 dB", paper: "≈ 1.4",
                measured: f(atZero.number("ratio"), 3),
                deviation:
                    "averaging costs the weakest (farthest) path ≈ 1.75 dB, and that path dominates the average; "
                    + "the figure varies with the trials' sampling error above")
        }
        let resolution = try context.records("isac-resolution.csv").filter { $0["method"] == "plain" }
        for dimension in ["angle_deg", "distance_m", "velocity_mps"] {
            let resolved = resolution.filter {
                $0["dimension"] == dimension && ($0.number("probability_resolved") ?? 0) >= 0.9
            }
            table.add(
                "PLAIN at −25 dB: smallest separation resolved in ≥ 90 % of trials, \(dimension) [Rayleigh cells]",
                paper: "super-resolution (< 1 cell)",
                measured: f(resolved.compactMap { $0.number("separation_cells") }.min(), 2),
                deviation:
                    "the paper shows super-resolution at its own SNRs; at −25 dB the decoupled per-mode stage needs "
                    + "about half a cell (10 trials per separation, so a probability is known to ±0.1 only)")
        }
        return table
    }
}
