import Foundation
import Numerics
import WirelessCore
import WirelessLinearAlgebra

extension CramerRaoBound {
    /// Per-mode bound with the other two modes' parameters known (the authors' `calcCRBTensor.m`,
    /// after Van Trees, *Optimum Array Processing*, Eq. 8.110; docs/ISAC.md#bounds `.otherModesKnown`).
    ///
    ///     G = Hadamard product of the other modes' Grams (M_j^H M_j),  A = mode-m Vandermonde, Ḋ = ∂A/∂param
    ///     H_m = (Ḋ^HḊ∘G) − (Ḋ^HA∘G)(A^HA∘G)^{−1}(Ḋ^HA∘G)^H
    ///     CRB_p = σ² / (2|β_p|²·Re[H_m]_pp)
    ///
    /// It is ≤ the joint bound (less is unknown) and equal to it for one path on a full grid.
    ///
    /// - Returns: `[mode][path]` variances in [deg²], [m²], [(m/s)²].
    /// - Throws: `zeroPaths`, `invalidParameter` for σ² ≤ 0, `numericalFailure` for a singular Gram.
    public static func otherModesKnown(scenario: ISACScenario, noiseVariance: Double) throws(ISACError) -> [[Double]] {
        let paths = scenario.paths
        let p = paths.count
        guard p >= 1 else { throw ISACError.zeroPaths }
        guard noiseVariance.isFinite, noiseVariance > 0 else { throw ISACError.invalidParameter(name: "noiseVariance") }
        let grid = scenario.grid
        let dims = grid.dimensions
        let frequencies = paths.map { grid.spatialFrequencies(of: $0) }
        let derivatives = paths.map { grid.frequencyDerivatives(of: $0) }
        var g0: [Matrix<Complex<Double>>] = []
        var g10: [Matrix<Complex<Double>>] = []  // Ḋ^H A
        var g11: [Matrix<Complex<Double>>] = []
        for m in 0..<3 {
            var a = Matrix<Complex<Double>>(rows: dims[m], columns: p, repeating: .zero)
            var da = a
            for q in 0..<p {
                for i in 0..<dims[m] {
                    let e = Complex<Double>(length: 1, phase: frequencies[q][m] * Double(i))
                    a[i, q] = e
                    da[i, q] = Complex(0, derivatives[q][m] * Double(i)) * e
                }
            }
            g0.append(try ISACError.numerical("CRB Gram matrix") { try multiply(a, a, .conjugateTranspose, .none) })
            g10.append(try ISACError.numerical("CRB Gram matrix") { try multiply(da, a, .conjugateTranspose, .none) })
            g11.append(try ISACError.numerical("CRB Gram matrix") { try multiply(da, da, .conjugateTranspose, .none) })
        }
        var result: [[Double]] = []
        for m in 0..<3 {
            var other = Matrix<Complex<Double>>(rows: p, columns: p, repeating: .one)
            for j in 0..<3 where j != m {
                for e in other.elements.indices { other.elements[e] *= g0[j].elements[e] }
            }
            var h11 = g11[m]
            var h10 = g10[m]
            var h00 = g0[m]
            for e in other.elements.indices {
                h11.elements[e] *= other.elements[e]
                h10.elements[e] *= other.elements[e]
                h00.elements[e] *= other.elements[e]
            }
            let correction: Matrix<Complex<Double>>
            do {
                let solved = try leastSquares(h00, conjugateTranspose(h10)).solution
                correction = try multiply(h10, solved)
            } catch {
                throw ISACError.numericalFailure(reason: "other-modes-known CRB: \(error)")
            }
            result.append(
                (0..<p).map { q in
                    let value = (h11[q, q] - correction[q, q]).real
                    return noiseVariance / (2 * paths[q].gain.lengthSquared * value)
                })
        }
        return result
    }
}
