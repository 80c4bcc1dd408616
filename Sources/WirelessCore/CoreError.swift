/// Typed errors of `WirelessCore`: invalid parameters of samplers and statistics, and failures of
/// the numerical algorithms (quadrature, root finding, minimisation).
///
/// `NumericalError` is another name for this type, so `throw NumericalError.didNotConverge(...)`
/// and `catch CoreError.didNotConverge` refer to the same case.
public enum CoreError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// A parameter is outside its valid range (or not finite). `name` is the parameter label.
    case valueOutOfRange(name: String, value: Double)
    /// An input collection that must be non-empty (or have a minimum size) is too small.
    case insufficientData(name: String, count: Int, required: Int)
    /// Two inputs that must have matching sizes do not.
    case dimensionMismatch(expected: Int, actual: Int)
    /// An iterative algorithm reached its iteration or subdivision limit before its tolerance.
    case didNotConverge(iterations: Int)
    /// A root finder was given an interval whose end values do not have opposite signs.
    case rootNotBracketed(lower: Double, upper: Double)
    /// A user-supplied function returned NaN or ±∞ where a finite value is required.
    case nonFiniteValue(name: String, at: Double)

    public var category: ErrorCategory {
        switch self {
        case .valueOutOfRange, .dimensionMismatch, .rootNotBracketed: .invalidArgument
        case .insufficientData, .nonFiniteValue: .invalidData
        case .didNotConverge: .numerical
        }
    }

    public var description: String {
        switch self {
        case .valueOutOfRange(let name, let value):
            "parameter '\(name)' is out of range: \(value)"
        case .insufficientData(let name, let count, let required):
            "'\(name)' has \(count) values; at least \(required) are required"
        case .dimensionMismatch(let expected, let actual):
            "dimension mismatch: expected \(expected), got \(actual)"
        case .didNotConverge(let iterations):
            "the algorithm did not converge within \(iterations) iterations"
        case .rootNotBracketed(let lower, let upper):
            "the function has the same sign at both ends of [\(lower), \(upper)]; no root is bracketed"
        case .nonFiniteValue(let name, let at):
            "'\(name)' returned a non-finite value at \(at)"
        }
    }
}

/// The numerical-analysis view of `CoreError` (same type; see `CoreError.didNotConverge`).
public typealias NumericalError = CoreError
