import Numerics
import WirelessLinearAlgebra

/// The `Float` fast path of `ComplexConv1D`: im2col and one real GEMM per pass (OpenBLAS sgemm).
///
/// With the column matrix X_col[(p·Cin + i)·K + j, n·L_out + t] = x_p[n, i, t·s + j·d − p_pad]
/// (p = Re, Im planes) and the real block form of W = A + iB,
///
///     W_big = [[A, −B], [B, A]]   (2C_out × 2C_in·K),     Y = W_big · X_col   → [y_r; y_i]
///     ∂W_big = G · X_colᵀ,  ∂A = ∂W_TL + ∂W_BR,  ∂B = ∂W_BL − ∂W_TR,   ∂X_col = W_bigᵀ · G  (then col2im)
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

    /// Fills X_col from the input planes (one parallel task per (plane, input channel)).
    func fillColumns(_ input: ComplexTensor<Float>, shape: GEMMShape, into column: UnsafeMutablePointer<Float>) {
        let (cin, kernel, s, d, p) = (inChannels, kernelSize, stride, dilation, padding)
        let columnPointer = SharedMutablePointer(base: column)
        input.real.withUnsafeBufferPointer { xr in
            input.imaginary.withUnsafeBufferPointer { xi in
                let planes =
                    [SharedPointer(base: xr.baseAddress!)]
                    + (shape.planes == 2 ? [SharedPointer(base: xi.baseAddress!)] : [])
                parallelTasks(count: shape.planes * cin) { task in
                    let plane = task / cin
                    let i = task % cin
                    let x = planes[plane].base
                    for j in 0..<kernel {
                        let row = columnPointer.base + (plane * shape.rowsPerPlane + i * kernel + j) * shape.columns
                        let shift = j * d - p
                        for n in 0..<shape.batch {
                            let xRow = x + (n * cin + i) * shape.length
                            let out = row + n * shape.outLength
                            for t in 0..<shape.outLength {
                                let q = t * s + shift
                                out[t] = (q >= 0 && q < shape.length) ? xRow[q] : 0
                            }
                        }
                    }
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

    /// Forward through GEMM (Scalar == Float only).
    func forwardGEMM(_ input: ComplexTensor<Float>) -> ComplexTensor<Float> {
        let shape = gemmShape(batch: input.batch, length: input.length)
        var column = [Float](repeating: 0, count: shape.rows * shape.columns)
        column.withUnsafeMutableBufferPointer { fillColumns(input, shape: shape, into: $0.baseAddress!) }
        let big = bigWeight(shape: shape)
        let m = shape.planes * outChannels
        var product = [Float](repeating: 0, count: m * shape.columns)
        big.withUnsafeBufferPointer { w in
            column.withUnsafeBufferPointer { c in
                product.withUnsafeMutableBufferPointer { y in
                    FloatMatrixProduct.multiply(
                        transposeA: false, transposeB: false, m: m, n: shape.columns, k: shape.rows,
                        a: w.baseAddress!, lda: shape.rows, b: c.baseAddress!, ldb: shape.columns,
                        c: y.baseAddress!, ldc: shape.columns)
                }
            }
        }
        var output = ComplexTensor<Float>(
            batch: input.batch, channels: outChannels, length: shape.outLength,
            isComplex: isComplex)
        let biasR = biasReal.value.map { Float($0) }
        let biasI = biasImaginary.value.map { Float($0) }
        let lout = shape.outLength
        let cout = outChannels
        for n in 0..<input.batch {
            for o in 0..<cout {
                let dst = (n * cout + o) * lout
                let srcR = o * shape.columns + n * lout
                let br: Float = biasR.isEmpty ? 0 : biasR[o]
                for t in 0..<lout { output.real[dst + t] = product[srcR + t] + br }
                if isComplex {
                    let srcI = (cout + o) * shape.columns + n * lout
                    let bi: Float = biasI.isEmpty ? 0 : biasI[o]
                    for t in 0..<lout { output.imaginary[dst + t] = product[srcI + t] + bi }
                }
            }
        }
        return output
    }

    /// Backward through GEMM (Scalar == Float only): accumulates ∂A, ∂B, ∂b; returns ∂x.
    mutating func backwardGEMM(input: ComplexTensor<Float>, gradient: ComplexTensor<Float>) -> ComplexTensor<Float> {
        let shape = gemmShape(batch: input.batch, length: input.length)
        let cout = outChannels
        let lout = shape.outLength
        let m = shape.planes * cout
        // G = [g_r; g_i] as [planes·C_out × B·L_out].
        var g = [Float](repeating: 0, count: m * shape.columns)
        for n in 0..<input.batch {
            for o in 0..<cout {
                let src = (n * cout + o) * lout
                for t in 0..<lout { g[o * shape.columns + n * lout + t] = gradient.real[src + t] }
                if isComplex {
                    for t in 0..<lout { g[(cout + o) * shape.columns + n * lout + t] = gradient.imaginary[src + t] }
                }
            }
        }
        if hasBias {
            for o in 0..<cout {
                var sr: Float = 0
                var si: Float = 0
                for c in 0..<shape.columns { sr += g[o * shape.columns + c] }
                if isComplex { for c in 0..<shape.columns { si += g[(cout + o) * shape.columns + c] } }
                biasReal.gradient[o] += Scalar(sr)
                if isComplex { biasImaginary.gradient[o] += Scalar(si) }
            }
        }
        var column = [Float](repeating: 0, count: shape.rows * shape.columns)
        column.withUnsafeMutableBufferPointer { fillColumns(input, shape: shape, into: $0.baseAddress!) }
        var weightGradient = [Float](repeating: 0, count: m * shape.rows)
        let big = bigWeight(shape: shape)
        var columnGradient = [Float](repeating: 0, count: shape.rows * shape.columns)
        g.withUnsafeBufferPointer { gp in
            column.withUnsafeBufferPointer { cp in
                weightGradient.withUnsafeMutableBufferPointer { dw in
                    FloatMatrixProduct.multiply(
                        transposeA: false, transposeB: true, m: m, n: shape.rows, k: shape.columns,
                        a: gp.baseAddress!, lda: shape.columns, b: cp.baseAddress!, ldb: shape.columns,
                        c: dw.baseAddress!, ldc: shape.rows)
                }
            }
            big.withUnsafeBufferPointer { wp in
                columnGradient.withUnsafeMutableBufferPointer { dc in
                    FloatMatrixProduct.multiply(
                        transposeA: true, transposeB: false, m: shape.rows, n: shape.columns, k: m,
                        a: wp.baseAddress!, lda: shape.rows, b: gp.baseAddress!, ldb: shape.columns,
                        c: dc.baseAddress!, ldc: shape.columns)
                }
            }
        }
        let ck = shape.rowsPerPlane
        let width = shape.rows
        for o in 0..<cout {
            for k in 0..<ck {
                if isComplex {
                    let tl = weightGradient[o * width + k]
                    let tr = weightGradient[o * width + ck + k]
                    let bl = weightGradient[(cout + o) * width + k]
                    let br = weightGradient[(cout + o) * width + ck + k]
                    weightReal.gradient[o * ck + k] += Scalar(tl + br)
                    weightImaginary.gradient[o * ck + k] += Scalar(bl - tr)
                } else {
                    weightReal.gradient[o * ck + k] += Scalar(weightGradient[o * width + k])
                }
            }
        }
        // col2im: one task per (plane, example, input channel) row of ∂x.
        var inputGradient = input.zerosLike()
        let (cin, kernel, s, d, p) = (inChannels, kernelSize, stride, dilation, padding)
        inputGradient.real.withUnsafeMutableBufferPointer { dxr in
            inputGradient.imaginary.withUnsafeMutableBufferPointer { dxi in
                columnGradient.withUnsafeBufferPointer { dc in
                    let planes =
                        [SharedMutablePointer(base: dxr.baseAddress!)]
                        + (shape.planes == 2 ? [SharedMutablePointer(base: dxi.baseAddress!)] : [])
                    let dcol = SharedPointer(base: dc.baseAddress!)
                    parallelTasks(count: shape.planes * shape.batch * cin) { task in
                        let plane = task / (shape.batch * cin)
                        let n = (task / cin) % shape.batch
                        let i = task % cin
                        let dx = planes[plane].base + (n * cin + i) * shape.length
                        for j in 0..<kernel {
                            let row =
                                dcol.base + (plane * shape.rowsPerPlane + i * kernel + j) * shape.columns + n * lout
                            let shift = j * d - p
                            for t in 0..<lout {
                                let q = t * s + shift
                                if q >= 0 && q < shape.length { dx[q] += row[t] }
                            }
                        }
                    }
                }
            }
        }
        return inputGradient
    }
}
