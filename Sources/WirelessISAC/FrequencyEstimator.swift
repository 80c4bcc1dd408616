import Foundation
import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// The 1-D subspace estimator that turns a signal subspace into frequencies (docs/ISAC.md#per-mode-estimation).
public enum FrequencyEstimator: String, Sendable, Equatable, Codable, CaseIterable {
    /// Root-MUSIC (Barabell, ICASSP 1983): roots of z^{N−1}Σ_ℓ p_ℓ z^ℓ, p_ℓ = Σ_{j−i=ℓ}[I − U_sU_s^H]_{ij};
    /// the K roots inside and closest to the unit circle, ω̂ = arg z (default).
    case rootMUSIC = "root-music"
    /// LS-ESPRIT (Roy & Kailath, IEEE Trans. ASSP 1989): Ψ = (J_1U_s)^+(J_2U_s), ω̂ = arg eig Ψ.
    case esprit
    /// TLS-ESPRIT: right singular vectors of [J_1U_s, J_2U_s] in K×K blocks, Ψ = −E_12·E_22^{−1}.
    case tlsESPRIT = "tls-esprit"

    /// Frequencies [rad/sample] of the K columns of the signal subspace `signalSubspace` (N × K, orthonormal).
    ///
    /// - Throws: `ISACError.tooManyPaths` when K > N−1, `.numericalFailure` when a kernel fails.
    public func frequencies(signalSubspace: Matrix<Complex<Double>>) throws(ISACError) -> [Double] {
        let n = signalSubspace.rows
        let k = signalSubspace.columns
        guard k >= 1, k <= n - 1 else { throw ISACError.tooManyPaths(mode: -1, requested: k, limit: n - 1) }
        switch self {
        case .rootMUSIC: return try RootMUSIC.frequencies(signalSubspace: signalSubspace)
        case .esprit: return try ESPRIT.frequencies(signalSubspace: signalSubspace, totalLeastSquares: false)
        case .tlsESPRIT: return try ESPRIT.frequencies(signalSubspace: signalSubspace, totalLeastSquares: true)
        }
    }
}

/// Root-MUSIC on a signal subspace (Barabell 1983; docs/ISAC.md#per-mode-estimation step 6).
public enum RootMUSIC {
    /// The polynomial coefficients in descending powers: `[p_{N−1}, …, p_0, …, p_{−(N−1)}]`,
    /// p_ℓ = Σ_{j−i=ℓ} [I − U_sU_s^H]_{ij}, so that a_N(ω)^H Π_n a_N(ω) = Σ_ℓ p_ℓ e^{jωℓ}.
    public static func polynomial(signalSubspace u: Matrix<Complex<Double>>) -> [Complex<Double>] {
        let n = u.rows
        let k = u.columns
        var coefficients = Array(repeating: Complex<Double>.zero, count: 2 * n - 1)
        // p_ℓ at index (N − 1 − ℓ).
        for i in 0..<n {
            for j in 0..<n {
                var projector = Complex<Double>.zero
                for c in 0..<k { projector += u[i, c] * u[j, c].conjugate }
                var entry = -projector
                if i == j { entry += .one }
                coefficients[n - 1 - (j - i)] += entry
            }
        }
        return coefficients
    }

