import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// Finite-difference Wirtinger gradient checks for every layer (docs/SPECTRUM.md#gradient-checks).
@Suite struct LayerGradientTests {
    typealias Tensor = ComplexTensor<Double>

    func randomized(_ conv: ComplexConv1D<Double>, seed: UInt64) -> ComplexConv1D<Double> {
        var layer = conv
        var generator = Xoshiro256StarStar(seed: seed)
        ComplexWeightInitializer.initialize(&layer, scheme: .he, using: &generator)
        for k in 0..<layer.biasReal.count { layer.biasReal.value[k] = generator.nextUnitDouble() - 0.5 }
        for k in 0..<layer.biasImaginary.count { layer.biasImaginary.value[k] = generator.nextUnitDouble() - 0.5 }
        return layer
    }

    @Test(arguments: [
        (1, 0, 1), (2, 1, 1), (1, 2, 2), (2, 3, 2), (3, 0, 1),
    ])
    func convolution(stride: Int, padding: Int, dilation: Int) {
        for isComplex in [true, false] {
            let conv = randomized(
                ComplexConv1D<Double>(
                    name: "c", inChannels: 3, outChannels: 2, kernelSize: 3, stride: stride,
                    padding: padding, dilation: dilation, hasBias: true, isComplex: isComplex),
                seed: 1)
            var generator = Xoshiro256StarStar(seed: 2)
            let x = GradientChecker.randomTensor(
                batch: 2, channels: 3, length: 11, isComplex: isComplex, using: &generator)
            let report = GradientChecker.check(
                conv, input: x,
                forward: { $0.forward($1) }, backward: { $0.backward($1) })
            #expect(report.inputError <= GradientChecker.tolerance, "input \(report.inputError)")
            #expect(report.parameterError <= GradientChecker.tolerance, "params \(report.parameterError)")
        }
    }

    @Test func convolutionOutputLengthFormula() {
        // L_out = ⌊(L + 2p − d(K−1) − 1)/s⌋ + 1, docs/SPECTRUM.md#layers.
        let conv = ComplexConv1D<Double>(
            name: "c", inChannels: 1, outChannels: 1, kernelSize: 3, stride: 2,
            padding: 1, dilation: 2)
        #expect(conv.outputLength(11) == (11 + 2 - 4 - 1) / 2 + 1)
        var layer = conv
        let y = layer.forward(Tensor(batch: 1, channels: 1, length: 11))
        #expect(y.length == conv.outputLength(11))
    }

    @Test func convolutionMatchesDirectComplexSum() {
        // Independent oracle: y[o,t] = b_o + Σ W[o,i,j]·x[i, t s + j d − p] with Complex arithmetic.
        let conv = randomized(
            ComplexConv1D<Double>(
                name: "c", inChannels: 2, outChannels: 3, kernelSize: 3, stride: 2, padding: 2,
                dilation: 2, hasBias: true), seed: 3)
        var generator = Xoshiro256StarStar(seed: 4)
        let x = GradientChecker.randomTensor(batch: 2, channels: 2, length: 9, using: &generator)
        var layer = conv
        let y = layer.forward(x)
        var maxError = 0.0
        for n in 0..<2 {
            for o in 0..<3 {
                for t in 0..<y.length {
                    var sr = conv.biasReal.value[o]
                    var si = conv.biasImaginary.value[o]
                    for i in 0..<2 {
                        for j in 0..<3 {
                            let q = t * 2 + j * 2 - 2
                            guard q >= 0 && q < 9 else { continue }
                            let a = conv.weightReal.value[(o * 2 + i) * 3 + j]
                            let b = conv.weightImaginary.value[(o * 2 + i) * 3 + j]
                            let xr = x.real[(n * 2 + i) * 9 + q]
                            let xi = x.imaginary[(n * 2 + i) * 9 + q]
                            sr += a * xr - b * xi
                            si += a * xi + b * xr
                        }
                    }
                    let k = (n * 3 + o) * y.length + t
                    maxError = max(maxError, abs(sr - y.real[k]), abs(si - y.imaginary[k]))
                }
            }
        }
        #expect(maxError < 1e-12)
    }

