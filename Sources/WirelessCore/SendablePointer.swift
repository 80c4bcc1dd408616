/// An unsafe pointer that parallel tasks may share: the one `@unchecked Sendable` pointer wrapper
/// of the package, for `ParallelExecution.forEachTask` bodies (which must be `@Sendable`).
///
/// The compiler cannot check what crosses threads through a raw pointer, so the contract is the
/// caller's, and every use must keep it:
///
/// - **Disjoint writes.** During one `forEachTask` call, an element written by a task is neither
///   read nor written by any other task (each task owns its output slice, slot or block).
/// - **Shared reads.** Elements that several tasks read are written by none of them during the call
///   (wrap a read-only buffer with `init(readOnly:)` and only read through it).
/// - **Lifetime.** The memory outlives the call: the caller holds it inside
///   `withUnsafe[Mutable]BufferPointer` around `forEachTask`, which returns only after every task
///   has finished (a happens-before edge back to the caller).
///
/// With those three rules the tasks race on nothing, and results do not depend on the thread count.
@frozen
public struct SendablePointer<Pointee>: @unchecked Sendable {
    /// The address of element 0.
    public let base: UnsafeMutablePointer<Pointee>

    /// Shares `base` with tasks that read or write disjoint elements of it.
    @inlinable
    public init(_ base: UnsafeMutablePointer<Pointee>) { self.base = base }

    /// Shares a buffer that the tasks only read (nobody writes it during the parallel call).
    @inlinable
    public init(readOnly base: UnsafePointer<Pointee>) { self.base = UnsafeMutablePointer(mutating: base) }

    /// Element `index` (no bounds check; the caller knows the buffer's size).
    @inlinable
    public subscript(index: Int) -> Pointee {
        @inline(__always) get { base[index] }
        @inline(__always) nonmutating set { base[index] = newValue }
    }

    /// The pointer `offset` elements further on.
    @inlinable
    public static func + (pointer: SendablePointer, offset: Int) -> SendablePointer {
        SendablePointer(pointer.base + offset)
    }
}
