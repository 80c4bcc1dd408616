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
        try comparison(context).add(
            to: context,
            introduction:
                "NK's results are scaling laws and limits (λ → ∞), so the paper's column holds its closed forms "
                + "and exponents; this run's column reads the CSVs above (analytic cells at the largest densities, "
                + "secant slopes over the last half-decade, Monte-Carlo with 1,000 drops per density).")
    }

    /// NK's predictions beside the sweeps' analytic and Monte-Carlo values.
    private static func comparison(_ context: FigureContext) throws -> PaperComparison {
        typealias Record = [String: String]
        let f = PaperComparison.fixed
        func rows(_ file: String, metric: String) throws -> [Record] {
            try context.records(file).filter { $0["metric"] == metric }
        }
        func series(_ records: [Record]) -> (lambda: [Double], analytic: [Double]) {
            let cells = records.compactMap { r in
                r.number("lambda").flatMap { l in r.number("analytic").map { (l, $0) } }
            }
            return (cells.map(\.0), cells.map(\.1))
        }
        var table = PaperComparison()

        let single = try rows("densify-coverage.csv", metric: "coverage").filter { $0.number("threshold_db") == 0 }
        table.add(
            "single slope α = 4, strongest BS, T = 0 dB, W = 0: P_c at λ = "
                + single.map { $0["lambda"] ?? "?" }.joined(separator: " and "),
            paper: "2/π = \(f(2 / Double.pi, 4)) at every λ",
            measured: single.map {
                "\(f($0.number("analytic"), 4)) (MC \(f($0.number("mc"), 3)), 95 % CI \(f($0.number("mc_ci95_lo"), 3))–\(f($0.number("mc_ci95_hi"), 3)))"
            }.joined(separator: "; "),
            deviation: "none in the closed form; the Monte-Carlo values differ by their sampling error only")

        let saturating = series(try rows("densify-sweep-alpha0-3.csv", metric: "coverage"))
        let limit = sin(2 * Double.pi / 3) / (2 * Double.pi / 3)
        if let last = saturating.analytic.last, let lambda = saturating.lambda.last {
            table.add(
                "dual slope α0 = 3, α1 = 4, strongest, T = 0 dB: P_c as λ grows",
                paper: "→ sinc(2/α0) = \(f(limit, 4)) (saturation)",
                measured: "\(f(last, 4)) at λ = \(f(lambda, 0)), decreasing in λ",
                deviation:
                    "the limit is approached from above only as λ → ∞; at this λ a share of the strongest BSs still "
                    + "lies beyond R_1 = 1, \(String(format: "%.1e", last - limit)) above the limit")
        }

        let decaying = series(try rows("densify-sweep-alpha0-1.5.csv", metric: "coverage"))
        let secant = "secant slope over the last half-decade of the sweep; the power law is an asymptote"
        table.add(
            "dual slope α0 = 1.5, strongest, T = 0 dB: slope of ln P_c vs ln λ",
            paper: "1 − 2/α0 = −1/3 (decay)",
            measured: f(PaperComparison.logLogSlope(x: decaying.lambda, y: decaying.analytic), 4),
            deviation: secant)
        let asymptote = try context.records("densify-sweep-alpha0-1.5-asymptote.csv").filter {
            $0["metric"] == "coverage"
        }
        if let exact = decaying.analytic.last, let approximation = asymptote.last?.number("asymptote") {
            table.add(
                "the same: P_c / its asymptote πE[H^{2/α0}](T m_g)^{−2/α0} λ^{1−2/α0} at the largest λ",
                paper: "→ 1", measured: f(exact / approximation, 4),
                deviation: "finite λ: the asymptote neglects the BSs beyond R_1")
        }
        table.add(
            "the same: slope of the coverage density D_c = λP_c",
            paper: "2 − 2/α0 = +2/3 (D_c rises iff α0 > 1)",
            measured: f(
                PaperComparison.logLogSlope(
                    x: decaying.lambda, y: zip(decaying.lambda, decaying.analytic).map { $0 * $1 }), 4),
            deviation: secant)
        for (metric, predicted) in [("rate", "α0/2 − 1 = −1/4"), ("ase", "α0/2 = +3/4")] {
            let s = series(try rows("densify-sweep-alpha0-1.5.csv", metric: metric))
            table.add(
                "the same: slope of the \(metric == "rate" ? "mean rate" : "area spectral efficiency")",
                paper: predicted, measured: f(PaperComparison.logLogSlope(x: s.lambda, y: s.analytic), 4),
                deviation: secant + "; the rate integrates P_c over all thresholds, so it converges more slowly")
        }

        var inside = 0
        var total = 0
        var worst = 0.0
        for file in ["densify-sweep-alpha0-1.5.csv", "densify-sweep-alpha0-3.csv", "densify-sweep-nearest-noisy.csv"] {
            for r in try rows(file, metric: "coverage") {
                guard let a = r.number("analytic"), let m = r.number("mc"), let lo = r.number("mc_ci95_lo"),
                    let hi = r.number("mc_ci95_hi"), hi > lo
                else { continue }
                total += 1
                if lo <= a && a <= hi { inside += 1 }
                worst = max(worst, abs(m - a) / ((hi - lo) / 2))
            }
        }
        table.add(
            "analysis vs simulation: coverage cells whose 95 % Monte-Carlo interval holds the analytic value",
            paper: "\"verified by simulations\"",
            measured: "\(inside) of \(total); largest MC–analytic gap = \(f(worst, 2)) half-widths",
            deviation:
                "expected ≈ 95 % for independent cells; the densities of a sweep share their drops (common random "
                + "numbers), so misses come in runs across λ rather than independently")
        return table
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
        var table = PaperComparison()
        let exponents = Dictionary(
            try context.records("measured-fit-models.csv").compactMap { r -> (String, Double)? in
                guard let model = r["model"], let group = r["group"], let n = r.number("n") else { return nil }
                return ("\(model) \(group)", n)
            }, uniquingKeysWith: { first, _ in first })
        for (file, key, label) in [
            ("densify-measured-ci.csv", "CI all", "close-in fit"),
            ("densify-measured-fi-low-loss.csv", "FI glass_type=low_loss", "low-loss-glass FI fit"),
        ] {
            guard let n = exponents[key] else { continue }
            let cells = try context.records(file).filter {
                $0["metric"] == "coverage" && $0.number("threshold_db") == 0
            }
            guard let last = cells.last, let analytic = last.number("analytic") else { continue }
            let plateau = sin(2 * Double.pi / n) / (2 * Double.pi / n)
            table.add(
                "\(label) (n = \(PaperComparison.fixed(n, 2))): strongest-BS coverage at T = 0 dB, λ = \(last["lambda_per_km2"] ?? "?") /km²",
                paper: "→ sinc(2/n) = \(PaperComparison.fixed(plateau, 4)) once interference dominates",
                measured:
                    "\(PaperComparison.fixed(analytic, 4)) (MC \(PaperComparison.fixed(last.number("mc"), 3)), 95 % CI "
                    + "\(PaperComparison.fixed(last.number("mc_ci95_lo"), 3))–\(PaperComparison.fixed(last.number("mc_ci95_hi"), 3)))",
                deviation: abs(analytic - plateau) < 0.002
                    ? "none beyond the remaining noise: at this density the network is interference-limited, and "
                        + "i.i.d. shadowing leaves strongest-BS coverage unchanged"
                    : "the network is still leaving the noise-limited regime at this density (the plateau is a "
                        + "limit in λ); the rise is visible in the coverage figure")
        }
        table.add(
            to: context,
            introduction:
                "NK's single-slope result (strongest BS, Rayleigh, W → 0: P_c = sinc(2/n) at T = 0 dB, for any i.i.d. "
                + "shadowing) applied to the exponents fitted on the 28 GHz replica; the fits come from "
                + "measured-fit-models.csv and the coverage from the sweeps above.")
    }
}
