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
///
/// The F(4,3) form (points 0, ±1, ±2, ∞) computes four outputs (y_t, y_{t+d}, y_{t+2d}, y_{t+3d}) from six
/// inputs d_k = x[t + (k−1)·d], k = 0…5, in six products over L/4 columns: half the direct multiply-adds.
///
///     U_0 = g_0/4,  U_{1,2} = −(g_0 ± g_1 + g_2)/6,  U_{3,4} = (g_0 ± 2g_1 + 4g_2)/24,  U_5 = g_2
///     V_0 = 4d_0 − 5d_2 + d_4,   V_{1,2} = (d_4 − 4d_2) ± (d_3 − 4d_1),
///     V_{3,4} = (d_4 − d_2) ± 2(d_3 − d_1),   V_5 = 4d_1 − 5d_3 + d_5
///     with a = M_1 + M_2, b = M_1 − M_2, c = M_3 + M_4, e = M_3 − M_4:
///     y_t = M_0 + a + c,  y_{t+d} = b + 2e,  y_{t+2d} = a + 4c,  y_{t+3d} = b + 8e + M_5
///
/// Its transforms have larger coefficients: Σ_k |A_ik|·max|U_k|·max|V_k| ≤ 30·S (S = max|x|·Σ|g|, the
/// bound on |y|) against 6·S for F(2,3), so the rounding grows about five-fold (still ≈ 1e-6 of the
/// logits, `InferencePlanTests.winogradTolerance`). Tiles take t with ⌊t/d⌋ ≡ 0 mod 4, numbered
/// s = d·⌊t/4d⌋ + t mod d, and need L divisible by 4d; a layer whose length is not falls back to F(2,3).
extension FoldedConvolution {
    struct WinogradForm: Sendable {
        /// Outputs per tile: 2 (F(2,3), four products) or 4 (F(4,3), six products).
        let outputs: Int
        /// U_0…U_{P−1} (P = outputs + 2 products), each `[planes·C_out × planes·C_in]` row-major, one after another.
        let weights: [Float]

        /// Products per tile.
        var products: Int { outputs + 2 }
    }

    /// The transformed weights when `convolution` is a 3-tap convolution of stride 1 and padding equal
    /// to its dilation (the "same" convolutions of the residual blocks); nil otherwise.
    /// - Parameter outputs: 2 for F(2,3), 4 for F(4,3).
    static func winogradForm(weight: [Float], convolution c: ComplexConv1D<Float>, outputs: Int) -> WinogradForm? {
        precondition(outputs == 2 || outputs == 4, "Winograd tiles of 2 or 4 outputs")
        guard c.kernelSize == 3 && c.stride == 1 && c.padding == c.dilation else { return nil }
        let planes = c.isComplex ? 2 : 1
        let (m, k) = (planes * c.outChannels, planes * c.inChannels)
        let products = outputs + 2
        var u = [Float](repeating: 0, count: products * m * k)
        for row in 0..<m {
            for column in 0..<k {
                // Column p·C_in + i of U is the taps (p·C_in + i)·3 + j of W'.
                let base = row * 3 * k + column * 3
                let (g0, g1, g2) = (Double(weight[base]), Double(weight[base + 1]), Double(weight[base + 2]))
                let transformed =
                    outputs == 2
                    ? [g0, (g0 + g1 + g2) / 2, (g0 - g1 + g2) / 2, g2]
                    : [
                        g0 / 4, -(g0 + g1 + g2) / 6, -(g0 - g1 + g2) / 6, (g0 + 2 * g1 + 4 * g2) / 24,
                        (g0 - 2 * g1 + 4 * g2) / 24, g2,
                    ]
                for q in 0..<products { u[q * m * k + row * k + column] = Float(transformed[q]) }
            }
        }
        return WinogradForm(outputs: outputs, weights: u)
    }

