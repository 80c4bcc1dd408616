import WirelessLinearAlgebra

/// The Gauss three-multiplication form of the complex convolution's GEMMs (docs/SPECTRUM.md#layers, optional).
///
/// (a + ib)(c + id) needs three real products: k1 = c(a + b), k2 = a(d − c), k3 = b(c + d), then
/// Re = k1 − k3 and Im = k1 + k2. With W = A + iB (`C_out × C_in·K`) and the im2col planes X_r,
/// X_i (`C_in·K × B·L_out`), S = X_r + X_i and D = X_i − X_r:
///
///     forward   Y_r = (A+B)·X_r − B·S              Y_i = (A+B)·X_r + A·D
///     ∂W        ∂A = G_s·X_rᵀ + G_i·Dᵀ              ∂B = G_s·X_rᵀ − G_r·Sᵀ        (G_s = G_r + G_i)
///     ∂X_col    ∂X_r = Aᵀ·G_s + (B−A)ᵀ·G_i          ∂X_i = Aᵀ·G_s − (A+B)ᵀ·G_r
///
/// Three `C_out × C_in·K × B·L_out` products per pass instead of the block form's one product of
/// twice the size in both dimensions: 25 % fewer multiply-adds, paid for with element-wise passes
/// over S, D and G_s and with three smaller products instead of one. On the 2-core reference
/// machine the default network's training step is 17 % slower this way (benchmark `spectrumnet`:
/// 591 ms vs 506 ms at batch 32): the products there are too small for the saved multiply-adds to
/// outweigh the extra memory traffic. Tested against the direct loops.
extension ComplexConv1D {
    /// The weight planes A, B and the combinations the form needs, `[C_out × C_in·K]` row-major.
    func gaussWeights() -> (a: [Float], b: [Float], sum: [Float], difference: [Float]) {
        let a = weightReal.value.map { Float($0) }
        let b = weightImaginary.value.map { Float($0) }
        return (a, b, zip(a, b).map { $0 + $1 }, zip(a, b).map { $1 - $0 })
    }

    /// The two im2col planes combined: S = X_r + X_i and D = X_i − X_r.
    private func planeSumAndDifference(_ column: [Float], shape: GEMMShape) -> (sum: [Float], difference: [Float]) {
        let count = shape.rowsPerPlane * shape.columns
        return column.withUnsafeBufferPointer { x in
            let (xr, xi) = (x.baseAddress!, x.baseAddress! + count)
            let sum = [Float](unsafeUninitializedCapacity: count) { out, n in
                for k in 0..<count { out[k] = xr[k] + xi[k] }
                n = count
            }
            let difference = [Float](unsafeUninitializedCapacity: count) { out, n in
                for k in 0..<count { out[k] = xi[k] - xr[k] }
                n = count
            }
            return (sum, difference)
        }
    }

    /// C ← α·op(A)·op(B) (+ C when `accumulate`), split in two blocks run on both cores (rows when
    /// C is short and wide enough in rows, columns otherwise).
    private func product(
        _ a: UnsafePointer<Float>, transposeA: Bool = false, lda: Int, _ b: UnsafePointer<Float>,
        transposeB: Bool = false, ldb: Int, into c: UnsafeMutablePointer<Float>, m: Int, n: Int, k: Int,
        alpha: Float = 1, accumulate: Bool = false
    ) {
        let byRows = m >= 16 && n < 512
        FloatMatrixProduct.multiplyInBlocks(
            along: byRows ? .rows : .columns, transposeA: transposeA, transposeB: transposeB,
            m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb, beta: accumulate ? 1 : 0, c: c,
            ldc: n, minimumPerPart: byRows ? 8 : 256)
    }

