import Foundation

/// Information-theoretic model-order selection (Wax & Kailath, IEEE Trans. ASSP 33(2), 1985).
///
/// With λ_1 ≥ … ≥ λ_N the covariance eigenvalues (floored at 1e−12·λ_1), ā_k and ḡ_k the
/// arithmetic and geometric means of the N−k smallest, and Q the number of snapshots:
///
///     AIC(k) = Q(N−k)·ln(ā_k/ḡ_k) + k(2N−k)
///     MDL(k) = Q(N−k)·ln(ā_k/ḡ_k) + ½k(2N−k)·ln Q           k = 1 … N−1,  K = argmin
///
/// docs/ISAC.md#per-mode-estimation step 5. AIC overestimates asymptotically; MDL is consistent.
public enum ModelOrderCriterion: String, Sendable, Equatable, Codable, CaseIterable {
    case aic
    case mdl

    /// The selected order K ∈ [1, N−1] (1 when N ≤ 2).
    ///
    /// - Parameters:
    ///   - eigenvaluesDescending: λ_1 ≥ … ≥ λ_N, N ≥ 1.
    ///   - snapshotCount: Q ≥ 1.
    public func order(eigenvaluesDescending values: [Double], snapshotCount: Int) -> Int {
        let n = values.count
        guard n > 2 else { return 1 }
        let floor = 1e-12 * max(values[0], .leastNormalMagnitude)
        let floored = values.map { max($0, floor) }
        let q = Double(snapshotCount)
        var best = 1
        var bestValue = Double.infinity
        for k in 1..<n {
            let tail = floored[k...]
            let count = Double(n - k)
            let arithmetic = tail.reduce(0, +) / count
            let logGeometric = tail.reduce(0) { $0 + log($1) } / count
            let fit = q * count * (log(arithmetic) - logGeometric)
            let freeParameters = Double(k * (2 * n - k))
            let value = self == .aic ? fit + freeParameters : fit + 0.5 * freeParameters * log(q)
            if value < bestValue {
                bestValue = value
                best = k
            }
        }
        return best
    }
}
