import Dispatch
import Foundation

/// Independent jobs run on a few threads, each job once, its failure collected rather than stopping the others
/// (the figure sets of `wtk figures`, say).
public enum ConcurrentJobs {
    /// What failed in a run of jobs.
    public struct Failures: Sendable {
        /// `"<label>: <error>"` of each failed job, sorted (so the order does not depend on the threads).
        public let messages: [String]
        /// The worst category among them: I/O outranks data (and numerical) failures, which outrank usage
        /// ones; nil when nothing failed. An error that is not a `CategorizedError` counts as I/O.
        public let worstCategory: ErrorCategory?
    }

    /// Runs `job(0)` … `job(count − 1)` on `min(workers, count)` threads, each index once.
    /// - Parameters:
    ///   - count: Number of jobs, ≥ 0.
    ///   - workers: Threads, ≥ 1.
    ///   - label: Names job `i` in its failure message.
    ///   - afterEach: Called after each job, failed or not (progress).
    ///   - job: The work of job `i`.
    /// - Returns: The failures.
    public static func run(
        count: Int, workers: Int, label: @Sendable (Int) -> String, afterEach: @Sendable () -> Void = {},
        job: @Sendable (Int) throws -> Void
    ) -> Failures {
        let state = State()
        DispatchQueue.concurrentPerform(iterations: max(0, min(workers, count))) { _ in
            while let index = state.take(below: count) {
                do {
                    try job(index)
                } catch {
                    state.record("\(label(index)): \(error)", (error as? CategorizedError)?.category ?? .inputOutput)
                }
                afterEach()
            }
        }
        return state.failures
    }

    /// The next job index and the failures, shared by the threads.
    private final class State: @unchecked Sendable {
        // Safety: every stored property is only touched while holding `lock`.
        private let lock = NSLock()
        private var next = 0
        private var messages: [String] = []
        private var categories: [ErrorCategory] = []

        func take(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard next < count else { return nil }
            next += 1
            return next - 1
        }

        func record(_ message: String, _ category: ErrorCategory) {
            lock.lock()
            messages.append(message)
            categories.append(category)
            lock.unlock()
        }

        var failures: Failures {
            lock.lock()
            defer { lock.unlock() }
            let worst: ErrorCategory? =
                categories.contains(.inputOutput)
                ? .inputOutput
                : categories.contains { $0 == .invalidData || $0 == .numerical } ? .invalidData : categories.first
            return Failures(messages: messages.sorted(), worstCategory: worst)
        }
    }
}
