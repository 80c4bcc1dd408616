import Foundation
import WirelessCore

/// Errors of `LinearRegression`.
public enum LinearRegressionError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// Design and response (or weights, clusters) have different row counts.
    case dimensionMismatch(rows: Int, responses: Int)
    /// Fewer observations than parameters + 1 (no residual degrees of freedom).
    case insufficientData(needed: Int, got: Int)
    /// These zero-based design columns are constant-after-projection (collinear with earlier columns).
    case rankDeficient(columns: [Int])
    /// A weight is negative or non-finite, or a value is non-finite.
    case invalidValue(reason: String)
    /// Cluster-robust covariance needs at least two clusters.
    case tooFewClusters(got: Int)

    public var category: ErrorCategory {
        switch self {
        case .dimensionMismatch, .tooFewClusters: return .invalidArgument
        case .insufficientData, .rankDeficient, .invalidValue: return .invalidData
        }
    }

    public var description: String {
        switch self {
        case .dimensionMismatch(let rows, let responses):
            return "linear regression: design has \(rows) rows but \(responses) responses/weights/clusters"
        case .insufficientData(let needed, let got):
            return "linear regression: need at least \(needed) observations, got \(got)"
        case .rankDeficient(let columns):
            return "linear regression: design columns \(columns) are constant or collinear with earlier columns"
        case .invalidValue(let reason):
            return "linear regression: \(reason)"
        case .tooFewClusters(let got):
            return "linear regression: cluster-robust covariance needs ≥ 2 clusters, got \(got)"
        }
    }
}

/// Ordinary or weighted least squares with classical or cluster-robust (CR1) covariance.
///
///     β̂ = argmin Σ w_i (y_i − x_iᵀβ)²  = (XᵀWX)⁻¹ XᵀWy           (QR on W^½X)
///     σ̂² = Σ w_i e_i² / (N − p)
///     classical:  V = σ̂² (XᵀWX)⁻¹,                         t with N − p dof
///     CR1:        V = c · (XᵀWX)⁻¹ (Σ_g u_g u_gᵀ) (XᵀWX)⁻¹,  u_g = Σ_{i∈g} w_i e_i x_i,
///                 c = G/(G−1) · (N−1)/(N−p),                  t with G − 1 dof
///
/// Shapes: design `[N × p]` (column-major `Matrix<Double>`), response `[N]`, weights `[N]`.
/// Rank is checked first by modified Gram–Schmidt on the (weighted) columns: a column whose
/// remaining norm is below 1e-9 of its own norm is reported in `.rankDeficient(columns:)`.
/// Reference: Cameron & Miller, "A practitioner's guide to cluster-robust inference", J. Human
/// Resources 50(2), 2015 (CR1).
public struct LinearRegression: Sendable, Equatable, Codable {
    /// How the coefficient covariance is estimated.
    public enum CovarianceEstimator: Sendable, Equatable, Codable {
        /// σ̂²(XᵀWX)⁻¹ with N − p degrees of freedom.
        case classical
        /// CR1 sandwich by cluster (one label per observation), G − 1 degrees of freedom.
        case clusterRobust(clusterLabels: [Int])
    }

    /// β̂, length p.
    public let coefficients: [Double]
    /// Coefficient covariance `[p × p]`.
    public let covariance: Matrix<Double>
    /// sqrt of the covariance diagonal, length p.
    public let standardErrors: [Double]
    /// Unweighted residuals y − Xβ̂, length N.
    public let residuals: [Double]
    /// Number of observations N.
    public let observationCount: Int
    /// Number of parameters p.
    public let parameterCount: Int
    /// Degrees of freedom of the t reference: N − p (classical) or G − 1 (cluster-robust).
    public let referenceDegreesOfFreedom: Int
    /// σ̂ = sqrt(Σ w e² / (N − p)) [units of y].
    public let residualStandardError: Double
    /// Number of clusters G (nil for classical).
    public let clusterCount: Int?

    /// Fits the regression.
    ///
    /// - Parameters:
    ///   - design: X `[N × p]`, finite.
    ///   - response: y `[N]`, finite.
    ///   - weights: w `[N]`, ≥ 0 and finite; nil means all 1.
    ///   - covariance: The covariance estimator.
    /// - Throws: `LinearRegressionError` for mismatched shapes, N ≤ p, non-finite values or a rank-deficient design.
    public init(
        design: Matrix<Double>, response: [Double], weights: [Double]? = nil,
        covariance estimator: CovarianceEstimator = .classical
    ) throws(LinearRegressionError) {
        let n = design.rows
        let p = design.columns
        guard response.count == n else { throw .dimensionMismatch(rows: n, responses: response.count) }
        if let weights, weights.count != n { throw .dimensionMismatch(rows: n, responses: weights.count) }
        guard n > p else { throw .insufficientData(needed: p + 1, got: n) }
        guard design.elements.allSatisfy(\.isFinite), response.allSatisfy(\.isFinite) else {
            throw .invalidValue(reason: "non-finite design or response value")
        }
        let w = weights ?? [Double](repeating: 1, count: n)
        guard w.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw .invalidValue(reason: "weights must be finite and ≥ 0")
        }
        let rootW = w.map { $0.squareRoot() }
        var weighted = design
        for j in 0..<p {
            for i in 0..<n { weighted[i, j] *= rootW[i] }
        }
        let deficient = Self.collinearColumns(weighted)
        guard deficient.isEmpty else { throw .rankDeficient(columns: deficient) }

