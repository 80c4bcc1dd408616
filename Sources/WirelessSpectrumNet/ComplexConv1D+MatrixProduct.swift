import Numerics
import WirelessCore
import WirelessLinearAlgebra

/// The `Float` fast path of `ComplexConv1D`: im2col and one real GEMM per pass (OpenBLAS sgemm).
///
/// With the column matrix X_col[(p·Cin + i)·K + j, n·L_out + t] = x_p[n, i, t·s + j·d − p_pad]
/// (p = Re, Im planes) and the real block form of W = A + iB,
///
///     W_big = [[A, −B], [B, A]]   (2C_out × 2C_in·K),     Y = W_big · X_col   → [y_r; y_i]
///     ∂W_bigᵀ = X_col · Gᵀ,  ∂A = ∂W_TL + ∂W_BR,  ∂B = ∂W_BL − ∂W_TR,   ∂X_col = W_bigᵀ · G  (then col2im)
///
/// which is the same algebra as the direct loops of `ComplexConv1D` (tested against them).
extension ComplexConv1D {
    /// Geometry of one pass.
    struct GEMMShape {
        let batch, length, outLength, planes, rowsPerPlane, columns: Int
        var rows: Int { planes * rowsPerPlane }
    }

    func gemmShape(batch: Int, length: Int) -> GEMMShape {
        let outLength = outputLength(length)
        return GEMMShape(
            batch: batch, length: length, outLength: outLength, planes: isComplex ? 2 : 1,
            rowsPerPlane: inChannels * kernelSize, columns: batch * outLength)
    }

    /// Fills X_col from the input planes of a `ComplexTensor` (one parallel task per (plane, input
    /// channel)). Every element is written (zeros where the tap falls into the padding), so `column`
    /// may start uninitialised.
    func fillColumns(_ input: ComplexTensor<Float>, shape: GEMMShape, into column: UnsafeMutablePointer<Float>) {
        input.withPlanePointers { xr, xi in
            let rows = ConvolutionInputRows(
                planes: shape.planes == 2 ? [xr, xi] : [xr], channelStride: shape.length,
                exampleStride: inChannels * shape.length)
            fillColumns(from: rows, shape: shape, into: column, parallel: true)
        }
    }

    /// Fills X_col[(p·C_in + i)·K + j, n·L_out + t] = x_p[n, i, t·s + j·d − p_pad] from input rows laid out
    /// as `rows` says (a `ComplexTensor`, or the channel-major layout of `InferencePlan`), zeros where the tap
    /// falls into the padding. One task per (plane, input channel), run on both cores when `parallel`.
    func fillColumns(
        from rows: ConvolutionInputRows, shape: GEMMShape, into column: UnsafeMutablePointer<Float>, parallel: Bool
    ) {
        let (cin, kernel, s, d, p) = (inChannels, kernelSize, stride, dilation, padding)
        let ranges = (0..<kernel).map {
            validRange(offset: $0 * d - p, inputLength: shape.length, outputLength: shape.outLength)
        }
        let columnPointer = SendablePointer(column)
        runTasks(count: shape.planes * cin, parallel: parallel) { task in
            let plane = task / cin
            let i = task % cin
            let x = rows.planes[plane].base + i * rows.channelStride
            for j in 0..<kernel {
                let row = columnPointer.base + (plane * shape.rowsPerPlane + i * kernel + j) * shape.columns
                let shift = j * d - p
                let valid = ranges[j]
                for n in 0..<shape.batch {
                    let xRow = x + n * rows.exampleStride
                    let out = row + n * shape.outLength
                    out.update(repeating: 0, count: valid.lowerBound)
                    if s == 1 {
                        out.advanced(by: valid.lowerBound).update(
                            from: xRow + (valid.lowerBound + shift), count: valid.count)
                    } else {
                        for t in valid { out[t] = xRow[t * s + shift] }
                    }
                    (out + valid.upperBound).update(repeating: 0, count: shape.outLength - valid.upperBound)
                }
            }
        }
    }

