import Numerics
import WirelessCore

/// Complex 1-D convolution (cross-correlation, zero padding) with stride and dilation (docs/SPECTRUM.md#layers).
///
///     y[o,t] = b_o + Σ_{i,j} W[o,i,j] · x[i, t·s + j·d − p]
///     L_out  = ⌊(L + 2p − d(K−1) − 1)/s⌋ + 1
///     with W = A + iB:  y_r = A⋆x_r − B⋆x_i + b_r,   y_i = A⋆x_i + B⋆x_r + b_i
///
/// Backward, with g = ∂L/∂y_r + i·∂L/∂y_i (the Wirtinger convention 2∂L/∂ȳ):
///
///     ∂x_r = Aᵀg_r + Bᵀg_i      ∂x_i = Aᵀg_i − Bᵀg_r
///     ∂A   = g_r⋆x_r + g_i⋆x_i  ∂B   = g_i⋆x_r − g_r⋆x_i      ∂b = Σ g
///
/// With `isComplex == false` the layer is an ordinary real convolution (B and b_i absent), used by
/// the real-valued counterpart network.
///
/// Shapes: input `[batch × inChannels × L]`, weight `[outChannels × inChannels × K]`, output
/// `[batch × outChannels × L_out]`.
public struct ComplexConv1D<Scalar: NetworkScalar>: ParameterContainer, Sendable {
    public let inChannels: Int
    public let outChannels: Int
    public let kernelSize: Int
    public let stride: Int
    public let padding: Int
    public let dilation: Int
    public let isComplex: Bool
    public let hasBias: Bool
    /// A (real part of W), `[out, in, K]`.
    public var weightReal: Parameter<Scalar>
    /// B (imaginary part of W); empty for a real layer.
    public var weightImaginary: Parameter<Scalar>
    /// b_r, `[out]` (empty without bias).
    public var biasReal: Parameter<Scalar>
    /// b_i, `[out]` (empty without bias or for a real layer).
    public var biasImaginary: Parameter<Scalar>
    /// Input cached by `forward` for `backward`.
    var cachedInput: ComplexTensor<Scalar>?
    /// The im2col matrix X_col of the last training forward on the `Float` GEMM path, reused (and
    /// released) by the backward pass instead of being built a second time: the same values, so
    /// the gradients are bit-identical, for one extra buffer per layer held between the passes.
    var cachedColumns: [Float]?
    /// `Float` layers run through im2col + sgemm (see `ComplexConv1D+MatrixProduct`); the direct
    /// loops remain the reference (and the `Double` path).
    public var useMatrixProduct: Bool = true
    /// Complex `Float` layers on the GEMM path use the Gauss three-multiplication form (three real
    /// products instead of the four of the block form, 25 % fewer multiply-adds, rounding differs in
    /// the last bits; see `ComplexConv1D+GaussProduct`). Off by default: it measured slower on the
    /// reference machine, and seeded runs reproduce the shipped model only without it.
    public var useGaussMultiplication: Bool = false

    /// A zero-initialised layer (initialise with `ComplexWeightInitializer`).
    ///
    /// - Parameters:
    ///   - name: Parameter-name prefix.
    ///   - inChannels, outChannels: ≥ 1.
    ///   - kernelSize: K ≥ 1.  stride: s ≥ 1.  padding: p ≥ 0.  dilation: d ≥ 1.
    public init(
        name: String, inChannels: Int, outChannels: Int, kernelSize: Int, stride: Int = 1,
        padding: Int = 0, dilation: Int = 1, hasBias: Bool = false, isComplex: Bool = true
    ) {
        precondition(
            inChannels >= 1 && outChannels >= 1 && kernelSize >= 1 && stride >= 1
                && padding >= 0 && dilation >= 1, "invalid convolution geometry")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.isComplex = isComplex
        self.hasBias = hasBias
        let shape = [outChannels, inChannels, kernelSize]
        weightReal = Parameter(name: name + ".weight.re", shape: shape)
        weightImaginary = Parameter(name: name + ".weight.im", shape: isComplex ? shape : [0])
        biasReal = Parameter(name: name + ".bias.re", shape: [hasBias ? outChannels : 0])
        biasImaginary = Parameter(name: name + ".bias.im", shape: [hasBias && isComplex ? outChannels : 0])
    }

