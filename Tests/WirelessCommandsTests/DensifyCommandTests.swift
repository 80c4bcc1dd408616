import ArgumentParser
import Foundation
import Testing
import WirelessIO
import WirelessStochasticGeometry

@testable import WirelessCommands

@Suite struct DensifyCommandTests {
    @Test func helpSnapshots() throws {
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: DensifyCommand.self, columns: 100), snapshot: "wtk-densify-help.txt")
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: DensifySweepCommand.self, columns: 100), snapshot: "wtk-densify-sweep-help.txt")
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: DensifyTiersCommand.self, columns: 100), snapshot: "wtk-densify-tiers-help.txt")
        try HelpSnapshotTests.check(
            WTK.helpMessage(for: DensifyBlockageCommand.self, columns: 100), snapshot: "wtk-densify-blockage-help.txt")
    }

    /// `densify blockage` with a LOS ball beyond every BS and equal LOS/NLOS laws is ABG: 1/(1 + π/4) at
    /// T = 0 dB, α = 4, without noise (the noise figure pushes W below 1e-30); a bad law is a usage error.
    @Test func blockageWritesItsTableAndReducesToABG() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(
            runWTK([
                "densify", "blockage", "--densities", "100", "--blockage", "ball", "--los-range-m", "50",
                "--los-gain-db", "-60", "--nlos-gain-db", "-60", "--los-exponent", "4", "--nlos-exponent", "4",
                "--noise-figure-db", "-200", "--threshold-min-db", "0", "--threshold-max-db", "0", "--drops", "200",
                "--out-dir", dir.path, "--quiet",
            ]) == 0)
        let csv = try String(contentsOf: dir.appendingPathComponent("densify-blockage.csv"), encoding: .utf8)
        let row = try #require(csv.split(separator: "\n").dropFirst().first)
        let value = try #require(Double(row.split(separator: ",")[2]))
        #expect(abs(value - 1 / (1 + Double.pi / 4)) < 1e-6)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("densify-blockage.svg").path))
        #expect(runWTK(["densify", "blockage", "--blockage", "wall", "--out-dir", dir.path, "--quiet"]) == 64)
    }

    /// `densify tiers` writes the coverage table, the per-tier table and the figure; one tier reproduces ABG's
    /// 1/(1 + π/4) = 0.560099 at T = 0 dB, α = 4; lists of different lengths are a usage error that writes nothing.
    @Test func tiersWritesItsTablesAndReducesToABGForOneTier() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(runWTK(["densify", "tiers", "--drops", "300", "--out-dir", dir.path, "--quiet"]) == 0)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: dir.path))
        for name in ["densify-tiers.csv", "densify-tiers-tiers.csv", "densify-tiers.svg"] {
            #expect(files.contains(name), "\(name) missing")
        }
        let single = dir.appendingPathComponent("single")
        #expect(
            runWTK([
                "densify", "tiers", "--densities", "2", "--powers-db", "0", "--biases-db", "0", "--drops", "0",
                "--threshold-min-db", "0", "--threshold-max-db", "0", "--out-dir", single.path, "--quiet",
            ]) == 0)
        let csv = try String(contentsOf: single.appendingPathComponent("densify-tiers.csv"), encoding: .utf8)
        let row = try #require(csv.split(separator: "\n").first { $0.hasPrefix("0,all,") })
        let value = try #require(Double(row.split(separator: ",", omittingEmptySubsequences: false)[2]))
        #expect(abs(value - 1 / (1 + Double.pi / 4)) < 1e-12)
        let bad = dir.appendingPathComponent("bad")
        #expect(
            runWTK(["densify", "tiers", "--densities", "1,2", "--powers-db", "0", "--out-dir", bad.path, "--quiet"])
                == 64)
        #expect(!FileManager.default.fileExists(atPath: bad.path))
    }

    @Test func sweepWritesSpecColumnsAndAgreesWithMonteCarlo() throws {
        let dir = try makeTemporaryDirectory()
        let code = runWTK([
            "densify", "sweep", "--exponents", "4", "--breakpoints", "", "--association", "nearest",
            "--lambda-min", "1", "--lambda-max", "10", "--per-decade", "1", "--metrics", "coverage,rate",
            "--mc", "drops:1500", "--out-dir", dir.path, "--quiet", "--seed", "3",
        ])
        #expect(code == 0)
        let csv = try String(contentsOf: dir.appendingPathComponent("densify-sweep.csv"), encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "lambda,threshold_db,metric,unit,analytic,analytic_method,analytic_abs_err,mc,mc_ci95_lo,mc_ci95_hi,mc_drops,converged,tail_share,analytic_reason"
        )
        // Coverage rows: analytic 1/(1+π/4) inside 4 half-widths of the MC estimate.
        for line in lines.dropFirst() where line.contains(",coverage,") {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            let analytic = Double(f[4])!
            let (mc, lo, hi) = (Double(f[7])!, Double(f[8])!, Double(f[9])!)
            #expect(abs(analytic - 1 / (1 + Double.pi / 4)) < 1e-6)
            #expect(abs(mc - analytic) <= 2 * (hi - lo))
        }
        #expect(listing(dir).contains("densify-sweep-coverage.svg"))
        #expect(listing(dir).contains("densify-sweep-rate.svg"))
    }

    /// Issue 13 items 4 and 5: a cell with no analytic value says why; with noise the peak density is a row of
    /// the table (λ* in the lambda column, P_c(λ*) as the value) and a key of the meta sidecar, even with --quiet.
    @Test func sweepGivesReasonsAndPeakDensityInTheTable() throws {
        func sweep(_ extra: [String]) throws -> (dir: URL, rows: [[String]]) {
            let dir = try makeTemporaryDirectory()
            let code = runWTK(
                [
                    "densify", "sweep", "--exponents", "2.5,4", "--breakpoints", "1", "--association", "strongest",
                    "--noise", "0.01", "--lambda-min", "0.1", "--lambda-max", "100", "--per-decade", "1", "--metrics",
                    "coverage", "--mc", "off", "--out-dir", dir.path, "--quiet",
                ] + extra)
            #expect(code == 0)
            let csv = try String(contentsOf: dir.appendingPathComponent("densify-sweep.csv"), encoding: .utf8)
            let rows = csv.split(separator: "\n").dropFirst().map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            return (dir, rows)
        }
        // −3 dB, multi-slope strongest with Nakagami fading: no route (route i needs Rayleigh h); the last column
        // says so, and so does the peak-density row.
        let missing = try sweep(["--threshold-db=-3", "--fading", "nakagami:2"]).rows
        let below = missing.filter { $0[2] == "coverage" && $0[1] == "-3" }
        #expect(!below.isEmpty)
        for r in below {
            #expect(r[4].isEmpty)
            #expect(r.last!.contains("below T = 1"), "\(r)")
        }
        #expect(missing.first { $0[2] == "peak-density" }!.last!.contains("below T = 1"))
        // 3 dB, Rayleigh: a value and an empty reason.
        let (dir, rows) = try sweep(["--threshold-db=3"])
        for r in rows where r[2] == "coverage" && r[1] == "3" {
            #expect(Double(r[4]) != nil)
            #expect(r.last!.isEmpty)
        }
        // One peak-density row per threshold: a λ* inside the grid with P_c(λ*) ≥ every grid value.
        let peaks = rows.filter { $0[2] == "peak-density" }
        #expect(peaks.count == 1)
        let peak = try #require(peaks.first { $0[1] == "3" })
        let lambdaStar = try #require(Double(peak[0]))
        let best = try #require(Double(peak[4]))
        #expect(lambdaStar >= 0.1 && lambdaStar <= 100)
        for r in rows where r[2] == "coverage" && r[1] == "3" { #expect(best >= Double(r[4])! - 1e-9) }
        let meta = try String(contentsOf: dir.appendingPathComponent("densify-sweep.meta.json"), encoding: .utf8)
        #expect(meta.contains("\"peak_density\""))
        #expect(meta.contains(peak[0]))
    }

    @Test func badInputExitsWithUsageCodeAndWritesNothing() throws {
        let cases: [[String]] = [
            ["--exponents", "1,2", "--breakpoints", "1"],  // last exponent ≤ 2
            ["--exponents", "3,2.5,4", "--breakpoints", "1,2"],  // decreasing exponents
            ["--exponents", "1,4", "--breakpoints", "2,1"],  // breakpoint count
            ["--exponents", "1,2,4", "--breakpoints", "2,1"],  // non-increasing breakpoints
            ["--lambda-min", "0"],
            ["--fading", "nakagami:0"],
            ["--threshold-db", "inf"],
            ["--exponents", "1,2,4"],  // three slopes need two breakpoints
            ["--exponents", "4", "--breakpoints", "1"],  // a single slope has none
            ["--association", "farthest"],
            ["--fading", "rician:-1"],
            ["--metrics", "coverage,sinr"],
        ]
        for arguments in cases {
            let dir = try makeTemporaryDirectory()
            let code = runWTK(["densify", "sweep"] + arguments + ["--mc", "off", "--out-dir", dir.path, "--quiet"])
            #expect(code == 64, "\(arguments)")
            #expect(listing(dir).isEmpty, "\(arguments) wrote files")
        }
    }

    /// Grids that used to trap (Int(∞), Int > Int.max) or try to allocate ~10¹⁴ doubles, and thresholds whose
    /// linear value overflows to ∞ (previously a silent exit 0 with empty analytic cells): exit 64, nothing written.
    @Test func oversizedGridsAndOverflowingThresholdsAreUsageErrors() throws {
        let cases: [[String]] = [
            ["coverage", "--threshold-step-db", "1e-320"],
            ["coverage", "--threshold-step-db", "1e-12"],
            ["coverage", "--threshold-max-db", "4000", "--threshold-min-db", "3990", "--threshold-step-db", "5"],
            ["sweep", "--per-decade", "9223372036854775807"],
            ["sweep", "--lambda-min", "1e-300", "--lambda-max", "1e300", "--per-decade", "100000"],
            ["sweep", "--threshold-db", "4000"],
        ]
        for arguments in cases {
            let dir = try makeTemporaryDirectory()
            let code = runWTK(["densify"] + arguments + ["--mc", "off", "--out-dir", dir.path, "--quiet"])
            #expect(code == 64, "\(arguments)")
            #expect(listing(dir).isEmpty, "\(arguments) wrote files")
        }
    }

    @Test func wideDensityGridKeepsFiniteEndpoints() throws {
        let grid = try DensifyGrid.densities(from: 1e-300, to: 1e300, perDecade: 1)
        #expect(grid.first == 1e-300)
        #expect(grid.last == 1e300)
        #expect(grid.allSatisfy { $0.isFinite && $0 > 0 })
    }

    @Test func sweepDrawsTheDashedDecayAsymptote() throws {
        let dir = try makeTemporaryDirectory()
        let code = runWTK([
            "densify", "sweep", "--exponents", "0.8,4", "--association", "nearest", "--lambda-min", "100",
            "--lambda-max", "1000", "--per-decade", "1", "--metrics", "coverage,coverage-density", "--mc", "off",
            "--out-dir", dir.path, "--quiet",
        ])
        #expect(code == 0)
        let coverage = try String(
            contentsOf: dir.appendingPathComponent("densify-sweep-coverage.svg"), encoding: .utf8)
        let density = try String(
            contentsOf: dir.appendingPathComponent("densify-sweep-coverage-density.svg"), encoding: .utf8)
        #expect(coverage.contains("decay asymptote ∝ λ^-1.5, T = 0 dB"))
        #expect(density.contains("decay asymptote ∝ λ^-0.5, T = 0 dB"))
        // Issue 13: the asymptote is also a table, with its unit and slope.
        let table = try String(contentsOf: dir.appendingPathComponent("densify-sweep-asymptote.csv"), encoding: .utf8)
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.first == "lambda,threshold_db,metric,unit,asymptote,slope")
        #expect(lines.contains { $0.hasPrefix("100,0,coverage,probability,") && $0.hasSuffix(",-1.5") })
        #expect(lines.contains { $0.hasPrefix("1000,0,coverage-density,links/unit area,") && $0.hasSuffix(",-0.5") })
    }

    @Test func regimesPrintsTheClassification() throws {
        let dir = try makeTemporaryDirectory()
        #expect(runWTK(["densify", "regimes", "--alpha0", "0.8,3", "--out-dir", dir.path, "--quiet"]) == 0)
        let csv = try String(contentsOf: dir.appendingPathComponent("densify-regimes.csv"), encoding: .utf8)
        #expect(csv.contains("0.8,2.5,decay,-1.5,-0.6,-0.5,0.4"))
        #expect(csv.contains("saturate"))
        // The dashed decay asymptote is drawn for α0 = 0.8 (decay) and not for α0 = 3 (saturation).
        let svg = try String(contentsOf: dir.appendingPathComponent("densify-regimes.svg"), encoding: .utf8)
        #expect(svg.contains("α0 = 0.8 asymptote ∝ λ^-1.5"))
        #expect(!svg.contains("α0 = 3 asymptote"))
        #expect(svg.contains("stroke-dasharray"))
    }

    /// Issue 13: one exponent alone is a single slope (no `--breakpoints ''`), which is still accepted; two
    /// exponents default to R_1 = 1; more need their breakpoints, and a wrong count names both options.
    @Test func breakpointsDefaultToTheSlopeCount() throws {
        let single = try DensifySweepCommand.parse(["--exponents", "4"]).model.scenario()
        #expect(single.pathGain.isSingleSlope)
        let legacy = try DensifySweepCommand.parse(["--exponents", "4", "--breakpoints", ""]).model.scenario()
        #expect(legacy == single)
        let dual = try DensifySweepCommand.parse([]).model.scenario()
        #expect(dual.pathGain.exponents == [1.5, 4] && dual.pathGain.breakpoints == [1])
        let error = #expect(throws: (any Error).self) { try DensifySweepCommand.parse(["--exponents", "1,2,4"]) }
        let text = error.map { DensifySweepCommand.message(for: $0) } ?? ""
        #expect(text.contains("--breakpoints needs 2"), "\(text)")
    }

    /// Issue 13: Monte-Carlo runs the stop rule unless told otherwise; options take typed values, with the
    /// library's camelCase case names accepted as aliases of the kebab-case association names.
    @Test func optionsParseIntoTypes() throws {
        let command = try DensifySweepCommand.parse([
            "--association", "strongestMeanPower", "--fading", "nakagami:2+lognormal:8", "--metrics", "rate,ase",
        ])
        #expect(command.model.mc == .auto)
        #expect(command.model.association == .strongestMeanPower)
        #expect(command.model.fading == (try FadingModel(smallScale: .nakagami(m: 2), shadowingSigmaDB: 8)))
        #expect(command.metrics.values == [.rate, .ase])
        #expect(
            try DensifySweepCommand.parse(["--association", "mean-power"]).model.association == .strongestMeanPower)
        #expect(try DensifyCoverageCommand.parse(["--mc", "drops:7"]).model.mc == .drops(7))
    }

    /// Issue 13: a physical link budget (dBm, dB, Hz) and densities per km² give the same coverage as the
    /// normalised model with W = 10^((N − P + L0)/10) and λ per m² = λ per km² × 10⁻⁶.
    @Test func linkBudgetAndKm2MatchTheNormalisedModel() throws {
        let physical = try makeTemporaryDirectory()
        let normalised = try makeTemporaryDirectory()
        let common = [
            "densify", "sweep", "--exponents", "2.5,4", "--breakpoints", "50", "--association", "nearest",
            "--per-decade", "1", "--metrics", "coverage", "--mc", "off", "--quiet",
        ]
        // 28 GHz: L0 = 20·log10(4π·28e9/c) = 61.38 dB; N = −174 + 80 + 7 = −87 dBm; W = 10^((−87 − 30 + L0)/10).
        #expect(
            runWTK(
                common + [
                    "--tx-power-dbm", "30", "--carrier-ghz", "28", "--bandwidth-hz", "1e8", "--noise-figure-db", "7",
                    "--density-unit", "km2", "--lambda-min", "10", "--lambda-max", "1000", "--out-dir", physical.path,
                ]) == 0)
        let l0 = 20 * log10(4 * Double.pi * 28e9 / 299_792_458)
        let noiseDBm = 10 * log10(1.380_649e-23 * 290) + 30 + 80 + 7
        let w = pow(10, (noiseDBm - 30 + l0) / 10)
        #expect(abs(w / 2.7642e-6 - 1) < 1e-4)  // the value worked by hand above
        #expect(
            runWTK(
                common + [
                    "--noise", String(w), "--lambda-min", "1e-5", "--lambda-max", "1e-3", "--out-dir", normalised.path,
                ]) == 0)
        func rows(_ dir: URL) throws -> [[String]] {
            try String(contentsOf: dir.appendingPathComponent("densify-sweep.csv"), encoding: .utf8)
                .split(separator: "\n").map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                }
        }
        let (a, b) = (try rows(physical), try rows(normalised))
        #expect(a[0][0] == "lambda_per_km2" && b[0][0] == "lambda")
        #expect(a.count == b.count && a.count == 5)  // header, 3 coverage rows, the peak-density row
        for k in 1..<a.count where a[k][2] == "coverage" {
            let (x, y) = (try #require(Double(a[k][4])), try #require(Double(b[k][4])))
            #expect(abs(x - y) < 1e-12, "\(a[k]) vs \(b[k])")
            #expect(abs(try #require(Double(a[k][0])) * 1e-6 / (try #require(Double(b[k][0]))) - 1) < 1e-12)
        }
    }

    @Test func linkBudgetOptionsMustComeTogether() throws {
        for arguments in [
            ["--carrier-ghz", "28"],  // no transmit power
            ["--tx-power-dbm", "30", "--carrier-ghz", "28"],  // no bandwidth
            ["--tx-power-dbm", "30", "--bandwidth-hz", "1e8"],  // no path-loss constant
            ["--tx-power-dbm", "30", "--bandwidth-hz", "1e8", "--carrier-ghz", "28", "--path-loss-db-at-1m", "61"],
            ["--tx-power-dbm", "30", "--bandwidth-hz", "1e8", "--carrier-ghz", "28", "--noise", "1"],
            ["--tx-power-dbm", "30", "--bandwidth-hz", "0", "--carrier-ghz", "28"],
        ] {
            let dir = try makeTemporaryDirectory()
            let code = runWTK(["densify", "sweep"] + arguments + ["--mc", "off", "--out-dir", dir.path, "--quiet"])
            #expect(code == 64, "\(arguments)")
            #expect(listing(dir).isEmpty)
        }
    }
}
