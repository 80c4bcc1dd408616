import Numerics
import WirelessCore
import WirelessFFT

/// Baseband waveforms of the realistic scene generator, synthesised directly at fs (no resampling), each of
/// unit mean power over the samples returned (docs/SPECTRUM.md#realistic-scenes).
enum SceneWaveforms {
    /// `count` samples of OFDM: back-to-back symbols (cyclic prefix + IFFT of `fftSize` points), used
    /// subcarriers drawn from `constellation`, guard bands and nulls zero; the window starts at a random
    /// point of the first symbol.
    ///
    /// With `taper` R > 0 the symbols are windowed and overlapped (WOLA, as transmitters do to meet their
    /// spectrum masks): each symbol is extended by a cyclic suffix of R samples, its first and last R samples
    /// weighted by a raised-cosine ramp, and the suffix added onto the next symbol's first R prefix samples. The
    /// last cp − R prefix samples of each symbol still repeat its end exactly.
    static func ofdm(
        _ numerology: OFDMNumerology, sampleRateHz fs: Double, count: Int, constellation: [Complex<Double>],
        plan: ComplexFFTPlan<Double>, taper: Int = 0, using generator: inout Xoshiro256StarStar
    ) -> [Complex<Double>] {
        let n = numerology.fftSize(sampleRateHz: fs)
        let cp = numerology.cyclicPrefix(sampleRateHz: fs)
        precondition(plan.count == n, "OFDM plan of the wrong size")
        precondition(taper >= 0 && taper <= cp, "OFDM taper longer than the prefix")
        let offset = Int.random(in: 0..<(n + cp), using: &generator)
        let symbols = (count + offset) / (n + cp) + 1
        let nulls = Set(numerology.nulls)
        var out = [Complex<Double>](repeating: .zero, count: symbols * (n + cp) + taper)
        let ramp = (0..<taper).map { 0.5 - 0.5 * Double.cos(Double.pi * (Double($0) + 0.5) / Double(taper)) }
        var bins = [Complex<Double>](repeating: .zero, count: n)
        for s in 0..<symbols {
            for k in bins.indices { bins[k] = .zero }
            for k in numerology.lowest...numerology.highest where !nulls.contains(k) {
                bins[(k + n) % n] = constellation[Int(generator.next() % UInt64(constellation.count))]
            }
            let symbol = plan(bins)
            // Extended symbol: prefix, body, suffix; ramps on its first and last `taper` samples.
            let start = s * (n + cp)
            for j in 0..<(cp + n + taper) {
                var value = symbol[(j - cp + n) % n]
                if j < taper { value = value.multiplied(by: ramp[j]) }
                if j >= cp + n { value = value.multiplied(by: ramp[taper - 1 - (j - cp - n)]) }
                out[start + j] += value
            }
        }
        return normalised(Array(out[offset..<(offset + count)]))
    }

    /// The root-raised-cosine pulse g(t) of roll-off β, t in symbols (g(0) = 1 − β + 4β/π).
    static func rootRaisedCosine(_ t: Double, rollOff beta: Double) -> Double {
        if abs(t) < 1e-9 { return 1 - beta + 4 * beta / Double.pi }
        let singular = 1 / (4 * beta)
        if abs(abs(t) - singular) < 1e-7 {
            let a = Double.pi / (4 * beta)
            return beta / 2.squareRoot() * ((1 + 2 / Double.pi) * Double.sin(a) + (1 - 2 / Double.pi) * Double.cos(a))
        }
        let numerator = Double.sin(Double.pi * t * (1 - beta)) + 4 * beta * t * Double.cos(Double.pi * t * (1 + beta))
        return numerator / (Double.pi * t * (1 - (4 * beta * t) * (4 * beta * t)))
    }

