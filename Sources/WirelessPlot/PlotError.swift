import WirelessCore

/// Errors from building plots: invalid arguments given by the caller (exit code 64 in `wtk`).
public enum PlotError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// Arrays that must be parallel have different lengths.
    case lengthMismatch(series: String, name: String, expected: Int, actual: Int)
    /// An explicit axis or colour range is empty, reversed, non-finite, or non-positive on a log axis.
    case invalidRange(name: String, lower: Double, upper: Double, reason: String)
    /// A size or count is out of its valid range.
    case valueOutOfRange(name: String, value: Double, reason: String)

    public var category: ErrorCategory { .invalidArgument }

    public var description: String {
        switch self {
        case .lengthMismatch(let series, let name, let expected, let actual):
            return "plot series \"\(series)\": \(name) has \(actual) values, expected \(expected)"
        case .invalidRange(let name, let lower, let upper, let reason):
            return "invalid \(name) range [\(lower), \(upper)]: \(reason)"
        case .valueOutOfRange(let name, let value, let reason):
            return "\(name) = \(value) is out of range: \(reason)"
        }
    }
}
