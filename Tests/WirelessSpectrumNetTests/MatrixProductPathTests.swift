import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// The Float im2col + sgemm convolution against the direct loops (the reference path).
@Suite struct MatrixProductPathTests {
    @Test(arguments: [(1, 1, 1), (2, 1, 1), (1, 3, 2), (2, 0, 1), (1, 0, 1)], [false, true])
    func gemmMatchesDirectLoops(geometry: (stride: Int, padding: Int, dilation: Int), gauss: Bool) {
        let (stride, padding, dilation) = geometry
        for isComplex in [true, false] {
            var generator = Xoshiro256StarStar(seed: 99)
            var fast = ComplexConv1D<Float>(
                name: "c", inChannels: 3, outChannels: 4, kernelSize: 3, stride: stride,
                padding: padding, dilation: dilation, hasBias: true, isComplex: isComplex)
            ComplexWeightInitializer.initialize(&fast, scheme: .he, using: &generator)
            for k in 0..<fast.biasReal.count { fast.biasReal.value[k] = generator.nextUnitFloat() }
            for k in 0..<fast.biasImaginary.count { fast.biasImaginary.value[k] = generator.nextUnitFloat() }
            var direct = fast
            direct.useMatrixProduct = false
            fast.useGaussMultiplication = gauss
            var x = ComplexTensor<Float>(batch: 3, channels: 3, length: 17, isComplex: isComplex)
            for k in 0..<x.real.count { x.real[k] = generator.nextUnitFloat() - 0.5 }
            for k in 0..<x.imaginary.count { x.imaginary[k] = generator.nextUnitFloat() - 0.5 }
            let yFast = fast.forward(x)
            let yDirect = direct.forward(x)
            var g = yFast.zerosLike()
            for k in 0..<g.real.count { g.real[k] = generator.nextUnitFloat() - 0.5 }
            for k in 0..<g.imaginary.count { g.imaginary[k] = generator.nextUnitFloat() - 0.5 }
            let gxFast = fast.backward(g)
            let gxDirect = direct.backward(g)
            // Float sums of ≤ 27 terms of size ≤ 1: agreement to a few ulps of the magnitudes, 1e-5
            // (the Gauss form's sums of sums are of size ≤ 2 and stay within the same bound).
            let tolerance: Float = 1e-5
            func close(_ a: [Float], _ b: [Float]) -> Bool { zip(a, b).allSatisfy { abs($0 - $1) <= tolerance } }
            #expect(close(yFast.real, yDirect.real) && close(yFast.imaginary, yDirect.imaginary))
            #expect(close(gxFast.real, gxDirect.real) && close(gxFast.imaginary, gxDirect.imaginary))
            #expect(close(fast.weightReal.gradient, direct.weightReal.gradient))
            #expect(close(fast.weightImaginary.gradient, direct.weightImaginary.gradient))
            #expect(close(fast.biasReal.gradient, direct.biasReal.gradient))
            #expect(close(fast.biasImaginary.gradient, direct.biasImaginary.gradient))
        }
    }

    /// Sizes at which the products really split into blocks on both cores (C_out = 16 rows, B·L_out =
    /// 4·160 = 640 columns), with a tap whose valid range is empty (padding 5 > K·d reach), in the
    /// block and Gauss forms, against the direct loops.
    @Test(arguments: [false, true])
    func blockedProductsMatchDirectLoops(gauss: Bool) {
        var generator = Xoshiro256StarStar(seed: 7)
        var fast = ComplexConv1D<Float>(
            name: "c", inChannels: 6, outChannels: 16, kernelSize: 3, stride: 1, padding: 5, dilation: 1,
            hasBias: true, isComplex: true)
        ComplexWeightInitializer.initialize(&fast, scheme: .he, using: &generator)
        var direct = fast
        direct.useMatrixProduct = false
        fast.useGaussMultiplication = gauss
        var x = ComplexTensor<Float>(batch: 4, channels: 6, length: 152)
        for k in 0..<x.real.count {
            x.real[k] = generator.nextUnitFloat() - 0.5
            x.imaginary[k] = generator.nextUnitFloat() - 0.5
        }
        let yFast = fast.forward(x)
        let yDirect = direct.forward(x)
        #expect(yFast.length == 160)
        var g = yFast.zerosLike()
        for k in 0..<g.real.count {
            g.real[k] = generator.nextUnitFloat() - 0.5
            g.imaginary[k] = generator.nextUnitFloat() - 0.5
        }
        let gxFast = fast.backward(g)
        let gxDirect = direct.backward(g)
        // Input gradients and outputs are sums of ≤ 2·6·3 = 36 terms of size ≤ 1 (Float, a few ulps);
        // weight gradients sum 2·640 terms of size ≤ 0.25: relative 1e-4 of their scale.
        let tolerance: Float = 1e-5
        func close(_ a: [Float], _ b: [Float], _ scale: Float = 1) -> Bool {
            zip(a, b).allSatisfy { abs($0 - $1) <= tolerance * scale }
        }
        #expect(close(yFast.real, yDirect.real) && close(yFast.imaginary, yDirect.imaginary))
        #expect(close(gxFast.real, gxDirect.real) && close(gxFast.imaginary, gxDirect.imaginary))
        #expect(close(fast.weightReal.gradient, direct.weightReal.gradient, 10))
        #expect(close(fast.weightImaginary.gradient, direct.weightImaginary.gradient, 10))
    }

