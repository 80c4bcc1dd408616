import Foundation
import Testing
import WirelessCore

@Suite struct ConcurrentJobsTests {
    struct Failure: CategorizedError {
        let category: ErrorCategory
        var description: String { "failed" }
    }

    final class Counts: @unchecked Sendable {
        // Safety: `values` is only touched while holding `lock`.
        private let lock = NSLock()
        private var values: [Int] = []
        func add(_ value: Int) {
            lock.lock()
            values.append(value)
            lock.unlock()
        }
        var sorted: [Int] {
            lock.lock()
            defer { lock.unlock() }
            return values.sorted()
        }
    }

    @Test func everyJobRunsOnceAndFailuresAreCollectedInOrder() {
        let ran = Counts()
        let finished = Counts()
        let failures = ConcurrentJobs.run(
            count: 20, workers: 3, label: { "job \($0)" }, afterEach: { finished.add(0) },
            job: { index in
                ran.add(index)
                if index == 7 { throw Failure(category: .invalidArgument) }
                if index == 3 { throw Failure(category: .invalidData) }
            })
        #expect(ran.sorted == Array(0..<20))
        #expect(finished.sorted.count == 20)
        #expect(failures.messages == ["job 3: failed", "job 7: failed"])
        #expect(failures.worstCategory == .invalidData)
    }

    @Test func noFailureHasNoCategoryAndIOOutranksData() {
        #expect(ConcurrentJobs.run(count: 2, workers: 4, label: { "\($0)" }, job: { _ in }).worstCategory == nil)
        let failures = ConcurrentJobs.run(
            count: 2, workers: 1, label: { "\($0)" },
            job: { throw Failure(category: $0 == 0 ? .invalidData : .inputOutput) })
        #expect(failures.worstCategory == .inputOutput)
    }
}
