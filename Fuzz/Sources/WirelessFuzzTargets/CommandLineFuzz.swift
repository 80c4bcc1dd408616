internal import ArgumentParser
import Foundation
internal import WirelessCommands

/// The `wtk` option parser: the input is an argument vector, one argument per line
/// (`\n`-separated; a NUL byte also separates), without the program name.
///
/// Parses with `WTK.parseAsRoot` (which also runs each command's `validate()`), then renders what
/// `wtk` would print for the outcome: the error message and exit code, or the help text for
/// `--help`. No command is executed, so nothing is computed or written.
enum CommandLineFuzz {
    static func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        let arguments = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\0" })
            .map(String.init)
        let vector = arguments.last == "" ? Array(arguments.dropLast()) : arguments
        do {
            _ = try WTK.parseAsRoot(vector)
        } catch {
            _ = WTK.fullMessage(for: error)
            _ = WTK.exitCode(for: error)
        }
    }
}
