import Foundation
import Numerics

/// Roots of a complex polynomial by the Aberth–Ehrlich simultaneous iteration (Aberth, Math. Comp.
/// 27, 1973; Bini, Numer. Algorithms 13, 1996), an O(n²)-per-sweep alternative to the companion
/// eigenvalue method (`polynomialRoots`), which costs O(n³).
///
///     p(z) = c₀zⁿ + … + cₙ,    w_k = (p/p′)(z_k) / (1 − (p/p′)(z_k)·Σ_{j≠k} 1/(z_k − z_j)),    z_k ← z_k − w_k
///
/// Updates are applied in place (Gauss–Seidel order). Start: n points on the circle of radius
/// |cₙ/c₀|^{1/n} with an irrational angular offset; iteration stops when every correction is
/// below `4ε·|z_k|` (or stops changing) or after `maxIterations` sweeps. Simple roots converge
/// cubically; a root of multiplicity m converges linearly to about ε^{1/m} (≈ 1e−8 for a double
/// root), the same limit as any method (the problem's conditioning). The residual test
/// |p(z)| ≤ tolerance·Σ|c_i||z|^{n−i} is used as the final convergence criterion.
public enum AberthRootFinder {
    /// Result of a run: the roots and whether every root met the stopping rule.
    public struct Result: Sendable, Equatable {
        /// n roots, in no particular order.
        public let roots: [Complex<Double>]
        /// Sweeps performed.
        public let iterations: Int
        /// Whether every root's backward error is below 1e3·ε (else use the companion method).
        public let converged: Bool
    }

    /// Runs the iteration.
    ///
    /// - Parameters:
    ///   - coefficients: c₀ … cₙ, descending powers, finite, c₀ ≠ 0 after stripping leading zeros.
    ///   - maxIterations: sweep limit, ≥ 1 (default 500).
    /// - Throws: `LinearAlgebraError.nonFiniteInput`, `.invalidArgument` for all-zero coefficients.
    /// - Complexity: O(n²) per sweep; typically 10–30 sweeps.
    public static func roots(coefficients: [Complex<Double>], maxIterations: Int = 500) throws(LinearAlgebraError)
        -> Result
    {
        let (c, zeroRoots) = try trimmedPolynomial(coefficients)
        let n = c.count - 1
        var result = [Complex<Double>](repeating: .zero, count: zeroRoots)
        guard n > 0 else { return Result(roots: result, iterations: 0, converged: true) }
        if n == 1 {
            result.append(-c[1] / c[0])
            return Result(roots: result, iterations: 0, converged: true)
        }
        let magnitudes = c.map(\.length)
        let radius = Foundation.pow(magnitudes[n] / magnitudes[0], 1 / Double(n))
        var z = (0..<n).map { k in
            Complex<Double>(length: radius, phase: 2 * .pi * Double(k) / Double(n) + 0.4)
        }
        var done = [Bool](repeating: false, count: n)
        var iterations = 0
        c.withUnsafeBufferPointer { c in
            magnitudes.withUnsafeBufferPointer { magnitudes in
                z.withUnsafeMutableBufferPointer { z in
                    /// The Aberth step of root k from p(x), p′(x) and the bound at x = z[k] (Gauss–Seidel:
                    /// the sum uses the roots already updated in this sweep).
                    func step(_ k: Int, _ value: Evaluation) {
                        switch aberthStep(root: k, at: z[k], value, sum: { reciprocalSum(z, at: k) }) {
                        case .done: done[k] = true
                        case .nudged(let x): z[k] = x
                        case .moved(let x, let converged):
                            z[k] = x
                            if converged { done[k] = true }
                        case .rejected: break
                        }
                    }
                    iterations = sweeps(
                        count: n, maxIterations: maxIterations, isDone: { done[$0] },
                        evaluate: { evaluatePair(c, magnitudes, z[$0], z[$1]) }, step: step)
                }
            }
        }
        let converged = isBackwardStable(z, c, magnitudes)
        result.append(contentsOf: z)
        return Result(roots: result, iterations: iterations, converged: converged)
    }

    /// The final convergence check of both solvers: whether every root x has |p(x)| ≤ 1e3·ε·Σ|c_i||x|^{n−i}
    /// (multiple roots stall at ≈ ε^{1/m} forward error but tiny backward error).
    static func isBackwardStable(_ roots: [Complex<Double>], _ c: [Complex<Double>], _ magnitudes: [Double]) -> Bool {
        let n = c.count - 1
        var stable = true
        for x in roots {
            var p = c[0]
            for i in 1...n { p = p * x + c[i] }
            let r = x.length
            var bound = magnitudes[0]
            for i in 1...n { bound = bound * r + magnitudes[i] }
            if !(p.length <= 1e3 * Double.ulpOfOne * bound) { stable = false }
        }
        return stable
    }

    /// What one Aberth step does to a root.
    enum StepOutcome {
        /// |p(x)| is at rounding level: the root is done where it is.
        case done
        /// p′(x) = 0: the root moves off the critical point by ε·max(1, |x|), not yet done.
        case nudged(Complex<Double>)
        /// The corrected root, and whether the correction was below 4ε·|x| (then it is done).
        case moved(Complex<Double>, converged: Bool)
        /// The correction gave a non-finite root: the root stays.
        case rejected
    }

