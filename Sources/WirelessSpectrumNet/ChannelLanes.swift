/// Eight-lane SIMD passes over one channel of a `[batch, channels, length]` plane: the per-channel
/// reductions and element-wise updates of batch norm and the bias gradients.
///
/// A plain `sum += x[k]` loop is one dependent chain of floating-point additions, which the
/// compiler may not reorder: it runs at one element per add latency. Keeping the sums in eight
/// lanes (folded once at the end with `SIMD8.sum()`) breaks the chain and lets the loop vectorise.
/// The order of additions is fixed by the length alone, so results stay bit-identical for any core
/// count, and the eight partial sums are slightly more accurate than a single running sum.
///
/// Tails shorter than eight elements go through the same code with the missing lanes loaded as
/// zeros and never stored; a pass whose lanes would not be zero for a zero input multiplies by
/// `laneMask(count)` before it accumulates.
struct ChannelLanes {
    /// Rows of the plane (examples), channels per example, elements per row.
    let batch: Int
    let channels: Int
    let length: Int
    /// The channel visited.
    let channel: Int

    /// Calls `body(offset, count)` for consecutive chunks of the channel's elements: `count` is 8
    /// except for the last chunk of a row when `length` is not a multiple of 8.
    @inline(__always)
    func forEachChunk(_ body: (_ offset: Int, _ count: Int) -> Void) {
        for b in 0..<batch {
            let row = (b * channels + channel) * length
            var k = 0
            while k + 8 <= length {
                body(row + k, 8)
                k += 8
            }
            if k < length { body(row + k, length - k) }
        }
    }
}

/// Loads `count` ≤ 8 elements from `pointer + offset` into the first lanes; the rest are zero.
@inline(__always)
func loadLanes<Scalar: SIMDScalar>(_ pointer: UnsafePointer<Scalar>, _ offset: Int, _ count: Int) -> SIMD8<Scalar> {
    if count == 8 { return UnsafeRawPointer(pointer + offset).loadUnaligned(as: SIMD8<Scalar>.self) }
    var lanes = SIMD8<Scalar>()
    for j in 0..<count { lanes[j] = pointer[offset + j] }
    return lanes
}

/// `loadLanes` from a mutable pointer.
@inline(__always)
func loadLanes<Scalar: SIMDScalar>(_ pointer: UnsafeMutablePointer<Scalar>, _ offset: Int, _ count: Int)
    -> SIMD8<Scalar>
{
    loadLanes(UnsafePointer(pointer), offset, count)
}

/// Stores the first `count` ≤ 8 lanes at `pointer + offset`.
@inline(__always)
func storeLanes<Scalar: SIMDScalar>(
    _ lanes: SIMD8<Scalar>, _ pointer: UnsafeMutablePointer<Scalar>, _ offset: Int, _ count: Int
) {
    if count == 8 {
        UnsafeMutableRawPointer(pointer + offset).storeBytes(of: lanes, as: SIMD8<Scalar>.self)
        return
    }
    for j in 0..<count { pointer[offset + j] = lanes[j] }
}

/// 1 in the first `count` lanes and 0 in the others.
@inline(__always)
func laneMask<Scalar: SIMDScalar & FloatingPoint>(_ count: Int) -> SIMD8<Scalar> {
    if count == 8 { return SIMD8(repeating: 1) }
    var mask = SIMD8<Scalar>()
    for j in 0..<count { mask[j] = 1 }
    return mask
}

/// Σ over `count` elements starting at `pointer`, in eight lanes.
@inline(__always)
func laneSum<Scalar: SIMDScalar & FloatingPoint>(_ pointer: UnsafePointer<Scalar>, count: Int) -> Scalar {
    var lanes = SIMD8<Scalar>()
    var k = 0
    while k + 8 <= count {
        lanes += loadLanes(pointer, k, 8)
        k += 8
    }
    if k < count { lanes += loadLanes(pointer, k, count - k) }
    return lanes.sum()
}

/// destination[k] += source[k] for k < `count`, eight lanes at a time.
@inline(__always)
func addLanes<Scalar: SIMDScalar & FloatingPoint>(
    _ source: UnsafePointer<Scalar>, into destination: UnsafeMutablePointer<Scalar>, count: Int
) {
    var k = 0
    while k + 8 <= count {
        storeLanes(loadLanes(destination, k, 8) + loadLanes(source, k, 8), destination, k, 8)
        k += 8
    }
    while k < count {
        destination[k] += source[k]
        k += 1
    }
}