    /// The Winograd form that runs for windows of `length` positions (the preferred one when its tiles
    /// divide the length, else the F(2,3) fallback when its do), nil for im2col.
    func winogradForm(length: Int) -> WinogradForm? {
        for form in [winograd, winogradFallback] {
            if let form, length % (form.outputs * convolution.dilation) == 0 { return form }
        }
        return nil
    }

    /// Whether a Winograd form runs for windows of `length` positions.
    func usesWinograd(length: Int) -> Bool { winogradForm(length: length) != nil }

    /// Tiles per chunk: a window is transformed, multiplied and transformed back a chunk of tiles at a
    /// time, the whole window when V and M (P·(planes·C_in + planes·C_out) values per tile) fit in
    /// ≈ 512 kB, else chunks of at least 128 tiles (narrower products pack the weights too often).
    func winogradChunk(_ form: WinogradForm, length: Int) -> Int {
        let perTile = form.products * planes * (inChannels + outChannels)
        return max(1, min(length / form.outputs, max(128, 131_072 / perTile)))
    }

    /// Workspace values of the Winograd form: V_0…V_{P−1} and M_0…M_{P−1} of one chunk.
    func winogradColumnCount(batch: Int, length: Int) -> Int {
        guard let form = winogradForm(length: length) else { return 0 }
        return form.products * planes * (inChannels + outChannels) * winogradChunk(form, length: length)
    }

    /// Y (+)= conv(x) through the form's products, one chunk of one window at a time (see the type's
    /// comment), with the epilogue (`finish`'s bias, residual and rectifier, in its order of operations) fused
    /// into the output transform. A residual and a summed map do not come together (`InferencePlan.run`).
    func applyWinograd(
        _ form: WinogradForm, _ rows: ConvolutionInputRows, batch: Int, length: Int,
        columns: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>, accumulate: Bool,
        epilogue: Epilogue?
    ) {
        precondition(!accumulate || epilogue?.residual == nil, "a residual added to a summed map")
        let d = convolution.dilation
        let e = form.outputs
        let products = form.products
        let tiles = length / e
        let chunk = winogradChunk(form, length: length)
        let (k, m) = (planes * inChannels, planes * outChannels)
        let v = columns
        let product = columns + products * k * chunk
        let lower = epilogue?.rectify == true ? Float(0) : -Float.infinity
        for n in 0..<batch {
            for first in stride(from: 0, to: tiles, by: chunk) {
                let count = min(chunk, tiles - first)
                // Input transform: row p·C_in + i of V_q, column s − first.
                for p in 0..<planes {
                    for i in 0..<inChannels {
                        let x = rows.planes[p].base + i * rows.channelStride + n * rows.exampleStride
                        let row = v + (p * inChannels + i) * chunk
                        if e == 2 {
                            Self.transformInput(
                                x, length: length, dilation: d, tiles: first..<(first + count),
                                into: (row, row + k * chunk, row + 2 * k * chunk, row + 3 * k * chunk))
                        } else {
                            Self.transformInput4(
                                x, length: length, dilation: d, tiles: first..<(first + count), into: row,
                                stride: k * chunk)
                        }
                    }
                }
                form.weights.withUnsafeBufferPointer { u in
                    for q in 0..<products {
                        FloatMatrixProduct.multiply(
                            transposeA: false, transposeB: false, m: m, n: count, k: k,
                            a: u.baseAddress! + q * m * k, lda: k, b: v + q * k * chunk, ldb: chunk,
                            c: product + q * m * chunk, ldc: chunk)
                    }
                }
                // Output transform into M_0…M_{e−1} (output j of tile s in M_j[s]), then each with the
                // epilogue to positions t + j·d of row r.
                for r in 0..<m {
                    let (row, plane) = (product + r * chunk, m * chunk)
                    let b = epilogue.map { $0.bias[r] + ($0.extraBias?[r] ?? 0) } ?? 0
                    let rowOffset = r * batch * length + n * length
                    let residual = epilogue?.residual.map { $0 + rowOffset }
                    let y = output + rowOffset
                    if e == 4 && d == 1 {
                        let t = 4 * first
                        Self.emitTiles4(
                            row, plane: plane, count: count, to: y + t, bias: b, lower: lower,
                            residual: residual.map { $0 + t }, accumulate: accumulate)
                        continue
                    }
                    if e == 2 {
                        Self.transformOutput(row, count: count, plane: plane)
                    } else {
                        Self.transformOutput4(row, count: count, plane: plane)
                    }
                    if d == 1 {
                        let t = e * first
                        for j in 0..<e {
                            Self.emit(
                                row + j * plane, count: count, to: y + t + j, stride: e, bias: b, lower: lower,
                                residual: residual.map { $0 + t + j }, accumulate: accumulate)
                        }
                        continue
                    }
                    var s = first
                    while s < first + count {
                        // A run of tiles with consecutive t: up to the end of s's block of d tiles.
                        let t = s % d + e * d * (s / d)
                        let run = min(d - s % d, first + count - s)
                        for j in 0..<e {
                            Self.emit(
                                row + j * plane + (s - first), count: run, to: y + t + j * d, stride: 1, bias: b,
                                lower: lower, residual: residual.map { $0 + t + j * d }, accumulate: accumulate)
                        }
                        s += run
                    }
                }
            }
        }
    }