    /// The Aberth step of root `k` at x from p(x), p′(x) and the bound; `sum` gives Σ 1/(x − y_j) over the
    /// roots deflated (called only when a correction is computed: Gauss–Seidel, with the roots already updated
    /// in this sweep).
    @inline(__always)
    static func aberthStep(root k: Int, at x: Complex<Double>, _ value: Evaluation, sum: () -> Complex<Double>)
        -> StepOutcome
    {
        let eps = Double.ulpOfOne
        if value.p.length <= 4 * eps * value.bound { return .done }
        guard value.dp != .zero else { return .nudged(x + Complex(length: eps * max(1, x.length), phase: Double(k))) }
        let ratio = value.p / value.dp
        let denominator = .one - ratio * sum()
        let correction = denominator == .zero ? ratio : ratio / denominator
        let updated = x - correction
        guard updated.real.isFinite && updated.imaginary.isFinite else { return .rejected }
        return .moved(updated, converged: correction.length <= 4 * eps * updated.length)
    }

    /// p(x), p′(x) (Horner) and the backward-error bound Σ|c_i||x|^{n−i} at one point.
    /// The sweeps both solvers run, until every root is done or after `maxIterations`: each sweep steps the
    /// roots not yet done in order (Gauss–Seidel). Only root k's own step changes whether it is done or where
    /// it is, so the roots of a sweep are known at its start, and p at z[k₂] does not depend on root k₁'s
    /// step: `evaluate` runs two Horner chains interleaved (twice the instruction-level parallelism of one
    /// latency-bound chain), then the two steps run in order, as one root at a time would.
    /// - Parameters:
    ///   - count: number of roots iterated.
    ///   - evaluate: p, p′ and the bound at roots k₁ and k₂ (k₁ = k₂ for a last, unpaired root).
    ///   - step: the Aberth step of root k from its evaluation.
    /// - Returns: the sweeps run.
    static func sweeps(
        count: Int, maxIterations: Int, isDone: (Int) -> Bool, evaluate: (Int, Int) -> (Evaluation, Evaluation),
        step: (Int, Evaluation) -> Void
    ) -> Int {
        var pending: [Int] = []
        pending.reserveCapacity(count)
        var iterations = 0
        while iterations < maxIterations {
            pending.removeAll(keepingCapacity: true)
            for k in 0..<count where !isDone(k) { pending.append(k) }
            if pending.isEmpty { break }
            iterations += 1
            var index = 0
            while index + 1 < pending.count {
                let (first, second) = evaluate(pending[index], pending[index + 1])
                step(pending[index], first)
                step(pending[index + 1], second)
                index += 2
            }
            if index < pending.count { step(pending[index], evaluate(pending[index], pending[index]).0) }
        }
        return iterations
    }

    struct Evaluation {
        var p: Complex<Double>
        var dp: Complex<Double>
        var bound: Double
    }

    /// `Evaluation`s at two points, their Horner recurrences interleaved (each chain computes exactly
    /// what it would alone).
    @inline(__always)
    static func evaluatePair(
        _ c: UnsafeBufferPointer<Complex<Double>>, _ magnitudes: UnsafeBufferPointer<Double>,
        _ x1: Complex<Double>, _ x2: Complex<Double>
    ) -> (Evaluation, Evaluation) {
        let n = c.count - 1
        var (p1, p2) = (c[0], c[0])
        var (dp1, dp2) = (Complex<Double>.zero, Complex<Double>.zero)
        for i in 1...n {
            dp1 = dp1 * x1 + p1
            p1 = p1 * x1 + c[i]
            dp2 = dp2 * x2 + p2
            p2 = p2 * x2 + c[i]
        }
        let (r1, r2) = (x1.length, x2.length)
        var (bound1, bound2) = (magnitudes[0], magnitudes[0])
        for i in 1...n {
            bound1 = bound1 * r1 + magnitudes[i]
            bound2 = bound2 * r2 + magnitudes[i]
        }
        return (Evaluation(p: p1, dp: dp1, bound: bound1), Evaluation(p: p2, dp: dp2, bound: bound2))
    }

    /// Σ_{j≠k, z_j≠z_k} 1/(z_k − z_j), summed in index order. Each term is `.one / d` as swift-numerics
    /// computes it for a normal |d|² (conj(d)/|d|², the two quotients in one SIMD division); others take
    /// the library's rescaled division.
    @inline(__always)
    static func reciprocalSum(_ z: UnsafeMutableBufferPointer<Complex<Double>>, at k: Int) -> Complex<Double> {
        let x = z[k]
        var sum = Complex<Double>.zero
        for j in 0..<z.count where j != k {
            let difference = x - z[j]
            guard difference != .zero else { continue }
            let lengthSquared = difference.lengthSquared
            if lengthSquared.isNormal {
                let quotient =
                    SIMD2(difference.real, -difference.imaginary) / SIMD2(repeating: lengthSquared)
                sum += Complex(quotient.x, quotient.y)
            } else {
                sum += .one / difference
            }
        }
        return sum
    }
}
