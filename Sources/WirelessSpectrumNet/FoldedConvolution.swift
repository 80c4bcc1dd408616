import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// A `Float` convolution with the inference-mode batch norm after it folded into its weights
/// (docs/SPECTRUM.md#inference): one GEMM computes conv + CBN.
///
/// With the real block form W_big = [[A, −B], [B, A]] of the convolution (`ComplexConv1D+MatrixProduct`)
/// and the batch norm of output channel o as y = M_o·z + c_o on (Re z, Im z) (`ChannelAffineMap`),
///
///     W'[o]      = M_o,11·W_big[o] + M_o,12·W_big[C_out + o]      (Re row)
///     W'[C_out+o] = M_o,21·W_big[o] + M_o,22·W_big[C_out + o]     (Im row)
///     b'         = M_o·b_conv + c_o
///
/// so Y = W'·X_col + b' equals CBN(conv(x)) up to rounding. The product is formed in `Double` and
/// stored in `Float`. Without a batch norm, W' = W_big and b' = b_conv.
struct FoldedConvolution: Sendable {
    /// The convolution's geometry (and its original weights, shared, unused here).
    let convolution: ComplexConv1D<Float>
    /// W', row-major `[planes·C_out × planes·C_in·K]`.
    let weight: [Float]
    /// b', `[planes·C_out]` (Re rows, then Im rows).
    let bias: [Float]

    /// The Gauss three-multiplication form of a complex layer (`ComplexConv1D+GaussProduct`), when chosen:
    /// the products Y = W·X_col in three real GEMMs of `C_out` rows, then the batch norm's M applied to
    /// (Y_r, Y_i) per channel (it mixes Re and Im, so it cannot fold into the complex weights); b' as above.
    let gauss: GaussForm?

    /// The Winograd form of a 3-tap convolution of stride 1 (`FoldedConvolution+Winograd`), when chosen:
    /// F(4,3), six GEMMs of K = planes·C_in over L/4 columns, or F(2,3), four over L/2, on transformed
    /// weights and inputs.
    let winograd: WinogradForm?
    /// The F(2,3) form beside a preferred F(4,3), for lengths that 4·dilation does not divide.
    let winogradFallback: WinogradForm?

    struct GaussForm: Sendable {
        /// A + B, A and B, `[C_out × C_in·K]` row-major.
        let sum, a, b: [Float]
        /// M per output channel: m₁₁, m₁₂, m₂₁, m₂₂.
        let maps: [Float]
    }

    var planes: Int { convolution.isComplex ? 2 : 1 }
    var outChannels: Int { convolution.outChannels }
    var inChannels: Int { convolution.inChannels }

    /// - Parameters:
    ///   - gaussMultiplication: use the three-multiplication form (complex layers only).
    ///   - winograd: use a Winograd form where it applies (3 taps, stride 1, padding = dilation);
    ///     it takes precedence over the Gauss form on those layers.
    ///   - winogradOutputs: outputs per Winograd tile, 4 (F(4,3), with F(2,3) for lengths it does not
    ///     divide) or 2 (F(2,3) only).
    init(
        _ convolution: ComplexConv1D<Float>, norm: ComplexBatchNorm<Float>?, gaussMultiplication: Bool = false,
        winograd: Bool = false, winogradOutputs: Int = 4
    ) {
        self.convolution = convolution
        let shape = convolution.gemmShape(batch: 1, length: 1)
        let big = convolution.bigWeight(shape: shape)
        let cout = convolution.outChannels
        let width = shape.rows
        let planes = shape.planes
        let maps = norm?.inferenceMaps() ?? Array(repeating: ChannelAffineMap(), count: cout)
        precondition(maps.count == cout, "batch norm and convolution widths differ")
        var weight = [Float](repeating: 0, count: planes * cout * width)
        var bias = [Float](repeating: 0, count: planes * cout)
        for o in 0..<cout {
            let map = maps[o]
            let br = Double(convolution.hasBias ? convolution.biasReal.value[o] : 0)
            if planes == 1 {
                for k in 0..<width { weight[o * width + k] = Float(map.m11 * Double(big[o * width + k])) }
                bias[o] = Float(map.m11 * br + map.c1)
                continue
            }
            let bi = Double(convolution.hasBias ? convolution.biasImaginary.value[o] : 0)
            for k in 0..<width {
                let re = Double(big[o * width + k])
                let im = Double(big[(cout + o) * width + k])
                weight[o * width + k] = Float(map.m11 * re + map.m12 * im)
                weight[(cout + o) * width + k] = Float(map.m21 * re + map.m22 * im)
            }
            bias[o] = Float(map.m11 * br + map.m12 * bi + map.c1)
            bias[cout + o] = Float(map.m21 * br + map.m22 * bi + map.c2)
        }
        self.weight = weight
        self.bias = bias
        self.winograd =
            winograd ? Self.winogradForm(weight: weight, convolution: convolution, outputs: winogradOutputs) : nil
        self.winogradFallback =
            winograd && winogradOutputs == 4
            ? Self.winogradForm(weight: weight, convolution: convolution, outputs: 2) : nil
        if gaussMultiplication && planes == 2 && self.winograd == nil {
            let w = convolution.gaussWeights()
            gauss = GaussForm(
                sum: w.sum, a: w.a, b: w.b,
                maps: maps.flatMap { [Float($0.m11), Float($0.m12), Float($0.m21), Float($0.m22)] })
        } else {
            gauss = nil
        }
    }

