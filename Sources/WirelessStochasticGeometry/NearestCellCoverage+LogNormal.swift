import Foundation
import Numerics
import WirelessCore

extension NearestCellCoverage {
    /// (j) Nearest BS with pure log-normal shadowing (h ≡ 1, S mean-1 log-normal), single slope g = r^{−α}
    /// (docs/DENSIFICATION.md#route-j-nearest-bs-with-pure-shadowing; derived). With v = πλr² ~ Exp(1) and the
    /// interference rescaled by r^α, Ĩ_v = Σ_{t_j > 1} S_j t_j^{−α} (t_j = r_j/r, a PPP of intensity 2v·t dt) has
    ///
    ///     E[e^{−sĨ_v}] = exp(v·E_S[D_δ(sS)]),   D_δ(s) = 1 − e^{−s} − s^δγ(1−δ, s)   (same kernel as route i)
    ///
    /// and the nearest BS covers iff S₀ > T(Ĩ_v + W r^α), so
    ///
    ///     P_c = ∫_0^∞ e^{−v} E_{S₀}[F_v(S₀/T − W (v/(πλ))^{α/2})] dv
    ///     W = 0:  P_c = E_{S₀}[F(S₀/T)],  F the CDF with Laplace transform 1/(1 − E_S[D_δ(sS)])   (λ-free)
    ///
    /// E_{S₀} and E_S by the 48-node Gauss–Hermite rule (nodes whose weight cannot matter at 1e−17 skipped),
    /// F by `LaplaceInversion.cdf`, the v-integral by adaptive Gauss–Kronrod. The error estimate adds the
    /// weighted inversion error estimates to the quadrature error; the Gauss–Hermite error over S is not
    /// estimated (the integrands are smooth in ln S).
    /// - Throws: `.analyticUnavailable` for multi-slope g or small-scale fading; `.numericalFailure` when not finite.
    /// - Parameters:
    ///   - density: λ [per unit area], > 0, finite.
    ///   - threshold: T [linear], ≥ 0, finite.
    ///   - pathGain: g, single slope.
    ///   - fading: H = S (no small-scale fading), σ_dB > 0.
    ///   - noise: W [linear], ≥ 0, finite.
    public static func pureShadowing(
        density: Double, threshold: Double, pathGain: MultiSlopePathGain, fading: FadingModel, noise: Double
    ) throws(DensificationError) -> AnalyticValue {
        try Validate.route(density: density, threshold: threshold, noise: noise)
        guard case .none = fading.smallScale else {
            throw DensificationError.analyticUnavailable(reason: "route (j) is for pure log-normal shadowing (h ≡ 1)")
        }
        guard pathGain.isSingleSlope else {
            throw DensificationError.analyticUnavailable(
                reason: "nearest association with pure log-normal shadowing has a route for single-slope path loss only"
            )
        }
        if threshold == 0 { return .certain }
        let alpha = pathGain.farFieldExponent
        let delta = 2 / alpha
        let q = fading.shadowingQuadrature
        // Interferer nodes: skip those whose weight times the kernel's growth (S^δ) is below 1e−17.
        let interferers = q.values.indices.filter { q.weights[$0] * max(1, pow(q.values[$0], delta)) > 1e-15 }
        // Serving nodes: those with weight below 1e−12 are dropped, and their total weight (F ∈ [0, 1]) is added to
        // the error.
        let serving = q.values.indices.filter { q.weights[$0] > 1e-12 }
        let dropped = q.values.indices.filter { q.weights[$0] <= 1e-12 }.reduce(0.0) { $0 + q.weights[$1] }
        func meanKernel(_ s: Complex<Double>) -> Complex<Double> {
            var total = Complex<Double>.zero
            for j in interferers {
                total += LaplaceInversion.truncatedKernel(s.multiplied(by: q.values[j]), delta: delta)
                    .multiplied(by: q.weights[j])
            }
            return total
        }
        var value = 0.0
        var error = 0.0
        if noise == 0 {
            for i in serving {
                let f = LaplaceInversion.cdf(at: q.values[i] / threshold) { s in
                    Complex(1, 0) / (Complex(1, 0) - meanKernel(s))
                }
                value += q.weights[i] * f.value
                error += q.weights[i] * f.error
            }
        } else {
            var worst = 0.0
            let r = GaussLaguerre.integrate { v in
                let noiseTerm = noise * pow(v / (Double.pi * density), alpha / 2)
                var e = 0.0
                var err = 0.0
                for i in serving {
                    let f = LaplaceInversion.cdf(at: q.values[i] / threshold - noiseTerm) { s in
                        Complex.expOf(meanKernel(s).multiplied(by: v))
                    }
                    e += q.weights[i] * f.value
                    err += q.weights[i] * f.error
                }
                worst = max(worst, err)
                return e
            }
            value = r.value
            error = r.error + worst
        }
        guard value.isFinite, error.isFinite else {
            throw DensificationError.numericalFailure(
                reason: "nearest-BS coverage with log-normal shadowing at T = \(threshold) is not finite")
        }
        return AnalyticValue(value: min(1, max(0, value)), absError: error + dropped + 1e-12, method: .nearestLogNormal)
    }
}
