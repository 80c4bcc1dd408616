import Foundation
import WirelessCore
import WirelessLinearAlgebra

/// Floating-intercept fit with left-censored links by maximum likelihood (Tobit)
/// (docs/PATHLOSS.md#censoring-and-weighting).
///
///     μ_i = A − 10·n·log10(d_i/d0),  θ = (A, n, ln σ)
///     ℓ(θ) = Σ_unc [−ln σ − ½((y_i − μ_i)/σ)² − ½ ln 2π] + Σ_cens ln Φ((c_i − μ_i)/σ)
///
/// c_i is the detection floor stored in `path_gain_db` of a censored link. Newton's method with
/// backtracking line search on θ, started from OLS on the uncensored rows; stops when
/// |Δθ| < 1e-8 and |Δℓ| < 1e-10; more than 200 iterations throw `.notConverged`. Standard errors
/// come from the inverse observed information (σ's by the delta method). Without censored rows
/// the estimate equals OLS with σ = RMSE_N (the ML variance divisor is N).
/// Reference: Karttunen et al., IET Microwaves, Antennas & Propagation, 2016, DOI 10.1049/iet-map.2016.0042.
public struct CensoredFit: PathGainModel, Sendable, Equatable, Codable {
    /// Intercept A [dB].
    public let intercept: FittedParameter
    /// Path-loss exponent n.
    public let pathLossExponent: FittedParameter
    /// σ of the latent Gaussian residual [dB].
    public let sigma: FittedParameter
    /// Maximised log-likelihood.
    public let logLikelihood: Double
    /// Newton iterations used.
    public let iterations: Int
    /// Uncensored links.
    public let uncensoredCount: Int
    /// Censored links.
    public let censoredCount: Int
    /// Reference distance d0 [m].
    public let referenceDistanceMeters: Double

    public var modelName: String { "FI (censored ML)" }
    public var shadowingStandardDeviationDB: Double { sigma.estimate }

