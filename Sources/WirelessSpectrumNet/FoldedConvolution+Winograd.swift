import WirelessLinearAlgebra

/// The Winograd F(2,3) form of a folded 3-tap convolution of stride 1 (docs/SPECTRUM.md#inference).
///
/// Two outputs (y_t, y_{t+d}) of a 3-tap convolution of dilation d read four inputs
/// d_k = x[t + (k−1)·d], k = 0…3 (padding d, zeros outside the window). With the taps g_0, g_1, g_2
/// (each a `planes·C_out × planes·C_in` matrix of the folded block-form weight W'):
///
///     U_0 = g_0,   U_1 = (g_0 + g_1 + g_2)/2,   U_2 = (g_0 − g_1 + g_2)/2,   U_3 = g_2
///     V_0 = d_0 − d_2,   V_1 = d_1 + d_2,   V_2 = d_2 − d_1,   V_3 = d_1 − d_3
///     M_k = U_k·V_k                                            (four GEMMs, K = planes·C_in, L/2 columns)
///     y_t = M_0 + M_1 + M_2,   y_{t+d} = M_1 − M_2 − M_3
///
/// which is the direct convolution exactly in real arithmetic (expand the sums). Four products of
/// K = planes·C_in over L/2 columns replace one of K = 3·planes·C_in over L: 2/3 of the multiply-adds.
/// The points 0, ±1 of F(2,3) keep the transforms to additions and halvings, so the rounding stays within
/// a small multiple of the direct product's (see `InferencePlanTests.winogradTolerance`). Tiles pair t
/// with t + d: the tiles of a window are the t with ⌊t/d⌋ even, numbered s = d·⌊t/2d⌋ + t mod d, which
/// needs L divisible by 2d (otherwise the layer runs through im2col).
extension FoldedConvolution {
    struct WinogradForm: Sendable {
        /// U_0…U_3, each `[planes·C_out × planes·C_in]` row-major, one after another.
        let weights: [Float]
    }

    /// The transformed weights when `convolution` is a 3-tap convolution of stride 1 and padding equal
    /// to its dilation (the "same" convolutions of the residual blocks); nil otherwise.
    static func winogradForm(weight: [Float], convolution c: ComplexConv1D<Float>) -> WinogradForm? {
        guard c.kernelSize == 3 && c.stride == 1 && c.padding == c.dilation else { return nil }
        let planes = c.isComplex ? 2 : 1
        let (m, k) = (planes * c.outChannels, planes * c.inChannels)
        var u = [Float](repeating: 0, count: 4 * m * k)
        for row in 0..<m {
            for column in 0..<k {
                // Column p·C_in + i of U is the taps (p·C_in + i)·3 + j of W'.
                let base = row * 3 * k + column * 3
                let (g0, g1, g2) = (Double(weight[base]), Double(weight[base + 1]), Double(weight[base + 2]))
                let entry = row * k + column
                u[entry] = Float(g0)
                u[m * k + entry] = Float((g0 + g1 + g2) / 2)
                u[2 * m * k + entry] = Float((g0 - g1 + g2) / 2)
                u[3 * m * k + entry] = Float(g2)
            }
        }
        return WinogradForm(weights: u)
    }

    /// Whether the Winograd form runs for windows of `length` positions.
    func usesWinograd(length: Int) -> Bool {
        winograd != nil && length % (2 * convolution.dilation) == 0
    }

    /// Tiles per chunk: a window is transformed, multiplied and transformed back a chunk of tiles at a
    /// time, the whole window when V and M (4·(planes·C_in + planes·C_out) values per tile) fit in
    /// ≈ 512 kB, else chunks of at least 128 tiles (narrower products pack the weights too often).
    func winogradChunk(length: Int) -> Int {
        let perTile = 4 * planes * (inChannels + outChannels)
        return max(1, min(length / 2, max(128, 131_072 / perTile)))
    }

    /// Workspace values of the Winograd form: V_0…V_3 and M_0…M_3 of one chunk.
    func winogradColumnCount(batch: Int, length: Int) -> Int {
        4 * planes * (inChannels + outChannels) * winogradChunk(length: length)
    }

