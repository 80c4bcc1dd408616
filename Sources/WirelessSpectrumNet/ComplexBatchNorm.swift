import Numerics
import WirelessCore

/// Complex batch normalisation with 2×2 whitening (Trabelsi et al., "Deep Complex Networks",
/// ICLR 2018; docs/SPECTRUM.md#layers).
///
/// Per channel, over n = batch × positions:
///
///     u = x − mean x
///     C_rr = mean u_r² + ε,  C_ii = mean u_i² + ε,  C_ri = mean u_r u_i        (ε = 1e-5, biased)
///     s = √(C_rr C_ii − C_ri²),  t = √(C_rr + C_ii + 2s)
///     V^{−1/2} = [[C_ii + s, −C_ri], [−C_ri, C_rr + s]] / (s t)
///     y = Γ V^{−1/2} u + β,   Γ = [[γ_rr, γ_ri], [γ_ri, γ_ii]]
///
/// Running statistics (momentum 0.1, unbiased covariance n/(n−1)) start at mean 0 and
/// V = diag(½, ½) and are used in inference mode. For a real-valued layer (`isComplex == false`)
/// it is ordinary batch norm y = γ(x − μ)/√(σ² + ε) + β with γ = 1, running var starting at 1.
///
/// `.naive` (docs/SPECTRUM.md#layers, the ablation) normalises Re and Im as two independent real batch norms,
/// y_r = γ_r(x_r − μ_r)/√(σ_r² + ε) + β_r and likewise for Im (γ = 1, running variances from 1);
/// it ignores the Re–Im correlation that the 2×2 whitening removes.
///
/// Parameters per channel: complex 5 (γ_rr, γ_ri, γ_ii, β_r, β_i), naive 4 (γ_r, γ_i, β_r, β_i),
/// real 2 (γ, β).
public struct ComplexBatchNorm<Scalar: NetworkScalar>: ParameterContainer, Sendable {
    public let channels: Int
    public let isComplex: Bool
    /// Whitening (default) or naive per-part normalisation of a complex layer.
    public let kind: BatchNormKind
    /// Whether the layer normalises each plane on its own (real layers and `.naive`).
    var normalisesPlanesSeparately: Bool { !isComplex || kind == .naive }
    /// ε added to the variances [dimensionless], 1e-5.
    public let epsilon: Scalar
    /// Running-average momentum, 0.1.
    public let momentum: Scalar
    public var gammaRR: Parameter<Scalar>
    public var gammaRI: Parameter<Scalar>
    public var gammaII: Parameter<Scalar>
    public var betaR: Parameter<Scalar>
    public var betaI: Parameter<Scalar>
    /// Running mean (Re, Im) and covariance (rr, ii, ri); non-trainable.
    public var runningMeanR: Parameter<Scalar>
    public var runningMeanI: Parameter<Scalar>
    public var runningVarRR: Parameter<Scalar>
    public var runningVarII: Parameter<Scalar>
    public var runningVarRI: Parameter<Scalar>

    /// What a training forward keeps for the backward pass: the input and per-channel statistics.
    /// The backward pass recomputes u = x − mean and the normalised h from them, which costs less
    /// than writing both in the forward pass and reading them back.
    struct Cache: Sendable {
        var input: ComplexTensor<Scalar>
        var statistics: [ChannelStatistics]
    }
    var cache: Cache?