    /// F(2,3)'s output transform of one row: M_0 ← M_0 + M_1 + M_2 (output t), M_1 ← M_1 − M_2 − M_3
    /// (output t + d), over `count` tiles; M_q of the row is `plane` values after M_{q−1}.
    @inline(__always)
    private static func transformOutput(_ m0: UnsafeMutablePointer<Float>, count: Int, plane: Int) {
        let (m1, m2, m3) = (m0 + plane, m0 + 2 * plane, m0 + 3 * plane)
        for s in 0..<count {
            let (a0, a1, a2, a3) = (m0[s], m1[s], m2[s], m3[s])
            m0[s] = a0 + a1 + a2
            m1[s] = a1 - a2 - a3
        }
    }

    /// F(4,3)'s output transform of one row (the type's comment), outputs j = 0…3 into M_j.
    @inline(__always)
    private static func transformOutput4(_ m0: UnsafeMutablePointer<Float>, count: Int, plane: Int) {
        let (m1, m2, m3) = (m0 + plane, m0 + 2 * plane, m0 + 3 * plane)
        let (m4, m5) = (m0 + 4 * plane, m0 + 5 * plane)
        for s in 0..<count {
            let (a, b) = (m1[s] + m2[s], m1[s] - m2[s])
            let (c, e) = (m3[s] + m4[s], m3[s] - m4[s])
            let last = b + 8 * e + m5[s]
            m0[s] = m0[s] + a + c
            m1[s] = b + 2 * e
            m2[s] = a + 4 * c
            m3[s] = last
        }
    }