    /// Y (+)= conv(x) through the four products, one chunk of one window at a time (see the type's comment),
    /// with the epilogue (`finish`'s bias, residual and rectifier, in its order of operations) fused into
    /// the output transform. A residual and a summed map do not come together (`InferencePlan.run`).
    func applyWinograd(
        _ form: WinogradForm, _ rows: ConvolutionInputRows, batch: Int, length: Int,
        columns: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>, accumulate: Bool,
        epilogue: Epilogue?
    ) {
        precondition(!accumulate || epilogue?.residual == nil, "a residual added to a summed map")
        let d = convolution.dilation
        let half = length / 2
        let chunk = winogradChunk(length: length)
        let (k, m) = (planes * inChannels, planes * outChannels)
        let v = columns
        let product = columns + 4 * k * chunk
        let lower = epilogue?.rectify == true ? Float(0) : -Float.infinity
        for n in 0..<batch {
            for first in stride(from: 0, to: half, by: chunk) {
                let count = min(chunk, half - first)
                // Input transform: row p·C_in + i of V_q, column s − first.
                for p in 0..<planes {
                    for i in 0..<inChannels {
                        let x = rows.planes[p].base + i * rows.channelStride + n * rows.exampleStride
                        let row = (p * inChannels + i) * chunk
                        Self.transformInput(
                            x, length: length, dilation: d, tiles: first..<(first + count),
                            into: (v + row, v + k * chunk + row, v + 2 * k * chunk + row, v + 3 * k * chunk + row))
                    }
                }
                form.weights.withUnsafeBufferPointer { u in
                    for q in 0..<4 {
                        FloatMatrixProduct.multiply(
                            transposeA: false, transposeB: false, m: m, n: count, k: k,
                            a: u.baseAddress! + q * m * k, lda: k, b: v + q * k * chunk, ldb: chunk,
                            c: product + q * m * chunk, ldc: chunk)
                    }
                }
                // Output transform: even = M_0 + M_1 + M_2 into M_0, odd = M_1 − M_2 − M_3 into M_3, then
                // both with the epilogue to positions t and t + d of row r.
                for r in 0..<m {
                    let m0 = product + r * chunk
                    let (m1, m2, m3) = (m0 + m * chunk, m0 + 2 * m * chunk, m0 + 3 * m * chunk)
                    for s in 0..<count {
                        let (a0, a1, a2, a3) = (m0[s], m1[s], m2[s], m3[s])
                        m0[s] = a0 + a1 + a2
                        m3[s] = a1 - a2 - a3
                    }
                    let b = epilogue.map { $0.bias[r] + ($0.extraBias?[r] ?? 0) } ?? 0
                    let rowOffset = r * batch * length + n * length
                    let residual = epilogue?.residual.map { $0 + rowOffset }
                    let y = output + rowOffset
                    if d == 1 {
                        let t = 2 * first
                        Self.emit(
                            m0, count: count, to: y + t, stride: 2, bias: b, lower: lower,
                            residual: residual.map { $0 + t }, accumulate: accumulate)
                        Self.emit(
                            m3, count: count, to: y + t + 1, stride: 2, bias: b, lower: lower,
                            residual: residual.map { $0 + t + 1 }, accumulate: accumulate)
                        continue
                    }
                    var s = first
                    while s < first + count {
                        // A run of tiles with consecutive t: up to the end of s's block of d tiles.
                        let t = s + d * (s / d)
                        let run = min(d - s % d, first + count - s)
                        Self.emit(
                            m0 + (s - first), count: run, to: y + t, stride: 1, bias: b, lower: lower,
                            residual: residual.map { $0 + t }, accumulate: accumulate)
                        Self.emit(
                            m3 + (s - first), count: run, to: y + t + d, stride: 1, bias: b, lower: lower,
                            residual: residual.map { $0 + t + d }, accumulate: accumulate)
                        s += run
                    }
                }
            }
        }
    }

    /// V_0…V_3 of the tiles `tiles` of one input row of `length` values (zeros outside it).
    private static func transformInput(
        _ x: UnsafePointer<Float>, length: Int, dilation d: Int, tiles: Range<Int>,
        into v: (
            UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>,
            UnsafeMutablePointer<Float>
        )
    ) {
        let first = tiles.lowerBound
        if d == 1 {
            // Interior tiles (all four inputs inside the row) in a branch-free loop, the two ends apart.
            let interior = max(first, 1)..<max(max(first, 1), min(tiles.upperBound, length / 2 - 1))
            let count = interior.count
            let xs = x + 2 * interior.lowerBound
            let c = interior.lowerBound - first
            let (v0, v1, v2, v3) = (v.0 + c, v.1 + c, v.2 + c, v.3 + c)
            for j in 0..<count {
                let (d0, d1, d2, d3) = (xs[2 &* j &- 1], xs[2 &* j], xs[2 &* j &+ 1], xs[2 &* j &+ 2])
                v0[j] = d0 - d2
                v1[j] = d1 + d2
                v2[j] = d2 - d1
                v3[j] = d1 - d3
            }
            for s in Array(first..<interior.lowerBound) + Array(interior.upperBound..<tiles.upperBound) {
                transformTile(x, length: length, dilation: 1, tile: s, column: s - first, into: v)
            }
            return
        }
        for s in tiles { transformTile(x, length: length, dilation: d, tile: s, column: s - first, into: v) }
    }

    @inline(__always)
    private static func transformTile(
        _ x: UnsafePointer<Float>, length: Int, dilation d: Int, tile s: Int, column c: Int,
        into v: (
            UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>,
            UnsafeMutablePointer<Float>
        )
    ) {
        let t = s + d * (s / d)
        let d0 = t >= d ? x[t - d] : 0
        let (d1, d2) = (x[t], x[t + d])
        let d3 = t + 2 * d < length ? x[t + 2 * d] : 0
        v.0[c] = d0 - d2
        v.1[c] = d1 + d2
        v.2[c] = d2 - d1
        v.3[c] = d1 - d3
    }

    /// y[j·stride] = max(((y[j·stride] if accumulate) + source[j]) + bias + residual[j·stride], lower) for
    /// j < count: `finish`'s operations in its order (adding a bias of 0 and taking the max with −∞ change
    /// nothing).
    @inline(__always)
    private static func emit(
        _ source: UnsafePointer<Float>, count: Int, to y: UnsafeMutablePointer<Float>, stride: Int, bias: Float,
        lower: Float, residual: UnsafePointer<Float>?, accumulate: Bool
    ) {
        if let residual {
            for j in 0..<count { y[j &* stride] = max((source[j] + bias) + residual[j &* stride], lower) }
        } else if accumulate {
            for j in 0..<count { y[j &* stride] = max((y[j &* stride] + source[j]) + bias, lower) }
        } else {
            for j in 0..<count { y[j &* stride] = max(source[j] + bias, lower) }
        }
    }
}