    /// [Y_r; Y_i] (`2C_out × B·L_out`), as the block form's product.
    func gaussForwardProduct(column: [Float], shape: GEMMShape) -> [Float] {
        let (cout, ck, cols) = (outChannels, shape.rowsPerPlane, shape.columns)
        let w = gaussWeights()
        let x = planeSumAndDifference(column, shape: shape)
        return [Float](unsafeUninitializedCapacity: 2 * cout * cols) { yp, count in
            let (yr, yi) = (yp.baseAddress!, yp.baseAddress! + cout * cols)
            column.withUnsafeBufferPointer { xc in
                // k1 = (A+B)·X_r in both planes; Y_i += A·D (k2); Y_r −= B·S (k3).
                product(w.sum, lda: ck, xc.baseAddress!, ldb: cols, into: yr, m: cout, n: cols, k: ck)
                yi.update(from: yr, count: cout * cols)
                product(w.a, lda: ck, x.difference, ldb: cols, into: yi, m: cout, n: cols, k: ck, accumulate: true)
                product(
                    w.b, lda: ck, x.sum, ldb: cols, into: yr, m: cout, n: cols, k: ck, alpha: -1, accumulate: true)
            }
            count = yp.count
        }
    }

    /// ∂A, ∂B (`C_out × C_in·K`) and ∂X_col (`2C_in·K × B·L_out`) from G = [G_r; G_i].
    func gaussBackwardProducts(column: [Float], g: [Float], shape: GEMMShape, computingColumnGradient: Bool = true) -> (
        gradientA: [Float], gradientB: [Float], columnGradient: [Float]
    ) {
        let (cout, ck, cols) = (outChannels, shape.rowsPerPlane, shape.columns)
        let w = gaussWeights()
        let x = planeSumAndDifference(column, shape: shape)
        let gSum = g.withUnsafeBufferPointer { gp in
            [Float](unsafeUninitializedCapacity: cout * cols) { out, n in
                for k in 0..<(cout * cols) { out[k] = gp[k] + gp[cout * cols + k] }
                n = cout * cols
            }
        }
        var gradientA = [Float](repeating: 0, count: cout * ck)
        var gradientB = [Float](repeating: 0, count: cout * ck)
        var columnGradient = [Float](repeating: 0, count: computingColumnGradient ? 2 * ck * cols : 0)
        g.withUnsafeBufferPointer { gp in
            column.withUnsafeBufferPointer { xc in
                let (gr, gi) = (gp.baseAddress!, gp.baseAddress! + cout * cols)
                // P = G_s·X_rᵀ; ∂A = P + G_i·Dᵀ; ∂B = P − G_r·Sᵀ (reductions over B·L_out).
                gradientA.withUnsafeMutableBufferPointer { da in
                    gradientB.withUnsafeMutableBufferPointer { db in
                        product(
                            gSum, lda: cols, xc.baseAddress!, transposeB: true, ldb: cols, into: da.baseAddress!,
                            m: cout, n: ck, k: cols)
                        db.baseAddress!.update(from: da.baseAddress!, count: cout * ck)
                        product(
                            gi, lda: cols, x.difference, transposeB: true, ldb: cols, into: da.baseAddress!,
                            m: cout, n: ck, k: cols, accumulate: true)
                        product(
                            gr, lda: cols, x.sum, transposeB: true, ldb: cols, into: db.baseAddress!, m: cout,
                            n: ck, k: cols, alpha: -1, accumulate: true)
                    }
                }
                // Q = Aᵀ·G_s; ∂X_r = Q + (B−A)ᵀ·G_i; ∂X_i = Q − (A+B)ᵀ·G_r.
                guard computingColumnGradient else { return }
                columnGradient.withUnsafeMutableBufferPointer { dc in
                    let (dr, di) = (dc.baseAddress!, dc.baseAddress! + ck * cols)
                    product(w.a, transposeA: true, lda: ck, gSum, ldb: cols, into: dr, m: ck, n: cols, k: cout)
                    di.update(from: dr, count: ck * cols)
                    product(
                        w.difference, transposeA: true, lda: ck, gi, ldb: cols, into: dr, m: ck, n: cols, k: cout,
                        accumulate: true)
                    product(
                        w.sum, transposeA: true, lda: ck, gr, ldb: cols, into: di, m: ck, n: cols, k: cout,
                        alpha: -1, accumulate: true)
                }
            }
        }
        return (gradientA, gradientB, columnGradient)
    }
}
