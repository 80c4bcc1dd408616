import Foundation
import WirelessCore
import WirelessIO
import WirelessStochasticGeometry

/// The figure set of `wtk densify` (Nguyen–Kountouris, JSAC 2017; docs/DENSIFICATION.md#command-line-sweeps).
enum DensifyFigures {
    /// The three dense-network regimes and the densification sweeps behind them.
    static let regimes = FigureSet(
        name: "densify-regimes",
        title: "Performance limits of network densification",
        summary: """
            Poisson network, dual-slope path gain (α1 = 4, R_1 = 1), Rayleigh fading, T = 0 dB. NK's result: with \
            strongest-cell association, coverage and rate increase, saturate or decay with the BS density depending \
            on the near-field exponent α0 and the fading tail; coverage density and ASE scale better than per-user \
            performance (D_c rises iff α0 > 1). Analytic curves (routes b–f of docs/DENSIFICATION.md) carry \
            Monte-Carlo points \
            with 95 % intervals from common random numbers across the sweep.
            """
    ) { context in
        try context.run(
            DensifyRegimesCommand.self, arguments: [], seeded: false,
            caption: "Regime of each near-field exponent with its predicted slopes; nearest-BS coverage vs λ (log–log)."
        )
        for (alpha0, label) in [("1.5", "decay (D_c and ASE still rise)"), ("3", "saturation at sinc(2/3)")] {
            try context.run(
                DensifySweepCommand.self,
                arguments: [
                    "--exponents", "\(alpha0),4", "--breakpoints", "1", "--association", "strongest",
                    "--mc", "drops:1000", "--name", "densify-sweep-alpha0-\(alpha0)",
                ],
                caption: "Strongest-BS association, α0 = \(alpha0): \(label).")
        }
        try context.run(
            DensifySweepCommand.self,
            arguments: [
                "--exponents", "1.5,4", "--breakpoints", "1", "--association", "nearest", "--noise", "0.001",
                "--mc", "drops:1000", "--name", "densify-sweep-nearest-noisy",
            ],
            caption:
                "Nearest-BS association with noise W = 1e-3, α0 = 1.5: the noise-limited rise at low density, then decay."
        )
        try context.run(
            DensifyCoverageCommand.self,
            arguments: ["--exponents", "4", "--densities", "0.1,1000", "--mc", "drops:1000"],
            caption: "Single slope α = 4, strongest BS: P_c(T) is the same at every density (Dhillon/KBK).")
        try context.run(
            DensifyTiersCommand.self, arguments: [],
            caption:
                "Beyond the paper: a macro tier (λ = 1, 20 dB) under a small-cell tier (λ = 10, 0 dB, 6 dB bias), "
                + "α = 4, Rayleigh: joint coverage per tier and overall (Jo et al. 2012) with Monte-Carlo points; "
                + "association probabilities and mean rates per tier in densify-tiers-tiers.csv.")
        try context.run(
            DensifyBlockageCommand.self, arguments: ["--drops", "2000"],
            caption:
                "Beyond the paper: 28 GHz with exponential blockage (1/β = 141 m, Bai–Heath), LOS/NLOS laws of "
                + "Akdeniz et al., 30 dBm over 1 GHz: coverage falls with density as more NLOS interferers turn LOS.")
        try DensifyPaperComparison.regimes(records: context.records).add(
            to: context,
            introduction:
                "NK's results are scaling laws and limits (λ → ∞), so the paper's column holds its closed forms "
                + "and exponents; this run's column reads the CSVs above (analytic cells at the largest densities, "
                + "secant slopes over the last half-decade, Monte-Carlo with 1,000 drops per density).")
    }

    /// Measured path loss in: the 28 GHz outdoor-to-indoor campaign's fits as the channel of a Poisson network.
    static let measured28GHz = FigureSet(
        name: "densify-measured-28ghz",
        title: "Densification limits of a measured 28 GHz channel",
        summary: """
            One pipeline from a campaign to network limits: `wtk pathloss fit` fits the 28 GHz outdoor-to-indoor \
            replica (datasets/oti28-synthetic), and `wtk densify sweep --path-loss-fit` builds a Poisson network on \
            the fitted model — its exponent as the path gain, its loss at 1 m in the link budget (30 dBm, 400 MHz, \
            7 dB noise figure), its residual σ as log-normal shadowing, Rayleigh fading on top, strongest-BS \
            association, densities per km². With a single slope n > 2 coverage rises out of the noise-limited \
            regime and saturates once interference dominates (κ = 2/n); shadowing of σ ≈ 12 dB does not change \
            the interference-limited plateau (strongest-BS coverage is invariant to i.i.d. shadowing) but moves \
            the noise-limited rise to lower densities. Where no analytic route exists (mean rate below the \
            inclusion–exclusion limit T = 1/32 with this shadowing) the cell is Monte-Carlo only and \
            analytic_reason says why. The replica's dual-slope fit has a negative near exponent (gain rising \
            with distance below ≈ 32 m), which no densification path gain can take; `--path-loss-model \
            dual-slope` refuses it naming the file, line and column, so the set uses the CI and per-glass FI fits.
            """
    ) { context in
        try context.run(
            PathLossFitCommand.self, arguments: ["--name", "measured-fit"], seeded: false,
            caption: "The fits of the 28 GHz replica: FI, CI (anchored at free space), dual slope and per-glass FI.")
        let common = [
            "--association", "strongest", "--density-unit", "km2", "--lambda-min", "1", "--lambda-max", "10000",
            "--per-decade", "4", "--tx-power-dbm", "30", "--bandwidth-hz", "4e8", "--noise-figure-db", "7",
            "--threshold-db=-5,0", "--metrics", "coverage,rate,ase", "--mc", "drops:2000",
        ]
        try context.run(
            DensifySweepCommand.self,
            arguments: [
                "--path-loss-fit", "measured-fit-models.csv", "--path-loss-model", "ci", "--carrier-ghz", "28",
                "--name", "densify-measured-ci",
            ] + common,
            caption: "Close-in fit (n ≈ 3.51, σ ≈ 12.3 dB) as the network's channel.",
            inputsIn: context.directory)
        try context.run(
            DensifySweepCommand.self,
            arguments: [
                "--path-loss-fit", "measured-fit-models.csv", "--path-loss-model", "fi", "--path-loss-group",
                "glass_type=low_loss", "--name", "densify-measured-fi-low-loss",
            ] + common,
            caption:
                "Floating-intercept fit of the low-loss-glass links (n ≈ 2.59, σ ≈ 6.1 dB): a shallower slope, so the plateau is lower (sinc(2/n) at 0 dB). The Monte-Carlo points sit ≈ 0.01–0.025 below the analytic plateau: with n this close to 2, about 24 % of the mean interference lies beyond the 400 simulated BSs and enters as its mean (tail_share column), which the summary flags.",
            inputsIn: context.directory)
        try DensifyPaperComparison.measured28GHz(records: context.records).add(
            to: context,
            introduction:
                "NK's single-slope result (strongest BS, Rayleigh, W → 0: P_c = sinc(2/n) at T = 0 dB, for any i.i.d. "
                + "shadowing) applied to the exponents fitted on the 28 GHz replica; the fits come from "
                + "measured-fit-models.csv and the coverage from the sweeps above.")
    }
}
