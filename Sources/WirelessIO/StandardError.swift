import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unbuffered writes to the standard error stream.
public enum StandardError {
    /// Writes `text` to stderr as UTF-8.
    public static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Whether stderr is an interactive terminal (progress bars redraw only then).
    public static var isTerminal: Bool { isatty(STDERR_FILENO) != 0 }
}
