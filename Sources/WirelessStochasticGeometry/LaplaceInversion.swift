import Foundation
import Numerics
import WirelessCore

/// Distribution functions from Laplace transforms, and the truncated power-law kernel the strongest-BS and
/// log-normal nearest-BS routes share (docs/DENSIFICATION.md#route-i-strongest-bs-at-every-threshold).
enum LaplaceInversion {
    /// Abate–Whitt's damping parameter A: the discretisation error of a CDF is ≤ e^{−A}/(1 − e^{−A}) ≈ 1e−10.
    static let damping = 23.0
    /// Terms of the Euler-summed series: the value uses n = 40 (+ m = 12 binomial averaging), the error
    /// estimate compares it with n = 26.
    static let termCount = 40
    static let coarseTermCount = 26
    static let eulerOrder = 12

    /// F(x) = P(Z ≤ x) of a non-negative random variable with a continuous law from its Laplace transform
    /// L(s) = E[e^{−sZ}], Re s > 0, by the Euler algorithm of J. Abate and W. Whitt (ORSA J. Comput. 7(1), 1995)
    /// applied to L(s)/s:
    ///
    ///     F(x) ≈ (e^{A/2}/x)·[½ Re L̂(A/(2x)) + Σ_{k≥1} (−1)^k Re L̂((A + 2πik)/(2x))],   L̂(s) = L(s)/s
    ///
    /// with the alternating series summed by binomial (Euler) averaging of the partial sums n … n + m.
    /// The error estimate is the difference between the n = 40 and n = 26 sums plus 2e^{−A}; it is only an
    /// estimate (it can miss slow convergence where F is not smooth, e.g. at the kinks of a strongest-BS law).
    ///
    /// - Parameters:
    ///   - x: the argument, > 0 (x ≤ 0 gives 0 exactly).
    ///   - laplace: s ↦ L(s) for Re s > 0.
    static func cdf(at x: Double, _ laplace: (Complex<Double>) -> Complex<Double>) -> IntegrationResult {
        cdf(at: x, batch: { nodes in nodes.map(laplace) })
    }

    /// As `cdf(at:_:)`, with the transform evaluated at all Euler nodes in one call (for routes that share work
    /// across the nodes).
    static func cdf(at x: Double, batch: ([Complex<Double>]) -> [Complex<Double>]) -> IntegrationResult {
        guard x > 0 else { return .zero }
        let a = damping
        let total = termCount + eulerOrder
        var partial = [Double](repeating: 0, count: total + 1)
        let nodes = (0...total).map { k in Complex(a / (2 * x), Double.pi * Double(k) / x) }
        let values = batch(nodes)
        func term(_ k: Int) -> Double { (values[k] / nodes[k]).real }
        var sum = 0.5 * term(0)
        partial[0] = sum
        for k in 1...total {
            sum += (k % 2 == 0 ? 1 : -1) * term(k)
            partial[k] = sum
        }
        func euler(_ n: Int) -> Double {
            var binomial = 1.0
            var e = 0.0
            for j in 0...eulerOrder {
                e += binomial * partial[n + j]
                binomial = binomial * Double(eulerOrder - j) / Double(j + 1)
            }
            return e / pow(2, Double(eulerOrder)) * exp(a / 2) / x
        }
        let fine = euler(termCount)
        let coarse = euler(coarseTermCount)
        guard fine.isFinite, coarse.isFinite else { return IntegrationResult(value: 0, error: .infinity) }
        return IntegrationResult(value: fine, error: abs(fine - coarse) + 2 * exp(-a))
    }

