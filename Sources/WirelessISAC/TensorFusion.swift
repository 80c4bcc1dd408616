import Foundation
import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// PLAIN stage 3: how the decoupled candidates are paired into triplets (docs/ISAC.md#fusion).
public enum FusionMethod: String, Sendable, Equatable, Codable, CaseIterable {
    /// Tensor OMP with the CP-consistent LS update (default):
    ///
    ///     X = R ×_A Â^H ×_F D̂^H ×_T V̂^H,  pick argmax Σ_s|X|² over unselected triplets,
    ///     β̂ = G^{−1}b,  G = (V̂_I^HV̂_I)∘(D̂_I^HD̂_I)∘(Â_I^HÂ_I),  b_n = H' ×_A â_n^H ×_F d̂_n^H ×_T v̂_n^H
    case tensorOMP = "omp"
    /// Tensor LS: B = H' ×_A Â^+ ×_F D̂^+ ×_T V̂^+, the K largest entries of mean_s|B|².
    case tensorLS = "ls"
}

/// The LS update inside TensorOMP (docs/ISAC.md#fusion).
public enum TensorOMPUpdate: String, Sendable, Equatable, Codable, CaseIterable {
    /// CP-consistent: β̂ = G^{−1}b over the selected triplets only (project default).
    case cp
    /// The reference's Tucker core `H' ×_A Â_{u_A}^+ ×_F D̂_{u_F}^+ ×_T V̂_{u_T}^+` over the unique selected
    /// columns; it zeroes the residual on every combination of selected indices (pitfall 6), so a path
    /// whose three indices were all selected before can be masked.
    case tucker
}

/// A selected candidate triplet: indices into the per-mode candidate lists.
public struct CandidateTriplet: Sendable, Equatable, Hashable, Codable {
    public var indices: [Int]
    public init(_ indices: [Int]) { self.indices = indices }
}

