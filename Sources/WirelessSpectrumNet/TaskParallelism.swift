import Numerics
import WirelessCore

/// Runs `body(0..<count)`, in parallel over the cores when there is enough work.
///
/// Each task writes a disjoint slice, and every reduction inside a task runs in a fixed order, so
/// the result is bit-identical for any thread count (determinism, docs/SPECTRUM.md#training).
func parallelTasks(count: Int, _ body: @Sendable (Int) -> Void) {
    ParallelExecution.forEachTask(count: count, body)
}
