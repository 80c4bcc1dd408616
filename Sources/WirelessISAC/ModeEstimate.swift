import Foundation
import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// The result of PLAIN stage 2 for one mode: the distinct frequencies found along it.
public struct ModeEstimate: Sendable, Equatable, Codable {
    /// Estimated frequencies ω̂ [rad/sample] on the (compressed) grid of the mode, K_m values.
    public var frequencies: [Double]
    /// Covariance eigenvalues, descending (after scaling by 1/max|R_ij| and FBA).
    public var eigenvalues: [Double]
    /// The model order K_m used (AIC/MDL, or forced).
    public var order: Int
}

/// Per-mode subspace estimation (docs/ISAC.md#per-mode-estimation): unfold, covariance, forward–backward
/// averaging, Hermitian EVD, model order, and a 1-D frequency estimator.
///
///     Y_m ∈ C^{N×Q}  (mode-m unfolding),  R = Y_mY_m^H/Q,  R ← R/max|R_ij|,
///     FBA: R ← ½(R + J R* J),  EVD λ_1 ≥ … ≥ λ_N,  K_m = argmin AIC/MDL,  ω̂ = estimator(U_s)
public enum ModeSubspaceEstimation {
    /// The mode-m sample covariance R = Y_mY_m^H/Q of a tensor (all snapshots as columns).
    ///
    /// - Complexity: O(N_m²·Q_m/2) via BLAS `zherk` (one triangle, mirrored: R is exactly Hermitian).
    public static func covariance(of tensor: ChannelTensor, mode: Int) throws(ISACError) -> Matrix<Complex<Double>> {
        let unfolding = unfold(tensor, mode: mode)
        var r = try ISACError.numerical("mode-\(mode) covariance") { try hermitianGram(unfolding) }
        let q = Double(unfolding.columns)
        for index in r.elements.indices { r.elements[index] = r.elements[index].divided(by: q) }
        return r
    }

    /// The mode-m unfolding Y_m (N_m × Q_m, column-major), columns ordered by the remaining
    /// indices in storage order, snapshots last.
    public static func unfold(_ tensor: ChannelTensor, mode: Int) -> Matrix<Complex<Double>> {
        let dims = tensor.dimensions
        let n = dims[mode]
        let total = tensor.elements.count
        let q = total / n
        if mode == 0 { return Matrix(rows: n, columns: q, columnMajor: tensor.elements) }
        var elements = [Complex<Double>](repeating: .zero, count: total)
        let (n0, n1, n2) = (dims[0], dims[1], dims[2])
        let snapshotSize = n0 * n1 * n2
        tensor.elements.withUnsafeBufferPointer { source in
            elements.withUnsafeMutableBufferPointer { target in
                for s in 0..<tensor.snapshotCount {
                    for l in 0..<n2 {
                        for k in 0..<n1 {
                            let base = s * snapshotSize + n0 * (k + n1 * l)
                            for r in 0..<n0 {
                                let row: Int
                                let column: Int
                                if mode == 1 {
                                    row = k
                                    column = r + n0 * (l + n2 * s)
                                } else {
                                    row = l
                                    column = r + n0 * (k + n1 * s)
                                }
                                target[row + n * column] = source[base + r]
                            }
                        }
                    }
                }
            }
        }
        return Matrix(rows: n, columns: q, columnMajor: elements)
    }

    /// R ← ½(R + J R* J) with J the exchange matrix: (JR*J)_{ij} = conj(R_{N−1−i, N−1−j}).
    public static func forwardBackwardAveraged(_ r: Matrix<Complex<Double>>) -> Matrix<Complex<Double>> {
        let n = r.rows
        var out = r
        for j in 0..<n {
            for i in 0..<n {
                out[i, j] = (r[i, j] + r[n - 1 - i, n - 1 - j].conjugate).multiplied(by: 0.5)
            }
        }
        return out
    }

    /// Runs steps 2–7 on a covariance matrix.
    ///
    /// - Parameters:
    ///   - covariance: R (N × N Hermitian).
    ///   - snapshotCount: Q, the number of columns behind R (for AIC/MDL).
    ///   - estimator: the 1-D frequency estimator.
    ///   - criterion: AIC or MDL.
    ///   - forwardBackward: apply FBA.
    ///   - forcedOrder: use this K instead of the criterion (nil: criterion).
    ///   - maximumOrder: cap on K (e.g. the fusion's path count), nil for N−1.
    /// - Throws: `tooManyPaths` if a forced K > N−1, `.numericalFailure` from the kernels.
    public static func estimate(
        covariance: Matrix<Complex<Double>>, snapshotCount: Int, estimator: FrequencyEstimator,
        criterion: ModelOrderCriterion, forwardBackward: Bool, forcedOrder: Int? = nil, maximumOrder: Int? = nil
    ) throws(ISACError) -> ModeEstimate {
        let n = covariance.rows
        var r = covariance
        let scale = r.elements.reduce(0) { max($0, $1.length) }
        if scale > 0 { for index in r.elements.indices { r.elements[index] = r.elements[index].divided(by: scale) } }
        if forwardBackward { r = forwardBackwardAveraged(r) }
        let decomposition: HermitianEigendecomposition
        do { decomposition = try hermitianEigendecomposition(r) } catch {
            throw ISACError.numericalFailure(reason: "Hermitian EVD: \(error)")
        }
        let ascending = decomposition.eigenvalues
        let descending = Array(ascending.reversed())
        var order: Int
        if let forced = forcedOrder {
            guard forced >= 1, forced <= n - 1 else {
                throw ISACError.tooManyPaths(mode: -1, requested: forced, limit: n - 1)
            }
            order = forced
        } else {
            order = criterion.order(eigenvaluesDescending: descending, snapshotCount: snapshotCount)
            if let cap = maximumOrder { order = min(order, max(1, cap)) }
        }
        var subspace = Matrix<Complex<Double>>(rows: n, columns: order, repeating: .zero)
        let vectors = decomposition.eigenvectors
        for c in 0..<order {
            let source = n - 1 - c
            for i in 0..<n { subspace[i, c] = vectors[i, source] }
        }
        let frequencies = try estimator.frequencies(signalSubspace: subspace)
        return ModeEstimate(frequencies: frequencies, eigenvalues: descending, order: order)
    }
}
