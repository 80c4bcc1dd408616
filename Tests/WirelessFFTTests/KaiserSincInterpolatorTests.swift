import Numerics
import Testing

@testable import WirelessFFT

@Suite struct KaiserSincInterpolatorTests {
    @Test func tapsPassThroughInputSamples() {
        // h[c + kL] = sinc(k)·w = δ_k: the interpolator reproduces x[k] exactly at m = kL.
        let interpolator = KaiserSincInterpolator(factor: 4)
        let x = (0..<50).map { Complex(Double.cos(0.3 * Double($0)), Double.sin(0.7 * Double($0))) }
        let y = interpolator.interpolate(x, outputStart: 0, outputCount: 200)
        for k in 0..<50 { #expect((y[4 * k] - x[k]).length < 1e-12) }
    }

    @Test func reproducesAnInBandTone() {
        // Oracle: a complex tone at 0.1 of the input rate must come out as the same tone at rate L·fs.
        let factor = 5
        let interpolator = KaiserSincInterpolator(factor: factor)
        let f = 0.1
        let x = (0..<400).map { Complex(length: 1, phase: 2 * Double.pi * f * Double($0)) }
        let y = interpolator.interpolate(x, outputStart: 100 * factor, outputCount: 200 * factor)
        var worst = 0.0
        for (index, value) in y.enumerated() {
            let m = Double(100 * factor + index)
            let expected = Complex(length: 1, phase: 2 * Double.pi * f * m / Double(factor))
            worst = max(worst, (value - expected).length)
        }
        // Kaiser β = 5, 10-sample half-length: pass-band ripple of order 1e-2 at 0.2 of Nyquist.
        #expect(worst < 2e-2)
    }
}