    /// The K root-MUSIC frequencies [rad/sample], in order of closeness to the unit circle.
    public static func frequencies(signalSubspace u: Matrix<Complex<Double>>) throws(ISACError) -> [Double] {
        var coefficients = polynomial(signalSubspace: u)
        let scale = coefficients.reduce(0) { max($0, $1.length) }
        // Strip ≈ 0 leading (and, by conjugate symmetry, trailing) coefficients.
        while coefficients.count > 2, coefficients[0].length <= 1e-13 * scale,
            coefficients[coefficients.count - 1].length <= 1e-13 * scale
        {
            coefficients.removeFirst()
            coefficients.removeLast()
        }
        // Aberth–Ehrlich (O(n²) per sweep) is ≈ 10–30× faster than the companion QR at degree ≈ 90, and its
        // pair form (one iterate per root pair z, 1/z̄ of this self-inversive polynomial) ≈ 4× faster again;
        // the companion eigenvalues are the fallback when it does not converge.
        var roots: [Complex<Double>]
        do {
            let aberth = try AberthRootFinder.selfInversiveRoots(coefficients: coefficients)
            roots = aberth.converged ? aberth.roots : try polynomialRoots(coefficients: coefficients)
        } catch {
            throw ISACError.numericalFailure(reason: "root-MUSIC polynomial roots: \(error)")
        }
        return select(roots: roots, count: u.columns, coefficients: coefficients).map { $0.phase }
    }

    /// Newton on P′ (a double root of P is a simple root of P′) from `start`, 3 steps; the polished
    /// point is kept only if it stays within `radius` of `start` (else `start` is returned).
    ///
    ///     z ← z − P′(z)/P″(z),   P(z) = Σ_i c_i z^{d−i} (descending coefficients)
    static func polishDoubleRoot(_ start: Complex<Double>, coefficients c: [Complex<Double>], radius: Double)
        -> Complex<Double>
    {
        let degree = c.count - 1
        guard degree >= 2 else { return start }
        var z = start
        for _ in 0..<3 {
            var d1 = Complex<Double>.zero  // P′(z) = Σ_{i<d} (d−i)c_i z^{d−i−1}
            for i in 0..<degree { d1 = d1 * z + c[i].multiplied(by: Double(degree - i)) }
            var d2 = Complex<Double>.zero  // P″(z) = Σ_{i<d−1} (d−i)(d−i−1)c_i z^{d−i−2}
            for i in 0..<(degree - 1) { d2 = d2 * z + c[i].multiplied(by: Double((degree - i) * (degree - i - 1))) }
            let step = d1 / d2
            guard step.isFinite else { break }
            z = z - step
        }
        return (z - start).length <= radius && z.isFinite ? z : start
    }

    /// Distance [in z] below which two roots are treated as the numerically split twins of one double
    /// root. A noiseless unit-circle double root perturbed by δ in the coefficients splits into
    /// z₀ ± O(√δ) (≈ 1e−8 … 2e−5 for N = 7 … 560 at δ ≈ 1e−15·cond); distinct targets this close
    /// (1e−4 rad ≪ the Rayleigh cell 2π/N) are not resolvable by any N used here.
    static let twinTolerance = 1e-4

    /// Root selection: keep |z| ≤ 1 (+1e−9), sort by |1 − |z||, take `count` roots. A taken root's
    /// nearest other root z' (inside or outside) within `twinTolerance` is its twin: the root is
    /// replaced by the midpoint (z + z')/2, whose error is O(δ) instead of O(√δ) because the split
    /// is symmetric to first order; for a noisy root the twin is its mirror 1/z*, which has the same
    /// phase, so arg z is unchanged. Twins are not taken again.
    static func select(roots: [Complex<Double>], count: Int, coefficients: [Complex<Double>] = []) -> [Complex<Double>]
    {
        let finite = roots.filter { $0.isFinite }
        let order = finite.indices.filter { finite[$0].length <= 1 + 1e-9 }
            .sorted { abs(1 - finite[$0].length) < abs(1 - finite[$1].length) }
        var used = Set<Int>()
        var chosen: [Complex<Double>] = []
        func take(_ index: Int, mirrored: Bool) {
            used.insert(index)
            let root = mirrored ? (finite[index].conjugate.reciprocal ?? finite[index]) : finite[index]
            var nearest: Int?
            var distance = twinTolerance
            for j in finite.indices where j != index && !used.contains(j) {
                let candidate = mirrored ? (finite[j].conjugate.reciprocal ?? finite[j]) : finite[j]
                let d = (candidate - root).length
                if d < distance { (nearest, distance) = (j, d) }
            }
            if let twin = nearest {
                used.insert(twin)
                let other = mirrored ? (finite[twin].conjugate.reciprocal ?? finite[twin]) : finite[twin]
                let midpoint = (root + other).divided(by: 2)
                chosen.append(polishDoubleRoot(midpoint, coefficients: coefficients, radius: distance))
            } else {
                chosen.append(root)
            }
        }
        for index in order where chosen.count < count && !used.contains(index) {
            if chosen.contains(where: { ($0 - finite[index]).length < twinTolerance }) { continue }
            take(index, mirrored: false)
        }
        if chosen.count < count {
            // Too few distinct roots inside: fill from the outside ones mirrored inward.
            let outside = finite.indices.filter { finite[$0].length > 1 + 1e-9 && !used.contains($0) }
                .sorted { abs(1 - finite[$0].length) < abs(1 - finite[$1].length) }
            for index in outside where chosen.count < count && !used.contains(index) {
                let mirrored = finite[index].conjugate.reciprocal ?? finite[index]
                if chosen.contains(where: { ($0 - mirrored).length < twinTolerance }) { continue }
                take(index, mirrored: true)
            }
        }
        return chosen
    }
}