    /// - Parameters:
    ///   - gammaScale: initial γ_rr = γ_ii (1/√2 per Trabelsi; √2 reproduces complexPyTorch).
    ///   - kind: `.whitening` (Trabelsi) or `.naive` (Re and Im separately); real layers ignore it.
    public init(
        name: String, channels: Int, isComplex: Bool = true, kind: BatchNormKind = .whitening,
        gammaScale: Scalar? = nil
    ) {
        precondition(channels >= 1, "batch norm needs at least one channel")
        self.channels = channels
        self.isComplex = isComplex
        self.kind = isComplex ? kind : .whitening
        let naive = isComplex && kind == .naive
        self.epsilon = 1e-5
        self.momentum = 0.1
        let g0: Scalar = gammaScale ?? (isComplex && !naive ? 1 / Scalar.sqrt(2) : 1)
        gammaRR = Parameter(name: name + ".gamma_rr", shape: [channels], initialValue: g0)
        gammaRI = Parameter(name: name + ".gamma_ri", shape: [isComplex && !naive ? channels : 0])
        gammaII = Parameter(name: name + ".gamma_ii", shape: [isComplex ? channels : 0], initialValue: g0)
        betaR = Parameter(name: name + ".beta_r", shape: [channels])
        betaI = Parameter(name: name + ".beta_i", shape: [isComplex ? channels : 0])
        runningMeanR = Parameter(name: name + ".running_mean_r", shape: [channels], isTrainable: false)
        runningMeanI = Parameter(name: name + ".running_mean_i", shape: [isComplex ? channels : 0], isTrainable: false)
        runningVarRR = Parameter(
            name: name + ".running_var_rr", shape: [channels],
            initialValue: isComplex && !naive ? 0.5 : 1, isTrainable: false)
        runningVarII = Parameter(
            name: name + ".running_var_ii", shape: [isComplex ? channels : 0],
            initialValue: naive ? 1 : 0.5, isTrainable: false)
        runningVarRI = Parameter(
            name: name + ".running_var_ri", shape: [isComplex && !naive ? channels : 0], isTrainable: false)
    }

    public mutating func forEachParameter(_ body: (inout Parameter<Scalar>) -> Void) {
        body(&gammaRR)
        if isComplex {
            if kind == .whitening { body(&gammaRI) }
            body(&gammaII)
        }
        body(&betaR)
        if isComplex { body(&betaI) }
        body(&runningMeanR)
        if isComplex { body(&runningMeanI) }
        body(&runningVarRR)
        if isComplex {
            body(&runningVarII)
            if kind == .whitening { body(&runningVarRI) }
        }
    }

    /// Per-channel statistics of one forward pass and the normalisation they give.
    struct ChannelStatistics: Sendable {
        var meanR: Scalar = 0, meanI: Scalar = 0
        var vrr: Scalar = 0, vii: Scalar = 0, vri: Scalar = 0
        /// Whitening: V^{−1/2} entries (W11, W22, W12) and C_rr, C_ii, C_ri, s, t.
        var w11: Scalar = 0, w22: Scalar = 0, w12: Scalar = 0
        var crr: Scalar = 0, cii: Scalar = 0, cri: Scalar = 0, s: Scalar = 0, t: Scalar = 0
        /// Real and naive modes: 1/√(σ² + ε) of Re and of Im (naive only).
        var inverseStd: Scalar = 0, inverseStdI: Scalar = 0

        /// Batch means and biased (co)variances of one channel, in two passes (mean, then the
        /// centred second moments, which do not cancel as E[x²] − E[x]² can in `Float`).
        init(
            lanes: ChannelLanes, real: SendablePointer<Scalar>, imaginary: SendablePointer<Scalar>, isComplex: Bool
        ) {
            let count = Scalar(lanes.batch * lanes.length)
            var sumR = SIMD8<Scalar>()
            var sumI = SIMD8<Scalar>()
            lanes.forEachChunk { k, m in
                sumR += loadLanes(real.base, k, m)
                if isComplex { sumI += loadLanes(imaginary.base, k, m) }
            }
            meanR = sumR.sum() / count
            meanI = sumI.sum() / count
            var sumRR = SIMD8<Scalar>()
            var sumII = SIMD8<Scalar>()
            var sumRI = SIMD8<Scalar>()
            let (mR, mI) = (meanR, meanI)
            lanes.forEachChunk { k, m in
                // Lanes past a row's end are loaded as 0 and would centre to −mean.
                let mask: SIMD8<Scalar> = laneMask(m)
                let r = (loadLanes(real.base, k, m) - mR) * mask
                sumRR += r * r
                if isComplex {
                    let i = (loadLanes(imaginary.base, k, m) - mI) * mask
                    sumII += i * i
                    sumRI += r * i
                }
            }
            vrr = sumRR.sum() / count
            vii = sumII.sum() / count
            vri = sumRI.sum() / count
        }