    /// Fits the censored model.
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], ≥ d0.
    ///   - pathGainsDB: PG_i [dB]; the floor c_i for censored links.
    ///   - censored: Censoring flags, same length.
    ///   - referenceDistanceMeters: d0 [m].
    ///   - confidenceLevel: CI level in (0, 1) (normal critical value, ML asymptotics).
    ///   - maximumIterations: Newton iteration cap [iterations], ≥ 1 (default 200,
    ///     docs/PATHLOSS.md#censoring-and-weighting).
    /// - Throws: `.insufficientData` (fewer than 3 uncensored), `.degenerateDistances`, `.notConverged`,
    ///   `.dimensionMismatch` (unequal arrays), `.nonFiniteData` (NaN/∞ gain or floor),
    ///   `.distanceBelowReference`/`.parameterOutOfRange` (a distance, censored or not, < d0 or ≤ 0).
    public init(
        distancesMeters: [Double], pathGainsDB: [Double], censored: [Bool], referenceDistanceMeters: Double = 1,
        confidenceLevel: Double = 0.95, maximumIterations: Int = 200
    ) throws(PathLossError) {
        let count = distancesMeters.count
        guard pathGainsDB.count == count else {
            throw .dimensionMismatch(name: "pathGainsDB", expected: count, got: pathGainsDB.count)
        }
        guard censored.count == count else {
            throw .dimensionMismatch(name: "censored", expected: count, got: censored.count)
        }
        try validateLevel(confidenceLevel)
        guard maximumIterations >= 1 else {
            throw .parameterOutOfRange(name: "maximumIterations", value: Double(maximumIterations), valid: "≥ 1")
        }
        // Every row, censored ones included, enters the likelihood: distances ≥ d0 > 0 and finite gains/floors.
        try validateDistances(distancesMeters, referenceMeters: referenceDistanceMeters)
        try validateGains(pathGainsDB)
        let x = distancesMeters.map { -Decibels.fromPower($0 / referenceDistanceMeters) }
        var uncD: [Double] = []
        var uncY: [Double] = []
        for i in 0..<count where !censored[i] {
            uncD.append(distancesMeters[i])
            uncY.append(pathGainsDB[i])
        }
        let start = try FloatingInterceptFit(
            distancesMeters: uncD, pathGainsDB: uncY, referenceDistanceMeters: referenceDistanceMeters)
        var theta = [start.intercept.estimate, start.pathLossExponent.estimate, log(start.rmsErrorDB)]
        var state = Self.evaluate(theta, x: x, y: pathGainsDB, censored: censored)
        var iterations = 0
        var converged = false
        while iterations < maximumIterations {
            iterations += 1
            // Newton direction: solve (−H)·step = g.
            var negH = Matrix<Double>(rows: 3, columns: 3, repeating: 0)
            for k in 0..<9 { negH.elements[k] = -state.hessian[k] }
            var step: [Double]
            if let inv = try? inverse(negH) {
                step = (0..<3).map { a in (0..<3).reduce(0.0) { $0 + inv[a, $1] * state.gradient[$1] } }
            } else {
                step = state.gradient
            }
            if zip(step, state.gradient).reduce(0, { $0 + $1.0 * $1.1 }) <= 0 {
                step = state.gradient.map { $0 * 1e-3 }
            }
            var scale = 1.0
            var candidate = state
            var candidateTheta = theta
            for _ in 0..<60 {
                candidateTheta = (0..<3).map { theta[$0] + scale * step[$0] }
                candidate = Self.evaluate(candidateTheta, x: x, y: pathGainsDB, censored: censored)
                if candidate.logLikelihood.isFinite && candidate.logLikelihood >= state.logLikelihood - 1e-12 { break }
                scale /= 2
            }
            let change = (0..<3).map { abs(candidateTheta[$0] - theta[$0]) }.max()!
            let gain = abs(candidate.logLikelihood - state.logLikelihood)
            theta = candidateTheta
            state = candidate
            if change < 1e-8 && gain < 1e-10 {
                converged = true
                break
            }
        }
        guard converged else { throw .notConverged(iterations: iterations) }
        var negH = Matrix<Double>(rows: 3, columns: 3, repeating: 0)
        for k in 0..<9 { negH.elements[k] = -state.hessian[k] }
        guard let covariance = try? inverse(negH) else { throw .notConverged(iterations: iterations) }
        let z = SpecialFunctions.inverseNormalCDF((1 + confidenceLevel) / 2)
        let sigmaValue = exp(theta[2])
        self.intercept = FittedParameter(
            name: "A", estimate: theta[0], standardError: max(covariance[0, 0], 0).squareRoot(), criticalValue: z,
            level: confidenceLevel)
        self.pathLossExponent = FittedParameter(
            name: "n", estimate: theta[1], standardError: max(covariance[1, 1], 0).squareRoot(), criticalValue: z,
            level: confidenceLevel)
        self.sigma = FittedParameter(
            name: "sigma", estimate: sigmaValue, standardError: sigmaValue * max(covariance[2, 2], 0).squareRoot(),
            criticalValue: z, level: confidenceLevel)
        self.logLikelihood = state.logLikelihood
        self.iterations = iterations
        self.uncensoredCount = uncD.count
        self.censoredCount = count - uncD.count
        self.referenceDistanceMeters = referenceDistanceMeters
    }

    /// Fits a campaign, using its `censored` flags.
    ///
    /// - Throws: As the array initializer, plus `.mixedFrequencies` if the links do not share one carrier.
    public init(campaign: PathLossCampaign, referenceDistanceMeters: Double = 1, confidenceLevel: Double = 0.95)
        throws(PathLossError)
    {
        _ = try singleFrequency(of: campaign.links)
        try self.init(
            distancesMeters: campaign.links.map(\.distanceMeters), pathGainsDB: campaign.links.map(\.pathGainDB),
            censored: campaign.links.map(\.isCensored), referenceDistanceMeters: referenceDistanceMeters,
            confidenceLevel: confidenceLevel)
    }

    /// μ(d) = A − 10·n·log10(d/d0) [dB].
    public func pathGainDB(distanceMeters: Double, frequency: Frequency) -> Double {
        intercept.estimate - 10 * pathLossExponent.estimate * log10(distanceMeters / referenceDistanceMeters)
    }

    /// ℓ with its gradient and Hessian (internal so tests can check them by finite differences).
    struct State {
        var logLikelihood: Double
        var gradient: [Double]
        /// Column-major 3×3.
        var hessian: [Double]
    }

    /// ℓ, ∇ℓ and ∇²ℓ at θ = (A, n, s = ln σ); design row (1, x_i) with x_i = −10·log10(d_i/d0).
    static func evaluate(_ theta: [Double], x: [Double], y: [Double], censored: [Bool]) -> State {
        let sigma = exp(theta[2])
        let halfLog2Pi = 0.5 * log(2 * Double.pi)
        var ll = 0.0
        var g = [0.0, 0.0, 0.0]
        var h = [Double](repeating: 0, count: 9)
        func addHessian(_ a: Int, _ b: Int, _ v: Double) {
            h[a + 3 * b] += v
            if a != b { h[b + 3 * a] += v }
        }
        for i in 0..<x.count {
            let row = [1.0, x[i]]
            let mu = theta[0] + theta[1] * x[i]
            if !censored[i] {
                let r = (y[i] - mu) / sigma
                ll += -theta[2] - 0.5 * r * r - halfLog2Pi
                for a in 0..<2 {
                    g[a] += r / sigma * row[a]
                    for b in a..<2 { addHessian(a, b, -row[a] * row[b] / (sigma * sigma)) }
                    addHessian(a, 2, -2 * r / sigma * row[a])
                }
                g[2] += -1 + r * r
                addHessian(2, 2, -2 * r * r)
            } else {
                let z = (y[i] - mu) / sigma
                let (logPhi, lambda) = logNormalCDFAndMillsRatio(z)
                ll += logPhi
                let dLambda = -lambda * (z + lambda)
                for a in 0..<2 {
                    g[a] += -lambda * row[a] / sigma
                    for b in a..<2 { addHessian(a, b, dLambda * row[a] * row[b] / (sigma * sigma)) }
                    addHessian(a, 2, (dLambda * z + lambda) * row[a] / sigma)
                }
                g[2] += -lambda * z
                addHessian(2, 2, dLambda * z * z + lambda * z)
            }
        }
        return State(logLikelihood: ll, gradient: g, hessian: h)
    }

    /// (ln Φ(z), φ(z)/Φ(z)), stable for very negative z via erfcx.
    static func logNormalCDFAndMillsRatio(_ z: Double) -> (Double, Double) {
        let t = -z / 2.0.squareRoot()
        if z < 0 {
            let ex = SpecialFunctions.erfcx(t)  // Φ(z) = ½·erfcx(t)·e^{−t²}
            return (log(0.5 * ex) - t * t, (2 / Double.pi).squareRoot() / ex)
        }
        let phiCDF = SpecialFunctions.normalCDF(z)
        let density = exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
        return (log(phiCDF), density / phiCDF)
    }
}
