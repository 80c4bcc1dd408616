import Numerics
import WirelessCore
import WirelessFFT

/// The Welch-averaged periodogram the baselines threshold (docs/SPECTRUM.md#baselines), scaled so E[P̄ | noise] = σ².
///
///     P_m[k] = |Σ_n w_n x_m[n] e^{−j2πkn/L}|² / Σ w_n²,   P̄ = mean_m P_m (fftshifted, bin k ↔ −fs/2 + k·fs/L)
///     ν = 2K / (1 + 2 Σ_{j=1}^{K−1} (1 − j/K) ρ_j),   ρ_j = (Σ_n w_n w_{n+jD})² / (Σ w_n²)²
///
/// Under noise alone P̄/σ² ≈ χ²_ν/ν (Welch 1967); for Hann at 50 % overlap ρ_1 = 1/36, ν ≈ 2K/1.056.
public struct AveragedPeriodogram: Sendable {
    public let welch: WelchPSD
    /// K, segments per window.
    public let segmentCount: Int
    /// ν, equivalent chi-square degrees of freedom.
    public let degreesOfFreedom: Double
    /// Samples per analysed window.
    public let windowSamples: Int

    /// - Parameters:
    ///   - segmentLength: L [samples] (1024), ≥ 8.
    ///   - overlapFraction: segment overlap in [0, 1) (0.5).
    ///   - window: taper (periodic Hann).
    ///   - windowSamples: W [samples], ≥ L.
    ///   - sampleRateHz: fs [Hz].
    /// - Throws: `SpectrumNetError.invalidConfiguration` for inconsistent sizes; FFT errors.
    public init(
        segmentLength: Int = 1024, overlapFraction: Double = 0.5, window: Window = .hann(.periodic),
        windowSamples: Int, sampleRateHz: Double
    ) throws(SpectrumNetError) {
        guard segmentLength >= 8, windowSamples >= segmentLength else {
            throw SpectrumNetError.invalidConfiguration(
                reason: "the window (\(windowSamples)) must hold one segment of \(segmentLength)")
        }
        welch = try SpectrumNetError.configuring("Welch periodogram") {
            try WelchPSD(
                segmentLength: segmentLength, overlap: .fraction(overlapFraction), window: window,
                sampleRateHz: sampleRateHz)
        }
        self.windowSamples = windowSamples
        segmentCount = welch.segmentCount(sampleCount: windowSamples)
        let w = welch.windowCoefficients
        let energy = w.reduce(0) { $0 + $1 * $1 }
        let hop = welch.hopLength
        var correction = 0.0
        if segmentCount > 1 {
            for j in 1..<segmentCount where j * hop < segmentLength {
                var overlap = 0.0
                for n in 0..<(segmentLength - j * hop) { overlap += w[n] * w[n + j * hop] }
                let rho = overlap * overlap / (energy * energy)
                correction += (1 - Double(j) / Double(segmentCount)) * rho
            }
        }
        degreesOfFreedom = 2 * Double(segmentCount) / (1 + 2 * correction)
    }

    /// Bins L.
    public var bins: Int { welch.segmentLength }

    /// P̄ of one window (σ² units: E P̄ = σ² for white noise of power σ²).
    public func callAsFunction(_ samples: ArraySlice<Complex<Float>>) throws(SpectrumNetError) -> [Double] {
        guard samples.count >= windowSamples else {
            throw SpectrumNetError.lengthMismatch(expected: windowSamples, found: samples.count)
        }
        // windowSamples ≥ segmentLength (checked at init), so Welch has at least one segment.
        let density = try! welch.estimate(samples: Array(samples.prefix(windowSamples)))
        return density.map { $0 * welch.sampleRateHz }
    }

    /// Post-processing of docs/SPECTRUM.md#baselines: drop runs shorter than `minimumRun` bins, then repeat each bin up
    /// to N bins (N a multiple of L) or OR-pool down (L a multiple of N).
    public static func postProcess(_ mask: [Bool], minimumRun: Int = 2, bins: Int) -> [Bool] {
        var cleaned = mask
        for run in BinInterval.runs(mask) where run.end - run.start < minimumRun {
            for k in run.start..<run.end { cleaned[k] = false }
        }
        if bins == cleaned.count { return cleaned }
        if bins > cleaned.count {
            let factor = bins / cleaned.count
            return (0..<bins).map { cleaned[min(cleaned.count - 1, $0 / factor)] }
        }
        let factor = cleaned.count / bins
        return (0..<bins).map { k in cleaned[(k * factor)..<((k + 1) * factor)].contains(true) }
    }
}
