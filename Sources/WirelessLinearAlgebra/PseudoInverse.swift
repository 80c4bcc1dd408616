import Numerics
import WirelessCore

/// Moore–Penrose pseudo-inverse by SVD.
///
///     A = U·Σ·Vᴴ   ⇒   A⁺ = V·Σ⁺·Uᴴ,   Σ⁺ = diag(1/σᵢ if σᵢ > rcond·σ₀ else 0)
///
/// Satisfies A·A⁺·A = A, A⁺·A·A⁺ = A⁺, (A·A⁺)ᴴ = A·A⁺, (A⁺·A)ᴴ = A⁺·A (Golub & Van Loan,
/// Matrix Computations, 4th ed., §5.5.2).
///
/// - Parameters:
///   - a: `m × n` complex matrix, finite.
///   - rcond: Relative cut-off ≥ 0 for negligible singular values; `nil` = ε·max(m, n).
/// - Returns: `n × m` matrix `A⁺`.
/// - Throws: `.nonFiniteInput`, `.didNotConverge(info:)`, `.invalidArgument` for a negative rcond.
public func pseudoInverse(_ a: Matrix<Complex<Double>>, rcond: Double? = nil) throws(LinearAlgebraError) -> Matrix<
    Complex<Double>
> {
    let cutoff = rcond ?? defaultRcond(rows: a.rows, columns: a.columns)
    guard cutoff >= 0, cutoff.isFinite else {
        throw LinearAlgebraError.invalidArgument(reason: "rcond = \(cutoff) must be finite and ≥ 0")
    }
    let k = min(a.rows, a.columns)
    guard k > 0 else { return Matrix(rows: a.columns, columns: a.rows, repeating: .zero) }
    let svd = try singularValueDecomposition(a, kind: .thin)
    let threshold = cutoff * svd.singularValues[0]
    // Scale the rows of Vᴴ by 1/σ, then A⁺ = (Σ⁺Vᴴ)ᴴ·Uᴴ.
    var scaled = svd.vHermitian
    for i in 0..<k {
        let sigma = svd.singularValues[i]
        let factor = sigma > threshold ? 1 / sigma : 0
        for j in 0..<scaled.columns { scaled[i, j] = scaled[i, j].multiplied(by: factor) }
    }
    return try multiply(scaled, svd.u, .conjugateTranspose, .conjugateTranspose)
}
