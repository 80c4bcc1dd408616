import Foundation
import Testing
import WirelessCore
import WirelessIO
import WirelessStochasticGeometry

@testable import WirelessCommands

/// `wtk pathloss multifrequency` → `wtk densify sweep --path-loss-model abg`: the ABG fit (with its new
/// `sigma` row) of a synthetic two-frequency campaign round-trips into the densification channel.
@Suite struct DensifyABGPathLossFitCommandTests {
    /// Links from ABG (α = 4, β = 30 dB, γ = 2.1) at 28 and 73 GHz, each (d, f) measured twice, at +e and
    /// −e dB: the pair's mean is on the model and the ±e residuals are orthogonal to every design column,
    /// so OLS recovers α, β, γ exactly and σ = e·sqrt(N/(N − 3)) (N = 56, n − 3 degrees of freedom).
    @Test func multifrequencyFitRoundTripsIntoTheDensifySweep() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (alpha, beta, gamma, e) = (4.0, 30.0, 2.1, 0.5)
        var text = "distance_m,path_gain_db,frequency_ghz\n"
        var count = 0
        for f in [28.0, 73.0] {
            for d in stride(from: 5.0, through: 200, by: 15) {
                let loss = 10 * alpha * log10(d) + beta + 10 * gamma * log10(f)
                for sign in [1.0, -1.0] {
                    text += "\(d),\(-loss + sign * e),\(f)\n"
                    count += 1
                }
            }
        }
        let input = root.appendingPathComponent("links.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let fitOut = root.appendingPathComponent("fit")
        #expect(
            ShardMergeTests.run([
                "pathloss", "multifrequency", "--input", input.path, "--out-dir", fitOut.path, "--quiet",
            ])
                == 0)
        let models = fitOut.appendingPathComponent("pathloss-multifrequency-models.csv").path
        let fit = try MeasuredPathLoss(
            document: CSVReader.read(contentsOf: URL(fileURLWithPath: models)), model: .abg, group: "all",
            carrierFrequencyHz: 28e9)
        // Least squares on 56 exact-to-the-last-digit gains of ≈ −100 dB: rounding ≈ 1e-13 dB; the table's
        // decimal text keeps ≥ 15 digits. 1e-9 (and 1e-8 dB for L0, which adds 10·γ·log10 28 ≈ 30 dB) is loose.
        let tolerance = 1e-9
        #expect(abs(fit.pathGain.exponents[0] - alpha) < tolerance)
        #expect(abs(fit.pathLossAt1mDB - (beta + 10 * gamma * log10(28.0))) < 1e-8)
        let sigma = e * (Double(count) / Double(count - 3)).squareRoot()
        #expect(abs(fit.shadowingSigmaDB - sigma) < tolerance, "\(fit.shadowingSigmaDB) vs \(sigma)")

        let out = root.appendingPathComponent("out")
        let sweep = [
            "densify", "sweep", "--path-loss-fit", models, "--path-loss-model", "abg", "--mc", "off", "--metrics",
            "coverage", "--lambda-min", "10", "--lambda-max", "100", "--per-decade", "1",
            "--density-unit", "km2", "--out-dir", out.path, "--quiet",
        ]
        // Without the carrier the ABG loss is undefined: usage error.
        #expect(ShardMergeTests.run(sweep) == 64)
        #expect(ShardMergeTests.run(sweep + ["--carrier-ghz", "28"]) == 0)
        let meta = try String(contentsOf: out.appendingPathComponent("densify-sweep.meta.json"), encoding: .utf8)
        #expect(meta.contains("\"path_loss_model\" : \"abg\""), "\(meta)")
        #expect(meta.contains("\"shadowing_sigma_db\" : \"\(fit.shadowingSigmaDB)\""), "\(meta)")
        let csv = try String(contentsOf: out.appendingPathComponent("densify-sweep.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 2)
        // Oracle: strongest BS, Rayleigh, single slope α = 4, no noise: P_c(T = 0 dB) = sinc(δ)·T^(−δ) = 2/π
        // at every density (Dhillon et al. 2012, exact for T ≥ 1); log-normal shadowing only rescales the
        // density (displacement theorem), so the fitted σ must not move it.
        for row in rows {
            let value = try #require(Double(row[4]))
            #expect(abs(value - 2 / Double.pi) < 1e-12, "\(row)")
        }
        // A `pathloss fit` table asked for ABG is bad data naming the file.
        let single = root.appendingPathComponent("fit-models.csv")
        try "model,group,a_db,n,sigma_n_minus_p_db\nFI,all,-80,2.5,8\n".write(
            to: single, atomically: true, encoding: .utf8)
        let (code, message) = ShardMergeTests.failure(
            [
                "densify", "sweep", "--path-loss-fit", single.path, "--path-loss-model", "abg", "--carrier-ghz", "28",
                "--mc", "off", "--metrics", "coverage",
            ])
        #expect(code == 65 && message.contains("fit-models.csv") && message.contains("parameter"), "\(message)")
    }
}
