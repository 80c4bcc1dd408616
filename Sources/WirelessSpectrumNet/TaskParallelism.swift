import Numerics
import WirelessCore

/// Runs `body(0..<count)`, in parallel over the cores when there is enough work.
///
/// Each task writes a disjoint slice, and every reduction inside a task runs in a fixed order, so
/// the result is bit-identical for any thread count (determinism, docs/SPECTRUM.md#training).
func parallelTasks(count: Int, _ body: @Sendable (Int) -> Void) {
    ParallelExecution.forEachTask(count: count, body)
}

/// Runs `body(0..<count)` on both cores (`parallelTasks`) when `parallel`, else in order on the calling
/// thread (inside a task that is already one of several running in parallel).
func runTasks(count: Int, parallel: Bool, _ body: @Sendable (Int) -> Void) {
    if parallel {
        parallelTasks(count: count, body)
    } else {
        for task in 0..<count { body(task) }
    }
}