    /// W_big in row-major `[planes·C_out × planes·C_in·K]`.
    func bigWeight(shape: GEMMShape) -> [Float] {
        let cout = outChannels
        let ck = shape.rowsPerPlane
        let width = shape.rows
        var big = [Float](repeating: 0, count: shape.planes * cout * width)
        weightReal.value.withUnsafeBufferPointer { aRaw in
            let a = UnsafeRawPointer(aRaw.baseAddress!).assumingMemoryBound(to: Float.self)
            for o in 0..<cout {
                for k in 0..<ck { big[o * width + k] = a[o * ck + k] }
            }
            if shape.planes == 2 {
                weightImaginary.value.withUnsafeBufferPointer { bRaw in
                    let b = UnsafeRawPointer(bRaw.baseAddress!).assumingMemoryBound(to: Float.self)
                    for o in 0..<cout {
                        for k in 0..<ck {
                            big[o * width + ck + k] = -b[o * ck + k]
                            big[(cout + o) * width + k] = b[o * ck + k]
                            big[(cout + o) * width + ck + k] = a[o * ck + k]
                        }
                    }
                }
            }
        }
        return big
    }

    /// Forward through GEMM (Scalar == Float only); returns the output and X_col. The product runs
    /// as two column blocks in parallel (`FloatMatrixProduct.multiplyInBlocks`; deterministic at
    /// any core count).
    func forwardGEMM(_ input: ComplexTensor<Float>) -> (output: ComplexTensor<Float>, columns: [Float]) {
        let shape = gemmShape(batch: input.batch, length: input.length)
        precondition(shape.outLength >= 1, "input too short for the kernel")
        let column = [Float](unsafeUninitializedCapacity: shape.rows * shape.columns) { buffer, count in
            fillColumns(input, shape: shape, into: buffer.baseAddress!)
            count = buffer.count
        }
        let m = shape.planes * outChannels
        let product: [Float]
        if isComplex && useGaussMultiplication {
            product = gaussForwardProduct(column: column, shape: shape)
        } else {
            let big = bigWeight(shape: shape)
            product = [Float](unsafeUninitializedCapacity: m * shape.columns) { y, count in
                big.withUnsafeBufferPointer { w in
                    column.withUnsafeBufferPointer { c in
                        FloatMatrixProduct.multiplyInBlocks(
                            along: .columns, transposeA: false, transposeB: false, m: m, n: shape.columns,
                            k: shape.rows, a: w.baseAddress!, lda: shape.rows, b: c.baseAddress!,
                            ldb: shape.columns, c: y.baseAddress!, ldc: shape.columns)
                    }
                }
                count = y.count
            }
        }
        var output = ComplexTensor<Float>(  // every element is written below
            uninitializedBatch: input.batch, channels: outChannels, length: shape.outLength,
            isComplex: isComplex)
        let biasR = biasReal.value.map { Float($0) }
        let biasI = biasImaginary.value.map { Float($0) }
        let lout = shape.outLength
        let cout = outChannels
        let complex = isComplex
        product.withUnsafeBufferPointer { source in
            output.real.withUnsafeMutableBufferPointer { yr in
                output.imaginary.withUnsafeMutableBufferPointer { yi in
                    for n in 0..<input.batch {
                        for o in 0..<cout {
                            let dst = (n * cout + o) * lout
                            let srcR = source.baseAddress! + o * shape.columns + n * lout
                            let br: Float = biasR.isEmpty ? 0 : biasR[o]
                            for t in 0..<lout { yr[dst + t] = srcR[t] + br }
                            if complex {
                                let srcI = source.baseAddress! + (cout + o) * shape.columns + n * lout
                                let bi: Float = biasI.isEmpty ? 0 : biasI[o]
                                for t in 0..<lout { yi[dst + t] = srcI[t] + bi }
                            }
                        }
                    }
                }
            }
        }
        return (output, column)
    }

