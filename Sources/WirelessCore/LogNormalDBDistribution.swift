import Foundation

/// Log-normal shadowing specified in decibels; samples are returned as LINEAR values.
///
///     X_dB ~ N(μ_dB, σ_dB²),   X = 10^(X_dB/10)
///     E[X] = 10^(μ_dB/10) · exp(½ (σ_dB · ln10/10)²)
///
/// Draw `Decibels.fromPower(sample)` if the dB value is wanted, or use
/// `NormalDistribution(mean: μ_dB, standardDeviation: σ_dB)` directly.
public struct LogNormalDBDistribution: SamplingDistribution, Equatable, Codable {
    /// μ_dB, mean of the power in decibels [dB].
    public let meanDB: Double
    /// σ_dB, standard deviation of the power in decibels [dB], ≥ 0.
    public let standardDeviationDB: Double

    /// - Parameters:
    ///   - meanDB: μ_dB [dB], finite.
    ///   - standardDeviationDB: σ_dB [dB], finite, ≥ 0.
    /// - Throws: `CoreError.valueOutOfRange` for non-finite μ or negative σ.
    public init(meanDB: Double = 0, standardDeviationDB: Double) throws(CoreError) {
        try ParameterCheck.finite(meanDB, "meanDB")
        try ParameterCheck.nonNegative(standardDeviationDB, "standardDeviationDB")
        self.meanDB = meanDB
        self.standardDeviationDB = standardDeviationDB
    }

    /// The mean of the linear value, 10^(μ/10)·exp(½(σ ln10/10)²).
    public var linearMean: Double {
        let s = standardDeviationDB * M_LN10 / 10
        return Decibels.toPower(meanDB) * exp(0.5 * s * s)
    }

    /// A linear-scale sample 10^((μ_dB + σ_dB Z)/10).
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        let db = meanDB + standardDeviationDB * NormalDistribution.standardSample(using: &generator)
        return Decibels.toPower(db)
    }
}