    @Test func convolutionSatisfiesCauchyRiemann() {
        // A complex-linear map: ∂y_r/∂x_r = ∂y_i/∂x_i and ∂y_r/∂x_i = −∂y_i/∂x_r.
        let conv = randomized(
            ComplexConv1D<Double>(name: "c", inChannels: 2, outChannels: 2, kernelSize: 3, padding: 1), seed: 5)
        var generator = Xoshiro256StarStar(seed: 6)
        let x = GradientChecker.randomTensor(batch: 1, channels: 2, length: 5, using: &generator)
        let h = 1e-6
        var worst = 0.0
        for input in [0, 3, 7] {
            var xr = x
            var xi = x
            xr.real[input] += h
            xi.imaginary[input] += h
            var l0 = conv
            var l1 = conv
            var l2 = conv
            let y0 = l0.forward(x)
            let yr = l1.forward(xr)
            let yi = l2.forward(xi)
            for k in 0..<y0.real.count {
                let dyrdxr = (yr.real[k] - y0.real[k]) / h
                let dyidxi = (yi.imaginary[k] - y0.imaginary[k]) / h
                let dyrdxi = (yi.real[k] - y0.real[k]) / h
                let dyidxr = (yr.imaginary[k] - y0.imaginary[k]) / h
                worst = max(worst, abs(dyrdxr - dyidxi), abs(dyrdxi + dyidxr))
            }
        }
        // Linear map: forward differences are exact up to rounding of order ε/h ≈ 1e-10.
        #expect(worst < 1e-8)
    }

    @Test(arguments: [(true, BatchNormKind.whitening), (false, .whitening), (true, .naive)])
    func batchNorm(isComplex: Bool, kind: BatchNormKind) {
        var norm = ComplexBatchNorm<Double>(name: "bn", channels: 3, isComplex: isComplex, kind: kind)
        var generator = Xoshiro256StarStar(seed: 11)
        for c in 0..<3 {
            norm.gammaRR.value[c] = 0.5 + generator.nextUnitDouble()
            norm.betaR.value[c] = generator.nextUnitDouble() - 0.5
            if isComplex {
                norm.gammaII.value[c] = 0.5 + generator.nextUnitDouble()
                if kind == .whitening { norm.gammaRI.value[c] = 0.3 * (generator.nextUnitDouble() - 0.5) }
                norm.betaI.value[c] = generator.nextUnitDouble() - 0.5
            }
        }
        // Length 11: one full eight-lane chunk and a three-element tail per row (`ChannelLanes`).
        var x = GradientChecker.randomTensor(batch: 3, channels: 3, length: 11, isComplex: isComplex, using: &generator)
        if isComplex {
            // Correlate Re and Im so C_ri ≠ 0.
            for k in 0..<x.real.count { x.imaginary[k] += 0.7 * x.real[k] }
        }
        let report = GradientChecker.check(
            norm, input: x,
            forward: { $0.forward($1, training: true) }, backward: { $0.backward($1) })
        #expect(report.inputError <= GradientChecker.tolerance, "input \(report.inputError)")
        #expect(report.parameterError <= GradientChecker.tolerance, "params \(report.parameterError)")
    }

    @Test(arguments: ActivationKind.allCases)
    func activation(kind: ActivationKind) {
        var act = ComplexActivation<Double>(name: "a", kind: kind, channels: 2)
        // Redraw-free: inputs are kept ≥ 10h away from every kink (axes, and |z| = −b for modReLU).
        var generator = Xoshiro256StarStar(seed: 21)
        var x = GradientChecker.randomTensor(batch: 2, channels: 2, length: 6, using: &generator)
        let margin = 10 * GradientChecker.step
        for k in 0..<x.real.count {
            if abs(x.real[k]) < margin { x.real[k] += 4 * margin }
            if abs(x.imaginary[k]) < margin { x.imaginary[k] += 4 * margin }
            let r = (x.real[k] * x.real[k] + x.imaginary[k] * x.imaginary[k]).squareRoot()
            if kind == .modrelu && abs(r - 0.1) < margin { x.real[k] *= 1.5 }
        }
        if kind == .modrelu { act.bias.value = [-0.1, -0.3] }
        let report = GradientChecker.check(
            act, input: x,
            forward: { $0.forward($1) }, backward: { $0.backward($1) })
        #expect(report.inputError <= GradientChecker.tolerance, "input \(report.inputError)")
        #expect(report.parameterError <= GradientChecker.tolerance, "params \(report.parameterError)")
    }

    @Test(arguments: [1, 2])
    func residualBlock(stride: Int) {
        var generator = Xoshiro256StarStar(seed: 31)
        var block = ResidualBlock<Double>(name: "r", inChannels: 2, outChannels: stride == 1 ? 2 : 3, stride: stride)
        block.forEachConvolution { ComplexWeightInitializer.initialize(&$0, scheme: .he, using: &generator) }
        let x = GradientChecker.randomTensor(batch: 2, channels: 2, length: 8, using: &generator)
        let report = GradientChecker.check(
            block, input: x,
            forward: { $0.forward($1) }, backward: { $0.backward($1) })
        #expect(report.inputError <= GradientChecker.tolerance, "input \(report.inputError)")
        #expect(report.parameterError <= GradientChecker.tolerance, "params \(report.parameterError)")
    }

