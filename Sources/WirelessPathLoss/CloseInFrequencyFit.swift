import Foundation
import WirelessCore
import WirelessLinearAlgebra

/// Close-in model with a frequency-weighted exponent (CIF) (docs/PATHLOSS.md#close-in-models).
///
///     PL(f, d) = FSPL(f, 1 m) + 10·n·(1 + b·(f − f0)/f0)·log10(d)        [dB], d0 = 1 m
///     f0 = sample-weighted mean frequency;  no-intercept LS of a_i = PL_i − FSPL(f_i, 1 m)
///     on D_i = 10·log10 d_i and D_i·(f_i − f0)/f0 gives n and n·b.
public struct CloseInFrequencyFit: PathGainModel, Sendable, Equatable, Codable {
    /// n [dimensionless].
    public let pathLossExponent: FittedParameter
    /// b [dimensionless] (SE by the delta method from the (n, n·b) covariance).
    public let frequencySlope: FittedParameter
    /// f0, the mean frequency [GHz].
    public let referenceFrequencyGHz: Double
    /// σ = sqrt(Σe²/N) [dB].
    public let rmsErrorDB: Double
    /// FSPL form of the anchor.
    public let freeSpaceForm: FreeSpacePathLoss

    public var modelName: String { "CIF" }
    public var shadowingStandardDeviationDB: Double { rmsErrorDB }

    /// Fits CIF to links at two or more frequencies.
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], ≥ 1.
    ///   - frequenciesGHz: f_i [GHz], > 0, at least two distinct values.
    ///   - pathGainsDB: PG_i [dB].
    /// - Throws: `.insufficientFrequencies`, `.insufficientData`, `.distanceBelowReference`, `.rankDeficient`.
    public init(
        distancesMeters: [Double], frequenciesGHz: [Double], pathGainsDB: [Double],
        freeSpaceForm: FreeSpacePathLoss = .exact, confidenceLevel: Double = 0.95
    ) throws(PathLossError) {
        try validateMultiFrequencyLinks(
            distancesMeters, frequenciesGHz, pathGainsDB, minimumCount: 3, confidenceLevel: confidenceLevel)
        let count = distancesMeters.count
        let f0 = frequenciesGHz.reduce(0, +) / Double(count)
        var design = Matrix<Double>(rows: count, columns: 2, repeating: 0)
        var response = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let d = Decibels.fromPower(distancesMeters[i])
            design[i, 0] = d
            design[i, 1] = d * (frequenciesGHz[i] - f0) / f0
            response[i] =
                -pathGainsDB[i] - freeSpaceForm.lossDB(distanceMeters: 1, frequency: .gigahertz(frequenciesGHz[i]))
        }
        let fit = try regress(design: design, response: response, names: ["n", "n·b"])
        let n = fit.coefficients[0]
        let nb = fit.coefficients[1]
        let b = nb / n
        // Delta method: ∂b/∂n = −nb/n², ∂b/∂(nb) = 1/n.
        let g0 = -nb / (n * n)
        let g1 = 1 / n
        let varB = g0 * g0 * fit.covariance[0, 0] + 2 * g0 * g1 * fit.covariance[0, 1] + g1 * g1 * fit.covariance[1, 1]
        let t = fit.criticalValue(level: confidenceLevel)
        self.pathLossExponent = FittedParameter(
            name: "n", estimate: n, standardError: fit.standardErrors[0], criticalValue: t, level: confidenceLevel)
        self.frequencySlope = FittedParameter(
            name: "b", estimate: b, standardError: max(varB, 0).squareRoot(), criticalValue: t, level: confidenceLevel)
        self.referenceFrequencyGHz = f0
        self.rmsErrorDB = (fit.residuals.reduce(0) { $0 + $1 * $1 } / Double(count)).squareRoot()
        self.freeSpaceForm = freeSpaceForm
    }

    /// PG(f, d) = −FSPL(f, 1 m) − 10·n·(1 + b·(f − f0)/f0)·log10 d [dB].
    public func pathGainDB(distanceMeters: Double, frequency: Frequency) -> Double {
        let f = frequency.gigahertz
        return -freeSpaceForm.lossDB(distanceMeters: 1, frequency: frequency)
            - 10 * pathLossExponent.estimate
            * (1 + frequencySlope.estimate * (f - referenceFrequencyGHz) / referenceFrequencyGHz)
            * log10(distanceMeters)
    }
}

/// Checks the links of a multi-frequency fit: equal lengths with at least `minimumCount` links, the
/// confidence level in (0, 1), distances ≥ 1 m and two or more distinct positive frequencies.
/// - Throws: `.insufficientData`, `.parameterOutOfRange` (level), the distance errors of `validateDistances`,
///   `.frequencyOutOfRange`, `.insufficientFrequencies`.
func validateMultiFrequencyLinks(
    _ distancesMeters: [Double], _ frequenciesGHz: [Double], _ pathGainsDB: [Double], minimumCount: Int,
    confidenceLevel: Double
) throws(PathLossError) {
    let count = distancesMeters.count
    guard frequenciesGHz.count == count, pathGainsDB.count == count, count >= minimumCount else {
        throw .insufficientData(needed: minimumCount, got: count)
    }
    try validateLevel(confidenceLevel)
    try validateDistances(distancesMeters, referenceMeters: 1)
    try validateFrequencies(frequenciesGHz)
}

/// Validates positive frequencies with at least two distinct values.
func validateFrequencies(_ frequenciesGHz: [Double]) throws(PathLossError) {
    for f in frequenciesGHz where !(f > 0 && f.isFinite) {
        throw .frequencyOutOfRange(model: "path-loss fit", frequencyGHz: f, valid: 0...Double.greatestFiniteMagnitude)
    }
    guard Set(frequenciesGHz).count >= 2 else { throw .insufficientFrequencies }
}

/// Runs a `LinearRegression`, mapping its errors to `PathLossError` with column names.
func regress(
    design: Matrix<Double>, response: [Double], weights: [Double]? = nil, names: [String],
    covariance: LinearRegression.CovarianceEstimator = .classical
) throws(PathLossError) -> LinearRegression {
    do {
        return try LinearRegression(design: design, response: response, weights: weights, covariance: covariance)
    } catch {
        switch error {
        case .rankDeficient(let columns):
            throw .rankDeficient(columns: columns.map { $0 < names.count ? names[$0] : "column \($0)" })
        case .insufficientData(let needed, let got):
            throw .insufficientData(needed: needed, got: got)
        case .tooFewClusters(let got):
            throw .insufficientData(needed: 2, got: got)
        case .dimensionMismatch(let rows, let responses):
            throw .parameterOutOfRange(name: "rows", value: Double(responses), valid: "= \(rows)")
        case .invalidValue(let reason):
            throw .parameterOutOfRange(name: "regression input", value: .nan, valid: reason)
        }
    }
}
