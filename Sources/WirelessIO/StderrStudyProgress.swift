import Foundation
import WirelessCore

/// A study's progress on stderr through `ProgressReporter` (one reporter per stage).
public final class StderrStudyProgress: StudyProgress, @unchecked Sendable {
    // Safety: `reporter` is only read or replaced while holding `lock`.
    private let lock = NSLock()
    private let quiet: Bool
    private var reporter: ProgressReporter?

    /// - Parameter quiet: Print nothing when true.
    public init(quiet: Bool) { self.quiet = quiet }

    public func begin(_ label: String, total: Int) {
        lock.lock()
        reporter = ProgressReporter(label: label, total: total, quiet: quiet)
        lock.unlock()
    }

    public func advance(by steps: Int) {
        lock.lock()
        let current = reporter
        lock.unlock()
        current?.advance(by: steps)
    }

    public func note(_ message: String) { ProgressReporter.note(message, quiet: quiet) }
}

extension OutputContext {
    /// Progress of a study on stderr, silent under `--quiet`.
    public var studyProgress: any StudyProgress { StderrStudyProgress(quiet: quiet) }
}
