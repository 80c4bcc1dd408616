import Numerics

/// Single-stage integer interpolation by L with a Kaiser-windowed sinc low-pass.
///
///     h[j] = sinc((j − c)/L) · w_K(β)[j],   j = 0 … 2c,  c = halfLength·L      (gain L, cut-off fs_in/2)
///     y[m] = Σ_k x[k] · h[c + m − kL]                                           (delay-compensated)
///
/// so y[kL] ≈ x[k] and a band-limited input is reproduced at L times the rate. `sinc` is the
/// normalised sin(πx)/(πx). Kaiser & Schafer (1980); Crochiere & Rabiner, *Multirate DSP* (1983) §2.
public struct KaiserSincInterpolator: Sendable, Equatable {
    /// Interpolation factor L ≥ 1.
    public let factor: Int
    /// Half-length in input samples (taps span ±halfLength·L output samples).
    public let halfLength: Int
    /// Kaiser β [dimensionless], ≥ 0.
    public let beta: Double
    /// The `2·halfLength·L + 1` taps.
    public let taps: [Double]

    /// - Parameters:
    ///   - factor: L ≥ 1.
    ///   - halfLength: half-length in input samples, ≥ 1 (10 in the CMuSeNet generator).
    ///   - beta: Kaiser β ≥ 0 (5 in the CMuSeNet generator).
    public init(factor: Int, halfLength: Int = 10, beta: Double = 5) {
        precondition(factor >= 1 && halfLength >= 1 && beta >= 0, "invalid interpolator parameters")
        self.factor = factor
        self.halfLength = halfLength
        self.beta = beta
        let centre = halfLength * factor
        let window = Window.kaiser(beta: beta, symmetry: .symmetric).coefficients(length: 2 * centre + 1)
        self.taps = (0...(2 * centre)).map { j in
            let x = Double(j - centre) / Double(factor)
            let sinc = x == 0 ? 1 : Double.sin(Double.pi * x) / (Double.pi * x)
            return sinc * window[j]
        }
    }

    /// Interpolates `input` to `outputCount` samples starting at output index `outputStart`
    /// (output m ↔ input time m/L; input outside `input` is zero).
    public func interpolate(_ input: [Complex<Double>], outputStart: Int, outputCount: Int) -> [Complex<Double>] {
        let centre = halfLength * factor
        var output = [Complex<Double>](repeating: .zero, count: outputCount)
        input.withUnsafeBufferPointer { x in
            taps.withUnsafeBufferPointer { h in
                for index in 0..<outputCount {
                    let m = outputStart + index
                    // k with |m − kL| ≤ c.
                    let kLow = max(0, Int((Double(m - centre) / Double(factor)).rounded(.up)))
                    let kHigh = min(x.count - 1, (m + centre) / factor)
                    if kLow > kHigh { continue }
                    var re = 0.0
                    var im = 0.0
                    for k in kLow...kHigh {
                        let tap = h[centre + m - k * factor]
                        re += x[k].real * tap
                        im += x[k].imaginary * tap
                    }
                    output[index] = Complex(re, im)
                }
            }
        }
        return output
    }
}
