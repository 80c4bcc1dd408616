/// A two-sided confidence interval for one parameter (named to avoid the "CI" = close-in ambiguity).
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// Lower bound.
    public var lower: Double
    /// Upper bound.
    public var upper: Double
    /// Confidence level [dimensionless], in (0, 1), e.g. 0.95.
    public var level: Double

    /// An interval [lower, upper] at `level`.
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Whether `value` lies in the closed interval.
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}

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
            level: level)
    }

    /// t = estimate / SE.
    public var tStatistic: Double { estimate / standardError }
}
