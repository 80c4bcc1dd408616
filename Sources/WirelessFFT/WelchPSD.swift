import Numerics

/// Welch's averaged, windowed periodogram: a power spectral density estimate in W/Hz.
///
/// The input is cut into `K` segments of `N = segmentLength` samples that start `H = N − overlap`
/// samples apart (a trailing partial segment is dropped). Each is multiplied by the window `w`,
/// transformed, and the periodograms are averaged (mean):
///
///     K    = ⌊(L − N)/H⌋ + 1
///     P[k] = 1/(K·fs·Σw²) · Σ_{s=0}^{K−1} | Σₙ w[n]·x[s·H + n]·e^{−2πi·k·n/N} |²     [W/Hz]
///
/// With this scaling Σₖ P[k]·fs/N equals the mean power of the input (for white noise of
/// variance σ², E P[k] = σ²/fs). Welch, IEEE Trans. Audio Electroacoust. 15(2), 1967; scaling as
/// in Heinzel, Rüdiger, Schilling, "Spectrum and spectral density estimation by the DFT", 2002, §9.
///
/// Two-sided (complex input): `N` bins, fftshifted, frequencies `(k − ⌊N/2⌋)·fs/N`, from −fs/2
/// for even `N`. One-sided (real input): `⌊N/2⌋ + 1` bins at `k·fs/N`, k = 0 … ⌊N/2⌋, with every
/// bin except DC (and Nyquist for even `N`) doubled so the sum still gives the mean power.
/// No detrending is applied.
///
/// The FFT plans are made once in `init`; each `estimate` call allocates two segment buffers and
/// the result, then reuses them for every segment. A `WelchPSD` is immutable and `Sendable`;
/// concurrent `estimate` calls are safe.
public struct WelchPSD: Sendable {
    /// How much consecutive segments overlap.
    public enum Overlap: Sendable, Equatable, Codable, Hashable {
        /// A fraction of the segment length in [0, 1); rounded to whole samples.
        case fraction(Double)
        /// A number of samples in [0, segmentLength).
        case samples(Int)
    }

    /// N, samples per segment and number of bins (two-sided).
    public let segmentLength: Int
    /// Overlap between consecutive segments [samples], 0 ≤ overlap < N.
    public let overlapSamples: Int
    /// Hop between segment starts, H = N − overlap [samples].
    public var hopLength: Int { segmentLength - overlapSamples }
    /// The window.
    public let window: Window
    /// Sample rate fs [Hz].
    public let sampleRateHz: Double
    /// The window coefficients `w[n]`.
    public let windowCoefficients: [Double]
    /// 1/(fs·Σw²) [1/Hz], the periodogram scale.
    public let densityScale: Double

    private let complexPlan: FFTPlan
    private let realPlan: RealFFTPlan

    /// Configures the estimator and plans its FFTs.
    ///
    /// - Parameters:
    ///   - segmentLength: N [samples], ≥ 1 (a power of two is fastest; any size works).
    ///   - overlap: Segment overlap, fraction in [0, 1) or samples in [0, N). Default half.
    ///   - window: The taper. Default periodic Hann.
    ///   - sampleRateHz: fs [Hz], finite and > 0.
    /// - Throws: `FFTError.invalidShape` for N < 1, `.invalidOverlap`, `.valueOutOfRange` for fs or
    ///   a fraction outside [0, 1).
    public init(
        segmentLength: Int, overlap: Overlap = .fraction(0.5), window: Window = .hann(.periodic), sampleRateHz: Double
    ) throws(FFTError) {
        guard segmentLength >= 1 else { throw FFTError.invalidShape([segmentLength]) }
        guard sampleRateHz > 0, sampleRateHz.isFinite else {
            throw FFTError.valueOutOfRange(name: "sampleRateHz", value: sampleRateHz)
        }
        let overlapSamples: Int
        switch overlap {
        case .fraction(let fraction):
            guard fraction >= 0, fraction < 1 else {
                throw FFTError.valueOutOfRange(name: "overlap fraction", value: fraction)
            }
            overlapSamples = Int((fraction * Double(segmentLength)).rounded())
        case .samples(let samples):
            overlapSamples = samples
        }
        guard overlapSamples >= 0, overlapSamples < segmentLength else {
            throw FFTError.invalidOverlap(samples: overlapSamples, segmentLength: segmentLength)
        }
        if case .kaiser(let beta, _) = window, !(beta >= 0 && beta.isFinite) {
            throw FFTError.valueOutOfRange(name: "kaiser beta", value: beta)
        }
        let coefficients = window.coefficients(length: segmentLength)
        let energy = coefficients.reduce(0) { $0 + $1 * $1 }
        guard energy > 0 else { throw FFTError.valueOutOfRange(name: "window energy", value: energy) }
        self.segmentLength = segmentLength
        self.overlapSamples = overlapSamples
        self.window = window
        self.sampleRateHz = sampleRateHz
        self.windowCoefficients = coefficients
        self.densityScale = 1 / (sampleRateHz * energy)
        self.complexPlan = try FFTPlan(count: segmentLength, direction: .forward, inPlace: true)
        self.realPlan = try RealFFTPlan(count: segmentLength)
    }

    /// Number of whole segments in `sampleCount` samples, K = ⌊(L − N)/H⌋ + 1 (0 if L < N).
    public func segmentCount(sampleCount: Int) -> Int {
        sampleCount < segmentLength ? 0 : (sampleCount - segmentLength) / hopLength + 1
    }

