import Numerics
import WirelessCore
import WirelessFFT

/// The receiver artefacts of the realistic scene generator, in the order a receiver makes them
/// (docs/SPECTRUM.md#realistic-scenes):
///
///     1. noise floor coloured:  N(f)·√S(f),  S_dB(f) = tilt·f/(fs/2) + ripple·sin(2π·cycles·f/fs + φ), mean S = 1
///     2. anti-alias roll-off:   H_dB(f) = −A·½(1 − cos(π(|f| − f_p)/(fs/2 − f_p))) for |f| > f_p = (1 − ρ)·fs/2
///     3. IQ imbalance:          I' = I,  Q' = g·(Q·cos φ − I·sin φ)   (image at −f, rejection ratio
///                               IRR = (1 + g² + 2g·cos φ)/(1 + g² − 2g·cos φ))
///     4. DC offset / LO leakage: + c
///     5. ci16:                  scaled so the rms is `ci16HeadroomDB` below full scale, rounded to integers,
///                               clipped to [−32768, 32767], then divided by 32768 (the SigMF reader's scale)
///
/// Steps 1–2 are exact per bin of the window's FFT (circular: the window is treated as one period).
public struct ReceiverFrontEnd: Sendable, Equatable {
    /// Noise floor tilt across the band [dB] (0: white).
    public var noiseTiltDB: Double = 0
    /// Noise floor ripple amplitude [dB], its cycles across the band and phase [rad].
    public var noiseRippleDB: Double = 0
    public var noiseRippleCycles: Double = 1
    public var noiseRipplePhase: Double = 0
    /// Roll-off width ρ as a fraction of fs/2, in [0, 1) (0: no roll-off), and attenuation A at ±fs/2 [dB] ≥ 0.
    public var rollOffFraction: Double = 0
    public var rollOffAttenuationDB: Double = 0
    /// IQ gain imbalance g [dB] (0: none) and phase imbalance φ [rad].
    public var iqGainDB: Double = 0
    public var iqPhaseRadians: Double = 0
    /// DC offset c (same unit as the samples before step 5).
    public var dcOffset: Complex<Double> = .zero
    /// ci16 headroom: full scale over the rms of the input to step 5 [dB]; nil: no quantisation.
    public var ci16HeadroomDB: Double?

    public init() {}

    /// The image rejection ratio of the IQ imbalance [dB] (∞ without imbalance).
    public var imageRejectionRatioDB: Double {
        let g = Decibels.toAmplitude(iqGainDB)
        let c = Double.cos(iqPhaseRadians)
        return Decibels.fromPower((1 + g * g + 2 * g * c) / (1 + g * g - 2 * g * c))
    }

    /// The anti-alias power gain at `frequencyHz` (|f| ≤ fs/2) [dB], ≤ 0.
    public func rollOffGainDB(frequencyHz f: Double, sampleRateHz fs: Double) -> Double {
        guard rollOffFraction > 0 else { return 0 }
        let pass = (1 - rollOffFraction) * fs / 2
        guard abs(f) > pass else { return 0 }
        let x = min(1, (abs(f) - pass) / (fs / 2 - pass))
        return -rollOffAttenuationDB * 0.5 * (1 - Double.cos(Double.pi * x))
    }

    /// The noise floor's shape S_dB(f) before normalisation [dB].
    func noiseShapeDB(frequencyHz f: Double, sampleRateHz fs: Double) -> Double {
        noiseTiltDB * f / (fs / 2)
            + noiseRippleDB * Double.sin(2 * Double.pi * noiseRippleCycles * f / fs + noiseRipplePhase)
    }

    /// The received window from the signals' sum and white noise (same length W, a power of the plans' size).
    ///
    /// - Returns: the samples and the factor the powers were scaled by in step 5 (1 without ci16).
    func apply(
        signals: [Complex<Double>], noise: [Complex<Double>], sampleRateHz fs: Double,
        forward: ComplexFFTPlan<Double>, inverse: ComplexFFTPlan<Double>
    ) -> (samples: [Complex<Double>], powerScale: Double) {
        let w = signals.count
        var x: [Complex<Double>]
        if rollOffFraction > 0 || noiseTiltDB != 0 || noiseRippleDB != 0 {
            // Bin k of the unshifted FFT is at f = k·fs/W (k < W/2) or (k − W)·fs/W.
            func frequency(_ k: Int) -> Double { Double(k < w / 2 ? k : k - w) * fs / Double(w) }
            let shape = (0..<w).map { Decibels.toPower(noiseShapeDB(frequencyHz: frequency($0), sampleRateHz: fs)) }
            let mean = shape.reduce(0, +) / Double(w)
            let s = forward(signals)
            let n = forward(noise)
            var spectrum = [Complex<Double>](repeating: .zero, count: w)
            for k in 0..<w {
                let h = Decibels.toAmplitude(rollOffGainDB(frequencyHz: frequency(k), sampleRateHz: fs))
                spectrum[k] = (s[k] + n[k].multiplied(by: (shape[k] / mean).squareRoot())).multiplied(by: h)
            }
            x = inverse(spectrum)
        } else {
            x = zip(signals, noise).map { $0 + $1 }
        }
        if iqGainDB != 0 || iqPhaseRadians != 0 {
            let g = Decibels.toAmplitude(iqGainDB)
            let (c, s) = (Double.cos(iqPhaseRadians), Double.sin(iqPhaseRadians))
            for n in 0..<w { x[n] = Complex(x[n].real, g * (x[n].imaginary * c - x[n].real * s)) }
        }
        if dcOffset != .zero { for n in 0..<w { x[n] += dcOffset } }
        guard let headroom = ci16HeadroomDB else { return (x, 1) }
        let rms = (x.reduce(0.0) { $0 + $1.lengthSquared } / Double(max(1, w))).squareRoot()
        let gain = rms > 0 ? Decibels.toAmplitude(-headroom) / rms : 1
        func quantise(_ v: Double) -> Double { min(32767, max(-32768, (v * gain * 32768).rounded())) / 32768 }
        return (x.map { Complex(quantise($0.real), quantise($0.imaginary)) }, gain * gain)
    }
}