    /// F(4,3) of dilation 1: the output transform and the epilogue in one pass, the four outputs of tile s
    /// stored together at y[4s…4s+3] (`emit`'s operations in its order, lane by lane).
    @inline(__always)
    private static func emitTiles4(
        _ m0: UnsafePointer<Float>, plane: Int, count: Int, to y: UnsafeMutablePointer<Float>, bias: Float,
        lower: Float, residual: UnsafePointer<Float>?, accumulate: Bool
    ) {
        let (m1, m2, m3) = (m0 + plane, m0 + 2 * plane, m0 + 3 * plane)
        let (m4, m5) = (m0 + 4 * plane, m0 + 5 * plane)
        let floor = SIMD4<Float>(repeating: lower)
        let target = UnsafeMutableRawPointer(y)
        @inline(__always) func outputs(_ s: Int) -> SIMD4<Float> {
            let (a, b) = (m1[s] + m2[s], m1[s] - m2[s])
            let (c, e) = (m3[s] + m4[s], m3[s] - m4[s])
            return SIMD4(m0[s] + a + c, b + 2 * e, a + 4 * c, b + 8 * e + m5[s])
        }
        let offset = MemoryLayout<SIMD4<Float>>.stride
        if let residual {
            let source = UnsafeRawPointer(residual)
            for s in 0..<count {
                let x = source.loadUnaligned(fromByteOffset: s &* offset, as: SIMD4<Float>.self)
                let value = pointwiseMax((outputs(s) + bias) + x, floor)
                target.storeBytes(of: value, toByteOffset: s &* offset, as: SIMD4<Float>.self)
            }
        } else if accumulate {
            for s in 0..<count {
                let previous = target.loadUnaligned(fromByteOffset: s &* offset, as: SIMD4<Float>.self)
                let value = pointwiseMax((previous + outputs(s)) + bias, floor)
                target.storeBytes(of: value, toByteOffset: s &* offset, as: SIMD4<Float>.self)
            }
        } else {
            for s in 0..<count {
                let value = pointwiseMax(outputs(s) + bias, floor)
                target.storeBytes(of: value, toByteOffset: s &* offset, as: SIMD4<Float>.self)
            }
        }
    }

    /// V_0…V_5 of F(4,3) for the tiles `tiles` of one input row of `length` values (zeros outside it):
    /// V_q at `v + q·stride`.
    private static func transformInput4(
        _ x: UnsafePointer<Float>, length: Int, dilation d: Int, tiles: Range<Int>, into v: UnsafeMutablePointer<Float>,
        stride: Int
    ) {
        let first = tiles.lowerBound
        var interior = tiles
        if d == 1 {
            // Interior tiles (all six inputs inside the row) in a branch-free loop, the two ends apart.
            let lower = max(first, 1)
            interior = lower..<max(lower, min(tiles.upperBound, length / 4 - 1))
            let xs = x + 4 * interior.lowerBound
            let c = interior.lowerBound - first
            let (v0, v1, v2) = (v + c, v + stride + c, v + 2 * stride + c)
            let (v3, v4, v5) = (v + 3 * stride + c, v + 4 * stride + c, v + 5 * stride + c)
            for j in 0..<interior.count {
                let base = 4 &* j
                let (d0, d1, d2) = (xs[base &- 1], xs[base], xs[base &+ 1])
                let (d3, d4, d5) = (xs[base &+ 2], xs[base &+ 3], xs[base &+ 4])
                let (p, q) = (d4 - 4 * d2, d3 - 4 * d1)
                let (r, w) = (d4 - d2, 2 * (d3 - d1))
                v0[j] = (4 * d0 - 5 * d2) + d4
                v1[j] = p + q
                v2[j] = p - q
                v3[j] = r + w
                v4[j] = r - w
                v5[j] = (4 * d1 - 5 * d3) + d5
            }
        } else {
            interior = first..<first
        }
        func edge(_ s: Int) {
            let t = s % d + 4 * d * (s / d)
            func at(_ k: Int) -> Float {
                let position = t + (k - 1) * d
                return position >= 0 && position < length ? x[position] : 0
            }
            let (d0, d1, d2, d3, d4, d5) = (at(0), at(1), at(2), at(3), at(4), at(5))
            let (p, q) = (d4 - 4 * d2, d3 - 4 * d1)
            let (r, w) = (d4 - d2, 2 * (d3 - d1))
            let c = s - first
            v[c] = (4 * d0 - 5 * d2) + d4
            v[stride + c] = p + q
            v[2 * stride + c] = p - q
            v[3 * stride + c] = r + w
            v[4 * stride + c] = r - w
            v[5 * stride + c] = (4 * d1 - 5 * d3) + d5
        }
        for s in first..<interior.lowerBound { edge(s) }
        for s in interior.upperBound..<tiles.upperBound { edge(s) }
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
