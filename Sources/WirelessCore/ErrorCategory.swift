/// How a failure should be reported to a user: which of the CLI's exit codes it maps to.
///
/// | category          | meaning                                   | `wtk` exit code |
/// |-------------------|-------------------------------------------|-----------------|
/// | `.invalidArgument`| a parameter out of range, bad usage       | 64 (EX_USAGE)   |
/// | `.invalidData`    | malformed or non-finite input data        | 65 (EX_DATAERR) |
/// | `.inputOutput`    | a file could not be read or written       | 74 (EX_IOERR)   |
/// | `.numerical`      | an algorithm failed to converge           | 65 (EX_DATAERR) |
public enum ErrorCategory: String, Sendable, Equatable, Codable {
    case invalidArgument
    case invalidData
    case inputOutput
    case numerical
}

/// An error that knows its `ErrorCategory`. Every module's typed error conforms, so the
/// command runner maps failures to exit codes without knowing each module.
public protocol CategorizedError: Error, CustomStringConvertible {
    /// The category that decides the exit code and the wording of the report.
    var category: ErrorCategory { get }
}
