import ArgumentParser
import Foundation
import Numerics
import WirelessCore
import WirelessIO
import WirelessISAC

/// `wtk isac bench`: runtime vs tensor size per method, and PLAIN's time split by stage.
public struct ISACBenchCommand: WTKCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Runtime vs tensor size per method (log-log), and PLAIN's per-stage time on the default size.",
        discussion: """
            Sizes are 16×48×140, 16×96×280, 16×180×560 and 16×360×1120 of the paper's grid (same spacings, six \
            paths, --snr-db). Each method is timed --repeats times after one warm-up; the table gives the median \
            and minimum wall time [ms] (single-threaded unless --parallel; BLAS may still use its own threads). \
            Methods whose working set would exceed 4 GiB are marked skipped. <name>_stages.csv splits PLAIN on \
            16×180×560 into compress, modes, fusion and refit (median of --repeats, with --parallel honoured). \
            Use a release build for meaningful numbers.
            """)

    @Option(name: .customLong("method"), help: "Method(s), repeatable (default: all).")
    var methods: [ISACMethodName] = ISACMethodName.allCases

    @Option(help: "Timed runs per method and size after a warm-up, 1…1000.")
    var repeats: Int = 5

    @Option(name: .customLong("max-symbols"), help: "Largest N_T to time (140, 280, 560 or 1120).")
    var maximumSymbols: Int = 1120

    @Flag(help: "Let PLAIN and the refits use both cores.")
    var parallel = false

    @Option(name: .customLong("snr-db"), help: "SNR of the timed tensors [dB].")
    var snrDB: Double = 10

    @Option(help: "Base name of the output files.")
    var name: String = "isac-bench"

    @OptionGroup var seed: SeedOptions
    @OptionGroup var output: OutputOptions

    public init() {}

    public func validate() throws {
        try OptionRange.check(repeats, "--repeats", in: 1...1000)
        guard [140, 280, 560, 1120].contains(maximumSymbols) else {
            throw ValidationError("--max-symbols must be 140, 280, 560 or 1120.")
        }
        try OutputOptions.validateFileName(name)
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }

    static func median(_ values: [Double]) -> Double { Statistics.median(values) }

    /// The paper scenario on a grid of `subcarriers × symbols` (same spacings and paths).
    static func scenario(subcarriers: Int, symbols: Int, phases: [Double]) -> ISACScenario {
        var value = ISACScenario.paperDefault(phasesRadians: phases)
        value.grid.subcarrierCount = subcarriers
        value.grid.symbolCount = symbols
        return value
    }

    /// Approximate working set [bytes] of a method on `elements` complex samples.
    static func workingSet(_ method: ISACMethodName, elements: Int) -> Int {
        switch method {
        case .fft3d: return elements * 8 * 24  // padded complex buffer + power, ×8 points
        default: return elements * 16 * 3
        }
    }

    public func execute() throws {
        var generator = Xoshiro256StarStar(seed: seed.seed)
        let phases = (0..<6).map { _ in 2 * Double.pi * generator.nextUnitDouble() }
        let sizes = [(48, 140), (96, 280), (180, 560), (360, 1120)].filter { $0.1 <= maximumSymbols }
        let context = OutputContext(
            options: output, seed: seed.seed,
            parameters: [
                "repeats": String(repeats), "parallel": String(parallel), "snr_db": String(snrDB),
                "methods": methods.map(\.rawValue).joined(separator: ","),
            ])
        var rows: [[String]] = []
        var curves = [[(Double, Double)]](repeating: [], count: methods.count)
        let progress = context.progress("isac bench", total: sizes.count * methods.count)
        for (subcarriers, symbols) in sizes {
            let truth = Self.scenario(subcarriers: subcarriers, symbols: symbols, phases: phases)
            let tensor = try truth.tensor(snrDB: snrDB, using: &generator)
            let elements = tensor.elements.count
            var config = PLAINConfiguration(grid: truth.grid, pathCount: 6, parallel: parallel)
            config.seed = seed.seed
            for (i, method) in methods.enumerated() {
                defer { progress.advance() }
                let shape = "16x\(subcarriers)x\(symbols)"
                guard Self.workingSet(method, elements: elements) <= 4 << 30 else {
                    rows.append([method.rawValue, shape, String(elements), "skipped", "skipped", "0"])
                    continue
                }
                let estimator = try method.make(plain: config, shape: tensor.dimensions)
                _ = try estimator.estimate(tensor)
                var times: [Double] = []
                for _ in 0..<repeats { times.append(try Self.seconds { _ = try estimator.estimate(tensor) }) }
                let medianMs = Self.median(times) * 1e3
                rows.append([
                    estimator.name, shape, String(elements), ISACFormat.number(medianMs),
                    ISACFormat.number(times.min()! * 1e3), String(repeats),
                ])
                curves[i].append((Double(elements), medianMs))
            }
        }
        try context.write(
            CSVTable(header: ["method", "shape", "elements", "median_ms", "min_ms", "repeats"], rows: rows), name: name)
        var plot = Plot(
            title: "Runtime per realisation", xLabel: "Tensor size [complex samples]", yLabel: "Median runtime [ms]",
            xAxis: .log10, yAxis: .log10)
        for (i, method) in methods.enumerated() where !curves[i].isEmpty {
            try plot.add(.lineMarkers(method.rawValue, x: curves[i].map(\.0), y: curves[i].map(\.1)))
        }
        try context.writeSVG(plot.svg(), name: name)
        let stages = try stageTimes(phases: phases, generator: &generator)
        try context.write(
            CSVTable(
                header: ["stage", "median_ms", "min_ms"],
                rows: stages.map { [$0.0, ISACFormat.number($0.1), ISACFormat.number($0.2)] }),
            name: name + "_stages")
        let total = stages.first { $0.0 == "total" }?.1 ?? .nan
        context.note(
            "isac bench: \(sizes.count) sizes × \(methods.count) methods; PLAIN 16×180×560 total "
                + String(format: "%.2f ms", total) + "; wrote \(name).csv, \(name)_stages.csv, \(name).svg")
    }

    /// PLAIN's stages on the default size: (stage, median ms, min ms).
    func stageTimes(phases: [Double], generator: inout Xoshiro256StarStar) throws -> [(String, Double, Double)] {
        let truth = ISACScenario.paperDefault(phasesRadians: phases)
        let tensor = try truth.tensor(snrDB: snrDB, using: &generator)
        let plain = try PLAINEstimator(
            configuration: PLAINConfiguration(grid: truth.grid, pathCount: 6, parallel: parallel),
            shape: tensor.dimensions)
        var samples = [[Double]](repeating: [], count: 6)
        for run in 0...repeats {
            var compressed = tensor
            var modes: [ModeEstimate] = []
            var triplets: [CandidateTriplet] = []
            let t0 = try Self.seconds { try tensor.validateSamples() }
            let t1 = Self.seconds { compressed = plain.compress(tensor) }
            let t2 = try Self.seconds { modes = try plain.estimateModes(compressed) }
            let t3 = try Self.seconds { triplets = try plain.fuse(compressed, modes: modes) }
            let t4 = try Self.seconds {
                _ = try plain.targets(input: tensor, compressed: compressed, modes: modes, triplets: triplets)
            }
            if run == 0 { continue }  // warm-up
            for (i, t) in [t0, t1, t2, t3, t4, t0 + t1 + t2 + t3 + t4].enumerated() { samples[i].append(t * 1e3) }
        }
        let names = ["validate", "compress", "modes", "fusion", "map_and_refit", "total"]
        return names.indices.map { (names[$0], Self.median(samples[$0]), samples[$0].min()!) }
    }
}
