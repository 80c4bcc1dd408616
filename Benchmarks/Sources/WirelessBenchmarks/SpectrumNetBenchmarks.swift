import Numerics
import WirelessCore
import WirelessFFT
import WirelessLinearAlgebra
import WirelessSpectrumNet

/// CMuSeNet: training throughput (forward + backward + Adam, batch 32 as the shipped model was
/// trained) and inference per window for the default compact complex U-Net (M = 16, N = 1024,
/// context dilations 2/4/8), the plain layout (docs/SPECTRUM.md#architectures), and the κ-matched real-valued
/// counterpart.
/// Runs as `wtk spectrum train` does: BLAS on one thread (the convolutions split their products into
/// two blocks themselves) and large blocks kept in the heap.
let spectrumNetBenchmarks = BenchmarkGroup(name: "spectrumnet") {
    BLASThreading.setThreadCount(1)
    HeapTuning.keepLargeBlocksInHeap()
    func batch(_ config: NetworkConfiguration, size: Int) -> (ComplexTensor<Float>, [Float]) {
        var generator = Xoshiro256StarStar(seed: 1)
        var x = ComplexTensor<Float>(
            batch: size, channels: config.inputChannels, length: config.bins,
            isComplex: config.isComplex)
        for k in 0..<x.real.count { x.real[k] = generator.nextUnitFloat() - 0.5 }
        for k in 0..<x.imaginary.count { x.imaginary[k] = generator.nextUnitFloat() - 0.5 }
        let y = (0..<(size * config.bins)).map { _ in generator.nextUnitFloat() < 0.2 ? Float(1) : 0 }
        return (x, y)
    }
    func trainStep(_ config: NetworkConfiguration, gauss: Bool = false) throws -> () -> Void {
        var generator = Xoshiro256StarStar(seed: 2)
        var network = try SegmentationNetwork<Float>(configuration: config, using: &generator)
        network.setGaussMultiplication(gauss)
        var adam = AdamOptimizer<Float>(learningRate: 1e-3)
        let loss = try ComplexFocalLoss()
        let (x, y) = batch(config, size: 32)
        return {
            SpectrumTrainer.step(network: &network, input: x, labels: y, loss: loss, optimizer: &adam)
        }
    }
    /// Inference on a batch of `size` windows: the layer-by-layer reference (`SegmentationNetwork.inference`)
    /// or the folded `InferencePlan` (both cores, groups of `examplesPerTask` windows).
    func batchInference(
        _ config: NetworkConfiguration, size: Int, plan: Bool, examplesPerTask: Int = 4, gauss: Bool = false,
        winograd: Bool = true, winogradOutputs: Int = 4
    ) throws -> () -> Void {
        var generator = Xoshiro256StarStar(seed: 3)
        let network = try SegmentationNetwork<Float>(configuration: config, using: &generator)
        let (x, _) = batch(config, size: size)
        guard plan else { return { _ = network.inference(x) } }
        let folded = InferencePlan(
            network: network, examplesPerTask: examplesPerTask, gaussMultiplication: gauss, winograd: winograd,
            winogradOutputs: winogradOutputs)!
        return { _ = folded.logits(x) }
    }
    func inference(_ config: NetworkConfiguration, throughGenericAPI: Bool = false) throws -> () -> Void {
        var generator = Xoshiro256StarStar(seed: 3)
        var network = try SegmentationNetwork<Float>(configuration: config, using: &generator)
        let (x, _) = batch(config, size: 1)
        if throughGenericAPI { return { _ = network.forward(x, training: false) } }
        return { _ = SpectrumTrainer.logits(network: &network, input: x) }
    }
    return [
        Benchmark(name: "WidebandGenerator.generate, 1 window of 16 384 samples", work: (1, "windows"), samples: 11) {
            let generator = try WidebandGenerator(seed: 20_250_101)
            var index = 0
            return {
                _ = generator.generate(snrDB: 0, snrIndex: 10, index: index % 64)
                index += 1
            }
        },
        Benchmark(name: "KaiserSincInterpolator L = 40, 16 384 outputs", work: (16_384, "samples"), samples: 11) {
            let interpolator = KaiserSincInterpolator(factor: 40)
            let input = (0..<430).map { Complex(Double.cos(0.3 * Double($0)), Double.sin(0.7 * Double($0))) }
            return { _ = interpolator.interpolate(input, outputStart: 400, outputCount: 16_384) }
        },
        Benchmark(name: "compact complex train step, batch 32", work: (32, "examples"), samples: 5) {
            try trainStep(.compact())
        },
        Benchmark(name: "compact complex train step, batch 32, Gauss 3-mult form", work: (32, "examples"), samples: 5) {
            try trainStep(.compact(), gauss: true)
        },
        Benchmark(
            name: "compact complex, spec layout (no context), train step, batch 32", work: (32, "examples"), samples: 5
        ) {
            try trainStep(.compact(contextDilations: []))
        },
        Benchmark(name: "compact real train step, batch 32", work: (32, "examples"), samples: 5) {
            try trainStep(.compactReal())
        },
        Benchmark(name: "compact complex inference, 1 window", work: (1, "windows"), samples: 11) {
            try inference(.compact())
        },
        Benchmark(
            name: "compact complex inference, 1 window, generic forward from another module", work: (1, "windows"),
            samples: 5
        ) {
            try inference(.compact(), throughGenericAPI: true)
        },
        Benchmark(name: "compact real inference, 1 window", work: (1, "windows"), samples: 11) {
            try inference(.compactReal())
        },
        Benchmark(name: "compact complex inference, batch 32, layer by layer", work: (32, "windows"), samples: 5) {
            try batchInference(.compact(), size: 32, plan: false)
        },
        Benchmark(
            name: "compact complex inference, batch 32, InferencePlan", work: (32, "windows"),
            baseline: "compact complex inference, batch 32, layer by layer", samples: 5
        ) {
            try batchInference(.compact(), size: 32, plan: true)
        },
        Benchmark(
            name: "compact complex inference, batch 32, InferencePlan, direct im2col (no Winograd)",
            work: (32, "windows"), baseline: "compact complex inference, batch 32, layer by layer", samples: 5
        ) {
            try batchInference(.compact(), size: 32, plan: true, winograd: false)
        },
        Benchmark(
            name: "compact complex inference, batch 32, InferencePlan, Winograd F(2,3)", work: (32, "windows"),
            baseline: "compact complex inference, batch 32, layer by layer", samples: 5
        ) {
            try batchInference(.compact(), size: 32, plan: true, winogradOutputs: 2)
        },
        Benchmark(
            name: "compact complex inference, batch 32, InferencePlan, 1 window per task", work: (32, "windows"),
            baseline: "compact complex inference, batch 32, layer by layer", samples: 5
        ) {
            try batchInference(.compact(), size: 32, plan: true, examplesPerTask: 1)
        },
        Benchmark(
            name: "compact complex inference, batch 32, InferencePlan, Gauss 3-mult form", work: (32, "windows"),
            baseline: "compact complex inference, batch 32, layer by layer", samples: 5
        ) {
            try batchInference(.compact(), size: 32, plan: true, gauss: true)
        },
        Benchmark(
            name: "compact complex, spec layout (no context), inference, batch 32, InferencePlan",
            work: (32, "windows"), samples: 5
        ) {
            try batchInference(.compact(contextDilations: []), size: 32, plan: true)
        },
    ]
}
