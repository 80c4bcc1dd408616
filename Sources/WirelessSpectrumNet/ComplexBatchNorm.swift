import Numerics

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
/// Parameters per channel: complex 5 (γ_rr, γ_ri, γ_ii, β_r, β_i), real 2 (γ, β).
public struct ComplexBatchNorm<Scalar: NetworkScalar>: ParameterContainer, Sendable {
    public let channels: Int
    public let isComplex: Bool
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
        /// Real mode: 1/√(σ² + ε).
        var inverseStd: [Scalar]
    }
    var cache: Cache?

    /// - Parameters:
    ///   - gammaScale: initial γ_rr = γ_ii (1/√2 per Trabelsi; √2 reproduces complexPyTorch).
    public init(name: String, channels: Int, isComplex: Bool = true, gammaScale: Scalar? = nil) {
        precondition(channels >= 1, "batch norm needs at least one channel")
        self.channels = channels
        self.isComplex = isComplex
        self.epsilon = 1e-5
        self.momentum = 0.1
        let g0: Scalar = gammaScale ?? (isComplex ? 1 / Scalar.sqrt(2) : 1)
        gammaRR = Parameter(name: name + ".gamma_rr", shape: [channels], initialValue: g0)
        gammaRI = Parameter(name: name + ".gamma_ri", shape: [isComplex ? channels : 0])
        gammaII = Parameter(name: name + ".gamma_ii", shape: [isComplex ? channels : 0], initialValue: g0)
        betaR = Parameter(name: name + ".beta_r", shape: [channels])
        betaI = Parameter(name: name + ".beta_i", shape: [isComplex ? channels : 0])
        runningMeanR = Parameter(name: name + ".running_mean_r", shape: [channels], isTrainable: false)
        runningMeanI = Parameter(name: name + ".running_mean_i", shape: [isComplex ? channels : 0], isTrainable: false)
        runningVarRR = Parameter(
            name: name + ".running_var_rr", shape: [channels],
            initialValue: isComplex ? 0.5 : 1, isTrainable: false)
        runningVarII = Parameter(
            name: name + ".running_var_ii", shape: [isComplex ? channels : 0],
            initialValue: 0.5, isTrainable: false)
        runningVarRI = Parameter(name: name + ".running_var_ri", shape: [isComplex ? channels : 0], isTrainable: false)
    }

    public mutating func forEachParameter(_ body: (inout Parameter<Scalar>) -> Void) {
        body(&gammaRR)
        if isComplex {
            body(&gammaRI)
            body(&gammaII)
        }
        body(&betaR)
        if isComplex { body(&betaI) }
        body(&runningMeanR)
        if isComplex { body(&runningMeanI) }
        body(&runningVarRR)
        if isComplex {
            body(&runningVarII)
            body(&runningVarRI)
        }
    }

    /// Normalises with batch statistics (`training`, updating the running ones) or with the
    /// running statistics (inference; then the output of an example does not depend on the batch).
    /// `updateRunningStatistics: false` freezes them (transfer learning).
    public mutating func forward(
        _ input: ComplexTensor<Scalar>, training: Bool = true, updateRunningStatistics: Bool = true
    ) -> ComplexTensor<Scalar> {
        precondition(input.channels == channels && input.isComplex == isComplex, "batch norm shape mismatch")
        let n = input.batch * input.length
        let length = input.length
        var output = input.zerosLike()
        var centred = input.zerosLike()
        var normalised = input.zerosLike()
        var w11 = [Scalar](repeating: 0, count: channels)
        var w22 = w11
        var w12 = w11
        var crrs = w11
        var ciis = w11
        var cris = w11
        var ss = w11
        var ts = w11
        var invStd = w11
        let count = Scalar(n)
        for c in 0..<channels {
            // Statistics.
            var meanR: Scalar = 0
            var meanI: Scalar = 0
            if training {
                for b in 0..<input.batch {
                    let row = (b * channels + c) * length
                    for k in row..<(row + length) {
                        meanR += input.real[k]
                        if isComplex { meanI += input.imaginary[k] }
                    }
                }
                meanR /= count
                meanI /= count
            } else {
                meanR = runningMeanR.value[c]
                if isComplex { meanI = runningMeanI.value[c] }
            }
            var vrr: Scalar = 0
            var vii: Scalar = 0
            var vri: Scalar = 0
            for b in 0..<input.batch {
                let row = (b * channels + c) * length
                for k in row..<(row + length) {
                    let ur = input.real[k] - meanR
                    centred.real[k] = ur
                    if training { vrr += ur * ur }
                    if isComplex {
                        let ui = input.imaginary[k] - meanI
                        centred.imaginary[k] = ui
                        if training {
                            vii += ui * ui
                            vri += ur * ui
                        }
                    }
                }
            }
            if training {
                vrr /= count
                vii /= count
                vri /= count
                if updateRunningStatistics {
                    let unbias = n > 1 ? count / (count - 1) : 1
                    let keep = 1 - momentum
                    runningMeanR.value[c] = keep * runningMeanR.value[c] + momentum * meanR
                    runningVarRR.value[c] = keep * runningVarRR.value[c] + momentum * vrr * unbias
                    if isComplex {
                        runningMeanI.value[c] = keep * runningMeanI.value[c] + momentum * meanI
                        runningVarII.value[c] = keep * runningVarII.value[c] + momentum * vii * unbias
                        runningVarRI.value[c] = keep * runningVarRI.value[c] + momentum * vri * unbias
                    }
                }
            } else {
                vrr = runningVarRR.value[c]
                if isComplex {
                    vii = runningVarII.value[c]
                    vri = runningVarRI.value[c]
                }
            }
            if isComplex {
                let crr = vrr + epsilon
                let cii = vii + epsilon
                let cri = vri
                let s = Scalar.sqrt(Swift.max(crr * cii - cri * cri, 0))
                let t = Scalar.sqrt(crr + cii + 2 * s)
                let inv = 1 / (s * t)
                let a11 = (cii + s) * inv
                let a22 = (crr + s) * inv
                let a12 = -cri * inv
                w11[c] = a11
                w22[c] = a22
                w12[c] = a12
                crrs[c] = crr
                ciis[c] = cii
                cris[c] = cri
                ss[c] = s
                ts[c] = t
                let grr = gammaRR.value[c]
                let gri = gammaRI.value[c]
                let gii = gammaII.value[c]
                let br = betaR.value[c]
                let bi = betaI.value[c]
                for b in 0..<input.batch {
                    let row = (b * channels + c) * length
                    for k in row..<(row + length) {
                        let ur = centred.real[k]
                        let ui = centred.imaginary[k]
                        let hr = a11 * ur + a12 * ui
                        let hi = a12 * ur + a22 * ui
                        normalised.real[k] = hr
                        normalised.imaginary[k] = hi
                        output.real[k] = grr * hr + gri * hi + br
                        output.imaginary[k] = gri * hr + gii * hi + bi
                    }
                }
            } else {
                let inv = 1 / Scalar.sqrt(vrr + epsilon)
                invStd[c] = inv
                let g = gammaRR.value[c]
                let br = betaR.value[c]
                for b in 0..<input.batch {
                    let row = (b * channels + c) * length
                    for k in row..<(row + length) {
                        let h = centred.real[k] * inv
                        normalised.real[k] = h
                        output.real[k] = g * h + br
                    }
                }
            }
        }
        if training {
            cache = Cache(
                input: input, centred: centred, normalised: normalised, w11: w11, w22: w22, w12: w12,
                crr: crrs, cii: ciis, cri: cris, sVal: ss, tVal: ts, inverseStd: invStd)
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
    public mutating func backward(_ outputGradient: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        guard let cache else { preconditionFailure("backward without a training forward") }
        precondition(outputGradient.hasSameShape(as: cache.input), "batch norm gradient shape mismatch")
        let length = cache.input.length
        let batch = cache.input.batch
        let count = Scalar(batch * length)
        var inputGradient = cache.input.zerosLike()
        for c in 0..<channels {
            if isComplex {
                let grr = gammaRR.value[c]
                let gri = gammaRI.value[c]
                let gii = gammaII.value[c]
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
                        let gr = outputGradient.real[k]
                        let gi = outputGradient.imaginary[k]
                        let hr = cache.normalised.real[k]
                        let hi = cache.normalised.imaginary[k]
                        dgrr += gr * hr
                        dgri += gr * hi + gi * hr
                        dgii += gi * hi
                        dbr += gr
                        dbi += gi
                        let tr = grr * gr + gri * gi
                        let ti = gri * gr + gii * gi
                        let ur = cache.centred.real[k]
                        let ui = cache.centred.imaginary[k]
                        g11 += tr * ur
                        g22 += ti * ui
                        g12 += tr * ui + ti * ur
                    }
                }
                gammaRR.gradient[c] += dgrr
                gammaRI.gradient[c] += dgri
                gammaII.gradient[c] += dgii
                betaR.gradient[c] += dbr
                betaI.gradient[c] += dbi
                // Chain ∂W → ∂C through W11 = (C_ii+s)/q, W22 = (C_rr+s)/q, W12 = −C_ri/q, q = s·t.
                let a11 = cache.w11[c]
                let a22 = cache.w22[c]
                let a12 = cache.w12[c]
                let crr = cache.crr[c]
                let cii = cache.cii[c]
                let cri = cache.cri[c]
                let s = cache.sVal[c]
                let t = cache.tVal[c]
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
                        let gr = outputGradient.real[k]
                        let gi = outputGradient.imaginary[k]
                        let tr = grr * gr + gri * gi
                        let ti = gri * gr + gii * gi
                        let ur = cache.centred.real[k]
                        let ui = cache.centred.imaginary[k]
                        let dur = a11 * tr + a12 * ti + (2 * dcrr * ur + dcri * ui) / count
                        let dui = a12 * tr + a22 * ti + (2 * dcii * ui + dcri * ur) / count
                        inputGradient.real[k] = dur
                        inputGradient.imaginary[k] = dui
                        sumR += dur
                        sumI += dui
                    }
                }
                let meanR = sumR / count
                let meanI = sumI / count
                for b in 0..<batch {
                    let row = (b * channels + c) * length
                    for k in row..<(row + length) {
                        inputGradient.real[k] -= meanR
                        inputGradient.imaginary[k] -= meanI
                    }
                }
            } else {
                let g = gammaRR.value[c]
                let inv = cache.inverseStd[c]
                var sumG: Scalar = 0
                var sumGH: Scalar = 0
                for b in 0..<batch {
                    let row = (b * channels + c) * length
                    for k in row..<(row + length) {
                        let gy = outputGradient.real[k]
                        sumG += gy
                        sumGH += gy * cache.normalised.real[k]
                    }
                }
                gammaRR.gradient[c] += sumGH
                betaR.gradient[c] += sumG
                let meanG = sumG / count
                let meanGH = sumGH / count
                for b in 0..<batch {
                    let row = (b * channels + c) * length
                    for k in row..<(row + length) {
                        let h = cache.normalised.real[k]
                        inputGradient.real[k] = g * inv * (outputGradient.real[k] - meanG - h * meanGH)
                    }
                }
            }
        }
        return inputGradient
    }
}