    /// Training's backward pass without ∂L/∂input must accumulate exactly the gradients of the full
    /// backward pass (the stem only skips its input-gradient product), in the block and Gauss forms,
    /// complex and real.
    @Test(arguments: [false, true], [true, false])
    func parameterOnlyBackwardAccumulatesTheSameGradients(gauss: Bool, isComplex: Bool) throws {
        var generator = Xoshiro256StarStar(seed: 11)
        let configuration =
            isComplex
            ? NetworkConfiguration.compact(fftCount: 4, bins: 64, widths: [4, 4, 8, 8])
            : NetworkConfiguration.compactReal(fftCount: 4, bins: 64, widths: [4, 4, 8, 8])
        var full = try SegmentationNetwork<Float>(configuration: configuration, using: &generator)
        full.setGaussMultiplication(gauss && isComplex)
        var partial = full
        var x = ComplexTensor<Float>(batch: 3, channels: configuration.inputChannels, length: 64, isComplex: isComplex)
        for k in 0..<x.real.count { x.real[k] = generator.nextUnitFloat() - 0.5 }
        for k in 0..<x.imaginary.count { x.imaginary[k] = generator.nextUnitFloat() - 0.5 }
        let y = full.forward(x, training: true)
        #expect(partial.forward(x, training: true).real == y.real)
        var g = y.zerosLike()
        for k in 0..<g.real.count { g.real[k] = generator.nextUnitFloat() - 0.5 }
        for k in 0..<g.imaginary.count { g.imaginary[k] = generator.nextUnitFloat() - 0.5 }
        full.zeroGradients()
        partial.zeroGradients()
        let inputGradient = full.backward(g)
        partial.accumulateGradients(g)
        #expect(inputGradient.real.contains { $0 != 0 })
        var fullGradients: [[Float]] = []
        full.forEachParameter { fullGradients.append($0.gradient) }
        var partialGradients: [[Float]] = []
        partial.forEachParameter { partialGradients.append($0.gradient) }
        #expect(fullGradients.count == partialGradients.count)
        #expect(fullGradients == partialGradients)
        #expect(fullGradients.contains { $0.contains { $0 != 0 } })
    }

    /// The backward pass on the X_col kept by the forward pass gives exactly (`==`) the gradients
    /// of a backward pass that builds X_col again, in the block and Gauss forms, for the input
    /// gradient and for the parameter-only pass of a first layer.
    @Test(arguments: [false, true])
    func keptColumnsGiveIdenticalGradients(gauss: Bool) {
        var generator = Xoshiro256StarStar(seed: 5)
        var kept = ComplexConv1D<Float>(
            name: "c", inChannels: 3, outChannels: 5, kernelSize: 3, stride: 2, padding: 1, dilation: 1,
            hasBias: true, isComplex: true)
        ComplexWeightInitializer.initialize(&kept, scheme: .he, using: &generator)
        kept.useGaussMultiplication = gauss
        var rebuilt = kept
        var x = ComplexTensor<Float>(batch: 2, channels: 3, length: 21)
        for k in 0..<x.real.count {
            x.real[k] = generator.nextUnitFloat() - 0.5
            x.imaginary[k] = generator.nextUnitFloat() - 0.5
        }
        let y = kept.forward(x)
        _ = rebuilt.forward(x)
        #expect(kept.cachedColumns != nil)
        rebuilt.cachedColumns = nil
        var g = y.zerosLike()
        for k in 0..<g.real.count {
            g.real[k] = generator.nextUnitFloat() - 0.5
            g.imaginary[k] = generator.nextUnitFloat() - 0.5
        }
        var keptFirst = kept
        var rebuiltFirst = rebuilt
        let gxKept = kept.backward(g)
        let gxRebuilt = rebuilt.backward(g)
        #expect(kept.cachedColumns == nil)  // released after use
        #expect(gxKept.real == gxRebuilt.real && gxKept.imaginary == gxRebuilt.imaginary)
        #expect(kept.weightReal.gradient == rebuilt.weightReal.gradient)
        #expect(kept.weightImaginary.gradient == rebuilt.weightImaginary.gradient)
        #expect(kept.biasReal.gradient == rebuilt.biasReal.gradient)
        keptFirst.accumulateParameterGradients(g)
        rebuiltFirst.accumulateParameterGradients(g)
        #expect(keptFirst.weightReal.gradient == rebuiltFirst.weightReal.gradient)
        #expect(keptFirst.weightImaginary.gradient == rebuiltFirst.weightImaginary.gradient)
        #expect(keptFirst.weightReal.gradient == kept.weightReal.gradient)
    }
}
