import Numerics
import WirelessCore
import WirelessFFT
import _WirelessFFTWShim

/// FFTPlan's cost over calling FFTW directly: the same FFTW_ESTIMATE transform, the same
/// fftw_malloc'd (SIMD-aligned) buffers; plus FFTPlan on Swift arrays and the allocating
/// convenience call, and the single-precision plan.
let fftBenchmarks = BenchmarkGroup(name: "fft") {
    [1024, 4096, 16384].flatMap { n -> [Benchmark] in
        let direct = "fftw_execute_dft n=\(n)"
        return [
            Benchmark(name: direct) {
                let buffers = AlignedBuffers(count: n)
                let plan = fftw_plan_dft_1d(Int32(n), buffers.input, buffers.output, FFTW_FORWARD, FFTW_ESTIMATE)!
                return {
                    withExtendedLifetime(buffers) { fftw_execute_dft(plan, buffers.input, buffers.output) }
                }
            },
            Benchmark(name: "FFTPlan.execute n=\(n)", baseline: direct) {
                let buffers = AlignedBuffers(count: n)
                let plan = try FFTPlan(count: n)
                let input = UnsafePointer<Complex<Double>>(OpaquePointer(buffers.input))
                let output = UnsafeMutablePointer<Complex<Double>>(OpaquePointer(buffers.output))
                return { withExtendedLifetime(buffers) { plan.execute(input: input, output: output) } }
            },
            Benchmark(name: "FFTPlan.execute arrays n=\(n)", baseline: direct) {
                let plan = try FFTPlan(count: n)
                let x = randomSignal(count: n)
                var y = [Complex<Double>](repeating: .zero, count: n)
                return {
                    x.withUnsafeBufferPointer { source in
                        y.withUnsafeMutableBufferPointer { destination in
                            plan.execute(input: source.baseAddress!, output: destination.baseAddress!)
                        }
                    }
                }
            },
            Benchmark(name: "FFTPlan callAsFunction n=\(n)", baseline: direct) {
                let plan = try FFTPlan(count: n)
                let x = randomSignal(count: n)
                return { _ = plan(x) }
            },
            Benchmark(name: "FFTPlanFloat.execute arrays n=\(n)", baseline: direct) {
                let plan = try FFTPlanFloat(count: n)
                let x = randomSignal(count: n).map { Complex(Float($0.real), Float($0.imaginary)) }
                var y = [Complex<Float>](repeating: .zero, count: n)
                return {
                    x.withUnsafeBufferPointer { source in
                        y.withUnsafeMutableBufferPointer { destination in
                            plan.execute(input: source.baseAddress!, output: destination.baseAddress!)
                        }
                    }
                }
            },
        ]
    }
}

/// Two fftw_malloc'd complex buffers filled with a test signal, freed on deinit.
final class AlignedBuffers {
    let input: UnsafeMutablePointer<fftw_complex>
    let output: UnsafeMutablePointer<fftw_complex>

    init(count: Int) {
        input = fftw_alloc_complex(count)!
        output = fftw_alloc_complex(count)!
        let signal = randomSignal(count: count)
        for i in 0..<count {
            input[i] = (signal[i].real, signal[i].imaginary)
            output[i] = (0, 0)
        }
    }

    deinit {
        fftw_free(input)
        fftw_free(output)
    }
}

/// Uniform complex test data in [−1, 1)², seeded.
func randomSignal(count: Int, seed: UInt64 = 1) -> [Complex<Double>] {
    var generator = Xoshiro256StarStar(seed: seed)
    return (0..<count).map { _ in Complex(2 * generator.nextUnitDouble() - 1, 2 * generator.nextUnitDouble() - 1) }
}
