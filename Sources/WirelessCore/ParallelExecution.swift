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
            let slots = TaskSlots(base: buffer.baseAddress!)
            forEachTask(count: count) { task in
                slots.initialize(task, to: transform(task))
            }
            initializedCount = count
        }
    }
}

/// A pointer to a result buffer in which task i initialises only element i.
///
/// `@unchecked Sendable` is safe because `parallelMap` gives each task a distinct index, so
/// no element is written by two threads, and the buffer outlives `concurrentPerform`, which
/// returns only after every task has finished (a happens-before edge to the caller).
private struct TaskSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
    func initialize(_ index: Int, to value: T) { (base + index).initialize(to: value) }
}