    /// Output length for an input of `length` positions.
    public func outputLength(_ length: Int) -> Int {
        (length + 2 * padding - dilation * (kernelSize - 1) - 1) / stride + 1
    }

    /// Complex multiply-accumulates per example for an input of `length` (real MACs = 4× when complex).
    public func multiplyAccumulates(length: Int) -> Int {
        outChannels * inChannels * kernelSize * outputLength(length)
    }

    public mutating func forEachParameter(_ body: (inout Parameter<Scalar>) -> Void) {
        body(&weightReal)
        if isComplex { body(&weightImaginary) }
        if hasBias {
            body(&biasReal)
            if isComplex { body(&biasImaginary) }
        }
    }

    /// The valid output positions t for kernel tap offset `offset = j·d − p`:
    /// 0 ≤ t·s + offset < L.
    @inline(__always)
    func validRange(offset: Int, inputLength: Int, outputLength: Int) -> Range<Int> {
        let lower = offset >= 0 ? 0 : (-offset + stride - 1) / stride
        let lastIndex = inputLength - 1 - offset
        let upper = lastIndex < 0 ? 0 : min(outputLength, lastIndex / stride + 1)
        return lower < upper ? lower..<upper : 0..<0
    }

    /// y = W ⋆ x + b. Caches x when `training` (needed by `backward`).
    public mutating func forward(_ input: ComplexTensor<Scalar>, training: Bool = true) -> ComplexTensor<Scalar> {
        precondition(input.channels == inChannels, "conv input has \(input.channels) channels, expects \(inChannels)")
        precondition(input.isComplex == isComplex, "conv domain mismatch")
        if training { cachedInput = input } else { cachedInput = nil }
        cachedColumns = nil
        if useMatrixProduct, let floatInput = input as? ComplexTensor<Float> {
            let (output, columns) = forwardGEMM(floatInput)
            if training { cachedColumns = columns }
            return output as! ComplexTensor<Scalar>
        }
        let length = input.length
        let outLength = outputLength(length)
        precondition(outLength >= 1, "input too short for the kernel")
        var output = ComplexTensor<Scalar>(
            batch: input.batch, channels: outChannels, length: outLength, isComplex: isComplex)
        let (cin, cout, kernel, s, d, p) = (inChannels, outChannels, kernelSize, stride, dilation, padding)
        let complex = isComplex
        let ranges = (0..<kernel).map { validRange(offset: $0 * d - p, inputLength: length, outputLength: outLength) }
        let biasR = biasReal.value
        let biasI = biasImaginary.value
        input.real.withUnsafeBufferPointer { xr in
            input.imaginary.withUnsafeBufferPointer { xi in
                weightReal.value.withUnsafeBufferPointer { wa in
                    weightImaginary.value.withUnsafeBufferPointer { wb in
                        output.real.withUnsafeMutableBufferPointer { yr in
                            output.imaginary.withUnsafeMutableBufferPointer { yi in
                                let xrP = SendablePointer(readOnly: xr.baseAddress!)
                                let xiP = complex ? SendablePointer(readOnly: xi.baseAddress!) : xrP
                                let waP = SendablePointer(readOnly: wa.baseAddress!)
                                let wbP = complex ? SendablePointer(readOnly: wb.baseAddress!) : waP
                                let yrP = SendablePointer(yr.baseAddress!)
                                let yiP = complex ? SendablePointer(yi.baseAddress!) : yrP
                                parallelTasks(count: input.batch * cout) { task in
                                    let n = task / cout
                                    let o = task % cout
                                    let yRow = (n * cout + o) * outLength
                                    let yrRow = yrP.base + yRow
                                    let yiRow = yiP.base + yRow
                                    if !biasR.isEmpty {
                                        for t in 0..<outLength { yrRow[t] = biasR[o] }
                                        if complex { for t in 0..<outLength { yiRow[t] = biasI[o] } }
                                    }
                                    for i in 0..<cin {
                                        let xOffset = (n * cin + i) * length
                                        let xrRow = xrP.base + xOffset
                                        let xiRow = xiP.base + xOffset
                                        for j in 0..<kernel {
                                            let range = ranges[j]
                                            if range.isEmpty { continue }
                                            let w = (o * cin + i) * kernel + j
                                            let a = waP.base[w]
                                            let shift = j * d - p
                                            if complex {
                                                let b = wbP.base[w]
                                                if s == 1 {
                                                    let xrs = xrRow + shift
                                                    let xis = xiRow + shift
                                                    for t in range {
                                                        yrRow[t] += a * xrs[t] - b * xis[t]
                                                        yiRow[t] += a * xis[t] + b * xrs[t]
                                                    }
                                                } else {
                                                    for t in range {
                                                        let q = t * s + shift
                                                        yrRow[t] += a * xrRow[q] - b * xiRow[q]
                                                        yiRow[t] += a * xiRow[q] + b * xrRow[q]
                                                    }
                                                }
                                            } else {
                                                if s == 1 {
                                                    let xrs = xrRow + shift
                                                    for t in range { yrRow[t] += a * xrs[t] }
                                                } else {
                                                    for t in range { yrRow[t] += a * xrRow[t * s + shift] }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// Back-propagates `outputGradient` (same shape as the last output) as `backward(_:)` does,
    /// accumulating ∂A, ∂B, ∂b, but without ∂L/∂x: for a first layer, whose input is data. On the
    /// `Float` path this skips the product W_bigᵀ·G and the col2im scatter, the largest memory
    /// passes of the stem's backward pass. The accumulated gradients are bit-identical.
    public mutating func accumulateParameterGradients(_ outputGradient: ComplexTensor<Scalar>) {
        guard let input = cachedInput else { preconditionFailure("backward without a training forward") }
        if useMatrixProduct, let floatInput = input as? ComplexTensor<Float>,
            let floatGradient = outputGradient as? ComplexTensor<Float>
        {
            _ = backwardGEMM(
                input: floatInput, gradient: floatGradient, columns: cachedColumns, computingInputGradient: false)
            cachedColumns = nil
            return
        }
        _ = backward(outputGradient)
    }

    /// Back-propagates `outputGradient` (same shape as the last output); accumulates ∂A, ∂B, ∂b
    /// and returns ∂L/∂x_r + i·∂L/∂x_i.
    public mutating func backward(_ outputGradient: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        guard let input = cachedInput else { preconditionFailure("backward without a training forward") }
        if useMatrixProduct, let floatInput = input as? ComplexTensor<Float>,
            let floatGradient = outputGradient as? ComplexTensor<Float>
        {
            let inputGradient = backwardGEMM(input: floatInput, gradient: floatGradient, columns: cachedColumns)
            cachedColumns = nil
            return inputGradient as! ComplexTensor<Scalar>
        }
        let length = input.length
        let outLength = outputLength(length)
        precondition(
            outputGradient.length == outLength && outputGradient.channels == outChannels
                && outputGradient.batch == input.batch, "conv gradient shape mismatch")
        var inputGradient = input.zerosLike()
        let (cin, cout, kernel, s, d, p) = (inChannels, outChannels, kernelSize, stride, dilation, padding)
        let complex = isComplex
        let batch = input.batch
        let ranges = (0..<kernel).map { validRange(offset: $0 * d - p, inputLength: length, outputLength: outLength) }
        // Bias gradient: Σ over batch and positions, fixed order.
        if hasBias {
            for o in 0..<cout {
                var sr: Scalar = 0
                var si: Scalar = 0
                for n in 0..<batch {
                    let row = (n * cout + o) * outLength
                    for t in 0..<outLength {
                        sr += outputGradient.real[row + t]
                        if complex { si += outputGradient.imaginary[row + t] }
                    }
                }
                biasReal.gradient[o] += sr
                if complex { biasImaginary.gradient[o] += si }
            }
        }
        input.real.withUnsafeBufferPointer { xr in
            input.imaginary.withUnsafeBufferPointer { xi in
                outputGradient.real.withUnsafeBufferPointer { gr in
                    outputGradient.imaginary.withUnsafeBufferPointer { gi in
                        weightReal.value.withUnsafeBufferPointer { wa in
                            weightImaginary.value.withUnsafeBufferPointer { wb in
                                weightReal.gradient.withUnsafeMutableBufferPointer { dwa in
                                    weightImaginary.gradient.withUnsafeMutableBufferPointer { dwb in
                                        inputGradient.real.withUnsafeMutableBufferPointer { dxr in
                                            inputGradient.imaginary.withUnsafeMutableBufferPointer { dxi in
                                                let xrP = SendablePointer(readOnly: xr.baseAddress!)
                                                let xiP = complex ? SendablePointer(readOnly: xi.baseAddress!) : xrP
                                                let grP = SendablePointer(readOnly: gr.baseAddress!)
                                                let giP = complex ? SendablePointer(readOnly: gi.baseAddress!) : grP
                                                let waP = SendablePointer(readOnly: wa.baseAddress!)
                                                let wbP = complex ? SendablePointer(readOnly: wb.baseAddress!) : waP
                                                let dwaP = SendablePointer(dwa.baseAddress!)
                                                let dwbP = complex ? SendablePointer(dwb.baseAddress!) : dwaP
                                                let dxrP = SendablePointer(dxr.baseAddress!)
                                                let dxiP = complex ? SendablePointer(dxi.baseAddress!) : dxrP
                                                // Weight gradient: one task per (o, i) pair, summing over the batch in order.
                                                parallelTasks(count: cout * cin) { task in
                                                    let o = task / cin
                                                    let i = task % cin
                                                    for j in 0..<kernel {
                                                        let range = ranges[j]
                                                        if range.isEmpty { continue }
                                                        let shift = j * d - p
                                                        var sa: Scalar = 0
                                                        var sb: Scalar = 0
                                                        for n in 0..<batch {
                                                            let gRow = (n * cout + o) * outLength
                                                            let xRow = (n * cin + i) * length
                                                            let grRow = grP.base + gRow
                                                            let giRow = giP.base + gRow
                                                            let xrRow = xrP.base + xRow
                                                            let xiRow = xiP.base + xRow
                                                            if complex {
                                                                for t in range {
                                                                    let q = t * s + shift
                                                                    sa += grRow[t] * xrRow[q] + giRow[t] * xiRow[q]
                                                                    sb += giRow[t] * xrRow[q] - grRow[t] * xiRow[q]
                                                                }
                                                            } else {
                                                                for t in range { sa += grRow[t] * xrRow[t * s + shift] }
                                                            }
                                                        }
                                                        let w = (o * cin + i) * kernel + j
                                                        dwaP.base[w] += sa
                                                        if complex { dwbP.base[w] += sb }
                                                    }
                                                }
                                                // Input gradient: one task per (n, i) row.
                                                parallelTasks(count: batch * cin) { task in
                                                    let n = task / cin
                                                    let i = task % cin
                                                    let xRow = (n * cin + i) * length
                                                    let dxrRow = dxrP.base + xRow
                                                    let dxiRow = dxiP.base + xRow
                                                    for o in 0..<cout {
                                                        let gRow = (n * cout + o) * outLength
                                                        let grRow = grP.base + gRow
                                                        let giRow = giP.base + gRow
                                                        for j in 0..<kernel {
                                                            let range = ranges[j]
                                                            if range.isEmpty { continue }
                                                            let shift = j * d - p
                                                            let w = (o * cin + i) * kernel + j
                                                            let a = waP.base[w]
                                                            if complex {
                                                                let b = wbP.base[w]
                                                                if s == 1 {
                                                                    let dxrs = dxrRow + shift
                                                                    let dxis = dxiRow + shift
                                                                    for t in range {
                                                                        dxrs[t] += a * grRow[t] + b * giRow[t]
                                                                        dxis[t] += a * giRow[t] - b * grRow[t]
                                                                    }
                                                                } else {
                                                                    for t in range {
                                                                        let q = t * s + shift
                                                                        dxrRow[q] += a * grRow[t] + b * giRow[t]
                                                                        dxiRow[q] += a * giRow[t] - b * grRow[t]
                                                                    }
                                                                }
                                                            } else {
                                                                for t in range { dxrRow[t * s + shift] += a * grRow[t] }
                                                            }
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return inputGradient
    }
}