    /// Backward through GEMM (Scalar == Float only): accumulates ∂A, ∂B, ∂b; returns ∂x, or an
    /// empty tensor without computing it when `computingInputGradient` is false. `columns` is the
    /// forward pass's X_col of this `input` if kept, else it is built again.
    mutating func backwardGEMM(
        input: ComplexTensor<Float>, gradient: ComplexTensor<Float>, columns: [Float]? = nil,
        computingInputGradient: Bool = true
    ) -> ComplexTensor<Float> {
        let shape = gemmShape(batch: input.batch, length: input.length)
        let cout = outChannels
        let lout = shape.outLength
        let m = shape.planes * cout
        // G = [g_r; g_i] as [planes·C_out × B·L_out].
        let complex = isComplex
        let g = [Float](unsafeUninitializedCapacity: m * shape.columns) { buffer, count in
            let destination = buffer.baseAddress!
            gradient.real.withUnsafeBufferPointer { gr in
                gradient.imaginary.withUnsafeBufferPointer { gi in
                    for n in 0..<input.batch {
                        for o in 0..<cout {
                            let src = (n * cout + o) * lout
                            (destination + o * shape.columns + n * lout).update(
                                from: gr.baseAddress! + src, count: lout)
                            if complex {
                                (destination + (cout + o) * shape.columns + n * lout).update(
                                    from: gi.baseAddress! + src, count: lout)
                            }
                        }
                    }
                }
            }
            count = buffer.count
        }
        if hasBias {
            g.withUnsafeBufferPointer { rows in
                for o in 0..<cout {
                    biasReal.gradient[o] += Scalar(laneSum(rows.baseAddress! + o * shape.columns, count: shape.columns))
                    if complex {
                        biasImaginary.gradient[o] += Scalar(
                            laneSum(rows.baseAddress! + (cout + o) * shape.columns, count: shape.columns))
                    }
                }
            }
        }
        let column =
            columns
            ?? [Float](unsafeUninitializedCapacity: shape.rows * shape.columns) { buffer, count in
                fillColumns(input, shape: shape, into: buffer.baseAddress!)
                count = buffer.count
            }
        precondition(column.count == shape.rows * shape.columns, "cached im2col matrix of another shape")
        let skipped = ComplexTensor<Float>(
            batch: 0, channels: input.channels, length: input.length, isComplex: isComplex)
        if isComplex && useGaussMultiplication {
            let (gradientA, gradientB, columnGradient) = gaussBackwardProducts(
                column: column, g: g, shape: shape, computingColumnGradient: computingInputGradient)
            for k in 0..<(outChannels * shape.rowsPerPlane) {
                weightReal.gradient[k] += Scalar(gradientA[k])
                weightImaginary.gradient[k] += Scalar(gradientB[k])
            }
            return computingInputGradient ? columnsToInput(columnGradient, like: input, shape: shape) : skipped
        }
        let big = bigWeight(shape: shape)
        // ∂W_bigᵀ = X_col·Gᵀ (rows × m; OpenBLAS packs this operand order faster than G·X_colᵀ
        // for the long reduction over B·L_out) in two row blocks; ∂X_col = W_bigᵀ·G in two
        // column blocks.
        let weightGradientT = [Float](unsafeUninitializedCapacity: shape.rows * m) { dw, count in
            g.withUnsafeBufferPointer { gp in
                column.withUnsafeBufferPointer { cp in
                    FloatMatrixProduct.multiplyInBlocks(
                        along: .rows, transposeA: false, transposeB: true, m: shape.rows, n: m, k: shape.columns,
                        a: cp.baseAddress!, lda: shape.columns, b: gp.baseAddress!, ldb: shape.columns,
                        c: dw.baseAddress!, ldc: m, minimumPerPart: 8)
                }
            }
            count = dw.count
        }
        let columnGradient = [Float](
            unsafeUninitializedCapacity: computingInputGradient ? shape.rows * shape.columns : 0
        ) { dc, count in
            guard computingInputGradient else {
                count = 0
                return
            }
            big.withUnsafeBufferPointer { wp in
                g.withUnsafeBufferPointer { gp in
                    FloatMatrixProduct.multiplyInBlocks(
                        along: .columns, transposeA: true, transposeB: false, m: shape.rows, n: shape.columns,
                        k: m, a: wp.baseAddress!, lda: shape.rows, b: gp.baseAddress!, ldb: shape.columns,
                        c: dc.baseAddress!, ldc: shape.columns)
                }
            }
            count = dc.count
        }
        // ∂W_big[row, column] sits at weightGradientT[column · m + row].
        let ck = shape.rowsPerPlane
        for o in 0..<cout {
            for k in 0..<ck {
                if isComplex {
                    let tl = weightGradientT[k * m + o]
                    let tr = weightGradientT[(ck + k) * m + o]
                    let bl = weightGradientT[k * m + cout + o]
                    let br = weightGradientT[(ck + k) * m + cout + o]
                    weightReal.gradient[o * ck + k] += Scalar(tl + br)
                    weightImaginary.gradient[o * ck + k] += Scalar(bl - tr)
                } else {
                    weightReal.gradient[o * ck + k] += Scalar(weightGradientT[k * m + o])
                }
            }
        }
        return computingInputGradient ? columnsToInput(columnGradient, like: input, shape: shape) : skipped
    }

