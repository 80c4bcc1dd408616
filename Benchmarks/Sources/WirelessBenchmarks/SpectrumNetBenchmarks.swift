import Numerics
import WirelessCore
import WirelessSpectrumNet

/// CMuSeNet: training throughput (forward + backward + Adam, batch 64) and inference per window
/// for the default compact complex U-Net (M = 16, N = 1024) and its real-valued counterpart.
let spectrumNetBenchmarks = BenchmarkGroup(name: "spectrumnet") {
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
    func trainStep(_ config: NetworkConfiguration) throws -> () -> Void {
        var generator = Xoshiro256StarStar(seed: 2)
        var network = try SegmentationNetwork<Float>(configuration: config, using: &generator)
        var adam = AdamOptimizer<Float>(learningRate: 1e-3)
        let loss = try ComplexFocalLoss()
        let (x, y) = batch(config, size: 64)
        return {
            network.zeroGradients()
            let logits = network.forward(x)
            let (_, g) = loss.evaluate(logits: logits, labels: y)
            network.backward(g)
            adam.update(&network)
        }
    }
    func inference(_ config: NetworkConfiguration) throws -> () -> Void {
        var generator = Xoshiro256StarStar(seed: 3)
        var network = try SegmentationNetwork<Float>(configuration: config, using: &generator)
        let (x, _) = batch(config, size: 1)
        return { _ = network.forward(x, training: false) }
    }
    return [
        Benchmark(name: "compact complex train step, batch 64", work: (64, "examples"), samples: 3) {
            try trainStep(.compact())
        },
        Benchmark(name: "compact real train step, batch 64", work: (64, "examples"), samples: 3) {
            try trainStep(.compactReal())
        },
        Benchmark(name: "compact complex inference, 1 window", work: (1, "windows"), samples: 11) {
            try inference(.compact())
        },
        Benchmark(name: "compact real inference, 1 window", work: (1, "windows"), samples: 11) {
            try inference(.compactReal())
        },
    ]
}