    /// Half-width of the band holding `fraction` of a raised-cosine PSD's power [in symbol rates]: the PSD is
    /// flat to (1 − β)/2 and a cosine taper to (1 + β)/2; solved by bisection on its closed-form integral.
    static func raisedCosineHalfWidth(rollOff beta: Double, fraction: Double = 0.99) -> Double {
        let f1 = (1 - beta) / 2
        // One-sided power in [0, f] (total ½).
        func power(_ f: Double) -> Double {
            if f <= f1 { return f }
            let u = min(f, (1 + beta) / 2) - f1
            return f1 + u / 2 + beta / (2 * Double.pi) * Double.sin(Double.pi * u / beta)
        }
        var (low, high) = (0.0, (1 + beta) / 2)
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if power(mid) < fraction / 2 { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// `count` samples of RRC-shaped linear modulation at `symbolRateHz` (any rate ≤ fs/(1 + β)), pulse span
    /// ±8 symbols, random symbol timing.
    static func singleCarrier(
        symbolRateHz: Double, rollOff beta: Double, constellation: [Complex<Double>], sampleRateHz fs: Double,
        count: Int, using generator: inout Xoshiro256StarStar
    ) -> [Complex<Double>] {
        let span = 8
        let samplesPerSymbol = fs / symbolRateHz
        let timing = generator.nextUnitDouble()
        let symbolCount = Int(Double(count) / samplesPerSymbol) + 2 * span + 3
        let symbols = (0..<symbolCount).map { _ in
            constellation[Int(generator.next() % UInt64(constellation.count))]
        }
        var out = [Complex<Double>](repeating: .zero, count: count)
        for n in 0..<count {
            // Time in symbols; symbol k sits at t = k − span (so the first output sees span symbols before it).
            let t = Double(n) / samplesPerSymbol + timing + Double(span)
            let centre = Int(t.rounded(.down))
            var acc = Complex<Double>.zero
            for k in max(0, centre - span)...min(symbolCount - 1, centre + span) {
                acc += symbols[k].multiplied(by: rootRaisedCosine(t - Double(k), rollOff: beta))
            }
            out[n] = acc
        }
        return normalised(out)
    }

    /// A unit message of three tones of frequencies U(0.2, 1)·`highestHz`, random phases and weights, peak ≤ 1.
    static func message(
        highestHz: Double, sampleRateHz fs: Double, count: Int, using generator: inout Xoshiro256StarStar
    )
        -> [Double]
    {
        let tones = (0..<3).map { _ in
            (
                frequency: (0.2 + 0.8 * generator.nextUnitDouble()) * highestHz,
                phase: 2 * Double.pi * generator.nextUnitDouble(), weight: 0.2 + generator.nextUnitDouble()
            )
        }
        let total = tones.reduce(0) { $0 + $1.weight }
        return (0..<count).map { n in
            tones.reduce(0.0) { sum, tone in
                sum + tone.weight / total * Double.cos(2 * Double.pi * tone.frequency * Double(n) / fs + tone.phase)
            }
        }
    }

    /// Analog FM: phase 2π·Δ·∫m, m a three-tone message of highest frequency `messageHz`, peak deviation Δ.
    static func fm(
        deviationHz: Double, messageHz: Double, sampleRateHz fs: Double, count: Int,
        using generator: inout Xoshiro256StarStar
    ) -> [Complex<Double>] {
        let m = message(highestHz: messageHz, sampleRateHz: fs, count: count, using: &generator)
        var phase = 2 * Double.pi * generator.nextUnitDouble()
        return m.map { value in
            phase += 2 * Double.pi * deviationHz * value / fs
            return Complex(length: 1, phase: phase)
        }
    }

    /// Double-sideband AM with carrier: 1 + k·m, modulation index k, m a three-tone message.
    static func am(
        index k: Double, messageHz: Double, sampleRateHz fs: Double, count: Int,
        using generator: inout Xoshiro256StarStar
    ) -> [Complex<Double>] {
        let m = message(highestHz: messageHz, sampleRateHz: fs, count: count, using: &generator)
        let phase = Complex<Double>(length: 1, phase: 2 * Double.pi * generator.nextUnitDouble())
        return normalised(m.map { phase.multiplied(by: 1 + k * $0) })
    }

    /// A CW carrier of random phase.
    static func cw(count: Int, using generator: inout Xoshiro256StarStar) -> [Complex<Double>] {
        Array(repeating: Complex(length: 1, phase: 2 * Double.pi * generator.nextUnitDouble()), count: count)
    }

    /// `x` scaled to unit mean power (unchanged when all zero).
    static func normalised(_ x: [Complex<Double>]) -> [Complex<Double>] {
        let power = x.reduce(0.0) { $0 + $1.lengthSquared } / Double(max(1, x.count))
        guard power > 0 else { return x }
        let scale = 1 / power.squareRoot()
        return x.map { $0.multiplied(by: scale) }
    }
}
