import Foundation
import WirelessCore
import WirelessLinearAlgebra

/// Continuous dual-slope path-gain fit with a breakpoint search (docs/PATHLOSS.md#dual-slope).
///
///     PG(d) = A − n1·x − (n2 − n1)·h,   x = 10·log10(d/d0),  h = 10·max(0, log10(d/d_BP))     [dB]
///
/// For a fixed d_BP the model is linear (OLS on 1, x, h). d_BP is searched on a 0.01-decade grid
/// between the 10th and 90th percentiles of log10 d, keeping ≥ max(10, 5 % N) links on each side;
/// the minimum-SSE breakpoint wins. Standard errors are conditional on d_BP
/// (`standardErrorsConditionalOnBreakpoint` is always true); σ uses p = 4 parameters.
public struct DualSlopeFit: PathGainModel, Sendable, Equatable, Codable {
    /// Intercept A [dB] at d0.
    public let intercept: FittedParameter
    /// Near exponent n1 [dimensionless] (d ≤ d_BP).
    public let nearExponent: FittedParameter
    /// Far exponent n2 [dimensionless] (d > d_BP).
    public let farExponent: FittedParameter
    /// Breakpoint distance d_BP [m].
    public let breakpointMeters: Double
    /// RMSE_N [dB].
    public let rmsErrorDB: Double
    /// σ_{N−4} [dB].
    public let residualStandardErrorDB: Double
    /// The SSE profile over the breakpoint grid: (d_BP [m], SSE [dB²]).
    public let sseProfile: [BreakpointCandidate]
    /// Always true: SEs treat d_BP as known.
    public let standardErrorsConditionalOnBreakpoint: Bool
    /// Reference distance d0 [m].
    public let referenceDistanceMeters: Double

    /// One point of the breakpoint profile.
    public struct BreakpointCandidate: Sendable, Equatable, Codable {
        /// Candidate breakpoint [m].
        public var breakpointMeters: Double
        /// Sum of squared residuals [dB²].
        public var sumOfSquaredErrors: Double
    }

    public var modelName: String { "dual-slope" }
    public var shadowingStandardDeviationDB: Double { rmsErrorDB }

