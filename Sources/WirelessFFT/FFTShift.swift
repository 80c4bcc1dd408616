/// Reorders a 1-D spectrum so the zero frequency sits in the middle (NumPy's `fftshift`).
///
///     y[k] = x[(k − ⌊N/2⌋) mod N],   k = 0 … N−1
///
/// For FFT output ordered `[0, 1, …, ⌈N/2⌉−1, −⌊N/2⌋, …, −1]·Δf` the result is ordered
/// `[−⌊N/2⌋, …, −1, 0, 1, …, ⌈N/2⌉−1]·Δf`: index `⌊N/2⌋` holds DC. Odd `N` is handled
/// (e.g. N = 5: `[0, 1, 2, −2, −1] → [−2, −1, 0, 1, 2]`). `inverseFFTShift` undoes it.
///
/// - Complexity: O(N), one allocation.
public func fftShift<Element>(_ x: [Element]) -> [Element] {
    rotated(x, by: x.count / 2)
}

/// Undoes `fftShift` (NumPy's `ifftshift`): `y[k] = x[(k + ⌊N/2⌋) mod N]`. Differs from
/// `fftShift` only for odd `N`.
public func inverseFFTShift<Element>(_ x: [Element]) -> [Element] {
    rotated(x, by: x.count - x.count / 2)
}

/// `fftShift` from one buffer into another (no allocation).
///
/// - Precondition: `source` and `destination` have the same count and do not overlap.
public func fftShift<Element>(
    from source: UnsafeBufferPointer<Element>, into destination: UnsafeMutableBufferPointer<Element>
) {
    precondition(source.count == destination.count, "fftShift buffers differ in length")
    let n = source.count
    let half = n / 2
    for k in 0..<n {
        let j = k - half
        destination[k] = source[j < 0 ? j + n : j]
    }
}

/// `y[(i + shift) mod N] = x[i]`, i.e. a circular rotation to the right by `shift` ∈ [0, N].
private func rotated<Element>(_ x: [Element], by shift: Int) -> [Element] {
    let n = x.count
    guard n > 1 else { return x }
    let split = n - shift  // y = x[split...] + x[..<split]
    return Array(x[split...] + x[..<split])
}
