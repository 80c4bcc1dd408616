/// Root-raised-cosine (RRC) pulse-shaping filter design.
///
/// With t in symbol periods T, roll-off β ∈ (0, 1]:
///
///     h(0)          = 1 − β + 4β/π
///     h(±1/(4β))    = (β/√2)·[(1 + 2/π)·sin(π/(4β)) + (1 − 2/π)·cos(π/(4β))]
///     h(t)          = [sin(πt(1−β)) + 4βt·cos(πt(1+β))] / [πt·(1 − (4βt)²)]
///
/// sampled at t = (n − span·sps/2)/sps for n = 0…span·sps (so `span·sps + 1` taps, odd, centred)
/// and scaled to unit energy Σh² = 1. The cascade of two RRC filters is a raised-cosine Nyquist
/// pulse: zero inter-symbol interference at multiples of `samplesPerSymbol` (up to truncation).
/// See e.g. Proakis & Salehi, *Digital Communications*, 5th ed., §9.2.
public struct RootRaisedCosineFilter: Sendable, Equatable, Codable {
    /// Roll-off β [dimensionless], in (0, 1].
    public let rollOff: Double
    /// Filter span in symbols, ≥ 1.
    public let spanSymbols: Int
    /// Samples per symbol, ≥ 1.
    public let samplesPerSymbol: Int
    /// The `spanSymbols·samplesPerSymbol + 1` taps, unit energy.
    public let taps: [Double]

    /// - Parameters:
    ///   - rollOff: β [dimensionless], 0 < β ≤ 1.
    ///   - spanSymbols: span in symbols, ≥ 1.
    ///   - samplesPerSymbol: oversampling, ≥ 1.
    /// - Precondition: parameters in range (a programmer error otherwise).
    public init(rollOff: Double, spanSymbols: Int, samplesPerSymbol: Int) {
        precondition(rollOff > 0 && rollOff <= 1, "roll-off must be in (0, 1]")
        precondition(spanSymbols >= 1 && samplesPerSymbol >= 1, "span and oversampling must be ≥ 1")
        self.rollOff = rollOff
        self.spanSymbols = spanSymbols
        self.samplesPerSymbol = samplesPerSymbol
        let count = spanSymbols * samplesPerSymbol + 1
        let beta = rollOff
        var taps = [Double](repeating: 0, count: count)
        for n in 0..<count {
            let t = Double(n - count / 2) / Double(samplesPerSymbol)
            if t == 0 {
                taps[n] = 1 - beta + 4 * beta / Double.pi
            } else if abs(abs(t) - 1 / (4 * beta)) < 1e-12 {
                let a = Double.pi / (4 * beta)
                taps[n] = beta / 2.0.squareRoot() * ((1 + 2 / Double.pi) * sin(a) + (1 - 2 / Double.pi) * cos(a))
            } else {
                let numerator = sin(Double.pi * t * (1 - beta)) + 4 * beta * t * cos(Double.pi * t * (1 + beta))
                let denominator = Double.pi * t * (1 - (4 * beta * t) * (4 * beta * t))
                taps[n] = numerator / denominator
            }
        }
        let energy = taps.reduce(0) { $0 + $1 * $1 }.squareRoot()
        self.taps = taps.map { $0 / energy }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
