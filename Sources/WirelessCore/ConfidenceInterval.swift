/// A two-sided confidence interval [lower, upper] at a stated confidence level.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// Lower end [unit of the estimate].
    public let lower: Double
    /// Upper end [unit of the estimate].
    public let upper: Double
    /// Nominal coverage, e.g. 0.95.
    public let confidenceLevel: Double

    public init(lower: Double, upper: Double, confidenceLevel: Double) {
        self.lower = lower
        self.upper = upper
        self.confidenceLevel = confidenceLevel
    }

    /// upper − lower.
    public var width: Double { upper - lower }

    /// Whether `value` lies in [lower, upper].
    public func contains(_ value: Double) -> Bool { value >= lower && value <= upper }
}
