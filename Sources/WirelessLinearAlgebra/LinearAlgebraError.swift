import WirelessCore

/// Errors thrown by WirelessLinearAlgebra.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// Operand shapes do not fit together (e.g. `A` has 3 rows but `b` has 4 elements).
    case dimensionMismatch(reason: String)
    /// The operation needs a square matrix.
    case notSquare(rows: Int, columns: Int)
    /// LAPACK's iteration failed (`info` > 0 from an eigen- or singular value driver).
    case didNotConverge(info: Int)
    /// The matrix is exactly singular: `U(pivot, pivot) = 0` in its LU factorisation (1-based pivot).
    case singular(pivot: Int)
    /// Cholesky failed: the leading minor of this order (1-based) is not positive definite.
    case notPositiveDefinite(order: Int)
    /// An input contains NaN or ±∞.
    case nonFiniteInput
    /// A parameter outside its valid range (or LAPACK reported an illegal argument).
    case invalidArgument(reason: String)

    public var category: ErrorCategory {
        switch self {
        case .dimensionMismatch, .notSquare, .invalidArgument: return .invalidArgument
        case .singular, .notPositiveDefinite, .nonFiniteInput: return .invalidData
        case .didNotConverge: return .numerical
        }
    }

    public var description: String {
        switch self {
        case .dimensionMismatch(let reason): return "dimension mismatch: \(reason)"
        case .notSquare(let rows, let columns): return "matrix is \(rows) × \(columns) but must be square"
        case .didNotConverge(let info): return "LAPACK did not converge (info = \(info))"
        case .singular(let pivot): return "matrix is singular (zero pivot at position \(pivot))"
        case .notPositiveDefinite(let order):
            return "matrix is not positive definite (leading minor of order \(order))"
        case .nonFiniteInput: return "matrix contains NaN or infinite elements"
        case .invalidArgument(let reason): return "invalid argument: \(reason)"
        }
    }
}