/// 1-D shift-invariance estimation (Roy & Kailath 1989; docs/ISAC.md#per-mode-estimation step 7).
public enum ESPRIT {
    /// The K ESPRIT frequencies [rad/sample] of an N × K signal subspace (J_1/J_2: first/last N−1 rows).
    public static func frequencies(signalSubspace u: Matrix<Complex<Double>>, totalLeastSquares: Bool) throws(ISACError)
        -> [Double]
    {
        let psi = try rotationOperator(signalSubspace: u, totalLeastSquares: totalLeastSquares)
        do {
            return try eigenvalues(psi).map { $0.phase }
        } catch {
            throw ISACError.numericalFailure(reason: "ESPRIT eigenvalues: \(error)")
        }
    }

    /// The K × K operator Ψ with J_1U_sΨ ≈ J_2U_s (LS or TLS).
    public static func rotationOperator(signalSubspace u: Matrix<Complex<Double>>, totalLeastSquares: Bool)
        throws(ISACError)
        -> Matrix<Complex<Double>>
    {
        let n = u.rows
        let k = u.columns
        var upper = Matrix<Complex<Double>>(rows: n - 1, columns: k, repeating: .zero)
        var lower = upper
        for c in 0..<k {
            for i in 0..<(n - 1) {
                upper[i, c] = u[i, c]
                lower[i, c] = u[i + 1, c]
            }
        }
        do {
            if !totalLeastSquares { return try leastSquares(upper, lower).solution }
            var stacked = Matrix<Complex<Double>>(rows: n - 1, columns: 2 * k, repeating: .zero)
            for c in 0..<k {
                for i in 0..<(n - 1) {
                    stacked[i, c] = upper[i, c]
                    stacked[i, c + k] = lower[i, c]
                }
            }
            let svd = try singularValueDecomposition(stacked, kind: n - 1 >= 2 * k ? .thin : .full)
            let v = conjugateTranspose(svd.vHermitian)  // 2K × 2K right singular vectors
            var e12 = Matrix<Complex<Double>>(rows: k, columns: k, repeating: .zero)
            var e22 = e12
            for c in 0..<k {
                for i in 0..<k {
                    e12[i, c] = v[i, k + c]
                    e22[i, c] = v[k + i, k + c]
                }
            }
            // Ψ = −E12·E22^{−1}  ⇔  Ψ^T = −(E22^T)^{−1}E12^T: solve E22^T X = E12^T.
            let x = try leastSquares(e22.transposed, e12.transposed).solution
            var psi = x.transposed
            for index in psi.elements.indices { psi.elements[index] = -psi.elements[index] }
            return psi
        } catch {
            throw ISACError.numericalFailure(reason: "ESPRIT solve: \(error)")
        }
    }
}
