import WirelessCore

/// A fitted parameter with its standard error and confidence interval.
public struct FittedParameter: Sendable, Equatable, Codable {
    /// The parameter's name (e.g. "A", "n", "high_loss").
    public var name: String
    /// Point estimate.
    public var estimate: Double
    /// Standard error (same unit as the estimate).
    public var standardError: Double
    /// Confidence interval estimate ± t·SE.
    public var confidenceInterval: ConfidenceInterval

    /// A parameter; the interval is estimate ± `criticalValue`·SE at `level`.
    public init(name: String, estimate: Double, standardError: Double, criticalValue: Double, level: Double) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        self.confidenceInterval = ConfidenceInterval(
            lower: estimate - criticalValue * standardError, upper: estimate + criticalValue * standardError,
            confidenceLevel: level)
    }

    /// t = estimate / SE.
    public var tStatistic: Double { estimate / standardError }
}
