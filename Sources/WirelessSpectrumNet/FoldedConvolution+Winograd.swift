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

    /// Workspace values of the Winograd form: V_0…V_3 and M_0…M_3.
    func winogradColumnCount(batch: Int, length: Int) -> Int {
        4 * (planes * inChannels + planes * outChannels) * batch * length / 2
    }

    /// Y (+)= conv(x) through the four products, one window at a time (see the type's comment).
    func applyWinograd(
        _ form: WinogradForm, _ rows: ConvolutionInputRows, batch: Int, length: Int,
        columns: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>, accumulate: Bool
    ) {
        let d = convolution.dilation
        let half = length / 2
        let tiles = batch * half
        let (k, m) = (planes * inChannels, planes * outChannels)
        let v = columns
        let product = columns + 4 * k * tiles
        let blocks = length / (2 * d)
        // Input transform: row p·C_in + i of V_k, tile columns n·L/2 + s.
        for p in 0..<planes {
            for i in 0..<inChannels {
                let row = p * inChannels + i
                let x = rows.planes[p].base + i * rows.channelStride
                for n in 0..<batch {
                    let xRow = x + n * rows.exampleStride
                    let offset = row * tiles + n * half
                    let (v0, v1, v2, v3) = (
                        v + offset, v + k * tiles + offset, v + 2 * k * tiles + offset, v + 3 * k * tiles + offset
                    )
                    for b in 0..<blocks {
                        let first = b == 0
                        let last = b == blocks - 1
                        for j in 0..<d {
                            let t = 2 * d * b + j
                            let s = d * b + j
                            let d0 = first ? 0 : xRow[t - d]
                            let d1 = xRow[t]
                            let d2 = xRow[t + d]
                            let d3 = last ? 0 : xRow[t + 2 * d]
                            v0[s] = d0 - d2
                            v1[s] = d1 + d2
                            v2[s] = d2 - d1
                            v3[s] = d1 - d3
                        }
                    }
                }
            }
        }
        form.weights.withUnsafeBufferPointer { u in
            for n in 0..<batch {
                for q in 0..<4 {
                    FloatMatrixProduct.multiply(
                        transposeA: false, transposeB: false, m: m, n: half, k: k, a: u.baseAddress! + q * m * k,
                        lda: k, b: v + q * k * tiles + n * half, ldb: tiles, c: product + q * m * tiles + n * half,
                        ldc: tiles)
                }
            }
        }
        // Output transform into the channel-major map: row r, window n, positions t and t + d.
        for r in 0..<m {
            for n in 0..<batch {
                let offset = r * tiles + n * half
                let (m0, m1, m2, m3) = (
                    product + offset, product + m * tiles + offset, product + 2 * m * tiles + offset,
                    product + 3 * m * tiles + offset
                )
                let y = output + r * batch * length + n * length
                for b in 0..<blocks {
                    for j in 0..<d {
                        let t = 2 * d * b + j
                        let s = d * b + j
                        let even = m0[s] + m1[s] + m2[s]
                        let odd = m1[s] - m2[s] - m3[s]
                        if accumulate {
                            y[t] += even
                            y[t + d] += odd
                        } else {
                            y[t] = even
                            y[t + d] = odd
                        }
                    }
                }
            }
        }
    }
}
