import Dispatch

/// Data-parallel loops over all cores with results that do not depend on the thread count.
///
/// Pair each task with its own generator, `Xoshiro256StarStar(seed: seed, stream: UInt64(task))`,
/// and write each task's result to its own slot (as `parallelMap` does), so the output is the
/// same whether 1 or 64 threads ran it.
public enum ParallelExecution {
    /// Runs `body(task)` for every task in 0..<count, concurrently (DispatchQueue.concurrentPerform).
    ///
    /// `body` must be `@Sendable`: it may run on any thread, several at once. It must not
    /// mutate shared state except through per-task slots (or its own synchronisation).
    /// Returns after every task has finished. `count == 0` does nothing.
    ///
    /// - Parameter count: Number of tasks, ≥ 0.
    public static func forEachTask(count: Int, _ body: @Sendable (Int) -> Void) {
        precondition(count >= 0, "count must be non-negative")
        if count == 0 { return }
        if count == 1 {
            body(0)
            return
        }
        DispatchQueue.concurrentPerform(iterations: count) { task in body(task) }
    }

    /// `[transform(0), transform(1), …, transform(count − 1)]`, computed concurrently and
    /// ordered by task index (each task writes only its own slot of the result buffer).
    ///
    /// - Parameter count: Number of tasks, ≥ 0.
    public static func parallelMap<T: Sendable>(count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
        precondition(count >= 0, "count must be non-negative")
        if count == 0 { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            // Task i initialises only element i (disjoint writes, SendablePointer's contract).
            let slots = SendablePointer(buffer.baseAddress!)
            forEachTask(count: count) { task in
                (slots.base + task).initialize(to: transform(task))
            }
            initializedCount = count
        }
    }
}
