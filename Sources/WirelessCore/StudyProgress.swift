/// Where a `Study` reports progress: a library-level protocol, so a study runs the same under the
/// command line (progress on stderr), in a test (silent) or in an application (a progress bar).
///
/// Conforming types must be thread-safe: parallel tasks of a study call `advance` concurrently.
public protocol StudyProgress: Sendable {
    /// A stage of `total` steps begins (`label` says what is being done, e.g. "Monte-Carlo trials").
    /// - Parameter total: Number of steps, ≥ 0.
    func begin(_ label: String, total: Int)
    /// `steps` more steps of the current stage are done.
    func advance(by steps: Int)
    /// A one-off message (a fallback taken, data regenerated).
    func note(_ message: String)
}

/// Progress that goes nowhere.
public struct SilentStudyProgress: StudyProgress {
    public init() {}
    public func begin(_ label: String, total: Int) {}
    public func advance(by steps: Int) {}
    public func note(_ message: String) {}
}

extension StudyProgress {
    /// One more step of the current stage is done.
    public func advance() { advance(by: 1) }
}
