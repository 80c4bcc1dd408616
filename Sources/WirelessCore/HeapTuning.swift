#if canImport(Glibc)
    /// glibc's `int mallopt(int param, int value)` (<malloc.h>, which the Glibc module does not export).
    @_silgen_name("mallopt")
    private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif

/// Process-wide allocator settings for commands that allocate and free large buffers in a loop.
///
/// Network training allocates tens of megabytes per layer and step (im2col matrices, activations).
/// glibc serves blocks above its mmap threshold (at most 32 MiB when adjusted dynamically) with
/// fresh `mmap` pages and unmaps them on free, so every step pays page faults and the kernel's
/// page clearing (≈ 10 % of a training step, measured with `perf`). Raising the mmap and trim
/// thresholds keeps freed blocks in the heap for reuse. For executables (the `wtk` runner, the
/// benchmarks): a library should not change process-wide allocator policy behind its caller's back,
/// so no library code calls this. A no-op where the C library is not glibc.
public enum HeapTuning {
    /// Keeps blocks up to `bytes` in the heap (no mmap per allocation, no trimming below it).
    ///
    /// - Parameter bytes: the new mmap and trim thresholds [bytes], clamped to 2³¹ − 1.
    public static func keepLargeBlocksInHeap(upTo bytes: Int = 1 << 30) {
        #if canImport(Glibc)
            // <malloc.h> parameter numbers (M_TRIM_THRESHOLD and M_MMAP_THRESHOLD are plain
            // macros that Swift does not import).
            let trimThreshold: Int32 = -1
            let mmapThreshold: Int32 = -3
            let value = Int32(min(bytes, Int(Int32.max)))
            _ = glibcMallopt(mmapThreshold, value)
            _ = glibcMallopt(trimThreshold, value)
        #endif
    }
}
