import Foundation
import WirelessCore

/// Nguyen and Kountouris's predictions (JSAC 2017) beside the values the densification studies computed:
/// the tables that end the `densify-regimes` and `densify-measured-28ghz` figure reports. Both read the
/// CSV tables the sets wrote (through `records`), so a table cannot disagree with the figures above it.
public enum DensifyPaperComparison {
    /// NK's predictions beside the sweeps' analytic and Monte-Carlo values.
    /// - Parameter records: The rows of a CSV file the `densify-regimes` set wrote (by file name).
    /// - Throws: What `records` throws.
    public static func regimes(records: (String) throws -> [TableRecord]) throws -> ReferenceComparison {
        typealias Record = TableRecord
        let f = ReferenceComparison.fixed
        func rows(_ file: String, metric: String) throws -> [Record] {
            try records(file).filter { $0["metric"] == metric }
        }
        func series(_ records: [Record]) -> (lambda: [Double], analytic: [Double]) {
            let cells = records.compactMap { r in
                r.number("lambda").flatMap { l in r.number("analytic").map { (l, $0) } }
            }
            return (cells.map(\.0), cells.map(\.1))
        }
        var table = ReferenceComparison()

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
            measured: f(ReferenceComparison.logLogSlope(x: decaying.lambda, y: decaying.analytic), 4),
            deviation: secant)
        let asymptote = try records("densify-sweep-alpha0-1.5-asymptote.csv").filter {
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
                ReferenceComparison.logLogSlope(
                    x: decaying.lambda, y: zip(decaying.lambda, decaying.analytic).map { $0 * $1 }), 4),
            deviation: secant)
        for (metric, predicted) in [("rate", "α0/2 − 1 = −1/4"), ("ase", "α0/2 = +3/4")] {
            let s = series(try rows("densify-sweep-alpha0-1.5.csv", metric: metric))
            table.add(
                "the same: slope of the \(metric == "rate" ? "mean rate" : "area spectral efficiency")",
                paper: predicted, measured: f(ReferenceComparison.logLogSlope(x: s.lambda, y: s.analytic), 4),
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

    /// NK's single-slope limit P_c = sinc(2/n) (strongest BS, Rayleigh, W → 0, T = 0 dB, any i.i.d. shadowing)
    /// at the exponents fitted on the 28 GHz replica (`measured-fit-models.csv`) beside the sweeps on those fits.
    /// - Parameter records: The rows of a CSV file the `densify-measured-28ghz` set wrote (by file name).
    /// - Throws: What `records` throws.
    public static func measured28GHz(records: (String) throws -> [TableRecord]) throws -> ReferenceComparison {
        var table = ReferenceComparison()
        let exponents = Dictionary(
            try records("measured-fit-models.csv").compactMap { r -> (String, Double)? in
                guard let model = r["model"], let group = r["group"], let n = r.number("n") else { return nil }
                return ("\(model) \(group)", n)
            }, uniquingKeysWith: { first, _ in first })
        for (file, key, label) in [
            ("densify-measured-ci.csv", "CI all", "close-in fit"),
            ("densify-measured-fi-low-loss.csv", "FI glass_type=low_loss", "low-loss-glass FI fit"),
        ] {
            guard let n = exponents[key] else { continue }
            let cells = try records(file).filter {
                $0["metric"] == "coverage" && $0.number("threshold_db") == 0
            }
            guard let last = cells.last, let analytic = last.number("analytic") else { continue }
            let plateau = sin(2 * Double.pi / n) / (2 * Double.pi / n)
            table.add(
                "\(label) (n = \(ReferenceComparison.fixed(n, 2))): strongest-BS coverage at T = 0 dB, λ = \(last["lambda_per_km2"] ?? "?") /km²",
                paper: "→ sinc(2/n) = \(ReferenceComparison.fixed(plateau, 4)) once interference dominates",
                measured:
                    "\(ReferenceComparison.fixed(analytic, 4)) (MC \(ReferenceComparison.fixed(last.number("mc"), 3)), 95 % CI "
                    + "\(ReferenceComparison.fixed(last.number("mc_ci95_lo"), 3))–\(ReferenceComparison.fixed(last.number("mc_ci95_hi"), 3)))",
                deviation: abs(analytic - plateau) < 0.002
                    ? "none beyond the remaining noise: at this density the network is interference-limited, and "
                        + "i.i.d. shadowing leaves strongest-BS coverage unchanged"
                    : "the network is still leaving the noise-limited regime at this density (the plateau is a "
                        + "limit in λ); the rise is visible in the coverage figure")
        }
        return table
    }
}
