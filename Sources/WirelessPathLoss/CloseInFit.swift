import Foundation
import WirelessCore

/// Close-in (CI) free-space-reference path-loss fit (docs/PATHLOSS.md#close-in-models; Sun, Rappaport et al., IEEE TVT
/// 65(5), 2016).
///
///     PL(d) = FSPL(f, d0) + 10·n·log10(d/d0)                     [dB]
///     D_i = 10·log10(d_i/d0),  a_i = PL_i − FSPL(f, d0)
///     n = Σ a_i·D_i / Σ D_i²,  σ_CI = sqrt(Σ(a_i − n·D_i)²/N),  SE(n) = σ_{N−1}/sqrt(ΣD_i²)
///
/// Plain CI fits outdoor-to-indoor data poorly when a distance-independent penetration loss is present;
/// `FloatingInterceptFit.closeInWithOffset` gives the CI-with-offset view.
public struct CloseInFit: PathGainModel, Sendable, Equatable, Codable {
    /// Path-loss exponent n [dimensionless].
    public let pathLossExponent: FittedParameter
    /// σ_CI = sqrt(Σe²/N) [dB].
    public let rmsErrorDB: Double
    /// σ_{N−1} = sqrt(Σe²/(N−1)) [dB].
    public let residualStandardErrorDB: Double
    /// Residuals PG_i − PG_fit(d_i) [dB].
    public let residualsDB: [Double]
    /// Reference distance d0 [m].
    public let referenceDistanceMeters: Double
    /// Carrier frequency.
    public let frequency: Frequency
    /// FSPL form used for the anchor.
    public let freeSpaceForm: FreeSpacePathLoss
    /// Links used.
    public let usedCount: Int
    /// Whether the data were synthetic.
    public let isSynthetic: Bool

    public var modelName: String { "CI" }
    public var shadowingStandardDeviationDB: Double { rmsErrorDB }

    /// Fits n by least squares through the free-space anchor.
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], ≥ d0.
    ///   - pathGainsDB: PG_i [dB] (PL = −PG).
    ///   - frequency: Carrier frequency (default 28 GHz).
    ///   - referenceDistanceMeters: d0 [m] > 0 (default 1).
    ///   - freeSpaceForm: FSPL form (default exact).
    ///   - confidenceLevel: CI level in (0, 1).
    /// - Throws: `.insufficientData` (N < 2), `.distanceBelowReference`, `.degenerateDistances` (all d = d0),
    ///   `.dimensionMismatch` (unequal arrays), `.nonFiniteData` (NaN/∞ gains).
    public init(
        distancesMeters: [Double], pathGainsDB: [Double], frequency: Frequency = .campaign28GHz,
        referenceDistanceMeters: Double = 1, freeSpaceForm: FreeSpacePathLoss = .exact,
        confidenceLevel: Double = 0.95, isSynthetic: Bool = false
    ) throws(PathLossError) {
        let count = distancesMeters.count
        guard pathGainsDB.count == count else {
            throw .dimensionMismatch(name: "pathGainsDB", expected: count, got: pathGainsDB.count)
        }
        guard count >= 2 else { throw .insufficientData(needed: 2, got: count) }
        try validateLevel(confidenceLevel)
        try validateDistances(distancesMeters, referenceMeters: referenceDistanceMeters)
        try validateGains(pathGainsDB)
        let anchor = freeSpaceForm.lossDB(distanceMeters: referenceDistanceMeters, frequency: frequency)
        var sumAD = 0.0
        var sumDD = 0.0
        for i in 0..<count {
            let d = Decibels.fromPower(distancesMeters[i] / referenceDistanceMeters)
            sumAD += (-pathGainsDB[i] - anchor) * d
            sumDD += d * d
        }
        guard sumDD > 0 else { throw .degenerateDistances }
        let exponent = sumAD / sumDD
        var sse = 0.0
        var residuals = [Double](repeating: 0, count: count)
        for i in 0..<count {
            let d = Decibels.fromPower(distancesMeters[i] / referenceDistanceMeters)
            residuals[i] = pathGainsDB[i] - (-anchor - exponent * d)
            sse += residuals[i] * residuals[i]
        }
        let sigmaN1 = (sse / Double(count - 1)).squareRoot()
        let t = StudentTDistribution(degreesOfFreedom: Double(count - 1)).quantile((1 + confidenceLevel) / 2)
        self.pathLossExponent = FittedParameter(
            name: "n", estimate: exponent, standardError: sigmaN1 / sumDD.squareRoot(), criticalValue: t,
            level: confidenceLevel)
        self.rmsErrorDB = (sse / Double(count)).squareRoot()
        self.residualStandardErrorDB = sigmaN1
        self.residualsDB = residuals
        self.referenceDistanceMeters = referenceDistanceMeters
        self.frequency = frequency
        self.freeSpaceForm = freeSpaceForm
        self.usedCount = count
        self.isSynthetic = isSynthetic
    }

    /// PG(d) = −FSPL(f, d0) − 10·n·log10(d/d0) [dB] (the anchor uses the fit's frequency).
    public func pathGainDB(distanceMeters: Double, frequency: Frequency) -> Double {
        -freeSpaceForm.lossDB(distanceMeters: referenceDistanceMeters, frequency: self.frequency)
            - 10 * pathLossExponent.estimate * log10(distanceMeters / referenceDistanceMeters)
    }
}
