import Foundation
import WirelessCore
import WirelessLinearAlgebra

/// Alpha–beta–gamma (ABG) multi-frequency path-loss fit (docs/PATHLOSS.md#close-in-models).
///
///     PL(f, d) = 10·α·log10(d) + β + 10·γ·log10(f_GHz)          [dB], OLS on (1, 10 log10 d, 10 log10 f)
public struct AlphaBetaGammaFit: PathGainModel, Sendable, Equatable, Codable {
    /// α, distance dependence [dimensionless].
    public let alpha: FittedParameter
    /// β, offset [dB].
    public let beta: FittedParameter
    /// γ, frequency dependence [dimensionless].
    public let gamma: FittedParameter
    /// σ = sqrt(Σe²/N) [dB].
    public let rmsErrorDB: Double
    /// σ = sqrt(Σe²/(N − 3)) [dB]: the residual standard error with the three fitted parameters' degrees of
    /// freedom taken out (as `sigma_n_minus_p_db` of the single-frequency fits); the shadowing σ a
    /// densification scenario takes from this fit.
    public let residualStandardErrorDB: Double

    public var modelName: String { "ABG" }
    public var shadowingStandardDeviationDB: Double { rmsErrorDB }

    /// Fits ABG by OLS.
    ///
    /// - Parameters:
    ///   - distancesMeters: d_i [m], > 0 (≥ 1 m).
    ///   - frequenciesGHz: f_i [GHz], > 0, at least two distinct values.
    ///   - pathGainsDB: PG_i [dB].
    /// - Throws: `.insufficientFrequencies`, `.insufficientData`, `.rankDeficient`.
    public init(
        distancesMeters: [Double], frequenciesGHz: [Double], pathGainsDB: [Double], confidenceLevel: Double = 0.95
    ) throws(PathLossError) {
        try validateMultiFrequencyLinks(
            distancesMeters, frequenciesGHz, pathGainsDB, minimumCount: 4, confidenceLevel: confidenceLevel)
        let count = distancesMeters.count
        var design = Matrix<Double>(rows: count, columns: 3, repeating: 1)
        for i in 0..<count {
            design[i, 1] = Decibels.fromPower(distancesMeters[i])
            design[i, 2] = Decibels.fromPower(frequenciesGHz[i])
        }
        let fit = try regress(design: design, response: pathGainsDB.map { -$0 }, names: ["beta", "alpha", "gamma"])
        let t = fit.criticalValue(level: confidenceLevel)
        func parameter(_ name: String, _ j: Int) -> FittedParameter {
            FittedParameter(
                name: name, estimate: fit.coefficients[j], standardError: fit.standardErrors[j], criticalValue: t,
                level: confidenceLevel)
        }
        self.beta = parameter("beta", 0)
        self.alpha = parameter("alpha", 1)
        self.gamma = parameter("gamma", 2)
        self.rmsErrorDB = (fit.residuals.reduce(0) { $0 + $1 * $1 } / Double(count)).squareRoot()
        self.residualStandardErrorDB = fit.residualStandardError
    }

    /// PG(f, d) = −(10·α·log10 d + β + 10·γ·log10 f_GHz) [dB].
    public func pathGainDB(distanceMeters: Double, frequency: Frequency) -> Double {
        -(10 * alpha.estimate * log10(distanceMeters) + beta.estimate + 10 * gamma.estimate * log10(frequency.gigahertz))
    }
}
