import Numerics
import WirelessCore

/// Complex batch normalisation with 2×2 whitening (Trabelsi et al., "Deep Complex Networks",
/// ICLR 2018; spec §2.3).
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
/// `.naive` (spec §2.3, the ablation) normalises Re and Im as two independent real batch norms,
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

    /// Per-channel values cached by a training forward.
    struct Cache: Sendable {
        var input: ComplexTensor<Scalar>
        var centred: ComplexTensor<Scalar>
        var normalised: ComplexTensor<Scalar>
        /// Whitening matrix entries per channel (W11, W22, W12) and covariance (C_rr, C_ii, C_ri, s, t).
        var w11: [Scalar], w22: [Scalar], w12: [Scalar]
        var crr: [Scalar], cii: [Scalar], cri: [Scalar], sVal: [Scalar], tVal: [Scalar]
        /// Real and naive modes: 1/√(σ² + ε) of Re (and of Im, naive only).
        var inverseStd: [Scalar]
        var inverseStdI: [Scalar] = []
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

    /// Per-channel statistics of one forward pass.
    struct ChannelStatistics: Sendable {
        var meanR: Scalar = 0, meanI: Scalar = 0
        var vrr: Scalar = 0, vii: Scalar = 0, vri: Scalar = 0
        var w11: Scalar = 0, w22: Scalar = 0, w12: Scalar = 0
        var crr: Scalar = 0, cii: Scalar = 0, cri: Scalar = 0, s: Scalar = 0, t: Scalar = 0
        var inverseStd: Scalar = 0, inverseStdI: Scalar = 0
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
        // Every element of the three is written below, for every (example, channel, position).
        var output = input.uninitializedLike()
        var centred = input.uninitializedLike()
        var normalised = input.uninitializedLike()
        let count = Scalar(n)
        let (runMR, runMI) = (runningMeanR.value, runningMeanI.value)
        let (runRR, runII, runRI) = (runningVarRR.value, runningVarII.value, runningVarRI.value)
        let (gRR, gRI, gII, bR, bI) = (gammaRR.value, gammaRI.value, gammaII.value, betaR.value, betaI.value)
        let statistics: [ChannelStatistics] = input.withPlanePointers { xr, xi in
            centred.withMutablePlanePointers { ur, ui in
                normalised.withMutablePlanePointers { hr, hi in
                    output.withMutablePlanePointers { yr, yi in
                        ParallelExecution.parallelMap(count: channels) { c in
                            var st = ChannelStatistics()
                            if training {
                                for b in 0..<batch {
                                    let row = (b * channels + c) * length
                                    for k in row..<(row + length) {
                                        st.meanR += xr.base[k]
                                        if complex { st.meanI += xi.base[k] }
                                    }
                                }
                                st.meanR /= count
                                st.meanI /= count
                            } else {
                                st.meanR = runMR[c]
                                if complex { st.meanI = runMI[c] }
                            }
                            var vrr: Scalar = 0
                            var vii: Scalar = 0
                            var vri: Scalar = 0
                            for b in 0..<batch {
                                let row = (b * channels + c) * length
                                for k in row..<(row + length) {
                                    let r = xr.base[k] - st.meanR
                                    ur.base[k] = r
                                    if training { vrr += r * r }
                                    if complex {
                                        let i = xi.base[k] - st.meanI
                                        ui.base[k] = i
                                        if training {
                                            vii += i * i
                                            vri += r * i
                                        }
                                    }
                                }
                            }
                            if training {
                                st.vrr = vrr / count
                                st.vii = vii / count
                                st.vri = vri / count
                            } else {
                                st.vrr = runRR[c]
                                if complex { st.vii = runII[c] }
                                if whitening { st.vri = runRI[c] }
                            }
                            if whitening {
                                st.crr = st.vrr + epsilon
                                st.cii = st.vii + epsilon
                                st.cri = st.vri
                                st.s = Scalar.sqrt(Swift.max(st.crr * st.cii - st.cri * st.cri, 0))
                                st.t = Scalar.sqrt(st.crr + st.cii + 2 * st.s)
                                let inv = 1 / (st.s * st.t)
                                st.w11 = (st.cii + st.s) * inv
                                st.w22 = (st.crr + st.s) * inv
                                st.w12 = -st.cri * inv
                                let (a11, a22, a12) = (st.w11, st.w22, st.w12)
                                let (grr, gri, gii, br, bi) = (gRR[c], gRI[c], gII[c], bR[c], bI[c])
                                for b in 0..<batch {
                                    let row = (b * channels + c) * length
                                    for k in row..<(row + length) {
                                        let r = ur.base[k]
                                        let i = ui.base[k]
                                        let h1 = a11 * r + a12 * i
                                        let h2 = a12 * r + a22 * i
                                        hr.base[k] = h1
                                        hi.base[k] = h2
                                        yr.base[k] = grr * h1 + gri * h2 + br
                                        yi.base[k] = gri * h1 + gii * h2 + bi
                                    }
                                }
                            } else {
                                // Real layer, or naive: Re (and Im) each as a real batch norm.
                                let inv = 1 / Scalar.sqrt(st.vrr + epsilon)
                                st.inverseStd = inv
                                let (g, br) = (gRR[c], bR[c])
                                for b in 0..<batch {
                                    let row = (b * channels + c) * length
                                    for k in row..<(row + length) {
                                        let h = ur.base[k] * inv
                                        hr.base[k] = h
                                        yr.base[k] = g * h + br
                                    }
                                }
                                if complex {
                                    let invI = 1 / Scalar.sqrt(st.vii + epsilon)
                                    st.inverseStdI = invI
                                    let (gi, bi) = (gII[c], bI[c])
                                    for b in 0..<batch {
                                        let row = (b * channels + c) * length
                                        for k in row..<(row + length) {
                                            let h = ui.base[k] * invI
                                            hi.base[k] = h
                                            yi.base[k] = gi * h + bi
                                        }
                                    }
                                }
                            }
                            return st
                        }
                    }
                }
            }
        }
        if training && updateRunningStatistics {
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
        if training {
            cache = Cache(
                input: input, centred: centred, normalised: normalised, w11: statistics.map(\.w11),
                w22: statistics.map(\.w22), w12: statistics.map(\.w12), crr: statistics.map(\.crr),
                cii: statistics.map(\.cii), cri: statistics.map(\.cri), sVal: statistics.map(\.s),
                tVal: statistics.map(\.t), inverseStd: statistics.map(\.inverseStd),
                inverseStdI: statistics.map(\.inverseStdI))
        } else {
            cache = nil
        }
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
            cache.normalised.withPlanePointers { hr, hi in
                cache.centred.withPlanePointers { ur, ui in
                    inputGradient.withMutablePlanePointers { dr, di in
                        ParallelExecution.parallelMap(count: channels) { c in
                            if whitening {
                                let (grr, gri, gii) = (gRR[c], gRI[c], gII[c])
                                var dgrr: Scalar = 0
                                var dgri: Scalar = 0
                                var dgii: Scalar = 0
                                var dbr: Scalar = 0
                                var dbi: Scalar = 0
                                var g11: Scalar = 0
                                var g22: Scalar = 0
                                var g12: Scalar = 0
                                for b in 0..<batch {
                                    let row = (b * channels + c) * length
                                    for k in row..<(row + length) {
                                        let g1 = gr.base[k]
                                        let g2 = gi.base[k]
                                        let h1 = hr.base[k]
                                        let h2 = hi.base[k]
                                        dgrr += g1 * h1
                                        dgri += g1 * h2 + g2 * h1
                                        dgii += g2 * h2
                                        dbr += g1
                                        dbi += g2
                                        let tr = grr * g1 + gri * g2
                                        let ti = gri * g1 + gii * g2
                                        let u1 = ur.base[k]
                                        let u2 = ui.base[k]
                                        g11 += tr * u1
                                        g22 += ti * u2
                                        g12 += tr * u2 + ti * u1
                                    }
                                }
                                // Chain ∂W → ∂C through W11 = (C_ii+s)/q, W22 = (C_rr+s)/q, W12 = −C_ri/q, q = s·t.
                                let (a11, a22, a12) = (cache.w11[c], cache.w22[c], cache.w12[c])
                                let (crr, cii, cri) = (cache.crr[c], cache.cii[c], cache.cri[c])
                                let (s, t) = (cache.sVal[c], cache.tVal[c])
                                let q = s * t
                                var dcii = g11 / q
                                var dcrr = g22 / q
                                var dcri = -g12 / q
                                let dq = -(g11 * a11 + g22 * a22 + g12 * a12) / q
                                let dt = dq * s
                                let ds = (g11 + g22) / q + dq * t + dt / t
                                dcrr += dt / (2 * t)
                                dcii += dt / (2 * t)
                                dcrr += ds * cii / (2 * s)
                                dcii += ds * crr / (2 * s)
                                dcri += ds * (-cri / s)
                                var sumR: Scalar = 0
                                var sumI: Scalar = 0
                                for b in 0..<batch {
                                    let row = (b * channels + c) * length
                                    for k in row..<(row + length) {
                                        let g1 = gr.base[k]
                                        let g2 = gi.base[k]
                                        let tr = grr * g1 + gri * g2
                                        let ti = gri * g1 + gii * g2
                                        let u1 = ur.base[k]
                                        let u2 = ui.base[k]
                                        let dur = a11 * tr + a12 * ti + (2 * dcrr * u1 + dcri * u2) / count
                                        let dui = a12 * tr + a22 * ti + (2 * dcii * u2 + dcri * u1) / count
                                        dr.base[k] = dur
                                        di.base[k] = dui
                                        sumR += dur
                                        sumI += dui
                                    }
                                }
                                let meanR = sumR / count
                                let meanI = sumI / count
                                for b in 0..<batch {
                                    let row = (b * channels + c) * length
                                    for k in row..<(row + length) {
                                        dr.base[k] -= meanR
                                        di.base[k] -= meanI
                                    }
                                }
                                return (dgrr, dgri, dgii, dbr, dbi)
                            } else {
                                // ∂x = γ/σ · (g − mean g − h · mean(g h)) per plane (real, or naive Re and Im).
                                func plane(
                                    _ g: SharedPointer<Scalar>, _ h: SharedPointer<Scalar>,
                                    _ d: SharedMutablePointer<Scalar>, gamma: Scalar, inverseStd: Scalar
                                ) -> (sumGH: Scalar, sumG: Scalar) {
                                    var sumG: Scalar = 0
                                    var sumGH: Scalar = 0
                                    for b in 0..<batch {
                                        let row = (b * channels + c) * length
                                        for k in row..<(row + length) {
                                            sumG += g.base[k]
                                            sumGH += g.base[k] * h.base[k]
                                        }
                                    }
                                    let meanG = sumG / count
                                    let meanGH = sumGH / count
                                    for b in 0..<batch {
                                        let row = (b * channels + c) * length
                                        for k in row..<(row + length) {
                                            d.base[k] = gamma * inverseStd * (g.base[k] - meanG - h.base[k] * meanGH)
                                        }
                                    }
                                    return (sumGH, sumG)
                                }
                                let re = plane(gr, hr, dr, gamma: gRR[c], inverseStd: cache.inverseStd[c])
                                guard complex else { return (re.sumGH, 0, 0, re.sumG, 0) }
                                let im = plane(gi, hi, di, gamma: gII[c], inverseStd: cache.inverseStdI[c])
                                return (re.sumGH, 0, im.sumGH, re.sumG, im.sumG)
                            }
                        }
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

/// How a complex batch-norm layer normalises (spec §2.3).
public enum BatchNormKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// 2×2 whitening of (Re, Im) per channel (Trabelsi et al.; the default).
    case whitening
    /// Re and Im normalised as two independent real batch norms (the ablation).
    case naive
}
