import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO
import WirelessISAC
import WirelessLinearAlgebra

// Side-by-side runs against the Python peers of `../shared/peers` (issue 18): each comparison alternates
// ours and the peer's (A B A B …) for a number of rounds in one run, takes each side's figure per round,
// and prints the per-round ratios and the median ratio. The peer's figure is the one it prints itself
// (its own timer around its own call, process start-up and data generation excluded), ours is timed the
// same way here. BLAS runs on one thread on both sides (the peers set OPENBLAS_NUM_THREADS=1; every
// comparison here calls `BLASThreading.setThreadCount(1)`, as every `wtk` command does).
//
//     swift run -c release WirelessBenchmarks --peers                 # every comparison
//     swift run -c release WirelessBenchmarks --peers plain --rounds 7

/// A named side-by-side run that prints its own per-round table (`--peers`); the spectrum net's JAX
/// comparison uses the generic `PeerComparison` harness instead (selected by a filter).
struct PeerRun: Sendable {
    let name: String
    let run: @Sendable (_ rounds: Int) throws -> Void
}

let peerRuns: [PeerRun] = [
    PeerRun(name: "plain", run: PeerComparisons.plain(rounds:)),
    PeerRun(name: "plain-rmse", run: PeerComparisons.plainRMSE(rounds:)),
    PeerRun(name: "fft-batch", run: PeerComparisons.fftBatch(rounds:)),
    PeerRun(name: "welch", run: PeerComparisons.welch(rounds:)),
    PeerRun(name: "densify-mc", run: PeerComparisons.densifyMC(rounds:)),
]

enum PeerComparisons {
    // MARK: Running a peer

    /// The peers' folder: `$WTK_PEERS_DIR`, else `../shared/peers` from the project root.
    static var peersDirectory: URL {
        if let path = ProcessInfo.processInfo.environment["WTK_PEERS_DIR"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath)  // <root>/Benchmarks/Sources/WirelessBenchmarks/this file
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("shared/peers")
    }