    /// G_δ(s) = s^δ γ(1 − δ, s) for Re s > 0, δ ∈ (0, 1), γ the lower incomplete gamma function; then
    ///
    ///     δ ∫_0^1 (e^{−st} − 1) t^{−δ−1} dt = 1 − e^{−s} − G_δ(s)        (integration by parts, derived)
    ///
    /// Series s·e^{−s} Σ_n s^n/((1−δ)(2−δ)…(n+1−δ)) for |s| ≤ 4 (cancellation below e^4·ε); otherwise
    /// s^δ Γ(1−δ) − s·e^{−s}·CF(s) with the continued fraction of Γ(1−δ, s) = e^{−s} s^{1−δ} CF(s) (modified Lentz).
    static func truncatedGamma(_ s: Complex<Double>, delta: Double) -> Complex<Double> {
        let a = 1 - delta
        let eMinusS = Complex.expOf(Complex(-s.real, -s.imaginary))
        if s.length <= 4 {
            var term = Complex<Double>(1 / a, 0)
            var sum = term
            var n = 1.0
            while n < 400 {
                term = term * s.divided(by: a + n)
                sum += term
                if term.length < 1e-17 * sum.length { break }
                n += 1
            }
            return s * eMinusS * sum
        }
        // Γ(a, s) = e^{−s} s^a / (s + 1 − a − 1(1−a)/(s + 3 − a − 2(2−a)/(s + 5 − a − …))).
        let tiny = 1e-300
        var b = s + Complex(1 - a, 0)
        var c = Complex<Double>(1 / tiny, 0)
        var d = Complex<Double>(1, 0) / b
        var h = d
        var i = 1.0
        while i < 5000 {
            let an = -i * (i - a)
            b += Complex(2, 0)
            d = d.multiplied(by: an) + b
            if d.length < tiny { d = Complex(tiny, 0) }
            c = b + Complex(an, 0) / c
            if c.length < tiny { c = Complex(tiny, 0) }
            d = Complex(1, 0) / d
            let step = d * c
            h = h * step
            if (step - Complex(1, 0)).length < 1e-16 { break }
            i += 1
        }
        let sToDelta = Complex.expOf(Complex<Double>.log(s).multiplied(by: delta))
        return sToDelta.multiplied(by: SpecialFunctions.gamma(a)) - s * eMinusS * h
    }

    /// D_δ(s) = δ ∫_0^1 (e^{−st} − 1) t^{−δ−1} dt = 1 − e^{−s} − G_δ(s) (Re s > 0).
    static func truncatedKernel(_ s: Complex<Double>, delta: Double) -> Complex<Double> {
        Complex(1, 0) - Complex.expOf(Complex(-s.real, -s.imaginary)) - truncatedGamma(s, delta: delta)
    }
}

/// Gauss–Laguerre rules ∫_0^∞ e^{−u} f(u) du ≈ Σ w_i f(u_i) (Newton on the Laguerre recurrence), computed once.
/// The routes that average a smooth, bounded function of an Exp(1) variable use the 48-point rule for the
/// value and the 32-point rule for an error estimate.
enum GaussLaguerre {
    static let fine = rule(48)
    static let coarse = rule(32)

    static func rule(_ n: Int) -> (nodes: [Double], weights: [Double]) {
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        var z = 0.0
        for i in 0..<n {
            if i == 0 {
                z = 3 / (1 + 2.4 * Double(n))
            } else if i == 1 {
                z += 15 / (1 + 2.5 * Double(n))
            } else {
                let ai = Double(i - 1)
                z += (1 + 2.55 * ai) / (1.9 * ai) * (z - nodes[i - 2])
            }
            var derivative = 0.0
            var previous = 0.0
            for _ in 0..<200 {
                var p1 = 1.0
                var p2 = 0.0
                for j in 1...n {
                    let p3 = p2
                    p2 = p1
                    p1 = ((2 * Double(j) - 1 - z) * p2 - (Double(j) - 1) * p3) / Double(j)
                }
                derivative = (Double(n) * p1 - Double(n) * p2) / z
                previous = p2
                let step = p1 / derivative
                z -= step
                if abs(step) <= 1e-15 * max(1, z) { break }
            }
            nodes[i] = z
            weights[i] = -1 / (derivative * Double(n) * previous)
        }
        return (nodes, weights)
    }

    /// ∫_0^∞ e^{−u} f(u) du by the 48-point rule, error |48-point − 32-point| (an estimate).
    static func integrate(_ f: (Double) -> Double) -> IntegrationResult {
        var a = 0.0
        for i in fine.nodes.indices { a += fine.weights[i] * f(fine.nodes[i]) }
        var b = 0.0
        for i in coarse.nodes.indices { b += coarse.weights[i] * f(coarse.nodes[i]) }
        return IntegrationResult(value: a, error: abs(a - b))
    }
}
