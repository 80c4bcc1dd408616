import Synchronization

/// The one lock around FFTW's planner, shared by every plan type in this module.
///
/// FFTW manual §5.4 "Thread safety": "The only thread-safe routine in FFTW is `fftw_execute`
/// (and the new-array variants thereof). All other routines (e.g. the planner) should only be
/// called from one thread at a time." Every `fftw[f]_plan_*` and `fftw[f]_destroy_plan` call in
/// WirelessFFT therefore runs inside `FFTWPlanner.withLock`; executing a plan takes no lock.
/// The double and single precision libraries have separate planners, but one lock is simpler and
/// planning is rare.
enum FFTWPlanner {
    private static let lock = Mutex<Void>(())

    /// Runs `body` while holding the planner lock.
    static func withLock<Result>(_ body: () -> Result) -> Result {
        lock.withLock { _ in body() }
    }
}

/// Validated sizes of a (possibly batched) transform: what FFTW's `plan_many` interface needs.
struct FFTLayout: Sendable, Equatable {
    /// Extents, row-major (last index fastest), each ≥ 1.
    let shape: [Int]
    /// Points per transform: the product of `shape`.
    let count: Int
    /// Number of transforms, ≥ 1.
    let batchCount: Int
    /// Elements between the starts of consecutive transforms, ≥ `count`.
    let batchDistance: Int

    /// Elements a buffer must hold: `(batchCount − 1)·batchDistance + count`.
    var bufferCount: Int { (batchCount - 1) * batchDistance + count }

    init(shape: [Int], batchCount: Int, batchDistance: Int?) throws(FFTError) {
        guard !shape.isEmpty, shape.allSatisfy({ $0 >= 1 && $0 <= Int(Int32.max) }) else {
            throw .invalidShape(shape)
        }
        var count = 1
        for extent in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            guard !overflow, product <= Int(Int32.max) else { throw .invalidShape(shape) }
            count = product
        }
        let distance = batchDistance ?? count
        guard batchCount >= 1, distance >= count, distance <= Int(Int32.max) else {
            throw .invalidBatch(count: batchCount, distance: distance)
        }
        let (span, overflow) = (batchCount - 1).multipliedReportingOverflow(by: distance)
        guard !overflow, span <= Int(Int32.max) - count else {
            throw .invalidBatch(count: batchCount, distance: distance)
        }
        self.shape = shape
        self.count = count
        self.batchCount = batchCount
        self.batchDistance = distance
    }

    /// The shape as FFTW's `int` array.
    var fftwShape: [Int32] { shape.map { Int32($0) } }
}

/// FFTW's `FFTW_UNALIGNED` flag: the plan may be executed on arrays of any alignment (no SIMD).
let fftwUnalignedFlag: UInt32 = 1 << 1
