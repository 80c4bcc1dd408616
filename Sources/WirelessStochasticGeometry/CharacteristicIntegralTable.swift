import Foundation
import Numerics
import WirelessCore

/// F(a) = ∫_0^a (φ_H(−z) − 1) z^{−δ−1} dz, the incomplete characteristic integral behind the single-slope
/// nearest-BS Gil-Pelaez route (ψ(u) = (δ/2) a^δ F(a), a = Tu; `NearestCellCoverage.psiSingleSlope`).
///
/// Tabulated once per (law of H, δ) — by `CoveragePlan` for a sweep, or by one `gilPelaez` call — as prefix sums of 10-point Gauss–Legendre panels of width ¼ in s = ln z on
/// s ∈ [−50, 80]; F(a) is the prefix sum up to the panel holding ln a plus one 10-point rule on the remainder
/// (the integrand (φ(−e^s) − 1) e^{−δs} varies on a scale ≥ 1 in s, so each panel is exact to rounding).
/// Outside the table: a < e^{−50} by the moment series −i a^{1−δ}/(1−δ) − E[H²] a^{2−δ}/(2(2−δ)) (next term
/// O(a^{3−δ}) ≈ 1e−60); a > e^{80} by F(e^{80}) − (e^{−80δ} − a^{−δ})/δ (the dropped ∫φ z^{−δ−1} is below
/// |φ_H(e^{80})| e^{−80δ}/δ, < 1e−17 for m ≥ ½). A rate sweep evaluates F ~10⁵ times: ~10 φ_H calls each
/// instead of two adaptive integrals.
struct CharacteristicIntegralTable: Sendable {
    static let lower = -50.0
    static let upper = 80.0
    static let width = 0.25

    let fading: FadingModel
    let delta: Double
    /// prefix[k] = ∫ over panels 0..<k.
    let prefix: [Complex<Double>]

    init(fading: FadingModel, delta: Double) {
        self.fading = fading
        self.delta = delta
        let panels = Int(((Self.upper - Self.lower) / Self.width).rounded())
        var sums = [Complex<Double>.zero]
        sums.reserveCapacity(panels + 1)
        for k in 0..<panels {
            let a = Self.lower + Double(k) * Self.width
            sums.append(sums[k] + Self.panel(fading: fading, delta: delta, from: a, to: a + Self.width))
        }
        self.prefix = sums
    }

    /// 10-point Gauss–Legendre rule of (φ_H(−e^s) − 1) e^{−δs} on [s0, s1].
    static func panel(fading: FadingModel, delta: Double, from s0: Double, to s1: Double) -> Complex<Double> {
        let rule = ConditionedLegendre.rule
        let half = (s1 - s0) / 2
        var re = 0.0
        var im = 0.0
        for i in rule.nodes.indices {
            let s = s0 + half * (rule.nodes[i] + 1)
            let phi = fading.characteristicFunction(-exp(s))
            let w = rule.weights[i] * half * exp(-delta * s)
            re += w * (phi.real - 1)
            im += w * phi.imaginary
        }
        return Complex(re, im)
    }

    /// F(a), a > 0.
    func value(_ a: Double) -> Complex<Double> {
        let s = log(a)
        if s < Self.lower {
            let h2 = fading.moment(order: 2)
            return Complex(
                -h2 * pow(a, 2 - delta) / (2 * (2 - delta)), -pow(a, 1 - delta) / (1 - delta))
        }
        if s >= Self.upper {
            let top = prefix[prefix.count - 1]
            return top - Complex((exp(-Self.upper * delta) - pow(a, -delta)) / delta, 0)
        }
        let k = min(prefix.count - 2, Int(((s - Self.lower) / Self.width).rounded(.down)))
        let start = Self.lower + Double(k) * Self.width
        if s == start { return prefix[k] }
        return prefix[k] + Self.panel(fading: fading, delta: delta, from: start, to: s)
    }

    /// Whether this is the table of (H, δ).
    func isTable(of fading: FadingModel, delta: Double) -> Bool {
        self.fading == fading && self.delta == delta
    }
}

/// The 10-point Gauss–Legendre rule on [−1, 1] (Newton on P_10 from Chebyshev guesses), computed once.
enum ConditionedLegendre {
    static let rule: (nodes: [Double], weights: [Double]) = {
        let n = 10
        var nodes = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 1.0
            for _ in 0..<100 {
                var p0 = 1.0
                var p1 = x
                for k in 2...n {
                    let p2 = ((2 * Double(k) - 1) * x * p1 - (Double(k) - 1) * p0) / Double(k)
                    p0 = p1
                    p1 = p2
                }
                derivative = Double(n) * (x * p1 - p0) / (x * x - 1)
                let step = p1 / derivative
                x -= step
                if abs(step) < 1e-16 { break }
            }
            nodes[i] = x
            weights[i] = 2 / ((1 - x * x) * derivative * derivative)
        }
        return (nodes, weights)
    }()
}
