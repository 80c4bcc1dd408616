import Synchronization

/// The output array a plan's convenience calls (`plan(x)`, `plan.execute(&x)`) hand out, kept by the
/// plan for the next call when the transform is large.
///
/// Why: a convenience call returns a new `[Complex]`. Above glibc's largest mmap threshold (32 MiB on
/// 64-bit; smaller blocks come back to the heap after the first free) every such array is a fresh `mmap`
/// that the kernel zero-fills page by page on first touch and unmaps on free. On these VMs a 4 KiB page
/// fault costs ≈ 4 µs, so a 2048 × 4096 batch (128 MiB, 32,768 pages) spent ≈ 3.5× the transform's own
/// CPU time in faults (`Benchmarks`: `fft-batch`). Asking for huge pages or pre-faulting
/// (`madvise(MADV_HUGEPAGE | MADV_POPULATE_WRITE)`) still zero-fills 128 MiB and measured ≈ 1.9× the
/// transform. Only reuse of memory that is already mapped removes the cost, and changing the allocator's
/// process-wide policy (`HeapTuning`) is the executable's decision, not a library's.
///
/// How: the plan keeps the array it last returned (a second reference to the same storage, no copy).
/// The next call takes it and writes the new result into it through `withUnsafeMutableBufferPointer`:
///
/// - if the caller has let go of the previous result, the storage is uniquely referenced and is
///   overwritten in place: no allocation, no page fault;
/// - if the caller still holds it, copy-on-write gives the call a fresh copy first (an allocation and a
///   copy: about what a fresh zeroed array cost before), so a result the caller keeps is never changed.
///
/// Value semantics are therefore those of any array; only the cost moves. Costs to know: the plan holds
/// one output-sized array between calls (`discardRecycledOutput()` releases it), and a caller that
/// mutates a result while the plan still holds its storage pays the copy at its first write (the caller's
/// array is then its own). The zero-allocation path remains `execute(input:output:)` on the caller's
/// buffers.
///
/// Thread safety: the kept array sits behind a mutex; concurrent calls each take it or allocate, and the
/// last to finish keeps its result.
@usableFromInline
final class RecycledOutput<Element: Sendable>: Sendable {
    /// Output size [bytes] from which plans keep their convenience output: glibc's
    /// `DEFAULT_MMAP_THRESHOLD_MAX` on 64-bit, above which every allocation is a fresh mapping.
    static var thresholdBytes: Int { RecycledOutputTesting.thresholdBytes ?? 32 << 20 }

    private let kept = Mutex<[Element]?>(nil)

    @usableFromInline init() {}

    /// The array kept from the last call (nil if none); the plan holds no reference afterwards.
    @usableFromInline func take() -> [Element]? {
        kept.withLock { array in
            defer { array = nil }
            return array
        }
    }

    /// Keeps `array` for the next call (replacing one a concurrent call may have kept).
    @usableFromInline func keep(_ array: [Element]) {
        kept.withLock { $0 = array }
    }

    /// Releases the kept array.
    @usableFromInline func discard() {
        kept.withLock { $0 = nil }
    }

    /// Whether an array is kept now.
    var isHoldingArray: Bool { kept.withLock { $0 != nil } }
}

/// Test support: `RecycledOutputTesting.$thresholdBytes.withValue(0) { … }` makes plans created inside
/// recycle outputs of any size, so the tests need no 32 MiB transforms.
enum RecycledOutputTesting {
    @TaskLocal static var thresholdBytes: Int?
}