        /// Statistics given directly (the running ones, in inference).
        init(meanR: Scalar, meanI: Scalar, vrr: Scalar, vii: Scalar, vri: Scalar) {
            (self.meanR, self.meanI, self.vrr, self.vii, self.vri) = (meanR, meanI, vrr, vii, vri)
        }

        /// Derives V^{−1/2} (whitening) or the inverse standard deviations from the (co)variances.
        mutating func prepareNormalisation(epsilon: Scalar, whitening: Bool, isComplex: Bool) {
            if whitening {
                crr = vrr + epsilon
                cii = vii + epsilon
                cri = vri
                s = Scalar.sqrt(Swift.max(crr * cii - cri * cri, 0))
                t = Scalar.sqrt(crr + cii + 2 * s)
                let inverse = 1 / (s * t)
                w11 = (cii + s) * inverse
                w22 = (crr + s) * inverse
                w12 = -cri * inverse
            } else {
                inverseStd = 1 / Scalar.sqrt(vrr + epsilon)
                if isComplex { inverseStdI = 1 / Scalar.sqrt(vii + epsilon) }
            }
        }

        /// u = x − mean and h = V^{−1/2}u (whitening) or (u_r/σ_r, u_i/σ_i); Im parts are 0 for
        /// a real layer.
        @inline(__always)
        func normalise(_ xr: SIMD8<Scalar>, _ xi: SIMD8<Scalar>, whitening: Bool)
            -> (ur: SIMD8<Scalar>, ui: SIMD8<Scalar>, hr: SIMD8<Scalar>, hi: SIMD8<Scalar>)
        {
            let ur = xr - meanR
            let ui = xi - meanI
            if whitening { return (ur, ui, w11 * ur + w12 * ui, w12 * ur + w22 * ui) }
            return (ur, ui, ur * inverseStd, ui * inverseStdI)
        }
    }

    /// Normalises with batch statistics (`training`, updating the running ones) or with the
    /// running statistics (inference; then the output of an example does not depend on the batch).
    /// `updateRunningStatistics: false` freezes them (transfer learning).
    ///
    /// Channels run in parallel; each channel's sums run in a fixed order, so the result does not
    /// depend on the number of cores.
    public mutating func forward(
        _ input: ComplexTensor<Scalar>, training: Bool = true, updateRunningStatistics: Bool = true
    ) -> ComplexTensor<Scalar> {
        precondition(input.channels == channels && input.isComplex == isComplex, "batch norm shape mismatch")
        let n = input.batch * input.length
        let (batch, length, channels, complex, epsilon) = (input.batch, input.length, channels, isComplex, epsilon)
        let whitening = complex && kind == .whitening
        var output = input.uninitializedLike()  // every element is written below
        let (runMR, runMI) = (runningMeanR.value, runningMeanI.value)
        let (runRR, runII, runRI) = (runningVarRR.value, runningVarII.value, runningVarRI.value)
        let (gRR, gRI, gII, bR, bI) = (gammaRR.value, gammaRI.value, gammaII.value, betaR.value, betaI.value)
        let statistics: [ChannelStatistics] = input.withPlanePointers { xr, xi in
            output.withMutablePlanePointers { yr, yi in
                ParallelExecution.parallelMap(count: channels) { c in
                    let lanes = ChannelLanes(batch: batch, channels: channels, length: length, channel: c)
                    var st =
                        training
                        ? ChannelStatistics(lanes: lanes, real: xr, imaginary: xi, isComplex: complex)
                        : ChannelStatistics(
                            meanR: runMR[c], meanI: complex ? runMI[c] : 0, vrr: runRR[c],
                            vii: complex ? runII[c] : 0, vri: whitening ? runRI[c] : 0)
                    st.prepareNormalisation(epsilon: epsilon, whitening: whitening, isComplex: complex)
                    // y = Γh + β; Γ is diagonal (γ_ri = 0) when the planes are normalised separately.
                    let grr = gRR[c]
                    let gri = whitening ? gRI[c] : 0
                    let gii = complex ? gII[c] : 0
                    let (br, bi) = (bR[c], complex ? bI[c] : 0)
                    lanes.forEachChunk { k, m in
                        let x = loadLanes(xr.base, k, m)
                        guard complex else {
                            storeLanes(grr * st.normalise(x, .zero, whitening: false).hr + br, yr.base, k, m)
                            return
                        }
                        let u = st.normalise(x, loadLanes(xi.base, k, m), whitening: whitening)
                        storeLanes(grr * u.hr + gri * u.hi + br, yr.base, k, m)
                        storeLanes(gri * u.hr + gii * u.hi + bi, yi.base, k, m)
                    }
                    return st
                }
            }
        }
        if training && updateRunningStatistics {
            let count = Scalar(n)
            let unbias = n > 1 ? count / (count - 1) : 1
            let keep = 1 - momentum
            for c in 0..<channels {
                let st = statistics[c]
                runningMeanR.value[c] = keep * runningMeanR.value[c] + momentum * st.meanR
                runningVarRR.value[c] = keep * runningVarRR.value[c] + momentum * st.vrr * unbias
                if isComplex {
                    runningMeanI.value[c] = keep * runningMeanI.value[c] + momentum * st.meanI
                    runningVarII.value[c] = keep * runningVarII.value[c] + momentum * st.vii * unbias
                }
                if whitening {
                    runningVarRI.value[c] = keep * runningVarRI.value[c] + momentum * st.vri * unbias
                }
            }
        }
        cache = training ? Cache(input: input, statistics: statistics) : nil
        return output
    }

