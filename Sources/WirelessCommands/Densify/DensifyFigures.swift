import Foundation

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
    }
}