    /// col2im: scatters ∂X_col back onto ∂x (one task per (plane, example, input channel) row).
    func columnsToInput(_ columnGradient: [Float], like input: ComplexTensor<Float>, shape: GEMMShape)
        -> ComplexTensor<Float>
    {
        let lout = shape.outLength
        var inputGradient = input.zerosLike()
        let (cin, kernel, s, d, p) = (inChannels, kernelSize, stride, dilation, padding)
        let ranges = (0..<kernel).map {
            validRange(offset: $0 * d - p, inputLength: shape.length, outputLength: lout)
        }
        inputGradient.real.withUnsafeMutableBufferPointer { dxr in
            inputGradient.imaginary.withUnsafeMutableBufferPointer { dxi in
                columnGradient.withUnsafeBufferPointer { dc in
                    let planes =
                        [SendablePointer(dxr.baseAddress!)]
                        + (shape.planes == 2 ? [SendablePointer(dxi.baseAddress!)] : [])
                    let dcol = SendablePointer(readOnly: dc.baseAddress!)
                    parallelTasks(count: shape.planes * shape.batch * cin) { task in
                        let plane = task / (shape.batch * cin)
                        let n = (task / cin) % shape.batch
                        let i = task % cin
                        let dx = planes[plane].base + (n * cin + i) * shape.length
                        for j in 0..<kernel {
                            let row =
                                dcol.base + (plane * shape.rowsPerPlane + i * kernel + j) * shape.columns + n * lout
                            let shift = j * d - p
                            if s == 1 {
                                let valid = ranges[j]
                                addLanes(
                                    row + valid.lowerBound, into: dx + (valid.lowerBound + shift), count: valid.count)
                            } else {
                                for t in ranges[j] { dx[t * s + shift] += row[t] }
                            }
                        }
                    }
                }
            }
        }
        return inputGradient
    }
}

/// Where the input rows of a convolution start: the `length` values of (plane p, channel i, example n)
/// begin at `planes[p] + i·channelStride + n·exampleStride`. A `ComplexTensor` has channel stride L and
/// example stride C·L; the channel-major layout of `InferencePlan` has channel stride B·L and example
/// stride L.
struct ConvolutionInputRows: Sendable {
    /// Start of each plane (Re, then Im for a complex input).
    var planes: [SendablePointer<Float>]
    var channelStride: Int
    var exampleStride: Int
}
