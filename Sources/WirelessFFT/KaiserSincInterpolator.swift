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
    ///
    /// Runs block by block: the L outputs m = qL + r, r = 0 … L − 1, share their inputs
    /// k = q − H … q + H, and for one k their taps h[(q + H − k)L + r] are contiguous in r. So the
    /// loop over k is outer and the loop over the L phases inner (vectorised, no gather). Each
    /// output still sums its terms in ascending k from 0, so the result is bit-identical to the
    /// direct form y[m] = Σ_k x[k]·h[c + m − kL].
    public func interpolate(_ input: [Complex<Double>], outputStart: Int, outputCount: Int) -> [Complex<Double>] {
        precondition(outputStart >= 0 && outputCount >= 0, "output range must be non-negative")
        var output = [Complex<Double>](repeating: .zero, count: outputCount)
        guard outputCount > 0, !input.isEmpty else { return output }
        let factor = self.factor
        let half = halfLength
        let top = 2 * half * factor  // index of the last tap (only phase 0 reaches it)
        var accumulatorReal = [Double](repeating: 0, count: factor)
        var accumulatorImaginary = [Double](repeating: 0, count: factor)
        let firstBlock = outputStart / factor
        let lastBlock = (outputStart + outputCount - 1) / factor
        input.withUnsafeBufferPointer { x in
            taps.withUnsafeBufferPointer { h in
                accumulatorReal.withUnsafeMutableBufferPointer { ar in
                    accumulatorImaginary.withUnsafeMutableBufferPointer { ai in
                        output.withUnsafeMutableBufferPointer { y in
                            for q in firstBlock...lastBlock {
                                ar.update(repeating: 0)
                                ai.update(repeating: 0)
                                let kLow = max(0, q - half)
                                let kHigh = min(x.count - 1, q + half)
                                if kLow <= kHigh {
                                    for k in kLow...kHigh {
                                        let xr = x[k].real
                                        let xi = x[k].imaginary
                                        let base = (q + half - k) * factor
                                        // Phase r uses tap base + r ≤ top: all phases but at
                                        // k = q − H, where only phase 0 has a tap (h[top]).
                                        let phases = min(factor, top - base + 1)
                                        let tap = h.baseAddress! + base
                                        for r in 0..<phases {
                                            ar[r] += xr * tap[r]
                                            ai[r] += xi * tap[r]
                                        }
                                    }
                                }
                                let blockStart = q * factor
                                let lower = max(outputStart, blockStart)
                                let upper = min(outputStart + outputCount, blockStart + factor)
                                for m in lower..<upper {
                                    y[m - outputStart] = Complex(ar[m - blockStart], ai[m - blockStart])
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }
}