    /// Two-sided bin frequencies, ascending: `(k − ⌊N/2⌋)·fs/N` [Hz], k = 0 … N−1.
    public var frequenciesHz: [Double] {
        let half = segmentLength / 2
        return (0..<segmentLength).map { Double($0 - half) * sampleRateHz / Double(segmentLength) }
    }

    /// One-sided bin frequencies `k·fs/N` [Hz], k = 0 … ⌊N/2⌋.
    public var oneSidedFrequenciesHz: [Double] {
        (0...(segmentLength / 2)).map { Double($0) * sampleRateHz / Double(segmentLength) }
    }

    /// Two-sided PSD of complex baseband samples [W/Hz], ordered as `frequenciesHz`.
    ///
    /// - Parameter samples: x[n] [√W, i.e. |x|² is power in W], count ≥ N.
    /// - Throws: `FFTError.inputTooShort` if fewer than N samples.
    public func estimate(samples: [Complex<Double>]) throws(FFTError) -> [Double] {
        try requireOneSegment(sampleCount: samples.count)
        return samples.withUnsafeBufferPointer { x in
            windowClosure { w in
                twoSided(count: x.count) { start, segment in
                    for i in 0..<segmentLength { segment[i] = x[start + i].multiplied(by: w[i]) }
                }
            }
        }
    }

    /// Two-sided PSD of single-precision complex samples [W/Hz] (accumulated in `Double`).
    ///
    /// - Throws: `FFTError.inputTooShort` if fewer than N samples.
    public func estimate(samples: [Complex<Float>]) throws(FFTError) -> [Double] {
        try requireOneSegment(sampleCount: samples.count)
        return samples.withUnsafeBufferPointer { x in
            windowClosure { w in
                twoSided(count: x.count) { start, segment in
                    for i in 0..<segmentLength {
                        let z = x[start + i]
                        segment[i] = Complex(w[i] * Double(z.real), w[i] * Double(z.imaginary))
                    }
                }
            }
        }
    }

    /// One-sided PSD of real samples [W/Hz], ordered as `oneSidedFrequenciesHz`.
    ///
    /// - Parameter samples: x[n] [√W], count ≥ N.
    /// - Throws: `FFTError.inputTooShort` if fewer than N samples.
    public func estimateOneSided(samples: [Double]) throws(FFTError) -> [Double] {
        let n = segmentLength
        let segments = segmentCount(sampleCount: samples.count)
        guard segments > 0 else { throw FFTError.inputTooShort(required: n, actual: samples.count) }
        let bins = n / 2 + 1
        var segment = [Double](repeating: 0, count: n)
        var spectrum = [Complex<Double>](repeating: .zero, count: bins)
        var psd = [Double](repeating: 0, count: bins)
        samples.withUnsafeBufferPointer { x in
            windowCoefficients.withUnsafeBufferPointer { w in
                segment.withUnsafeMutableBufferPointer { seg in
                    spectrum.withUnsafeMutableBufferPointer { spec in
                        psd.withUnsafeMutableBufferPointer { out in
                            for s in 0..<segments {
                                let start = s * hopLength
                                for i in 0..<n { seg[i] = w[i] * x[start + i] }
                                realPlan.execute(input: seg.baseAddress!, output: spec.baseAddress!)
                                for k in 0..<bins { out[k] += spec[k].lengthSquared }
                            }
                            let scale = densityScale / Double(segments)
                            for k in 0..<bins {
                                let isEdge = k == 0 || (n % 2 == 0 && k == n / 2)
                                out[k] *= isEdge ? scale : 2 * scale
                            }
                        }
                    }
                }
            }
        }
        return psd
    }

    /// Runs `body` with the window coefficients as a buffer.
    @inline(__always)
    private func windowClosure<R>(_ body: (UnsafeBufferPointer<Double>) -> R) -> R {
        windowCoefficients.withUnsafeBufferPointer(body)
    }

    /// - Throws: `FFTError.inputTooShort` when `sampleCount` < N (not one whole segment).
    private func requireOneSegment(sampleCount: Int) throws(FFTError) {
        guard segmentCount(sampleCount: sampleCount) > 0 else {
            throw .inputTooShort(required: segmentLength, actual: sampleCount)
        }
    }

    /// The shared two-sided loop. `fill(start, segment)` writes w[i]·x[start + i] for i < N into
    /// `segment` (once per segment, so the per-sample work stays in concrete, inlinable code).
    /// The caller has checked `count` ≥ N (`requireOneSegment`).
    @inline(__always)
    private func twoSided(count: Int, _ fill: (Int, UnsafeMutableBufferPointer<Complex<Double>>) -> Void) -> [Double] {
        let n = segmentLength
        let segments = segmentCount(sampleCount: count)
        precondition(segments > 0, "twoSided needs one whole segment")
        var segment = [Complex<Double>](repeating: .zero, count: n)
        var accumulated = [Double](repeating: 0, count: n)
        segment.withUnsafeMutableBufferPointer { seg in
            accumulated.withUnsafeMutableBufferPointer { acc in
                for s in 0..<segments {
                    fill(s * hopLength, seg)
                    complexPlan.execute(input: seg.baseAddress!, output: seg.baseAddress!)
                    for k in 0..<n {
                        let z = seg[k]
                        acc[k] += z.real * z.real + z.imaginary * z.imaginary
                    }
                }
            }
        }
        // fftshift and scale in one pass: output index j holds FFT bin (j − ⌊N/2⌋) mod N.
        let scale = densityScale / Double(segments)
        let half = n / 2
        return (0..<n).map { j in
            let k = j - half
            return accumulated[k < 0 ? k + n : k] * scale
        }
    }
}
