import Foundation

/// Progress of long work on stderr.
///
/// On a terminal the line redraws in place (`\r`); otherwise (a log file, CI) it prints a plain
/// line at most every `plainInterval` seconds and at the end, so logs stay short. Silent when
/// `quiet`. Thread-safe: parallel tasks may call `advance` concurrently.
public final class ProgressReporter: @unchecked Sendable {
    // Safety: every mutable field is read and written only while holding `lock`.
    private let lock = NSLock()
    private let label: String
    private let total: Int
    private let quiet: Bool
    private let interactive: Bool
    private let plainInterval: Double
    private var done = 0
    private var lastReport = Date.distantPast
    private let start = Date()

    /// - Parameters:
    ///   - label: What is being done, e.g. "Monte-Carlo drops".
    ///   - total: Number of steps, ≥ 1.
    ///   - quiet: Print nothing when true.
    ///   - plainInterval: Seconds between plain lines when stderr is not a terminal [s], > 0.
    public init(label: String, total: Int, quiet: Bool, plainInterval: Double = 5) {
        self.label = label
        self.total = max(total, 1)
        self.quiet = quiet
        self.interactive = StandardError.isTerminal
        self.plainInterval = plainInterval
    }

    /// Records `steps` more steps done.
    public func advance(by steps: Int = 1) {
        if quiet { return }
        lock.lock()
        defer { lock.unlock() }
        done = min(done + steps, total)
        let now = Date()
        let finished = done == total
        let interval = interactive ? 0.1 : plainInterval
        guard finished || now.timeIntervalSince(lastReport) >= interval else { return }
        lastReport = now
        let percent = 100 * done / total
        let elapsed = String(format: "%.1f", now.timeIntervalSince(start))
        let line = "\(label): \(done)/\(total) (\(percent)%) \(elapsed) s"
        if interactive {
            StandardError.write("\r\(line)\(finished ? "\n" : "")")
        } else {
            StandardError.write(line + "\n")
        }
    }

    /// A one-off message (a summary line), unless quiet.
    public static func note(_ message: String, quiet: Bool) {
        if !quiet { StandardError.write(message + "\n") }
    }
}
