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
    /// k = q − H … q + H, and for one k their taps h[(q + H − k)L + r] are contiguous in r. Four
    /// phases at a time are held in SIMD registers while k runs (no gather, no accumulator
    /// traffic through memory). Each output still sums its terms one by one in ascending k from
    /// 0, so the result is bit-identical to the direct form y[m] = Σ_k x[k]·h[c + m − kL].
    public func interpolate(_ input: [Complex<Double>], outputStart: Int, outputCount: Int) -> [Complex<Double>] {
        precondition(outputStart >= 0 && outputCount >= 0, "output range must be non-negative")
        var output = [Complex<Double>](repeating: .zero, count: outputCount)
        guard outputCount > 0, !input.isEmpty else { return output }
        let factor = self.factor
        let half = halfLength
        let top = 2 * half * factor  // index of the last tap: only phase 0 reaches it, at k = q − H
        let firstBlock = outputStart / factor
        let lastBlock = (outputStart + outputCount - 1) / factor
        let fullChunks = factor / 4 * 4
        input.withUnsafeBufferPointer { x in
            taps.withUnsafeBufferPointer { h in
                output.withUnsafeMutableBufferPointer { y in
                    let tapBase = UnsafeRawPointer(h.baseAddress!)
                    let stride = MemoryLayout<Double>.stride
                    for q in firstBlock...lastBlock {
                        let blockStart = q * factor
                        let lower = max(outputStart, blockStart) - blockStart  // phases kept
                        let upper = min(outputStart + outputCount, blockStart + factor) - blockStart
                        // k = q − H feeds phase 0 alone and is its first term; the other
                        // phases start at k = q − H + 1. All phases end at k = q + H.
                        let edge = q - half
                        let kLow = max(0, edge + 1)
                        let kHigh = min(x.count - 1, q + half)
                        let hasEdge = edge >= 0 && edge < x.count
                        var r0 = 0
                        while r0 < fullChunks {
                            var accR = SIMD4<Double>(repeating: 0)
                            var accI = SIMD4<Double>(repeating: 0)
                            if r0 == 0 && hasEdge {
                                accR[0] = 0 + x[edge].real * h[top]
                                accI[0] = 0 + x[edge].imaginary * h[top]
                            }
                            if kLow <= kHigh {
                                for k in kLow...kHigh {
                                    let t = tapBase.loadUnaligned(
                                        fromByteOffset: ((q + half - k) * factor + r0) * stride, as: SIMD4<Double>.self)
                                    accR = accR + x[k].real * t
                                    accI = accI + x[k].imaginary * t
                                }
                            }
                            for lane in 0..<4 where r0 + lane >= lower && r0 + lane < upper {
                                y[blockStart + r0 + lane - outputStart] = Complex(accR[lane], accI[lane])
                            }
                            r0 += 4
                        }
                        for r in fullChunks..<factor where r >= lower && r < upper {
                            var accR = 0.0
                            var accI = 0.0
                            if r == 0 && hasEdge {
                                accR += x[edge].real * h[top]
                                accI += x[edge].imaginary * h[top]
                            }
                            if kLow <= kHigh {
                                for k in kLow...kHigh {
                                    let tap = h[(q + half - k) * factor + r]
                                    accR += x[k].real * tap
                                    accI += x[k].imaginary * tap
                                }
                            }
                            y[blockStart + r - outputStart] = Complex(accR, accI)
                        }
                    }
                }
            }
        }
        return output
    }
}