        // Gram matrix XᵀWX and its inverse.
        var gram = Matrix<Double>(rows: p, columns: p, repeating: 0)
        for a in 0..<p {
            for b in a..<p {
                var s = 0.0
                for i in 0..<n { s += weighted[i, a] * weighted[i, b] }
                gram[a, b] = s
                gram[b, a] = s
            }
        }
        let beta: [Double]
        let gramInverse: Matrix<Double>
        do {
            beta = try leastSquares(weighted, zip(response, rootW).map { $0 * $1 }).solutionVector
            gramInverse = try inverse(gram)
        } catch {
            throw .rankDeficient(columns: Array(0..<p))
        }
        var residuals = [Double](repeating: 0, count: n)
        var weightedSSE = 0.0
        for i in 0..<n {
            var fit = 0.0
            for j in 0..<p { fit += design[i, j] * beta[j] }
            residuals[i] = response[i] - fit
            weightedSSE += w[i] * residuals[i] * residuals[i]
        }
        let sigma2 = weightedSSE / Double(n - p)

        var cov = Matrix<Double>(rows: p, columns: p, repeating: 0)
        var dof = n - p
        var clusters: Int? = nil
        switch estimator {
        case .classical:
            for k in 0..<(p * p) { cov.elements[k] = sigma2 * gramInverse.elements[k] }
        case .clusterRobust(let labels):
            guard labels.count == n else { throw .dimensionMismatch(rows: n, responses: labels.count) }
            var scores: [Int: [Double]] = [:]
            for i in 0..<n {
                var u = scores[labels[i]] ?? [Double](repeating: 0, count: p)
                for j in 0..<p { u[j] += w[i] * residuals[i] * design[i, j] }
                scores[labels[i]] = u
            }
            let g = scores.count
            guard g >= 2 else { throw .tooFewClusters(got: g) }
            var meat = Matrix<Double>(rows: p, columns: p, repeating: 0)
            for label in scores.keys.sorted() {  // fixed order: Dictionary order varies per process
                let u = scores[label]!
                for a in 0..<p {
                    for b in 0..<p { meat[a, b] += u[a] * u[b] }
                }
            }
            let c = Double(g) / Double(g - 1) * Double(n - 1) / Double(n - p)
            // cov = c · G⁻¹ M G⁻¹
            var left = Matrix<Double>(rows: p, columns: p, repeating: 0)
            for a in 0..<p {
                for b in 0..<p {
                    var s = 0.0
                    for k in 0..<p { s += gramInverse[a, k] * meat[k, b] }
                    left[a, b] = s
                }
            }
            for a in 0..<p {
                for b in 0..<p {
                    var s = 0.0
                    for k in 0..<p { s += left[a, k] * gramInverse[k, b] }
                    cov[a, b] = c * s
                }
            }
            dof = g - 1
            clusters = g
        }
        self.coefficients = beta
        self.covariance = cov
        self.standardErrors = (0..<p).map { max(cov[$0, $0], 0).squareRoot() }
        self.residuals = residuals
        self.observationCount = n
        self.parameterCount = p
        self.referenceDegreesOfFreedom = dof
        self.residualStandardError = sigma2.squareRoot()
        self.clusterCount = clusters
    }

    /// The two-sided critical value t_{(1+level)/2, dof}.
    ///
    /// - Parameter level: Confidence level [dimensionless], in (0, 1).
    public func criticalValue(level: Double) -> Double {
        StudentTDistribution(degreesOfFreedom: Double(referenceDegreesOfFreedom)).quantile((1 + level) / 2)
    }

    /// The confidence interval β̂_j ± t·SE_j.
    ///
    /// - Parameters:
    ///   - index: Coefficient index j, in 0..<p.
    ///   - level: Confidence level [dimensionless], in (0, 1).
    public func confidenceInterval(_ index: Int, level: Double) -> (lower: Double, upper: Double) {
        let half = criticalValue(level: level) * standardErrors[index]
        return (coefficients[index] - half, coefficients[index] + half)
    }

    /// Zero-based indices of columns that are (numerically) in the span of earlier columns.
    static func collinearColumns(_ x: Matrix<Double>) -> [Int] {
        var basis: [[Double]] = []
        var deficient: [Int] = []
        for j in 0..<x.columns {
            var v = x.column(j)
            let norm0 = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm0 == 0 {
                deficient.append(j)
                continue
            }
            for q in basis {
                var dot = 0.0
                for i in 0..<v.count { dot += q[i] * v[i] }
                for i in 0..<v.count { v[i] -= dot * q[i] }
            }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if norm <= 1e-9 * norm0 {
                deficient.append(j)
            } else {
                basis.append(v.map { $0 / norm })
            }
        }
        return deficient
    }
}