    /// Back-propagates through a training-mode forward (batch statistics), accumulating ∂Γ, ∂β.
    ///
    ///     g̃ = Γᵀg;  ∂V^{−1/2}_ab = Σ g̃_a u_b, chained through s and t to ∂C;
    ///     ∂u_r = (V^{−1/2}ᵀg̃)_r + (2∂C_rr u_r + ∂C_ri u_i)/n  (and symmetrically);
    ///     ∂x = ∂u − mean ∂u.
    ///
    /// Channels run in parallel with per-channel sums in a fixed order (core-count independent).
    public mutating func backward(_ outputGradient: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        guard let cache else { preconditionFailure("backward without a training forward") }
        precondition(outputGradient.hasSameShape(as: cache.input), "batch norm gradient shape mismatch")
        let (batch, length, channels, complex) = (cache.input.batch, cache.input.length, channels, isComplex)
        let whitening = complex && kind == .whitening
        let count = Scalar(batch * length)
        var inputGradient = cache.input.uninitializedLike()  // every element is written below
        let (gRR, gRI, gII) = (gammaRR.value, gammaRI.value, gammaII.value)
        // Per channel: (∂γ_rr, ∂γ_ri, ∂γ_ii, ∂β_r, ∂β_i); real mode uses (∂γ, 0, 0, ∂β, 0).
        let sums: [(Scalar, Scalar, Scalar, Scalar, Scalar)] = outputGradient.withPlanePointers { gr, gi in
            cache.input.withPlanePointers { xr, xi in
                inputGradient.withMutablePlanePointers { dr, di in
                    ParallelExecution.parallelMap(count: channels) { c in
                        let lanes = ChannelLanes(batch: batch, channels: channels, length: length, channel: c)
                        let st = cache.statistics[c]
                        if whitening {
                            let (grr, gri, gii) = (gRR[c], gRI[c], gII[c])
                            // Lanes past a row's end load g = 0 and add nothing, except to Σu (masked).
                            var dgrr = SIMD8<Scalar>()
                            var dgri = SIMD8<Scalar>()
                            var dgii = SIMD8<Scalar>()
                            var dbr = SIMD8<Scalar>()
                            var dbi = SIMD8<Scalar>()
                            var g11 = SIMD8<Scalar>()
                            var g22 = SIMD8<Scalar>()
                            var g12 = SIMD8<Scalar>()
                            var sumU1 = SIMD8<Scalar>()
                            var sumU2 = SIMD8<Scalar>()
                            lanes.forEachChunk { k, m in
                                let g1 = loadLanes(gr.base, k, m)
                                let g2 = loadLanes(gi.base, k, m)
                                let u = st.normalise(
                                    loadLanes(xr.base, k, m), loadLanes(xi.base, k, m), whitening: true)
                                dgrr += g1 * u.hr
                                dgri += g1 * u.hi + g2 * u.hr
                                dgii += g2 * u.hi
                                dbr += g1
                                dbi += g2
                                let tr = grr * g1 + gri * g2
                                let ti = gri * g1 + gii * g2
                                g11 += tr * u.ur
                                g22 += ti * u.ui
                                g12 += tr * u.ui + ti * u.ur
                                let mask: SIMD8<Scalar> = laneMask(m)
                                sumU1 += u.ur * mask
                                sumU2 += u.ui * mask
                            }
                            // Chain ∂W → ∂C through W11 = (C_ii+s)/q, W22 = (C_rr+s)/q, W12 = −C_ri/q, q = s·t.
                            let (a11, a22, a12) = (st.w11, st.w22, st.w12)
                            let (crr, cii, cri, s, t) = (st.crr, st.cii, st.cri, st.s, st.t)
                            let (g11Sum, g22Sum, g12Sum) = (g11.sum(), g22.sum(), g12.sum())
                            let q = s * t
                            var dcii = g11Sum / q
                            var dcrr = g22Sum / q
                            var dcri = -g12Sum / q
                            let dq = -(g11Sum * a11 + g22Sum * a22 + g12Sum * a12) / q
                            let dt = dq * s
                            let ds = (g11Sum + g22Sum) / q + dq * t + dt / t
                            dcrr += dt / (2 * t)
                            dcii += dt / (2 * t)
                            dcrr += ds * cii / (2 * s)
                            dcii += ds * crr / (2 * s)
                            dcri += ds * (-cri / s)
                            // ∂u_r = a11 t_r + a12 t_i + c_r u_r + c_x u_i (and symmetrically), then
                            // ∂x = ∂u − mean ∂u, with mean ∂u from the sums above (∂u is linear in g, u).
                            let (cr, ci, cx) = (2 * dcrr / count, 2 * dcii / count, dcri / count)
                            let (meanG1, meanG2) = (dbr.sum() / count, dbi.sum() / count)
                            let (meanU1, meanU2) = (sumU1.sum() / count, sumU2.sum() / count)
                            let (meanT1, meanT2) = (grr * meanG1 + gri * meanG2, gri * meanG1 + gii * meanG2)
                            let meanDR = a11 * meanT1 + a12 * meanT2 + cr * meanU1 + cx * meanU2
                            let meanDI = a12 * meanT1 + a22 * meanT2 + ci * meanU2 + cx * meanU1
                            lanes.forEachChunk { k, m in
                                let g1 = loadLanes(gr.base, k, m)
                                let g2 = loadLanes(gi.base, k, m)
                                let tr = grr * g1 + gri * g2
                                let ti = gri * g1 + gii * g2
                                let u1 = loadLanes(xr.base, k, m) - st.meanR
                                let u2 = loadLanes(xi.base, k, m) - st.meanI
                                storeLanes(a11 * tr + a12 * ti + cr * u1 + cx * u2 - meanDR, dr.base, k, m)
                                storeLanes(a12 * tr + a22 * ti + ci * u2 + cx * u1 - meanDI, di.base, k, m)
                            }
                            return (dgrr.sum(), dgri.sum(), dgii.sum(), dbr.sum(), dbi.sum())
                        }
                        // ∂x = γ/σ · (g − mean g − h · mean(g h)) per plane (real, or naive Re and Im).
                        func plane(
                            _ g: SendablePointer<Scalar>, _ x: SendablePointer<Scalar>, _ d: SendablePointer<Scalar>,
                            mean: Scalar, gamma: Scalar, inverseStd: Scalar
                        ) -> (sumGH: Scalar, sumG: Scalar) {
                            var sumG = SIMD8<Scalar>()
                            var sumGH = SIMD8<Scalar>()
                            lanes.forEachChunk { k, m in
                                let gk = loadLanes(g.base, k, m)
                                sumG += gk
                                sumGH += gk * ((loadLanes(x.base, k, m) - mean) * inverseStd)
                            }
                            let (totalG, totalGH) = (sumG.sum(), sumGH.sum())
                            let (meanG, meanGH) = (totalG / count, totalGH / count)
                            let scale = gamma * inverseStd
                            lanes.forEachChunk { k, m in
                                let h = (loadLanes(x.base, k, m) - mean) * inverseStd
                                storeLanes(scale * (loadLanes(g.base, k, m) - meanG - h * meanGH), d.base, k, m)
                            }
                            return (totalGH, totalG)
                        }
                        let re = plane(gr, xr, dr, mean: st.meanR, gamma: gRR[c], inverseStd: st.inverseStd)
                        guard complex else { return (re.sumGH, 0, 0, re.sumG, 0) }
                        let im = plane(gi, xi, di, mean: st.meanI, gamma: gII[c], inverseStd: st.inverseStdI)
                        return (re.sumGH, 0, im.sumGH, re.sumG, im.sumG)
                    }
                }
            }
        }
        for c in 0..<channels {
            let (dgrr, dgri, dgii, dbr, dbi) = sums[c]
            gammaRR.gradient[c] += dgrr
            betaR.gradient[c] += dbr
            if isComplex {
                gammaII.gradient[c] += dgii
                betaI.gradient[c] += dbi
            }
            if whitening { gammaRI.gradient[c] += dgri }
        }
        return inputGradient
    }
}

