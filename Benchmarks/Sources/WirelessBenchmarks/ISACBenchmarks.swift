import Numerics
import WirelessCore
import WirelessISAC

/// PLAIN on the paper's default scenario (16 × 180 × 560, Averaging [1, 4, 14], root-MUSIC, FBA, AIC,
/// TensorOMP, 6 paths, 10 dB): the whole estimate (target < 10 ms per realisation on 2 cores) and each
/// stage alone on the same tensor, plus the baselines on the same tensor for scale.
let isacBenchmarks = BenchmarkGroup(name: "isac") {
    let scenario = ISACScenario.paperDefault(phasesRadians: [0.1, 1.2, 2.3, 3.4, 4.5, 5.6])
    var generator = Xoshiro256StarStar(seed: 1)
    let tensor = try! scenario.tensor(snrDB: 10, using: &generator)
    let whole = "PLAIN estimate 16x180x560"
    func plain(parallel: Bool = true) -> PLAINEstimator {
        try! PLAINEstimator(
            configuration: PLAINConfiguration(grid: scenario.grid, pathCount: 6, parallel: parallel),
            shape: tensor.dimensions)
    }
    return [
        Benchmark(name: whole, samples: 15) {
            let estimator = plain()
            return { _ = try! estimator.estimate(tensor) }
        },
        Benchmark(name: "PLAIN estimate 16x180x560 single-threaded", baseline: whole, samples: 15) {
            let estimator = plain(parallel: false)
            return { _ = try! estimator.estimate(tensor) }
        },
        Benchmark(name: "stage 0: validate samples", baseline: whole, samples: 15) {
            return { try! tensor.validateSamples() }
        },
        Benchmark(name: "stage 1: compress (averaging)", baseline: whole, samples: 15) {
            let estimator = plain()
            return { _ = estimator.compress(tensor) }
        },
        Benchmark(name: "stage 2: per-mode estimation (3 modes, parallel)", baseline: whole, samples: 15) {
            let estimator = plain()
            let compressed = estimator.compress(tensor)
            return { _ = try! estimator.estimateModes(compressed) }
        },
        Benchmark(name: "stage 3: TensorOMP fusion", baseline: whole, samples: 15) {
            let estimator = plain()
            let compressed = estimator.compress(tensor)
            let modes = try estimator.estimateModes(compressed)
            return { _ = try! estimator.fuse(compressed, modes: modes) }
        },
        Benchmark(name: "stage 4: mapping + gain refit (uncompressed)", baseline: whole, samples: 15) {
            let estimator = plain()
            let compressed = estimator.compress(tensor)
            let modes = try estimator.estimateModes(compressed)
            let triplets = try estimator.fuse(compressed, modes: modes)
            return {
                _ = try! estimator.targets(input: tensor, compressed: compressed, modes: modes, triplets: triplets)
            }
        },
        Benchmark(name: "sequential baseline", baseline: whole, samples: 7) {
            let estimator = try SequentialEstimator(
                configuration: PLAINConfiguration(grid: scenario.grid, pathCount: 6), shape: tensor.dimensions)
            return { _ = try! estimator.estimate(tensor) }
        },
        Benchmark(name: "Tensor-ESPRIT baseline (compressed)", baseline: whole, samples: 7) {
            let estimator = try TensorESPRITEstimator(
                configuration: .init(base: PLAINConfiguration(grid: scenario.grid, pathCount: 6)),
                shape: tensor.dimensions)
            return { _ = try! estimator.estimate(tensor) }
        },
        Benchmark(name: "3-D FFT periodogram baseline (x2 padding)", baseline: whole, samples: 3) {
            let estimator = try PeriodogramEstimator(
                configuration: .init(grid: scenario.grid, window: .hann(), pathCount: 6))
            return { _ = try! estimator.estimate(tensor) }
        },
    ]
}