    /// Values of the im2col buffer `apply` needs for `batch` windows of `length` positions.
    func columnCount(batch: Int, length: Int) -> Int {
        let shape = convolution.gemmShape(batch: batch, length: length)
        let im2col = (gauss == nil ? 1 : 2) * shape.rows * shape.columns
        return usesWinograd(length: length) ? max(im2col, winogradColumnCount(batch: batch, length: length)) : im2col
    }

    /// Output length for an input of `length` positions.
    func outputLength(_ length: Int) -> Int { convolution.outputLength(length) }

    /// Y (+)= W'·X_col for a batch of `batch` examples of `length` positions read from `rows`, into
    /// `output` in the channel-major layout `[planes·C_out × batch·L_out]` (bias not added: see
    /// `finish`). `accumulate` adds to `output` (a second convolution summed into the same map).
    /// `epilogue`, when given, runs `finish` on the result (fused into the Winograd form's output transform).
    /// Single-threaded, one GEMM per window; `columns` must hold `planes·C_in·K × batch·L_out` values. A 1×1 convolution
    /// of stride 1 reads a channel-major input directly, without im2col.
    func apply(
        _ rows: ConvolutionInputRows, batch: Int, length: Int, columns: UnsafeMutablePointer<Float>,
        into output: UnsafeMutablePointer<Float>, accumulate: Bool, epilogue: Epilogue? = nil
    ) {
        let shape = convolution.gemmShape(batch: batch, length: length)
        precondition(shape.outLength >= 1, "input too short for the kernel")
        if let form = winogradForm(length: length) {
            applyWinograd(
                form, rows, batch: batch, length: length, columns: columns, into: output, accumulate: accumulate,
                epilogue: epilogue)
            return
        }
        defer {
            if let epilogue {
                Self.finish(
                    output, rows: planes * outChannels, rowLength: shape.columns, bias: epilogue.bias,
                    extraBias: epilogue.extraBias, residual: epilogue.residual, rectify: epilogue.rectify)
            }
        }
        let m = planes * outChannels
        let c = convolution
        let direct =
            c.kernelSize == 1 && c.stride == 1 && c.padding == 0 && rows.exampleStride == length
            && rows.channelStride == batch * length
            && (planes == 1 || rows.planes[1].base == rows.planes[0].base + inChannels * batch * length)
        if let gauss {
            precondition(!accumulate && !direct, "the Gauss form writes a convolution's own map")
            applyGauss(gauss, rows, shape: shape, columns: columns, into: output)
            return
        }
        let operand: UnsafePointer<Float>
        if direct {
            operand = UnsafePointer(rows.planes[0].base)
        } else {
            c.fillColumns(from: rows, shape: shape, into: columns, parallel: false)
            operand = UnsafePointer(columns)
        }
        // One product per window (n = L_out columns each), so a window's numbers do not depend on the
        // other windows of the batch: BLAS kernels may round a column differently with the column count.
        weight.withUnsafeBufferPointer { w in
            for example in 0..<batch {
                let offset = example * shape.outLength
                FloatMatrixProduct.multiply(
                    transposeA: false, transposeB: false, m: m, n: shape.outLength, k: shape.rows,
                    a: w.baseAddress!, lda: shape.rows, b: operand + offset, ldb: shape.columns,
                    beta: accumulate ? 1 : 0, c: output + offset, ldc: shape.columns)
            }
        }
    }
}