extension ComplexBatchNorm {
    /// Inference mode (running statistics) as one affine map per channel, y = M·x + c on (Re, Im)
    /// (real layers: y = m₁₁·x + c₁), for folding into the preceding convolution (`InferencePlan`).
    ///
    ///     M = Γ·V^{−1/2} (whitening), diag(γ_rr/σ_r, γ_ii/σ_i) (naive), γ/σ (real);  c = β − M·μ
    ///
    /// V^{−1/2} and 1/σ come from the same `prepareNormalisation` as `forward(training: false)`; the
    /// products are formed in `Double`.
    func inferenceMaps() -> [ChannelAffineMap] {
        let whitening = isComplex && kind == .whitening
        return (0..<channels).map { c in
            var st = ChannelStatistics(
                meanR: runningMeanR.value[c], meanI: isComplex ? runningMeanI.value[c] : 0,
                vrr: runningVarRR.value[c], vii: isComplex ? runningVarII.value[c] : 0,
                vri: whitening ? runningVarRI.value[c] : 0)
            st.prepareNormalisation(epsilon: epsilon, whitening: whitening, isComplex: isComplex)
            let grr = Double(gammaRR.value[c])
            let gri = whitening ? Double(gammaRI.value[c]) : 0
            let gii = isComplex ? Double(gammaII.value[c]) : 0
            let (w11, w12, w22): (Double, Double, Double) =
                whitening
                ? (Double(st.w11), Double(st.w12), Double(st.w22))
                : (Double(st.inverseStd), 0, Double(st.inverseStdI))
            var map = ChannelAffineMap()
            map.m11 = grr * w11 + gri * w12
            map.m12 = grr * w12 + gri * w22
            map.m21 = gri * w11 + gii * w12
            map.m22 = gri * w12 + gii * w22
            let (mr, mi) = (Double(st.meanR), Double(st.meanI))
            map.c1 = Double(betaR.value[c]) - map.m11 * mr - map.m12 * mi
            map.c2 = isComplex ? Double(betaI.value[c]) - map.m21 * mr - map.m22 * mi : 0
            return map
        }
    }
}

/// y = M·x + c on the (Re, Im) pair of one channel; a real channel uses m₁₁ and c₁ only.
struct ChannelAffineMap: Sendable, Equatable {
    var m11 = 1.0, m12 = 0.0, m21 = 0.0, m22 = 1.0
    var c1 = 0.0, c2 = 0.0
}

/// How a complex batch-norm layer normalises (docs/SPECTRUM.md#layers).
public enum BatchNormKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// 2×2 whitening of (Re, Im) per channel (Trabelsi et al.; the default).
    case whitening
    /// Re and Im normalised as two independent real batch norms (the ablation).
    case naive
}