    /// Fits the dual-slope model.
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], ≥ d0.
    ///   - pathGainsDB: PG_i [dB].
    ///   - referenceDistanceMeters: d0 [m] (default 1).
    ///   - gridStepDecades: Breakpoint grid step [decades], > 0 and finite (default 0.01).
    ///   - confidenceLevel: CI level in (0, 1).
    /// - Throws: `.insufficientData` when no breakpoint leaves enough links on both sides;
    ///   `.parameterOutOfRange` for a grid step ≤ 0 or non-finite; `.dimensionMismatch` for unequal arrays;
    ///   `.nonFiniteData` for NaN/∞ gains.
    public init(
        distancesMeters: [Double], pathGainsDB: [Double], referenceDistanceMeters: Double = 1,
        gridStepDecades: Double = 0.01, confidenceLevel: Double = 0.95
    ) throws(PathLossError) {
        let count = distancesMeters.count
        try validateLevel(confidenceLevel)
        // A step ≤ 0 or NaN would make the breakpoint scan below loop forever.
        guard gridStepDecades > 0, gridStepDecades.isFinite else {
            throw .parameterOutOfRange(name: "gridStepDecades", value: gridStepDecades, valid: "finite and > 0")
        }
        guard pathGainsDB.count == count else {
            throw .dimensionMismatch(name: "pathGainsDB", expected: count, got: pathGainsDB.count)
        }
        try validateDistances(distancesMeters, referenceMeters: referenceDistanceMeters)
        try validateGains(pathGainsDB)
        let minimumSide = max(10, Int((0.05 * Double(count)).rounded(.up)))
        guard count >= 2 * minimumSide else {
            throw .insufficientData(needed: 2 * minimumSide, got: count)
        }
        let logD = distancesMeters.map { log10($0) }
        let sortedLog = logD.sorted()
        let lower = Statistics.quantile(sortedLog, probability: 0.10)
        let upper = Statistics.quantile(sortedLog, probability: 0.90)
        var profile: [BreakpointCandidate] = []
        var best: (sse: Double, logBP: Double)? = nil
        var k = 0
        while true {
            let logBP = lower + Double(k) * gridStepDecades
            if logBP > upper + 1e-12 { break }
            k += 1
            let below = sortedLog.reduce(0) { $0 + ($1 <= logBP ? 1 : 0) }
            guard below >= minimumSide, count - below >= minimumSide else { continue }
            guard
                let sse = Self.sse(logD: logD, gains: pathGainsDB, logBP: logBP, logD0: log10(referenceDistanceMeters))
            else { continue }
            profile.append(BreakpointCandidate(breakpointMeters: pow(10, logBP), sumOfSquaredErrors: sse))
            if best == nil || sse < best!.sse { best = (sse, logBP) }
        }
        guard let best else { throw .insufficientData(needed: 2 * minimumSide, got: count) }
        let design = Self.design(logD: logD, logBP: best.logBP, logD0: log10(referenceDistanceMeters))
        let fit = try regress(design: design, response: pathGainsDB, names: ["A", "n1", "n2-n1"])
        // Coefficients: [A, −n1, −(n2−n1)].
        let sigma = (fit.residuals.reduce(0) { $0 + $1 * $1 } / Double(count - 4)).squareRoot()
        let scale = sigma / fit.residualStandardError
        let t = StudentTDistribution(degreesOfFreedom: Double(count - 4)).quantile((1 + confidenceLevel) / 2)
        let n1 = -fit.coefficients[1]
        let n2 = -fit.coefficients[1] - fit.coefficients[2]
        let varN2 = fit.covariance[1, 1] + fit.covariance[2, 2] + 2 * fit.covariance[1, 2]
        self.intercept = FittedParameter(
            name: "A", estimate: fit.coefficients[0], standardError: fit.standardErrors[0] * scale, criticalValue: t,
            level: confidenceLevel)
        self.nearExponent = FittedParameter(
            name: "n1", estimate: n1, standardError: fit.standardErrors[1] * scale, criticalValue: t,
            level: confidenceLevel)
        self.farExponent = FittedParameter(
            name: "n2", estimate: n2, standardError: max(varN2, 0).squareRoot() * scale, criticalValue: t,
            level: confidenceLevel)
        self.breakpointMeters = pow(10, best.logBP)
        self.rmsErrorDB = (best.sse / Double(count)).squareRoot()
        self.residualStandardErrorDB = sigma
        self.sseProfile = profile
        self.standardErrorsConditionalOnBreakpoint = true
        self.referenceDistanceMeters = referenceDistanceMeters
    }

    /// PG(d) [dB]; the frequency is ignored.
    public func pathGainDB(distanceMeters: Double, frequency: Frequency) -> Double {
        let x = Decibels.fromPower(distanceMeters / referenceDistanceMeters)
        let h = 10 * max(0, log10(distanceMeters / breakpointMeters))
        return intercept.estimate - nearExponent.estimate * x - (farExponent.estimate - nearExponent.estimate) * h
    }

    private static func design(logD: [Double], logBP: Double, logD0: Double) -> Matrix<Double> {
        var m = Matrix<Double>(rows: logD.count, columns: 3, repeating: 1)
        for i in 0..<logD.count {
            m[i, 1] = 10 * (logD[i] - logD0)
            m[i, 2] = 10 * max(0, logD[i] - logBP)
        }
        return m
    }

    private static func sse(logD: [Double], gains: [Double], logBP: Double, logD0: Double) -> Double? {
        guard let fit = try? LinearRegression(design: design(logD: logD, logBP: logBP, logD0: logD0), response: gains)
        else { return nil }
        return fit.residuals.reduce(0) { $0 + $1 * $1 }
    }
}