extension FoldedConvolution {
    /// What `finish` does after a product: bias of each row (plus a shortcut's), the residual, the rectifier.
    struct Epilogue {
        let bias: [Float]
        let extraBias: [Float]?
        let residual: UnsafePointer<Float>?
        let rectify: Bool
    }

    /// Y_r = (A+B)·X_r − B·S and Y_i = (A+B)·X_r + A·D with S = X_r + X_i, D = X_i − X_r (the products of
    /// `ComplexConv1D.gaussForwardProduct`), one window at a time, then (Y_r, Y_i) ← M·(Y_r, Y_i) per channel.
    private func applyGauss(
        _ gauss: GaussForm, _ rows: ConvolutionInputRows, shape: ComplexConv1D<Float>.GEMMShape,
        columns: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>
    ) {
        convolution.fillColumns(from: rows, shape: shape, into: columns, parallel: false)
        let ck = shape.rowsPerPlane
        let count = ck * shape.columns
        let (xr, xi) = (columns, columns + count)
        let (sum, difference) = (columns + 2 * count, columns + 3 * count)
        for k in 0..<count {
            sum[k] = xr[k] + xi[k]
            difference[k] = xi[k] - xr[k]
        }
        let cout = outChannels
        let cols = shape.columns
        let (yr, yi) = (output, output + cout * cols)
        let lout = shape.outLength
        gauss.sum.withUnsafeBufferPointer { ab in
            gauss.a.withUnsafeBufferPointer { a in
                gauss.b.withUnsafeBufferPointer { b in
                    for example in 0..<shape.batch {
                        let offset = example * lout
                        FloatMatrixProduct.multiply(
                            transposeA: false, transposeB: false, m: cout, n: lout, k: ck, a: ab.baseAddress!,
                            lda: ck, b: xr + offset, ldb: cols, c: yr + offset, ldc: cols)
                        for o in 0..<cout {
                            (yi + o * cols + offset).update(from: yr + o * cols + offset, count: lout)
                        }
                        FloatMatrixProduct.multiply(
                            transposeA: false, transposeB: false, m: cout, n: lout, k: ck, a: a.baseAddress!,
                            lda: ck, b: difference + offset, ldb: cols, beta: 1, c: yi + offset, ldc: cols)
                        FloatMatrixProduct.multiply(
                            transposeA: false, transposeB: false, m: cout, n: lout, k: ck, alpha: -1,
                            a: b.baseAddress!, lda: ck, b: sum + offset, ldb: cols, beta: 1, c: yr + offset, ldc: cols)
                    }
                }
            }
        }
        for o in 0..<cout {
            let (m11, m12, m21, m22) = (
                gauss.maps[4 * o], gauss.maps[4 * o + 1], gauss.maps[4 * o + 2], gauss.maps[4 * o + 3]
            )
            let (re, im) = (yr + o * cols, yi + o * cols)
            for t in 0..<cols {
                let (zr, zi) = (re[t], im[t])
                re[t] = m11 * zr + m12 * zi
                im[t] = m21 * zr + m22 * zi
            }
        }
    }

    /// Adds the bias of row r (b' of this layer, plus `extraBias` of a shortcut summed into the same map)
    /// and, when given, the same row of `residual`, then rectifies (ReLU/CReLU) when `rectify`:
    /// the fused epilogue of a folded layer, over `rows × rowLength` values in place.
    static func finish(
        _ output: UnsafeMutablePointer<Float>, rows: Int, rowLength: Int, bias: [Float], extraBias: [Float]?,
        residual: UnsafePointer<Float>?, rectify: Bool
    ) {
        for r in 0..<rows {
            let b = bias[r] + (extraBias?[r] ?? 0)
            let y = output + r * rowLength
            if let residual {
                let x = residual + r * rowLength
                if rectify {
                    for t in 0..<rowLength { y[t] = max(y[t] + b + x[t], 0) }
                } else {
                    for t in 0..<rowLength { y[t] = y[t] + b + x[t] }
                }
            } else if rectify {
                for t in 0..<rowLength { y[t] = max(y[t] + b, 0) }
            } else {
                for t in 0..<rowLength { y[t] += b }
            }
        }
    }
}
