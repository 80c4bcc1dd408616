import Dispatch
import Foundation
import WirelessCore

/// The runtime study of `wtk isac bench`: wall time per realisation against tensor size per method
/// (16×48×140 … 16×360×1120 of the paper's grid, six paths), and PLAIN's time split by stage on
/// 16×180×560. Each method is timed `repeats` times after one warm-up; methods whose working set would
/// exceed 4 GiB are marked skipped. Wall-clock results: not reproducible, unlike every other study.
///
///     var configuration = ISACBenchStudy.Configuration()
///     configuration.maximumSymbols = 140
///     let times = try ISACBenchStudy(configuration).run(seed: 1).tables[0]   // method, shape, median_ms, …
public struct ISACBenchStudy: Study {
    /// What to time.
    public struct Configuration: Sendable {
        /// The methods, in table order.
        public var methods: [ISACMethod] = ISACMethod.allCases
        /// Timed runs per method and size after a warm-up, ≥ 1.
        public var repeats = 5
        /// Largest N_T to time: 140, 280, 560 or 1120.
        public var maximumSymbols = 1120
        /// Let PLAIN and the refits use both cores.
        public var parallel = false
        /// SNR of the timed tensors [dB].
        public var snrDB: Double = 10

        public init() {}
    }

    /// The timings.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// Per method and size: the main table.
        public let timingTable: StudyTable
        /// PLAIN's stages: (stage, median ms, min ms).
        public let stages: [(name: String, medianMilliseconds: Double, minimumMilliseconds: Double)]
        /// Median runtime curves per method: (elements, median ms).
        let curves: [[(Double, Double)]]
        let sizeCount: Int

        public var tables: [StudyTable] {
            [
                timingTable,
                StudyTable(
                    name: "_stages",
                    columns: [
                        StudyColumn("stage", stages.map(\.name)),
                        StudyColumn(
                            "median", unit: "ms", values: .real(stages.map(\.medianMilliseconds)),
                            style: .swiftDescription),
                        StudyColumn(
                            "min", unit: "ms", values: .real(stages.map(\.minimumMilliseconds)),
                            style: .swiftDescription),
                    ]),
            ]
        }

        public var plots: [StudyPlot] {
            let methods = configuration.methods
            return [
                StudyPlot(
                    title: "Runtime per realisation", xLabel: "Tensor size [complex samples]",
                    yLabel: "Median runtime [ms]", xScale: .log10, yScale: .log10,
                    series: methods.indices.filter { !curves[$0].isEmpty }.map {
                        StudySeries(methods[$0].rawValue, .lineMarkers(x: curves[$0].map(\.0), y: curves[$0].map(\.1)))
                    })
            ]
        }

        public var summary: String {
            let total = stages.first { $0.name == "total" }?.medianMilliseconds ?? .nan
            return "isac bench: \(sizeCount) sizes × \(configuration.methods.count) methods; PLAIN 16×180×560 total "
                + String(format: "%.2f ms", total)
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Times every method and size, then PLAIN's stages; the tensors are drawn from `seed`.
    /// - Throws: `ISACError` from an estimator.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        var generator = Xoshiro256StarStar(seed: seed)
        let phases = (0..<6).map { _ in 2 * Double.pi * generator.nextUnitDouble() }
        let sizes = [(48, 140), (96, 280), (180, 560), (360, 1120)].filter { $0.1 <= c.maximumSymbols }
        var rows = StudyRows(
            layout: [
                ("method", nil), ("shape", nil), ("elements", nil), ("median", "ms"), ("min", "ms"), ("repeats", nil),
            ]
            .map { (name: $0.0, unit: $0.1, style: .swiftDescription) })
        var curves = [[(Double, Double)]](repeating: [], count: c.methods.count)
        progress.begin("isac bench", total: sizes.count * c.methods.count)
        for (subcarriers, symbols) in sizes {
            var truth = ISACScenario.paperDefault(phasesRadians: phases)
            truth.grid.subcarrierCount = subcarriers
            truth.grid.symbolCount = symbols
            let tensor = try truth.tensor(snrDB: c.snrDB, using: &generator)
            let elements = tensor.elements.count
            var plain = PLAINConfiguration(grid: truth.grid, pathCount: 6, parallel: c.parallel)
            plain.seed = seed
            for (i, method) in c.methods.enumerated() {
                defer { progress.advance() }
                let shape = "16x\(subcarriers)x\(symbols)"
                guard Self.workingSet(method, elements: elements) <= 4 << 30 else {
                    rows.append([
                        .text(method.rawValue), .text(shape), .integer(elements), .text("skipped"), .text("skipped"),
                        .integer(0),
                    ])
                    continue
                }
                let estimator = try method.make(plain: plain, shape: tensor.dimensions)
                _ = try estimator.estimate(tensor)
                var times: [Double] = []
                for _ in 0..<c.repeats { times.append(try Self.seconds { _ = try estimator.estimate(tensor) }) }
                let medianMs = Statistics.median(times) * 1e3
                rows.append([
                    .text(estimator.name), .text(shape), .integer(elements), .real(medianMs), .real(times.min()! * 1e3),
                    .integer(c.repeats),
                ])
                curves[i].append((Double(elements), medianMs))
            }
        }
        let stages = try stageTimes(phases: phases, generator: &generator)
        return Result(
            configuration: c, timingTable: rows.table(), stages: stages, curves: curves, sizeCount: sizes.count)
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    }

    /// Approximate working set [bytes] of a method on `elements` complex samples.
    static func workingSet(_ method: ISACMethod, elements: Int) -> Int {
        switch method {
        case .fft3d: return elements * 8 * 24  // padded complex buffer + power, ×8 points
        default: return elements * 16 * 3
        }
    }

    /// PLAIN's stages on the default size: (stage, median ms, min ms).
    func stageTimes(phases: [Double], generator: inout Xoshiro256StarStar) throws -> [(
        name: String, medianMilliseconds: Double, minimumMilliseconds: Double
    )] {
        let c = configuration
        let truth = ISACScenario.paperDefault(phasesRadians: phases)
        let tensor = try truth.tensor(snrDB: c.snrDB, using: &generator)
        let plain = try PLAINEstimator(
            configuration: PLAINConfiguration(grid: truth.grid, pathCount: 6, parallel: c.parallel),
            shape: tensor.dimensions)
        var samples = [[Double]](repeating: [], count: 6)
        for run in 0...c.repeats {
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
        return names.indices.map { (names[$0], Statistics.median(samples[$0]), samples[$0].min()!) }
    }
}
