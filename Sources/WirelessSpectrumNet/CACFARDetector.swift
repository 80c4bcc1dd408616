import Numerics
import WirelessCore

/// Cell-averaging CFAR on the averaged periodogram (Finn & Johnson 1968; docs/SPECTRUM.md#baselines):
///
///     detect bin k  ⇔  P̄[k] > α · mean(P̄[reference cells of k])
///     α = F⁻¹_{F(ν, N_ref·ν)}(1 − P_FA)      (K = 1: α = N_ref (P_FA^{−1/N_ref} − 1))
///
/// Reference cells: `referenceCells` on each side beyond `guardCells`; near the band edges the
/// window is shifted inward so that N_ref = 2·referenceCells cells are always used.
public struct CACFARDetector: Sendable {
    public let periodogram: AveragedPeriodogram
    public let falseAlarmProbability: Double
    /// Reference cells per side (32).
    public let referenceCells: Int
    /// Guard cells per side (2).
    public let guardCells: Int
    /// α.
    public let scale: Double

    /// - Throws: `SpectrumNetError.invalidConfiguration` for P_FA ∉ (0, 1) or a window wider than the band.
    public init(
        periodogram: AveragedPeriodogram, falseAlarmProbability: Double = 1e-3, referenceCells: Int = 32,
        guardCells: Int = 2
    ) throws(SpectrumNetError) {
        guard falseAlarmProbability > 0, falseAlarmProbability < 1 else {
            throw SpectrumNetError.invalidConfiguration(reason: "P_FA must be in (0, 1)")
        }
        guard referenceCells >= 1, guardCells >= 0, 2 * (referenceCells + guardCells) + 1 <= periodogram.bins else {
            throw SpectrumNetError.invalidConfiguration(reason: "the CFAR window must fit in \(periodogram.bins) bins")
        }
        self.periodogram = periodogram
        self.falseAlarmProbability = falseAlarmProbability
        self.referenceCells = referenceCells
        self.guardCells = guardCells
        let nu = periodogram.degreesOfFreedom
        let nRef = Double(2 * referenceCells)
        scale = try SpectrumNetError.configuring("CA-CFAR threshold") {
            try FDistribution(numeratorDegreesOfFreedom: nu, denominatorDegreesOfFreedom: nRef * nu)
                .quantile(1 - falseAlarmProbability)
        }
    }

    /// Raw decisions on the L-bin grid.
    public func rawMask(_ samples: ArraySlice<Complex<Float>>) throws(SpectrumNetError) -> [Bool] {
        let power = try periodogram(samples)
        return decide(power)
    }

    /// Decisions for a given P̄.
    public func decide(_ power: [Double]) -> [Bool] {
        let n = power.count
        let half = referenceCells + guardCells
        var prefix = [Double](repeating: 0, count: n + 1)
        for k in 0..<n { prefix[k + 1] = prefix[k] + power[k] }
        func sum(_ a: Int, _ b: Int) -> Double { prefix[b] - prefix[a] }
        return (0..<n).map { k in
            // Window [start, start + 2·half + 1) shifted inward at the edges; cell under test at k.
            let start = min(max(k - half, 0), n - (2 * half + 1))
            let end = start + 2 * half + 1
            let guardLow = max(start, k - guardCells)
            let guardHigh = min(end, k + guardCells + 1)
            var reference = sum(start, end) - sum(guardLow, guardHigh)
            var count = (end - start) - (guardHigh - guardLow)
            // Keep exactly 2·referenceCells cells (a shifted window can leave extra cells on one side).
            if count > 2 * referenceCells {
                let extra = count - 2 * referenceCells
                // Drop the cells farthest from k.
                if k - start > end - 1 - k {
                    reference -= sum(start, start + extra)
                } else {
                    reference -= sum(end - extra, end)
                }
                count -= extra
            }
            return power[k] > scale * reference / Double(count)
        }
    }

    /// The mask on N bins after post-processing.
    public func mask(_ samples: ArraySlice<Complex<Float>>, bins: Int) throws(SpectrumNetError) -> [Bool] {
        AveragedPeriodogram.postProcess(try rawMask(samples), bins: bins)
    }
}
