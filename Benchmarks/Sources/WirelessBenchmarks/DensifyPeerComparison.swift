import Foundation
import WirelessStochasticGeometry

// Issue 13, Monte-Carlo speed: `wtk densify sweep` against `ppp_coverage_mc.py --sweep --jobs 2 --no-exact`
// on the same drops and the same 21 densities (1e-2 … 1e3, 4 per decade), timed side by side as whole
// processes (start-up, analytic cells and output files included on our side; Python start-up, imports and
// the worker pool on the peer's), alternating ours and the peer's per round.
//
//     swift build -c release --product wtk                       # in the project root: the binary timed
//     cd Benchmarks && swift run -c release WirelessBenchmarks --peers densify-mc [--rounds N]
//
// `WTK_BINARY` overrides the binary (default <root>/.build/release/wtk), `WTK_DENSIFY_DROPS` the drops (1e5).

extension PeerComparisons {
    /// One side-by-side case: our arguments after `wtk densify sweep`, the peer's after the script name.
    struct DensifyCase {
        let label: String
        let ours: [String]
        let peer: [String]
        let exponents: [Double]
        let breakpoints: [Double]
    }

    static var wtkBinary: URL {
        if let path = ProcessInfo.processInfo.environment["WTK_BINARY"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath)  // <root>/Benchmarks/Sources/WirelessBenchmarks/this file
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent(".build/release/wtk")
    }

    /// Runs a whole process and returns its wall time [s] and standard output.
    static func timeProcess(_ executable: URL, _ arguments: [String]) throws -> (seconds: Double, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = "1" }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Harness.seconds(clock.now - start)
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw PeerError(description: "\(executable.lastPathComponent) exited with \(process.terminationStatus)")
        }
        return (seconds, text)
    }

    static func densifyMC(rounds: Int) throws {
        let drops = Int(ProcessInfo.processInfo.environment["WTK_DENSIFY_DROPS"] ?? "") ?? 100_000
        let binary = wtkBinary
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw PeerError(
                description: "no wtk binary at \(binary.path): run `swift build -c release --product wtk` in the "
                    + "project root, or set WTK_BINARY")
        }
        let outDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("wtk-densify-mc-benchmark")
        defer { try? FileManager.default.removeItem(at: outDirectory) }
        let grid = [
            "--lambda-min", "0.01", "--lambda-max", "1000", "--per-decade", "4", "--threshold-db", "0", "--metrics",
            "coverage", "--mc", "drops:\(drops)", "--seed", "1", "--quiet", "--out-dir", outDirectory.path,
        ]
        let peerCommon = ["--sweep", "--drops", "\(drops)", "--jobs", "2", "--no-exact"]
        let cases = [
            DensifyCase(
                label: "α = 4, nearest, Rayleigh, W = 0 (the peer's defaults)",
                ours: ["--exponents", "4", "--association", "nearest", "--fading", "rayleigh"] + grid,
                peer: peerCommon, exponents: [4], breakpoints: []),
            DensifyCase(
                label: "α = 4, strongest, log-normal 6 dB, W = 1e-3",
                ours: [
                    "--exponents", "4", "--association", "strongest", "--fading", "lognormal:6", "--noise",
                    "1e-3",
                ] + grid,
                peer: peerCommon + ["--association", "strongest", "--fading", "lognormal:6", "--noise", "1e-3"],
                exponents: [4], breakpoints: []),
            DensifyCase(
                label: "dual slope 2.5/4, R1 = 1, strongest, Rayleigh",
                ours: ["--exponents", "2.5,4", "--breakpoints", "1", "--association", "strongest"] + grid,
                peer: peerCommon + ["--alphas", "2.5", "4", "--breakpoints", "1", "--association", "strongest"],
                exponents: [2.5, 4], breakpoints: [1]),
        ]
        let densities = (0...20).map { pow(10, -2 + Double($0) * 0.25) }
        print("  densify-mc: \(rounds) rounds × \(cases.count) cases, \(drops) drops × 21 densities, whole processes")
        print("  ours: \(binary.path) densify sweep …; peer: ppp_coverage_mc.py --sweep --jobs 2 --no-exact …")
        var rows: [[String]] = []
        for c in cases {
            // BSs per drop summed over the densities: ours K(λ) (the K nearest, then the tail), the peer's mean 400.
            let scenario = try DensificationScenario(
                pathGain: try MultiSlopePathGain(exponents: c.exponents, breakpoints: c.breakpoints), fading: .rayleigh,
                association: .nearest)
            let simulator = try DensificationSimulator(scenario: scenario)
            let oursPerDrop = densities.reduce(0) { $0 + simulator.neighbourCount(density: $1) }
            var ours: [Double] = []
            var peer: [Double] = []
            var peerInteractions = 0.0
            for round in 0..<rounds {
                ours.append(try timeProcess(binary, ["densify", "sweep"] + c.ours).seconds)
                let python = URL(fileURLWithPath: "/usr/bin/env")
                let script = peersDirectory.appendingPathComponent("ppp_coverage_mc.py").path
                let p = try timeProcess(python, ["python3", script] + c.peer)
                peer.append(p.seconds)
                // "… simulation wall W s, N BSs simulated, R BS-interactions/s"
                peerInteractions = try number(after: "s, ", in: p.output.components(separatedBy: "simulation wall")[1])
                print(
                    "    \(c.label), round \(round + 1): ours \(Harness.fixed(ours.last!, 2)) s, peer "
                        + "\(Harness.fixed(peer.last!, 2)) s → \(ratio(peer.last! / ours.last!))")
            }
            let ratios = zip(peer, ours).map { $0 / $1 }
            let oursWall = median(ours)
            rows.append([
                c.label, Harness.fixed(oursWall, 2) + " s", Harness.fixed(median(peer), 2) + " s",
                ratio(median(ratios)), ratios.map { Harness.fixed($0, 2) }.joined(separator: " "),
                String(format: "%.2e", peerInteractions / oursWall),
                String(format: "%.2e", Double(drops) * Double(oursPerDrop) / oursWall),
                String(format: "%.2e", peerInteractions / median(peer)),
            ])
        }
        printTable(
            [
                "case (\(drops) drops × 21 λ)", "ours wall", "peer wall", "peer/ours", "per round",
                "peer-equivalent BS-int./s", "ours K-BS-int./s", "peer BS-int./s (whole process)",
            ], rows)
        print(
            "    peer-equivalent = the peer's simulated BSs (drops × ≈ 400 × 21) over our wall time; ours K-BS = "
                + "drops × Σ_λ K(λ) over our wall time (K = 400 in every row: the K nearest, then the mean tail in "
                + "closed form per slope segment, also inside the near field; the peer keeps ≈ 400 BSs in a disc "
                + "and no tail)")
    }
}
