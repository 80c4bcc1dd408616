import ArgumentParser
import Foundation
import WirelessCore
import WirelessIO
import WirelessLinearAlgebra

/// The exit codes of `wtk`, after BSD `sysexits.h`.
public enum ExitStatus {
    /// Success.
    public static let success: Int32 = 0
    /// Bad usage: an unknown flag, a parameter out of range (EX_USAGE).
    public static let usage: Int32 = 64
    /// Bad input data: a malformed, truncated or non-finite file (EX_DATAERR).
    public static let dataError: Int32 = 65
    /// A file could not be read or written (EX_IOERR).
    public static let ioError: Int32 = 74

    /// The exit code for an error's category.
    public static func code(for category: ErrorCategory) -> Int32 {
        switch category {
        case .invalidArgument: usage
        case .invalidData, .numerical: dataError
        case .inputOutput: ioError
        }
    }
}

/// A `wtk` subcommand: implements `execute()`; `run()` maps typed errors to exit codes.
///
/// `run()` binds an `OutputTransaction` around `execute()`: every file the command writes is staged in
/// `.wtk-staging-<pid>-<uuid>/` beside its target and moved into place only when `execute()` returns, so
/// a run's outputs appear together or not at all. A command run by `execute()` directly (a library
/// caller, `FigureContext`) writes straight to its targets.
///
/// A `CategorizedError` prints `error: <description>` on stderr and exits with the code of
/// its category (64, 65 or 74). Any other error from Foundation's file APIs is an I/O error (74).
public protocol WTKCommand: ParsableCommand {
    /// Does the command's work. Throw typed errors; never call `exit` directly.
    func execute() throws
}

extension WTKCommand {
    public mutating func run() throws {
        // One thread per BLAS/LAPACK call: commands parallelise over independent tasks instead, and a
        // fixed blocking makes every summation order, hence every seeded output, byte-identical from
        // run to run and machine to machine (with OpenBLAS threads, regression standard errors
        // differed in the 16th digit between two identical runs).
        BLASThreading.setThreadCount(1)
        do {
            try OutputTransaction.run { try execute() }
        } catch let error as CategorizedError {
            StandardError.write("error: \(error.description)\n")
            if error.category == .invalidArgument {
                let path = FigureContext.commandPath(of: Self.self).joined(separator: " ")
                StandardError.write("Run 'wtk \(path) --help' for the options and their valid ranges.\n")
            }
            throw ExitCode(ExitStatus.code(for: error.category))
        } catch let error as ValidationError {
            // Found after parsing (e.g. a value that only makes sense with the data): same wording as a
            // parse-time usage error, pointing at this subcommand's help rather than the root's.
            let path = FigureContext.commandPath(of: Self.self).joined(separator: " ")
            StandardError.write(
                "error: \(error.message)\nRun 'wtk \(path) --help' for the options and their valid ranges.\n")
            throw ExitCode(ExitStatus.usage)
        } catch let error as ExitCode {
            throw error
        } catch let error as CocoaError {
            StandardError.write("error: \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.ioError)
        }
    }
}
