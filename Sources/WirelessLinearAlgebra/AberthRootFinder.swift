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
        let eps = Double.ulpOfOne
        while iterations < maxIterations && done.contains(false) {
            iterations += 1
            for k in 0..<n where !done[k] {
                let x = z[k]
                // Horner for p and p′.
                var p = c[0]
                var dp = Complex<Double>.zero
                for i in 1...n {
                    dp = dp * x + p
                    p = p * x + c[i]
                }
                // Backward-error bound Σ|c_i||x|^{n−i}.
                let r = x.length
                var bound = magnitudes[0]
                for i in 1...n { bound = bound * r + magnitudes[i] }
                if p.length <= 4 * eps * bound {
                    done[k] = true
                    continue
                }
                guard dp != .zero else {
                    z[k] = x + Complex(length: eps * max(1, r), phase: Double(k))
                    continue
                }
                let ratio = p / dp
                var sum = Complex<Double>.zero
                for j in 0..<n where j != k {
                    let difference = x - z[j]
                    if difference != .zero { sum += .one / difference }
                }
                let denominator = .one - ratio * sum
                let correction = denominator == .zero ? ratio : ratio / denominator
                let updated = x - correction
                guard updated.real.isFinite && updated.imaginary.isFinite else { continue }
                z[k] = updated
                if correction.length <= 4 * eps * updated.length { done[k] = true }
            }
        }
        // Final backward-error check (multiple roots stall at ≈ ε^{1/m} forward error but tiny backward error).
        var converged = true
        for x in z {
            var p = c[0]
            for i in 1...n { p = p * x + c[i] }
            let r = x.length
            var bound = magnitudes[0]
            for i in 1...n { bound = bound * r + magnitudes[i] }
            if !(p.length <= 1e3 * eps * bound) { converged = false }
        }
        result.append(contentsOf: z)
        return Result(roots: result, iterations: iterations, converged: converged)
    }
}
