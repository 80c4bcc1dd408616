#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Storage for every array this module hands to BLAS or LAPACK (matrices, vectors, workspaces, pivots):
/// `count` zero-initialised elements, 64-byte aligned, followed by a tail pad of zeros
/// (`tailPadding(forDataBytes:)`: as many bytes as the data, at least 64) that the library may read but
/// that belongs to no element.
///
/// Why: some OpenBLAS kernels read past the end of their operands. Debian 12's OpenBLAS 0.3.21 reads
/// beyond the last column of a matrix in its AVX2 `zgemv_n` kernel (`zgemv_n_HASWELL`, `zgemv_n_ZEN`),
/// which `zgelsd`, `zgesdd` and `zgemv` call: valgrind saw 16 bytes past a 3 × 3 complex matrix in
/// `TensorFusion` → `leastSquares` → `zgelsd` → `zgebrd` → `zlarf` → `zgemv_n`, and when such a matrix
/// ended a heap page, `wtk isac sweep --method plain` died with SIGSEGV about one run in ten. Measured
/// with guard pages (`LAPACKBufferTests`), the over-read grows with the matrix: up to ~16·n bytes (one
/// complex column) for n × n `zgesdd`/`zgelsd` at n ≤ 64. A Swift array ends exactly at its last
/// element, so such a read can leave the mapping; a pad as large as the data itself covers one column of
/// any matrix stored in the buffer (and 64 bytes cover the one-register over-reads of small vectors),
/// for at most twice the memory.
///
/// `Element` must be a trivial type (`Double`, `Complex<Double>`, `Int32`, …: what LAPACK takes); its
/// elements are never deinitialised. Not copyable: the memory is freed when the buffer goes out of scope,
/// so pointers taken from it must not escape the call that uses them.
struct LAPACKBuffer<Element>: ~Copyable {
    /// Alignment of the first element [bytes] (outside the guard-page test mode).
    static var alignmentBytes: Int { 64 }

    /// Number of elements, ≥ 0.
    let count: Int
    /// The first element (valid even when `count` is 0: the pad is always there).
    let pointer: UnsafeMutablePointer<Element>
    private let allocation: Allocation

    /// `count` zero elements.
    /// - Precondition: `count ≥ 0`.
    init(count: Int) {
        self.init(count: count, zeroingData: true)
    }

    /// `count` elements, zeroed if `zeroingData` (the pad is always zeroed).
    private init(count: Int, zeroingData: Bool) {
        precondition(count >= 0, "negative LAPACK buffer size")
        precondition(_isPOD(Element.self), "LAPACKBuffer holds trivial types only")
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        precondition(!overflow && bytes <= Int.max / 2 - 64, "LAPACK buffer of \(count) elements overflows")
        let allocation = Allocation(
            dataBytes: bytes, guardPage: LAPACKBufferTesting.guardPages, zeroingData: zeroingData)
        self.count = count
        self.allocation = allocation
        self.pointer = allocation.data.bindMemory(to: Element.self, capacity: max(count, 1))
    }

    /// A padded copy of `elements` (the data written once: copied, not zeroed first).
    init(copying elements: [Element]) {
        self.init(count: elements.count, zeroingData: false)
        elements.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { pointer.initialize(from: base, count: source.count) }
        }
    }

    deinit { allocation.release() }

    /// The elements as an array.
    var array: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    /// The first `prefix` elements as an array.
    /// - Precondition: `0 ≤ prefix ≤ count`.
    func array(prefix: Int) -> [Element] {
        precondition(prefix >= 0 && prefix <= count)
        return Array(UnsafeBufferPointer(start: pointer, count: prefix))
    }

    /// Element `i`.
    subscript(i: Int) -> Element {
        get {
            precondition(i >= 0 && i < count, "LAPACK buffer index out of range")
            return pointer[i]
        }
        nonmutating set {
            precondition(i >= 0 && i < count, "LAPACK buffer index out of range")
            pointer[i] = newValue
        }
    }

    /// The buffer as LAPACKE's `lapack_complex_double*` / `void*` (imported as `OpaquePointer`).
    var opaque: OpaquePointer { OpaquePointer(pointer) }
}

/// Zero bytes kept after `dataBytes` of BLAS/LAPACK data: the data's own size rounded up to 64 bytes, at
/// least 64 (see `LAPACKBuffer` for the over-reads this absorbs).
func tailPadding(forDataBytes dataBytes: Int) -> Int {
    max(64, (dataBytes + 63) / 64 * 64)
}

/// The raw memory of a `LAPACKBuffer`: heap (normal) or mmap with a guard page (testing).
private struct Allocation {
    let data: UnsafeMutableRawPointer
    private let base: UnsafeMutableRawPointer
    private let mappedBytes: Int

    /// - Parameter zeroingData: zero the data bytes too (else the caller writes every one of them); the
    ///   pad is always zero.
    init(dataBytes: Int, guardPage: Bool, zeroingData: Bool = true) {
        let (padded, overflow) = dataBytes.addingReportingOverflow(tailPadding(forDataBytes: dataBytes))
        precondition(!overflow, "LAPACK buffer of \(dataBytes) bytes overflows")
        if !guardPage {
            let base = UnsafeMutableRawPointer.allocate(
                byteCount: padded, alignment: LAPACKBuffer<UInt8>.alignmentBytes)
            let zeroFrom = zeroingData ? 0 : dataBytes
            (base + zeroFrom).initializeMemory(as: UInt8.self, repeating: 0, count: padded - zeroFrom)
            self.base = base
            self.data = base
            self.mappedBytes = 0
            return
        }
        // Data + pad end exactly where an inaccessible page starts, so any read past the pad faults.
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let accessible = (padded + page - 1) / page * page
        let total = accessible + page
        guard let mapped = mmap(nil, total, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            mapped != MAP_FAILED
        else { fatalError("LAPACKBuffer guard-page mapping of \(total) bytes failed") }
        let guardStart = mapped + accessible
        precondition(mprotect(guardStart, page, PROT_NONE) == 0, "mprotect of the guard page failed")
        self.base = mapped
        self.data = guardStart - padded
        self.mappedBytes = total
    }

    func release() {
        if mappedBytes == 0 {
            base.deallocate()
        } else {
            munmap(base, mappedBytes)
        }
    }
}

/// Test support: with `guardPages` true (a task-local, so only the code run inside
/// `$guardPages.withValue(true) { … }` is affected), every `LAPACKBuffer` is mapped so that an
/// inaccessible page follows its tail pad and a read beyond the pad faults deterministically.
enum LAPACKBufferTesting {
    @TaskLocal static var guardPages = false
}