/// Tensor fusion on a (compressed) tensor with candidate dictionaries; allocation is O(candidates·S).
public enum TensorFusion {
    /// The n-mode product `T ×_m M` for a tensor with dims `dims` (+ trailing snapshots) and an
    /// J × N_m matrix M; returns the new elements (mode m now has size J).
    static func modeProduct(
        _ elements: [Complex<Double>], dimensions dims: [Int], snapshotCount: Int, mode: Int,
        matrix: Matrix<Complex<Double>>
    ) -> [Complex<Double>] {
        let j = matrix.rows
        let n = dims[mode]
        precondition(matrix.columns == n)
        let inner = dims[..<mode].reduce(1, *)
        let outer = dims[(mode + 1)...].reduce(1, *) * snapshotCount
        var result = [Complex<Double>](repeating: .zero, count: inner * j * outer)
        elements.withUnsafeBufferPointer { source in
            matrix.elements.withUnsafeBufferPointer { m in
                result.withUnsafeMutableBufferPointer { target in
                    for o in 0..<outer {
                        let sourceBase = o * n * inner
                        let targetBase = o * j * inner
                        for k in 0..<n {
                            let sourceColumn = sourceBase + k * inner
                            for row in 0..<j {
                                let coefficient = m[row + k * j]
                                let targetColumn = targetBase + row * inner
                                for i in 0..<inner {
                                    target[targetColumn + i] += coefficient * source[sourceColumn + i]
                                }
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Conjugate transpose of a dictionary.
    static func adjoint(_ m: Matrix<Complex<Double>>) -> Matrix<Complex<Double>> { conjugateTranspose(m) }

    /// Selects `count` triplets from the candidate frequencies.
    ///
    /// - Parameters:
    ///   - tensor: the compressed tensor H' (any S).
    ///   - candidates: per-mode frequencies ω̂ [rad/sample] on the tensor's grid.
    ///   - count: K ≥ 1, capped at the number of candidate triplets.
    ///   - method: TensorOMP or TensorLS.
    /// - Returns: the selected triplets, in selection order (OMP) or by decreasing power (LS).
    public static func select(
        tensor: ChannelTensor, candidates: [[Double]], count: Int, method: FusionMethod,
        update: TensorOMPUpdate = .cp
    ) throws(ISACError) -> [CandidateTriplet] {
        let dims = tensor.dimensions
        let sizes = candidates.map(\.count)
        let total = sizes.reduce(1, *)
        let k = min(count, total)
        let dictionaries = (0..<3).map { Vandermonde.matrix(count: dims[$0], frequencies: candidates[$0]) }
        let operators: [Matrix<Complex<Double>>]
        switch method {
        case .tensorOMP:
            operators = dictionaries.map(adjoint)
        case .tensorLS:
            do { operators = try dictionaries.map { try pseudoInverse($0) } } catch {
                throw ISACError.numericalFailure(reason: "TensorLS pseudo-inverse: \(error)")
            }
        }
        var projected = tensor.elements
        var currentDims = dims
        for m in 0..<3 {
            projected = modeProduct(
                projected, dimensions: currentDims, snapshotCount: tensor.snapshotCount, mode: m, matrix: operators[m])
            currentDims[m] = sizes[m]
        }
        let snapshots = tensor.snapshotCount
        func triplet(_ flat: Int) -> CandidateTriplet {
            CandidateTriplet([flat % sizes[0], (flat / sizes[0]) % sizes[1], flat / (sizes[0] * sizes[1])])
        }
        if method == .tensorLS {
            var power = [Double](repeating: 0, count: total)
            for s in 0..<snapshots {
                for c in 0..<total { power[c] += projected[c + total * s].lengthSquared }
            }
            let order = (0..<total).sorted { power[$0] > power[$1] }
            return order.prefix(k).map(triplet)
        }
        if update == .tucker {
            return try tuckerOMP(
                tensor: tensor, dictionaries: dictionaries, projected: projected, sizes: sizes, count: k)
        }
        // TensorOMP with the CP update; the residual correlation is X0 − Σ_j β_j·(Gram columns).
        let grams = try ISACError.numerical("dictionary Gram matrices") {
            try dictionaries.map { try multiply($0, $0, .conjugateTranspose, .none) }
        }
        let selected = try greedySelection(count: k, candidates: total, snapshots: snapshots, correlation: projected) {
            (selected: [Int]) throws(ISACError) in
            let chosen = selected.map(triplet)
            let n = chosen.count
            var g = Matrix<Complex<Double>>(rows: n, columns: n, repeating: .zero)
            for j in 0..<n {
                for i in 0..<n {
                    var value = Complex<Double>.one
                    for m in 0..<3 { value *= grams[m][chosen[i].indices[m], chosen[j].indices[m]] }
                    g[i, j] = value
                }
            }
            var b = Matrix<Complex<Double>>(rows: n, columns: snapshots, repeating: .zero)
            for s in 0..<snapshots {
                for i in 0..<n { b[i, s] = projected[selected[i] + total * s] }
            }
            let solution = try ISACError.numerical("TensorOMP LS update") { try leastSquares(g, b).solution }
            let beta = (0..<n).map { i in (0..<snapshots).map { solution[i, $0] } }  // beta[j][s]
            // The residual correlation of every candidate.
            var correlation = projected
            for c in 0..<total {
                let candidate = triplet(c)
                for j in 0..<n {
                    var cross = Complex<Double>.one
                    for m in 0..<3 { cross *= grams[m][candidate.indices[m], chosen[j].indices[m]] }
                    for s in 0..<snapshots { correlation[c + total * s] -= beta[j][s] * cross }
                }
            }
            return correlation
        }
        return selected.map(triplet)
    }

    /// The greedy loop of TensorOMP (both updates): `count` times, pick the unselected candidate with
    /// the largest Σ_s|X[c, s]|² (the first on ties), append it, and let `update` return the new
    /// residual correlation for the selection so far. Stops early when every candidate is selected.
    ///
    /// - Parameters:
    ///   - count: Picks to make, ≥ 0.
    ///   - total: Candidates C; correlations are `[C × S]` column-major (candidate fastest).
    ///   - snapshots: S ≥ 1.
    ///   - correlation: X before the first pick (the projected tensor).
    ///   - update: The residual correlation after the picks given (flat candidate indices, in order).
    /// - Returns: The flat indices picked, in selection order.
    static func greedySelection(
        count: Int, candidates total: Int, snapshots: Int, correlation initial: [Complex<Double>],
        update: ([Int]) throws(ISACError) -> [Complex<Double>]
    ) throws(ISACError) -> [Int] {
        var selected: [Int] = []
        var correlation = initial
        for _ in 0..<count {
            var best = -1
            var bestPower = -Double.infinity
            for c in 0..<total where !selected.contains(c) {
                var power = 0.0
                for s in 0..<snapshots { power += correlation[c + total * s].lengthSquared }
                if power > bestPower {
                    bestPower = power
                    best = c
                }
            }
            guard best >= 0 else { break }
            selected.append(best)
            correlation = try update(selected)
        }
        return selected
    }

    /// TensorOMP with the reference's Tucker-core update (see `TensorOMPUpdate.tucker`).
    ///
    /// Each step: X = R ×_A Â^H ×_F D̂^H ×_T V̂^H, pick the unselected triplet with the largest Σ_s|X|²,
    /// then the core over the unique selected columns and R = H' − core ×_m (dictionary columns).
    static func tuckerOMP(
        tensor: ChannelTensor, dictionaries: [Matrix<Complex<Double>>], projected: [Complex<Double>],
        sizes: [Int], count: Int
    ) throws(ISACError) -> [CandidateTriplet] {
        let dims = tensor.dimensions
        let snapshots = tensor.snapshotCount
        let total = sizes.reduce(1, *)
        let adjoints = dictionaries.map(adjoint)
        func triplet(_ flat: Int) -> CandidateTriplet {
            CandidateTriplet([flat % sizes[0], (flat / sizes[0]) % sizes[1], flat / (sizes[0] * sizes[1])])
        }
        let selected = try greedySelection(
            count: count, candidates: total, snapshots: snapshots, correlation: projected
        ) {
            (selected: [Int]) throws(ISACError) in
            // Unique selected columns per mode, the Tucker core, and the residual.
            let chosen = selected.map(triplet)
            var sub: [Matrix<Complex<Double>>] = []
            var pseudo: [Matrix<Complex<Double>>] = []
            for m in 0..<3 {
                let columns = Array(Set(chosen.map { $0.indices[m] })).sorted()
                var d = Matrix<Complex<Double>>(rows: dims[m], columns: columns.count, repeating: .zero)
                for (c, column) in columns.enumerated() {
                    for i in 0..<dims[m] { d[i, c] = dictionaries[m][i, column] }
                }
                sub.append(d)
                pseudo.append(try ISACError.numerical("Tucker core pseudo-inverse") { try pseudoInverse(d) })
            }
            var core = tensor.elements
            var coreDims = dims
            for m in 0..<3 {
                core = modeProduct(core, dimensions: coreDims, snapshotCount: snapshots, mode: m, matrix: pseudo[m])
                coreDims[m] = sub[m].columns
            }
            var reconstruction = core
            for m in 0..<3 {
                reconstruction = modeProduct(
                    reconstruction, dimensions: coreDims, snapshotCount: snapshots, mode: m, matrix: sub[m])
                coreDims[m] = dims[m]
            }
            var residual = tensor.elements
            for i in residual.indices { residual[i] -= reconstruction[i] }
            var residualDims = dims
            for m in 0..<3 {
                residual = modeProduct(
                    residual, dimensions: residualDims, snapshotCount: snapshots, mode: m, matrix: adjoints[m])
                residualDims[m] = sizes[m]
            }
            return residual
        }
        return selected.map(triplet)
    }
}
