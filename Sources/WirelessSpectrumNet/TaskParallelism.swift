import Numerics
import WirelessCore

/// A pointer handed to parallel tasks that write disjoint index ranges.
///
/// `@unchecked Sendable` contract: every task that receives it writes only elements no other task
/// reads or writes during the same `parallelTasks` call (disjoint output slices), and the buffer
/// outlives the call (the caller holds it inside `withUnsafeMutableBufferPointer`).
struct SharedMutablePointer<Scalar>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Scalar>
}

/// A read-only pointer shared by parallel tasks.
///
/// `@unchecked Sendable` contract: nobody writes the buffer during the `parallelTasks` call and it
/// outlives the call.
struct SharedPointer<Scalar>: @unchecked Sendable {
    let base: UnsafePointer<Scalar>
}

/// Runs `body(0..<count)`, in parallel over the cores when there is enough work.
///
/// Each task writes a disjoint slice, and every reduction inside a task runs in a fixed order, so
/// the result is bit-identical for any thread count (determinism, docs/SPECTRUM.md#training).
func parallelTasks(count: Int, _ body: @Sendable (Int) -> Void) {
    ParallelExecution.forEachTask(count: count, body)
}
