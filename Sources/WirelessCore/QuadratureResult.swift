/// The outcome of a numerical integration.
public struct QuadratureResult: Sendable, Equatable, Codable {
    /// The integral estimate.
    public let value: Double
    /// Estimated absolute error of `value` (sum over the final subintervals).
    public let errorEstimate: Double
    /// Number of integrand evaluations used.
    public let evaluations: Int

    public init(value: Double, errorEstimate: Double, evaluations: Int) {
        self.value = value
        self.errorEstimate = errorEstimate
        self.evaluations = evaluations
    }
}
