import Foundation
import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// Baseline: joint R-D standard ESPRIT with multidimensional smoothing (Haardt, Roemer, Del Galdo,
/// IEEE Trans. SP 2008; for OFDM radar Podkurkov et al., IEEE Access 2019; docs/ISAC.md#baselines).
///
///     x_o = vec(H'[o_A : o_A+L_A, o_F : o_F+L_F, o_T : o_T+L_T])   (sub-tensor at shift o, per snapshot)
///     R = (1/Q)Σ_o x_o x_o^H,  R ← ½(R + J R* J),  U_s = K leading eigenvectors
///     Ψ_r = (J_1^{(r)}U_s)^+(J_2^{(r)}U_s),   T = eig(Σ_r γ_r Ψ_r),   ω̂_{r,k} = arg[T^{−1}Ψ_rT]_kk
///
/// Joint diagonalisation by one eigenvector basis pairs the three frequencies automatically.
/// Project choices for tractability: L_m starts at ⌈N'_m/2⌉ and the largest L_m is halved until
/// ΠL_m ≤ `maxSubarraySize` (the covariance is ΠL_m × ΠL_m); at most `maxShifts` shifts are used,
/// evenly strided over the shift grid. Requires K ≤ min_r (L_r − 1)Π_{j≠r}L_j.
public struct TensorESPRITEstimator: ISACParameterEstimator {
    /// Settings.
    public struct Configuration: Sendable, Equatable, Codable {
        /// Grid, compression, criterion, FBA, path count (the 1-D estimator field is unused).
        public var base: PLAINConfiguration
        /// Cap on ΠL_m (default 128).
        public var maxSubarraySize: Int
        /// Cap on the number of shifts (covariance columns per snapshot; default 2048).
        public var maxShifts: Int
        /// Explicit subarray lengths L_m (nil: the rule above).
        public var subarrayLengths: [Int]?

        public init(
            base: PLAINConfiguration = PLAINConfiguration(), maxSubarraySize: Int = 128, maxShifts: Int = 2048,
            subarrayLengths: [Int]? = nil
        ) {
            self.base = base
            self.maxSubarraySize = maxSubarraySize
            self.maxShifts = maxShifts
            self.subarrayLengths = subarrayLengths
        }
    }

    public let configuration: Configuration
    public let compression: TensorCompression
    /// Subarray lengths L_m.
    public let subarrayLengths: [Int]
    /// Shift tuples used (per snapshot).
    let shifts: [[Int]]
    private let gammas: [Double]

    public var name: String { configuration.base.compression == .none ? "tensor_esprit_full" : "tensor_esprit" }

    /// - Throws: as PLAIN, plus `tooManyPaths` when `pathCount` exceeds the rank limit, `invalidParameter` for bad caps.
    public init(configuration: Configuration, shape: [Int]) throws(ISACError) {
        let plain = try PLAINEstimator(configuration: configuration.base, shape: shape)
        guard configuration.maxSubarraySize >= 8 else { throw ISACError.invalidParameter(name: "maxSubarraySize") }
        guard configuration.maxShifts >= 1 else { throw ISACError.invalidParameter(name: "maxShifts") }
        let dims = plain.compression.outputDimensions
        var lengths: [Int]
        if let explicit = configuration.subarrayLengths {
            guard explicit.count == 3, (0..<3).allSatisfy({ explicit[$0] >= 2 && explicit[$0] <= dims[$0] }) else {
                throw ISACError.invalidParameter(name: "subarrayLengths")
            }
            lengths = explicit
        } else {
            lengths = dims.map { max(2, ($0 + 1) / 2) }
            while lengths.reduce(1, *) > configuration.maxSubarraySize {
                let m = (0..<3).max { lengths[$0] < lengths[$1] }!
                if lengths[m] <= 2 { break }
                lengths[m] = max(2, lengths[m] / 2)
            }
        }
        if let k = configuration.base.pathCount {
            for r in 0..<3 {
                let limit =
                    (lengths[r] - 1) * lengths.enumerated().filter { $0.offset != r }.reduce(1) { $0 * $1.element }
                guard k <= limit else { throw ISACError.tooManyPaths(mode: r, requested: k, limit: limit) }
            }
        }
        let counts = (0..<3).map { dims[$0] - lengths[$0] + 1 }
        var all: [[Int]] = []
        for o2 in 0..<counts[2] { for o1 in 0..<counts[1] { for o0 in 0..<counts[0] { all.append([o0, o1, o2]) } } }
        if all.count > configuration.maxShifts {
            let step = Double(all.count) / Double(configuration.maxShifts)
            all = (0..<configuration.maxShifts).map { all[Int(Double($0) * step)] }
        }
        var generator = Xoshiro256StarStar(seed: configuration.base.seed ^ 0x7E50_E5B1)
        self.gammas = (0..<3).map { _ in 0.5 + generator.nextUnitDouble() }
        self.shifts = all
        self.subarrayLengths = lengths
        self.compression = plain.compression
        self.configuration = configuration
    }