    struct PeerError: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `python3 <peers>/<script> arguments…` with BLAS on one thread and returns its standard output.
    static func runPeer(_ script: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", peersDirectory.appendingPathComponent(script).path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = "1" }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw PeerError(description: "\(script) exited with \(process.terminationStatus):\n\(text)")
        }
        return text
    }

    /// The number right after `marker` in `text` (first occurrence).
    static func number(after marker: String, in text: String) throws -> Double {
        guard let range = text.range(of: marker) else {
            throw PeerError(description: "no '\(marker)' in the peer's output:\n\(text)")
        }
        let tail = text[range.upperBound...].drop { $0 == " " }
        let digits = tail.prefix { "0123456789.eE+-".contains($0) }
        guard let value = Double(digits) else { throw PeerError(description: "no number after '\(marker)'") }
        return value
    }

    // MARK: Timing ours

    /// Wall and process-CPU seconds of one call of `body`.
    static func measure(_ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
        let clock = ContinuousClock()
        let cpuStart = Harness.processCPUSeconds()
        let elapsed = try clock.measure { try body() }
        return (Harness.seconds(elapsed), Harness.processCPUSeconds() - cpuStart)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    static func ms(_ seconds: Double) -> String { Harness.fixed(seconds * 1e3, 2) + " ms" }

    static func ratio(_ value: Double) -> String { Harness.fixed(value, 2) + "×" }

    /// Prints a Markdown table.
    static func printTable(_ header: [String], _ rows: [[String]]) {
        let widths = header.indices.map { c in max(header[c].count, rows.map { $0[c].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            "| " + cells.indices.map { Harness.pad(cells[$0], widths[$0], right: $0 > 0) }.joined(separator: " | ")
                + " |"
        }
        print(line(header))
        print("|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|")
        for row in rows { print(line(row)) }
    }

    // MARK: 1. PLAIN

    /// Issue 18 target 1: PLAIN per realisation of the default scenario at 0 dB against
    /// `plain_numpy.py --snr-db 0 --trials T --time-only` (estimation stage only on both sides:
    /// compression, per-mode estimation, TensorOMP, gain refit on the uncompressed input). Ours also
    /// validates the input. Per round: the median over T realisations on each side.
    static func plain(rounds: Int) throws {
        BLASThreading.setThreadCount(1)
        let trials = 10
        print("  plain: \(rounds) rounds × \(trials) realisations, 16×180×560 at 0 dB, ours then plain_numpy.py")
        var tensors: [ChannelTensor] = []
        for trial in 0..<trials {
            var generator = Xoshiro256StarStar(seed: 18, stream: UInt64(trial))
            let scenario = ISACScenario.paperDefault(using: &generator)
            tensors.append(try scenario.tensor(snrDB: 0, using: &generator))
        }
        let configurations = [
            ("PLAIN (ours, 3 modes on 2 cores)", PLAINConfiguration(grid: .paperDefault, pathCount: 6)),
            ("PLAIN (ours, one thread)", PLAINConfiguration(grid: .paperDefault, pathCount: 6, parallel: false)),
        ]
        let estimators = try configurations.map { try PLAINEstimator(configuration: $0.1, shape: [16, 180, 560]) }
        for estimator in estimators { _ = try estimator.estimate(tensors[0]) }  // warm-up
        var wall = [[Double]](repeating: [], count: estimators.count)
        var cpu = [[Double]](repeating: [], count: estimators.count)
        var peer: [Double] = []
        var peerStages = ""
        for round in 0..<rounds {
            for (index, estimator) in estimators.enumerated() {
                var walls: [Double] = []
                var cpus: [Double] = []
                for tensor in tensors {
                    let time = try measure { _ = try estimator.estimate(tensor) }
                    walls.append(time.wall)
                    cpus.append(time.cpu)
                }
                wall[index].append(median(walls))
                cpu[index].append(median(cpus))
            }
            let output = try runPeer("plain_numpy.py", ["--snr-db", "0", "--trials", "\(trials)", "--time-only"])
            peer.append(try number(after: "realization at 0 dB =", in: output) * 1e-3)
            peerStages =
                output.split(separator: "\n").first { $0.contains("time per realization") }.map(String.init) ?? ""
            print(
                "    round \(round + 1): ours \(ms(wall[0].last!)) wall / \(ms(cpu[0].last!)) CPU, one thread "
                    + "\(ms(wall[1].last!)) / \(ms(cpu[1].last!)); plain_numpy \(ms(peer.last!)) → "
                    + ratio(peer.last! / wall[0].last!))
        }
        print("    last peer stage split:\(peerStages)")
        var rows: [[String]] = []
        for (index, configuration) in configurations.enumerated() {
            let ratios = zip(peer, wall[index]).map { $0 / $1 }
            let cpuRatios = zip(peer, cpu[index]).map { $0 / $1 }
            rows.append([
                configuration.0, ms(median(wall[index])), ms(median(cpu[index])), ms(median(peer)),
                ratio(median(ratios)), ratio(median(cpuRatios)),
                ratios.map { Harness.fixed($0, 2) }.joined(separator: " "),
            ])
        }
        printTable(
            [
                "per realisation", "ours wall", "ours CPU", "plain_numpy wall", "peer/ours (wall)", "peer/ours CPU",
                "per-round ratios (wall)",
            ], rows)
    }

    /// Equal RMSE: `ISACSweepStudy` (PLAIN, 0 and 10 dB, 200 trials, ours) and `plain_numpy.py --snr-db 0 10
    /// --trials 200` (different random draws: equal within the sampling error of 200 trials, printed as
    /// the relative standard error of ours/peer from the per-path bounds, `RMSESamplingError`; the farthest
    /// path dominates, so 200 trials × 6 paths count as ≈ 350 errors in angle). Untimed. Same input on
    /// both sides: `Benchmarks/scripts/plain_same_input.py` (the estimates agree to ≈ 1e−11).
    static func plainRMSE(rounds _: Int) throws {
        BLASThreading.setThreadCount(1)
        let trials = 200
        var configuration = ISACSweepStudy.Configuration(plain: PLAINConfiguration(grid: .paperDefault, pathCount: 6))
        configuration.methods = [.plain]
        configuration.snrsDB = [0, 10]
        configuration.trials = trials
        let tables = try ISACSweepStudy(configuration).run(seed: 1).tables
        let table = tables[0]
        // Per-path full-data CRB std per (snr, parameter), for the sampling error of the pooled RMSE.
        var pathBounds: [String: [Double]] = [:]
        if tables.count > 1, case .text(let names)? = tables[1]["parameter"]?.values,
            let pathSNR = tables[1]["snr_db"]?.numbers, let pathCRB = tables[1]["crb_std"]?.numbers
        {
            for row in names.indices {
                if let snr = pathSNR[row], let bound = pathCRB[row] {
                    pathBounds["\(snr) \(names[row])", default: []].append(bound * bound)
                }
            }
        }
        let output = try runPeer("plain_numpy.py", ["--snr-db", "0", "10", "--trials", "\(trials)"])
        guard case .text(let parameters)? = table["parameter"]?.values, let snrs = table["snr_db"]?.numbers,
            let rmse = table["rmse"]?.numbers, let crb = table["crb_std"]?.numbers
        else { throw PeerError(description: "unexpected sweep table layout") }
        var rows: [[String]] = []
        for snr in [0.0, 10.0] {
            // The peer's row: "  SNR valid | rmse crb ratio | rmse crb ratio | rmse crb ratio | time".
            guard
                let line = output.split(separator: "\n").first(where: {
                    $0.contains("|") && Double($0.split(separator: " ").first ?? "") == snr
                })
            else { throw PeerError(description: "no \(snr) dB row in the peer's output:\n\(output)") }
            let cells = line.split(separator: "|").dropFirst().prefix(3).map {
                $0.split(separator: " ").compactMap { Double($0) }
            }
            for (p, name) in ISACSweepStudy.parameterNames.enumerated() {
                guard let row = parameters.indices.first(where: { parameters[$0] == name && snrs[$0] == snr }),
                    let ours = rmse[row], let bound = crb[row], cells.count == 3, cells[p].count == 3
                else { continue }
                // Both sides' RMSEs carry this relative error; their ratio √2 times it.
                let se = RMSESamplingError.relativeStandardError(
                    variances: pathBounds["\(snr) \(name)"] ?? [], trials: trials)
                rows.append([
                    "\(Int(snr)) dB", name, Harness.fixed(ours, 4), Harness.fixed(ours / bound, 3),
                    Harness.fixed(cells[p][0], 4), Harness.fixed(cells[p][2], 3), Harness.fixed(ours / cells[p][0], 2),
                    "± " + Harness.fixed(2.0.squareRoot() * se, 3),
                ])
            }
        }
        print("  plain-rmse: \(trials) trials per SNR on each side (different draws)")
        printTable(
            [
                "SNR", "parameter", "ours RMSE", "ours RMSE/√CRB", "peer RMSE", "peer RMSE/√CRB", "ours/peer",
                "se of ours/peer",
            ], rows)
    }

    // MARK: 4. FFT convenience path

    /// Issue 18 target 4: a 2048 × 4096 complex batch (128 MiB): `plan(x)` against `plan.execute` on
    /// preallocated arrays (ours, both timed per call, median of 5 calls per round) and numpy/scipy
    /// (`fft_batch.py --repeats 5`, median per call as it prints it).
    static func fftBatch(rounds: Int) throws {
        let (n, batch, calls) = (4096, 2048, 5)
        print("  fft-batch: \(rounds) rounds, \(batch) × \(n) complex128, \(calls) calls per side per round")
        let plan = try FFTPlan(count: n, batchCount: batch)
        let x = randomSignal(count: n * batch)
        var y = [Complex<Double>](repeating: .zero, count: n * batch)
        func executeOnce() {
            x.withUnsafeBufferPointer { source in
                y.withUnsafeMutableBufferPointer { destination in
                    plan.execute(input: source.baseAddress!, output: destination.baseAddress!)
                }
            }
        }
        /// What `plan(x)` did before issue 18: a new zeroed array per call, then the transform.
        func freshArrayOnce() {
            var fresh = [Complex<Double>](repeating: .zero, count: n * batch)
            x.withUnsafeBufferPointer { source in
                fresh.withUnsafeMutableBufferPointer { destination in
                    plan.execute(input: source.baseAddress!, output: destination.baseAddress!)
                }
            }
        }
        executeOnce()
        _ = plan(x)
        var fresh: [Double] = []
        var freshCPU: [Double] = []
        var execute: [Double] = []
        var convenience: [Double] = []
        var executeCPU: [Double] = []
        var convenienceCPU: [Double] = []
        var numpy: [Double] = []
        var scipy2: [Double] = []
        for round in 0..<rounds {
            let a = (0..<calls).map { _ in measure { executeOnce() } }
            let b = (0..<calls).map { _ in measure { _ = plan(x) } }
            let f = (0..<calls).map { _ in measure { freshArrayOnce() } }
            fresh.append(median(f.map(\.wall)))
            freshCPU.append(median(f.map(\.cpu)))
            execute.append(median(a.map(\.wall)))
            executeCPU.append(median(a.map(\.cpu)))
            convenience.append(median(b.map(\.wall)))
            convenienceCPU.append(median(b.map(\.cpu)))
            let output = try runPeer("fft_batch.py", ["--n", "\(n)", "--batch", "\(batch)", "--repeats", "\(calls)"])
            numpy.append(try number(after: "median per transform numpy", in: output) * 1e-6 * Double(batch))
            scipy2.append(try number(after: "scipy workers=2", in: output) * 1e-6 * Double(batch))
            print(
                "    round \(round + 1): execute \(ms(execute.last!)), plan(x) \(ms(convenience.last!)) "
                    + "(\(ratio(convenience.last! / execute.last!))); numpy \(ms(numpy.last!)), "
                    + "scipy workers=2 \(ms(scipy2.last!))")
        }
        let overhead = zip(convenience, execute).map { $0 / $1 }
        let versusNumpy = zip(numpy, convenience).map { $0 / $1 }
        printTable(
            ["per 2048 × 4096 call", "wall (median of rounds)", "CPU", "numpy/this", "this/execute per round"],
            [
                [
                    "FFTPlan.execute (preallocated)", ms(median(execute)), ms(median(executeCPU)),
                    ratio(median(zip(numpy, execute).map { $0 / $1 })), "",
                ],
                [
                    "FFTPlan plan(x)", ms(median(convenience)), ms(median(convenienceCPU)), ratio(median(versusNumpy)),
                    overhead.map { Harness.fixed($0, 2) }.joined(separator: " "),
                ],
                [
                    "new zeroed array + execute (plan(x) before)", ms(median(fresh)), ms(median(freshCPU)),
                    ratio(median(zip(numpy, fresh).map { $0 / $1 })),
                    zip(fresh, execute).map { Harness.fixed($0 / $1, 2) }.joined(separator: " "),
                ],
                ["numpy.fft.fft", ms(median(numpy)), "", "1.00×", ""],
                [
                    "scipy.fft.fft workers=2", ms(median(scipy2)), "",
                    ratio(median(zip(numpy, scipy2).map { $0 / $1 })), "",
                ],
            ])
        print("    plan(x) / execute: median ratio \(ratio(median(overhead))) (target ≤ 1.2×)")
    }

    // MARK: 5. Welch PSD

    /// Issue 18 target 5: `wtk psd`'s work on a 1e7-sample `.cf32` file (80 MB; read the file, Welch
    /// N = 1024, 50 % overlap, Hann, `PSDStudy`) against its floor: reading the same file plus the
    /// 19,531 FFTs alone (the same N = 1024 double-precision plan, in place on one buffer, no window,
    /// no accumulation). Both alternate with `welch_psd.py --detrend none` (scipy, file reading and
    /// signal generation not timed on its side).
    static func welch(rounds: Int) throws {
        let (count, n) = (10_000_000, 1024)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wtk-welch-benchmark-1e7.cf32")
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            var generator = Xoshiro256StarStar(seed: 5)
            let noise = try ComplexNormalDistribution(variance: 0.1)
            let samples = (0..<count).map { k -> Complex<Float> in
                let t = Double(k)
                let z =
                    Complex(length: 1, phase: 2 * .pi * 0.1234 * t) + Complex(length: 0.5, phase: -2 * .pi * 0.2718 * t)
                    + noise.sample(using: &generator)
                return Complex(Float(z.real), Float(z.imaginary))
            }
            try RawCF32File.write(samples, to: url)
        }
        let plan = try FFTPlan(count: n, direction: .forward, inPlace: true)
        let hop = n / 2
        let segments = (count - n) / hop + 1
        print("  welch: \(rounds) rounds, \(count) samples (\(segments) segments of \(n)), file \(url.path)")
        func readFile() throws -> [Complex<Float>] { try RawCF32File.read(from: url) }
        func ffts(_ samples: [Complex<Float>]) {
            var segment = [Complex<Double>](repeating: .zero, count: n)
            segment.withUnsafeMutableBufferPointer { buffer in
                for _ in 0..<segments { plan.execute(input: buffer.baseAddress!, output: buffer.baseAddress!) }
            }
        }
        func psd(_ samples: [Complex<Float>]) throws -> PSDStudy.Result {
            try PSDStudy(PSDStudy.Configuration(samples: samples, sampleRateHz: 1e6)).run()
        }
        let warm = try readFile()
        ffts(warm)
        _ = try psd(warm)
        var read: [Double] = []
        var fft: [Double] = []
        var ours: [Double] = []
        var oursCPU: [Double] = []
        var welchOnly: [Double] = []
        var peer: [Double] = []
        for round in 0..<rounds {
            var samples: [Complex<Float>] = []
            read.append(try measure { samples = try readFile() }.wall)
            fft.append(measure { ffts(samples) }.wall)
            let whole = try measure {
                let loaded = try readFile()
                let time = try measure { _ = try psd(loaded) }
                welchOnly.append(time.wall)
            }
            ours.append(whole.wall)
            oursCPU.append(whole.cpu)
            let output = try runPeer("welch_psd.py", ["--n", "1e7", "--repeats", "3", "--detrend", "none"])
            peer.append(try number(after: "welch time: median", in: output))
            let floor = read.last! + fft.last!
            print(
                "    round \(round + 1): read \(ms(read.last!)) + FFTs \(ms(fft.last!)) = floor \(ms(floor)); "
                    + "read + PSD \(ms(ours.last!)) (\(ratio(ours.last! / floor)) the floor); scipy welch \(ms(peer.last!))"
            )
        }
        let floors = zip(read, fft).map { $0 + $1 }
        let ratios = zip(ours, floors).map { $0 / $1 }
        printTable(
            ["1e7 samples", "wall (median of rounds)", "ratio"],
            [
                ["read .cf32 (80 MB)", ms(median(read)), ""],
                ["19,531 FFTs N = 1024 alone", ms(median(fft)), ""],
                ["floor = read + FFTs", ms(median(floors)), "1.00×"],
                [
                    "ours: read + PSDStudy (Welch)", ms(median(ours)) + " (CPU \(ms(median(oursCPU))))",
                    ratio(median(ratios)) + " the floor (per round "
                        + ratios.map { Harness.fixed($0, 2) }.joined(separator: " ") + ")",
                ],
                ["ours: PSDStudy alone", ms(median(welchOnly)), ""],
                [
                    "scipy.signal.welch (no read)", ms(median(peer)),
                    ratio(median(zip(peer, ours).map { $0 / $1 })) + " ours (read + PSD)",
                ],
            ])
    }
}
