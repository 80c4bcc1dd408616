import Numerics
import WirelessFFT

/// The network input of docs/SPECTRUM.md#input-and-labels: M consecutive N-point FFTs of a window, fftshifted and
/// divided
/// by their joint peak magnitude.
///
///     x_m[n] = x[mN + n],  X_m[k] = Σ_n w[n]·x_m[n]·e^{−j2πkn/N}   (rectangular w by default)
///     X̃_m = fftshift(X_m),  input = X̃ / max_{m,k} |X̃_m[k]|          → [M × N] complex
///
/// Bin k ↔ f_k = −fs/2 + k·fs/N. The real-valued network takes 2M real channels (Re, Im per FFT).
/// Plans once (FFTW_ESTIMATE, deterministic); `features` allocates only its output.
public struct SpectrumFeatureExtractor: Sendable {
    /// M ≥ 1.
    public let fftCount: Int
    /// N ≥ 2.
    public let bins: Int
    /// Analysis window (rectangular by default; Hann optional).
    public let window: Window
    let plan: FFTPlanFloat
    let windowCoefficients: [Float]

    /// - Throws: `SpectrumNetError.invalidConfiguration` for M < 1 or N < 2; FFT planning errors.
    public init(fftCount: Int, bins: Int, window: Window = .rectangular) throws(SpectrumNetError) {
        guard fftCount >= 1, bins >= 2 else {
            throw SpectrumNetError.invalidConfiguration(reason: "M must be ≥ 1 and N ≥ 2")
        }
        self.fftCount = fftCount
        self.bins = bins
        self.window = window
        self.plan = try SpectrumNetError.configuring("feature FFT") {
            try FFTPlanFloat(count: bins, batchCount: fftCount)
        }
        self.windowCoefficients = window.coefficients(length: bins).map { Float($0) }
    }

    /// The extractor a network with `configuration` expects (its M, N and input window).
    ///
    /// - Throws: as `init(fftCount:bins:window:)`.
    public init(for configuration: NetworkConfiguration) throws(SpectrumNetError) {
        let window: Window =
            switch configuration.inputWindow {
            case .rectangular: .rectangular
            case .hann: .hann(.periodic)
            }
        try self.init(fftCount: configuration.fftCount, bins: configuration.bins, window: window)
    }

    /// Samples per window, M·N.
    public var windowSamples: Int { fftCount * bins }

    /// Checks a window: length M·N, finite, not all zero.
    ///
    /// - Throws: `SpectrumNetError.lengthMismatch`, `.nonFiniteSample`, `.allZeroWindow`.
    public func validate(_ samples: ArraySlice<Complex<Float>>) throws(SpectrumNetError) {
        guard samples.count == windowSamples else {
            throw SpectrumNetError.lengthMismatch(expected: windowSamples, found: samples.count)
        }
        var anyNonZero = false
        for (offset, value) in samples.enumerated() {
            guard value.real.isFinite && value.imaginary.isFinite else {
                throw SpectrumNetError.nonFiniteSample(index: offset)
            }
            if value.real != 0 || value.imaginary != 0 { anyNonZero = true }
        }
        guard anyNonZero else { throw SpectrumNetError.allZeroWindow }
    }

    /// The normalised spectra of one window, written as example `slot` of `tensor`
    /// (`[batch × M × N]` complex, or `[batch × 2M × N]` real with channels Re₀, Im₀, Re₁, …).
    ///
    /// - Throws: see `validate`.
    public func write(_ samples: ArraySlice<Complex<Float>>, into tensor: inout ComplexTensor<Float>, slot: Int)
        throws(SpectrumNetError)
    {
        try validate(samples)
        var input = Array(samples)
        for m in 0..<fftCount {
            for n in 0..<bins { input[m * bins + n] = input[m * bins + n].multiplied(by: windowCoefficients[n]) }
        }
        var spectrum = [Complex<Float>](repeating: .zero, count: windowSamples)
        input.withUnsafeBufferPointer { x in
            spectrum.withUnsafeMutableBufferPointer { y in
                plan.execute(input: x.baseAddress!, output: y.baseAddress!)
            }
        }
        var peak: Float = 0
        for value in spectrum { peak = max(peak, value.length) }
        guard peak > 0, peak.isFinite else { throw SpectrumNetError.allZeroWindow }
        let scale = 1 / peak
        let half = bins / 2
        let base = slot * tensor.exampleStride
        for m in 0..<fftCount {
            for k in 0..<bins {
                // fftshift: output bin k holds FFT bin (k + ⌈N/2⌉) mod N.
                let source = spectrum[m * bins + (k + bins - half) % bins]
                if tensor.isComplex {
                    tensor.real[base + m * bins + k] = source.real * scale
                    tensor.imaginary[base + m * bins + k] = source.imaginary * scale
                } else {
                    tensor.real[base + (2 * m) * bins + k] = source.real * scale
                    tensor.real[base + (2 * m + 1) * bins + k] = source.imaginary * scale
                }
            }
        }
    }

    /// Frequency of bin k [Hz]: f_k = −fs/2 + k·fs/N.
    public func binFrequencyHz(_ k: Int, sampleRateHz: Double) -> Double {
        -sampleRateHz / 2 + Double(k) * sampleRateHz / Double(bins)
    }
}

/// Labels of docs/SPECTRUM.md#input-and-labels: mask[x1..<x2] = 1 with x1 = ⌊(fs/2 + f_lo)N/fs⌋, x2 = ⌈(fs/2 +
/// f_hi)N/fs⌉,
/// the union over intervals, clipped to [0, N).
public enum SpectrumLabels {
    /// - Parameters:
    ///   - intervalsHz: baseband [f_lo, f_hi] pairs [Hz].
    ///   - bins: N.  sampleRateHz: fs [Hz].
    public static func mask(intervalsHz: [(lower: Double, upper: Double)], bins: Int, sampleRateHz: Double) -> [Bool] {
        var mask = [Bool](repeating: false, count: bins)
        let scale = Double(bins) / sampleRateHz
        for interval in intervalsHz {
            let x1 = max(0, Int(((sampleRateHz / 2 + interval.lower) * scale).rounded(.down)))
            let x2 = min(bins, Int(((sampleRateHz / 2 + interval.upper) * scale).rounded(.up)))
            if x1 < x2 { for k in x1..<x2 { mask[k] = true } }
        }
        return mask
    }
}
