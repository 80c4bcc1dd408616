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

    /// The direct form y[m] = Σ_k x[k]·h[c + m − kL], summed in ascending k (scalar oracle).
    static func direct(_ interpolator: KaiserSincInterpolator, _ x: [Complex<Double>], start: Int, count: Int)
        -> [Complex<Double>]
    {
        let l = interpolator.factor
        let c = interpolator.halfLength * l
        return (0..<count).map { index in
            let m = start + index
            var re = 0.0
            var im = 0.0
            for k in x.indices where abs(m - k * l) <= c {
                re += x[k].real * interpolator.taps[c + m - k * l]
                im += x[k].imaginary * interpolator.taps[c + m - k * l]
            }
            return Complex(re, im)
        }
    }

    @Test(arguments: [1, 2, 7, 10, 40])
    func blockFormIsBitIdenticalToTheDirectForm(factor: Int) {
        // Same terms in the same order, so equality is exact: starts inside a block, ranges that
        // run past both ends of the input, and an input shorter than the filter.
        let interpolator = KaiserSincInterpolator(factor: factor, halfLength: 3)
        for (length, start, count) in [
            (25, 0, 25 * factor), (25, factor / 2 + 1, 3 * factor + 5), (2, 0, 9 * factor), (25, 30 * factor, 4),
        ] {
            let x = (0..<length).map { Complex(Double.cos(0.37 * Double($0)) + 0.1, Double.sin(1.3 * Double($0))) }
            let fast = interpolator.interpolate(x, outputStart: start, outputCount: count)
            let reference = Self.direct(interpolator, x, start: start, count: count)
            #expect(fast == reference, "L = \(factor), length \(length), start \(start)")
        }
    }
}
