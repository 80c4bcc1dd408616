import Testing

@testable import WirelessFFT

@Suite struct RootRaisedCosineFilterTests {
    @Test func unitEnergyAndSymmetry() {
        let filter = RootRaisedCosineFilter(rollOff: 0.35, spanSymbols: 10, samplesPerSymbol: 2)
        #expect(filter.taps.count == 21)
        #expect(abs(filter.taps.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
        for n in 0..<21 { #expect(abs(filter.taps[n] - filter.taps[20 - n]) < 1e-15) }
    }

    @Test(arguments: [(0.35, 4), (0.25, 8), (0.5, 2)])
    func cascadeIsNyquist(rollOff: Double, samplesPerSymbol: Int) {
        // Oracle: RRC ⊛ RRC is a raised cosine, zero at non-zero multiples of the symbol period.
        // Truncation to ±span/2 symbols leaves residual ISI; 2e-2 bounds it for span 16, β ≥ 0.25.
        let filter = RootRaisedCosineFilter(rollOff: rollOff, spanSymbols: 16, samplesPerSymbol: samplesPerSymbol)
        let h = filter.taps
        let centre = h.count - 1
        func autocorrelation(_ lag: Int) -> Double {
            var s = 0.0
            for n in 0..<h.count where n + lag >= 0 && n + lag < h.count { s += h[n] * h[n + lag] }
            return s
        }
        #expect(abs(autocorrelation(0) - 1) < 1e-12)
        for k in 1...5 { #expect(abs(autocorrelation(k * samplesPerSymbol)) < 2e-2, "lag \(k)") }
        _ = centre
    }

    @Test func singularPointUsesTheLimit() {
        // β = 0.25, sps = 4: t = ±1/(4β) = ±1 falls on a tap; the limit must be continuous with its neighbours.
        let filter = RootRaisedCosineFilter(rollOff: 0.5, spanSymbols: 4, samplesPerSymbol: 2)
        // t = 0.5 = 1/(4·0.5) is tap index 8 + 1 = 9; compare with the general formula just off the point.
        let beta = 0.5
        let t = 0.5 + 1e-7
        let general =
            (sin(Double.pi * t * (1 - beta)) + 4 * beta * t * cos(Double.pi * t * (1 + beta)))
            / (Double.pi * t * (1 - (4 * beta * t) * (4 * beta * t)))
        let unscaled = RootRaisedCosineFilter(rollOff: 0.5, spanSymbols: 4, samplesPerSymbol: 2)
        let scale = filter.taps[4] / (1 - beta + 4 * beta / Double.pi)
        #expect(abs(unscaled.taps[5] / scale - general) < 1e-5)
    }
}

#if canImport(Glibc)
    import Glibc
#endif
