import Numerics
import WirelessCore
import WirelessFFT

/// Welch PSD throughput on 10⁷ complex samples (N = 1024, 50 % overlap, periodic Hann).
let welchBenchmarks = BenchmarkGroup(name: "welch") {
    let sampleCount = 10_000_000
    return [
        Benchmark(name: "WelchPSD Complex<Double> 1e7, N=1024", work: (Double(sampleCount), "samples"), samples: 5) {
            let welch = try WelchPSD(segmentLength: 1024, overlap: .fraction(0.5), sampleRateHz: 1e6)
            let x = randomSignal(count: sampleCount)
            return { _ = try! welch.estimate(samples: x) }
        },
        Benchmark(name: "WelchPSD Complex<Float> 1e7, N=1024", work: (Double(sampleCount), "samples"), samples: 5) {
            let welch = try WelchPSD(segmentLength: 1024, overlap: .fraction(0.5), sampleRateHz: 1e6)
            let x = randomSignal(count: sampleCount).map { Complex(Float($0.real), Float($0.imaginary)) }
            return { _ = try! welch.estimate(samples: x) }
        },
    ]
}