    public func estimate(_ tensor: ChannelTensor) throws(ISACError) -> ISACEstimate {
        let compressed = try compression.validatedCompression(of: tensor)
        let dims = compressed.dimensions
        let l = subarrayLengths
        let m = l.reduce(1, *)
        let snapshotSize = compressed.snapshotElementCount
        let columns = shifts.count * compressed.snapshotCount
        var data = Matrix<Complex<Double>>(rows: m, columns: columns, repeating: .zero)
        compressed.elements.withUnsafeBufferPointer { h in
            data.elements.withUnsafeMutableBufferPointer { x in
                var column = 0
                for s in 0..<compressed.snapshotCount {
                    for o in shifts {
                        var row = 0
                        for i2 in 0..<l[2] {
                            for i1 in 0..<l[1] {
                                let base = s * snapshotSize + o[0] + dims[0] * ((o[1] + i1) + dims[1] * (o[2] + i2))
                                for i0 in 0..<l[0] {
                                    x[row + m * column] = h[base + i0]
                                    row += 1
                                }
                            }
                        }
                        column += 1
                    }
                }
            }
        }
        var covariance = try ISACError.numerical("subarray covariance") {
            try multiply(data, data, .none, .conjugateTranspose)
        }
        for e in covariance.elements.indices {
            covariance.elements[e] = covariance.elements[e].divided(by: Double(columns))
        }
        let scale = covariance.elements.reduce(0) { max($0, $1.length) }
        for e in covariance.elements.indices { covariance.elements[e] = covariance.elements[e].divided(by: scale) }
        if configuration.base.forwardBackwardAveraging {
            covariance = ModeSubspaceEstimation.forwardBackwardAveraged(covariance)
        }
        let decomposition = try ISACError.numerical("subarray EVD") { try hermitianEigendecomposition(covariance) }
        let descending = Array(decomposition.eigenvalues.reversed())
        let limit = (0..<3).map { r in (l[r] - 1) * (0..<3).filter { $0 != r }.reduce(1) { $0 * l[$1] } }.min()!
        var k =
            configuration.base.pathCount
            ?? configuration.base.modelOrderCriterion.order(eigenvaluesDescending: descending, snapshotCount: columns)
        k = min(k, limit, m - 1)
        var us = Matrix<Complex<Double>>(rows: m, columns: k, repeating: .zero)
        for c in 0..<k { for i in 0..<m { us[i, c] = decomposition.eigenvectors[i, m - 1 - c] } }
        // Ψ_r for r = A, F, T.
        var psis: [Matrix<Complex<Double>>] = []
        for r in 0..<3 {
            var first: [Int] = []
            var second: [Int] = []
            for i2 in 0..<l[2] {
                for i1 in 0..<l[1] {
                    for i0 in 0..<l[0] {
                        let index = [i0, i1, i2]
                        if index[r] < l[r] - 1 {
                            first.append(i0 + l[0] * (i1 + l[1] * i2))
                            var shifted = index
                            shifted[r] += 1
                            second.append(shifted[0] + l[0] * (shifted[1] + l[1] * shifted[2]))
                        }
                    }
                }
            }
            var j1 = Matrix<Complex<Double>>(rows: first.count, columns: k, repeating: .zero)
            var j2 = j1
            for c in 0..<k {
                for (row, index) in first.enumerated() { j1[row, c] = us[index, c] }
                for (row, index) in second.enumerated() { j2[row, c] = us[index, c] }
            }
            psis.append(try ISACError.numerical("shift invariance") { try leastSquares(j1, j2).solution })
        }
        var combined = Matrix<Complex<Double>>(rows: k, columns: k, repeating: .zero)
        for r in 0..<3 {
            for e in combined.elements.indices { combined.elements[e] += psis[r].elements[e].multiplied(by: gammas[r]) }
        }
        let t = try ISACError.numerical("joint diagonalisation") { try eigendecomposition(combined).rightEigenvectors }
        var frequencies = [[Double]](repeating: [0, 0, 0], count: k)
        for r in 0..<3 {
            let diagonalised = try ISACError.numerical("joint diagonalisation") { try solve(t, multiply(psis[r], t)) }
            for c in 0..<k { frequencies[c][r] = diagonalised[c, c].phase }
        }
        let grid = configuration.base.grid
        var targets = frequencies.map {
            ISACTargetEstimate(grid: grid, estimatedFrequencies: $0, factors: compression.mappingFactors)
        }
        try GainRefit.refitGains(of: &targets, on: tensor)
        return ISACEstimate(targets: targets)
    }
}