    /// Shape-only operations wrapped as a parameter-free "layer" for the checker.
    struct Stateless: ParameterContainer {
        typealias Scalar = Double
        mutating func forEachParameter(_ body: (inout Parameter<Double>) -> Void) {}
    }

    @Test func upsamplingPoolingConcatAndSigmoid() {
        var generator = Xoshiro256StarStar(seed: 41)
        let x = GradientChecker.randomTensor(batch: 2, channels: 3, length: 4, using: &generator)
        let up = GradientChecker.check(
            Stateless(), input: x,
            forward: { _, x in TensorOperations.upsampleNearest2(x) },
            backward: { _, g in TensorOperations.upsampleNearest2Backward(g) })
        #expect(up.inputError <= GradientChecker.tolerance)
        let pool = GradientChecker.check(
            Stateless(), input: x,
            forward: { _, x in TensorOperations.globalAveragePool(x) },
            backward: { _, g in TensorOperations.globalAveragePoolBackward(g, length: 4) })
        #expect(pool.inputError <= GradientChecker.tolerance)
        let sigmoid = GradientChecker.check(
            Stateless(), input: x,
            forward: { _, x in TensorOperations.splitSigmoid(x) },
            backward: { _, g in
                TensorOperations.splitSigmoidBackward(output: TensorOperations.splitSigmoid(x), gradient: g)
            })
        #expect(sigmoid.inputError <= GradientChecker.tolerance)
        let concat = GradientChecker.check(
            Stateless(), input: x,
            forward: { _, x in TensorOperations.concatenateChannels(x, TensorOperations.splitSigmoid(x)) },
            backward: { _, g in
                let (a, b) = TensorOperations.splitChannels(g, firstChannels: 3)
                var total = a
                total.add(TensorOperations.splitSigmoidBackward(output: TensorOperations.splitSigmoid(x), gradient: b))
                return total
            })
        #expect(concat.inputError <= GradientChecker.tolerance)
    }

    @Test func denseLayerAsUnitKernelConvolution() {
        // Complex dense y = W x + b is the K = 1 convolution over a length-1 map.
        let dense = randomized(
            ComplexConv1D<Double>(
                name: "dense", inChannels: 5, outChannels: 4, kernelSize: 1,
                hasBias: true), seed: 51)
        var generator = Xoshiro256StarStar(seed: 52)
        let x = GradientChecker.randomTensor(batch: 3, channels: 5, length: 1, using: &generator)
        let report = GradientChecker.check(
            dense, input: x,
            forward: { $0.forward($1) }, backward: { $0.backward($1) })
        #expect(report.inputError <= GradientChecker.tolerance)
        #expect(report.parameterError <= GradientChecker.tolerance)
    }
}

@Suite struct GradientCheckerSelfTests {
    @Test func checkerRejectsAWrongGradient() {
        // A backward pass with the B-term sign flipped (conjugate convention) must fail the check.
        var conv = ComplexConv1D<Double>(name: "c", inChannels: 2, outChannels: 2, kernelSize: 3, padding: 1)
        var generator = Xoshiro256StarStar(seed: 61)
        ComplexWeightInitializer.initialize(&conv, scheme: .he, using: &generator)
        let x = GradientChecker.randomTensor(batch: 1, channels: 2, length: 6, using: &generator)
        let report = GradientChecker.check(
            conv, input: x,
            forward: { $0.forward($1) },
            backward: { layer, g in
                var conjugated = g
                for k in 0..<conjugated.imaginary.count { conjugated.imaginary[k] = -conjugated.imaginary[k] }
                return layer.backward(conjugated)
            })
        #expect(report.inputError > 0.1)
        #expect(report.parameterError > 0.1)
    }
}

/// The modReLU factor shared by the forward and backward passes.
@Suite struct ModReLUScaleTests {
    typealias Activation = ComplexActivation<Double>

    /// c = 1 + b/|z| for |z| + b > 0; no factor (output 0) at |z| + b ≤ 0 or |z| below the floor.
    @Test func factorAndDeadZone() throws {
        let live = try #require(Activation.modReLUScale(3, 4, bias: -2.5))
        #expect(live.r == 5 && live.scale == 0.5)
        #expect(Activation.modReLUScale(3, 4, bias: -5) == nil)
        #expect(Activation.modReLUScale(1e-13, 0, bias: 1) == nil)
    }
}
