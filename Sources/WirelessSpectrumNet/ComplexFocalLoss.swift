import Numerics

/// The complex-valued Fourier-spectrum focal loss CFL (docs/SPECTRUM.md#loss), on logits.
///
/// With s = 2y − 1 for label y ∈ {0, 1} and logit u:
///
///     BCE = softplus(−s·u),   p_t = σ(s·u),   FL(u) = α (1 − p_t)^γ · BCE
///     L   = ½ [ mean FL(Re z) + mean FL(Im z) ]           (means over batch × N)
///     ∂FL/∂u = α·s·(1 − p_t)^γ·[γ·p_t·ln p_t − (1 − p_t)],  ln p_t = −softplus(−s·u)
///
/// For a real-valued network (real logits) L = mean FL(u) (RV focal loss). γ = 0, α = 1 gives
/// ½(BCE_re + BCE_im). Defaults α = 1, γ = 2 (authors' public code).
public struct ComplexFocalLoss: Sendable, Equatable, Codable {
    /// α > 0 [dimensionless].
    public var alpha: Double
    /// γ ≥ 0 [dimensionless].
    public var gamma: Double

    /// - Throws: `SpectrumNetError.invalidConfiguration` for α ≤ 0 or γ < 0.
    public init(alpha: Double = 1, gamma: Double = 2) throws(SpectrumNetError) {
        guard alpha > 0, alpha.isFinite else { throw SpectrumNetError.invalidConfiguration(reason: "α must be > 0") }
        guard gamma >= 0, gamma.isFinite else { throw SpectrumNetError.invalidConfiguration(reason: "γ must be ≥ 0") }
        self.alpha = alpha
        self.gamma = gamma
    }

    /// The focal term FL(u) and ∂FL/∂u for one logit and label sign s = ±1.
    @inline(__always)
    func focal<Scalar: NetworkScalar>(logit u: Scalar, sign s: Scalar, alpha: Scalar, gamma: Scalar) -> (Scalar, Scalar)
    {
        let bce = TensorOperations.softplus(-s * u)
        let pt = TensorOperations.logistic(s * u)
        let oneMinus = TensorOperations.logistic(-s * u)
        let modulation: Scalar
        if gamma == 2 {
            modulation = oneMinus * oneMinus
        } else if gamma == 0 {
            modulation = 1
        } else {
            modulation = Scalar.pow(oneMinus, gamma)
        }
        let value = alpha * modulation * bce
        let derivative = alpha * s * modulation * (gamma * pt * (-bce) - oneMinus)
        return (value, derivative)
    }

    /// Loss and ∂L/∂logits (the Wirtinger gradient ∂L/∂Re + i∂L/∂Im).
    ///
    /// - Parameters:
    ///   - logits: `[batch × 1 × N]`.
    ///   - labels: `batch·N` values in {0, 1}, row-major `[batch × N]`.
    @_specialize(exported:true,where Scalar == Float)
    public func evaluate<Scalar: NetworkScalar>(
        logits: ComplexTensor<Scalar>, labels: [Scalar]
    ) -> (loss: Scalar, gradient: ComplexTensor<Scalar>) {
        precondition(logits.channels == 1 && labels.count == logits.count, "loss shape mismatch")
        let a = Scalar(alpha)
        let g = Scalar(gamma)
        let parts: Scalar = logits.isComplex ? 2 : 1
        let scale = 1 / (parts * Scalar(labels.count))
        var gradient = logits.zerosLike()
        var total: Scalar = 0
        for k in 0..<labels.count {
            let s: Scalar = labels[k] > 0.5 ? 1 : -1
            let (vr, dr) = focal(logit: logits.real[k], sign: s, alpha: a, gamma: g)
            total += vr
            gradient.real[k] = dr * scale
            if logits.isComplex {
                let (vi, di) = focal(logit: logits.imaginary[k], sign: s, alpha: a, gamma: g)
                total += vi
                gradient.imaginary[k] = di * scale
            }
        }
        return (total * scale, gradient)
    }
}
