import Numerics
import WirelessCore

/// Roots of a complex polynomial as the eigenvalues of its companion matrix.
///
///     p(z) = c₀·zⁿ + c₁·zⁿ⁻¹ + … + cₙ        (coefficients in descending powers)
///
///         ⎡ −c₁/c₀  −c₂/c₀  …  −cₙ/c₀ ⎤
///     C = ⎢   1       0     …    0    ⎥      det(zI − C) = p(z)/c₀
///         ⎢   ⋮       ⋱     ⋱    ⋮    ⎥
///         ⎣   0       …     1    0    ⎦
///
/// Leading zero coefficients are stripped (they do not change the degree's roots); trailing zero
/// coefficients are removed and returned as exact zero roots. The eigenvalues come from `zgeev`,
/// which balances `C` first.
///
/// Accuracy: the computed roots are the exact roots of a polynomial whose coefficients are
/// perturbed by O(ε·‖c‖) (Edelman & Murakami, "Polynomial roots from companion matrix
/// eigenvalues", Math. Comp. 64, 1995). Simple, well-separated roots are accurate to about
/// ε·cond; a root of multiplicity m only to about ε^{1/m} (≈ 1e-8 for a double root, 1e-5 for a
/// triple root) — an inherent property of the problem, not of the method.
///
/// - Parameter coefficients: c₀ … cₙ, descending powers, finite, not all zero.
/// - Returns: n roots (n = degree after stripping leading zeros), in no particular order.
/// - Throws: `.invalidArgument` if empty or all zero, `.nonFiniteInput`, `.didNotConverge(info:)`.
/// - Complexity: O(n³).
public func polynomialRoots(coefficients: [Complex<Double>]) throws(LinearAlgebraError) -> [Complex<Double>] {
    let (trimmed, zeroRoots) = try trimmedPolynomial(coefficients)
    let degree = trimmed.count - 1
    var roots = [Complex<Double>](repeating: .zero, count: zeroRoots)
    guard degree > 0 else { return roots }
    var companion = Matrix<Complex<Double>>(rows: degree, columns: degree, repeating: .zero)
    let leading = trimmed[0]
    for j in 0..<degree { companion[0, j] = -trimmed[j + 1] / leading }
    for i in 1..<degree { companion[i, i - 1] = .one }
    roots.append(contentsOf: try eigenvalues(companion))
    return roots
}

/// Roots of a real polynomial (descending powers); complex roots come in conjugate pairs up to
/// rounding. See `polynomialRoots(coefficients:)` for the method and its accuracy.
///
/// - Throws: `.invalidArgument` if empty or all zero, `.nonFiniteInput`, `.didNotConverge(info:)`.
public func polynomialRoots(coefficients: [Double]) throws(LinearAlgebraError) -> [Complex<Double>] {
    try polynomialRoots(coefficients: coefficients.map { Complex($0, 0) })
}

/// Checks c₀ … cₙ (descending powers) and strips them: leading zeros (they lower the degree) and trailing
/// zeros (each one a root at 0, counted in `zeroRoots`). The one validation of both root finders.
///
/// - Returns: the coefficients from the first to the last nonzero one, and the number of trailing zeros.
/// - Throws: `.nonFiniteInput`; `.invalidArgument` for empty or all-zero coefficients.
func trimmedPolynomial(_ coefficients: [Complex<Double>]) throws(LinearAlgebraError)
    -> (coefficients: [Complex<Double>], zeroRoots: Int)
{
    guard coefficients.allSatisfy({ $0.real.isFinite && $0.imaginary.isFinite }) else {
        throw LinearAlgebraError.nonFiniteInput
    }
    guard let first = coefficients.firstIndex(where: { $0 != .zero }),
        let last = coefficients.lastIndex(where: { $0 != .zero })
    else {
        throw LinearAlgebraError.invalidArgument(reason: "polynomial coefficients are empty or all zero")
    }
    return (Array(coefficients[first...last]), coefficients.count - 1 - last)
}
