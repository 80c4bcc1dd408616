import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// The folded, batched inference pass (`InferencePlan`, `FoldedConvolution`) against the layer-by-layer
/// reference `SegmentationNetwork.inference`.
@Suite struct InferencePlanTests {
    /// A network with every batch-norm parameter and running statistic moved off its initial value, so
    /// that a folding error in any entry of Γ, β, μ or V shows.
    static func network(_ configuration: NetworkConfiguration, seed: UInt64) throws -> SegmentationNetwork<Float> {
        var generator = Xoshiro256StarStar(seed: seed)
        var network = try SegmentationNetwork<Float>(configuration: configuration, using: &generator)
        network.forEachParameter { parameter in
            let name = parameter.name
            for k in 0..<parameter.count {
                let u = generator.nextUnitFloat()
                if name.hasSuffix("running_var_rr") || name.hasSuffix("running_var_ii") {
                    parameter.value[k] = 0.3 + u  // positive variances
                } else if name.hasSuffix("running_var_ri") {
                    parameter.value[k] = 0.2 * (u - 0.5)  // |C_ri| < √(C_rr·C_ii)
                } else if name.contains("_bn") || name.contains(".bn") {
                    parameter.value[k] = parameter.value[k] + 0.4 * (u - 0.5)
                } else if name.hasPrefix("head.bias") {
                    parameter.value[k] = u - 0.5
                }
            }
        }
        return network
    }

    static func input(_ configuration: NetworkConfiguration, batch: Int, seed: UInt64) -> ComplexTensor<Float> {
        var generator = Xoshiro256StarStar(seed: seed)
        var x = ComplexTensor<Float>(
            batch: batch, channels: configuration.inputChannels, length: configuration.bins,
            isComplex: configuration.isComplex)
        for k in 0..<x.real.count { x.real[k] = generator.nextUnitFloat() - 0.5 }
        for k in 0..<x.imaginary.count { x.imaginary[k] = generator.nextUnitFloat() - 0.5 }
        return x
    }

    /// Largest |a − b| over both planes, relative to the largest |b| (at least 1).
    static func relativeDifference(_ a: ComplexTensor<Float>, _ b: ComplexTensor<Float>) -> Float {
        let scale = max(1, (b.real + b.imaginary).map { abs($0) }.max() ?? 0)
        let re = zip(a.real, b.real).map { abs($0 - $1) }.max() ?? 0
        let im = zip(a.imaginary, b.imaginary).map { abs($0 - $1) }.max() ?? 0
        return max(re, im) / scale
    }

    /// Float logits through ≈ 25 layers, each computed by the reference as conv, then CBN, then add and
    /// activation, and here as one GEMM with folded weights (products formed in Double, rounded once) or
    /// as three Gauss products with the CBN map after them (sums of sums, a few more ulps):
    /// both are within a few ulps per layer of the exact value, so they agree to ≈ 1e-5 relative; 2e-4
    /// leaves room without hiding a folding error (a wrong Γ, β, μ or V entry changes logits by ≥ 1e-2).
    static let tolerance: Float = 2e-4

    @Test(arguments: [
        NetworkConfiguration.compact(fftCount: 3, bins: 64, widths: [4, 6, 8, 8], contextDilations: [2, 4]),
        NetworkConfiguration.compact(fftCount: 2, bins: 32, widths: [3, 4, 5, 6], contextDilations: []),
        NetworkConfiguration(
            architecture: .compact, isComplex: true, fftCount: 2, bins: 64, widths: [4, 4, 8, 8],
            contextDilations: [2], batchNorm: .naive),
        NetworkConfiguration.compactReal(fftCount: 2, bins: 64, widths: [4, 6, 8, 8], contextDilations: [2]),
    ])
    func planMatchesTheLayerByLayerInference(configuration: NetworkConfiguration) throws {
        let network = try Self.network(configuration, seed: 21)
        let x = Self.input(configuration, batch: 5, seed: 22)
        let reference = network.inference(x)
        for gauss in [false, true] {
            // Groups of 2 windows: three tasks, the last one short.
            let plan = try #require(InferencePlan(network: network, examplesPerTask: 2, gaussMultiplication: gauss))
            let fast = plan.logits(x)
            #expect(fast.batch == 5 && fast.channels == 1 && fast.length == configuration.bins)
            #expect(fast.isComplex == configuration.isComplex)
            let difference = Self.relativeDifference(fast, reference)
            #expect(difference <= Self.tolerance, "relative difference \(difference), Gauss form \(gauss)")
            // Calling again reuses the workspaces and gives the same numbers.
            #expect(plan.logits(x) == fast)
        }
    }

    /// A window's logits do not depend on the other windows of its batch nor on the grouping: bit for bit,
    /// so a streaming reader that feeds other batches writes the same numbers.
    @Test(arguments: [false, true])
    func windowLogitsDoNotDependOnTheBatch(gauss: Bool) throws {
        let configuration = NetworkConfiguration.compact(
            fftCount: 2, bins: 64, widths: [4, 4, 8, 8], contextDilations: [2])
        let network = try Self.network(configuration, seed: 31)
        let x = Self.input(configuration, batch: 4, seed: 32)
        let alone = try #require(InferencePlan(network: network, examplesPerTask: 1, gaussMultiplication: gauss))
            .logits(x.examples(2..<3))
        let grouped = try #require(InferencePlan(network: network, examplesPerTask: 3, gaussMultiplication: gauss))
            .logits(x).examples(2..<3)
        #expect(alone == grouped)
    }

    /// One folded conv + CBN layer against the two layers run by the reference, with a bias and a stride.
    @Test(arguments: [(true, BatchNormKind.whitening), (true, .naive), (false, .whitening)])
    func foldedLayerMatchesConvolutionThenBatchNorm(isComplex: Bool, kind: BatchNormKind) {
        var generator = Xoshiro256StarStar(seed: 41)
        var conv = ComplexConv1D<Float>(
            name: "c", inChannels: 3, outChannels: 5, kernelSize: 3, stride: 2, padding: 1, hasBias: true,
            isComplex: isComplex)
        ComplexWeightInitializer.initialize(&conv, scheme: .he, using: &generator)
        for k in 0..<conv.biasReal.count { conv.biasReal.value[k] = generator.nextUnitFloat() - 0.5 }
        for k in 0..<conv.biasImaginary.count { conv.biasImaginary.value[k] = generator.nextUnitFloat() - 0.5 }
        var norm = ComplexBatchNorm<Float>(name: "n", channels: 5, isComplex: isComplex, kind: kind)
        norm.forEachParameter { parameter in
            for k in 0..<parameter.count {
                let u = generator.nextUnitFloat()
                parameter.value[k] =
                    parameter.name.hasSuffix("var_ri")
                    ? 0.2 * (u - 0.5)
                    : parameter.name.contains("running_var") ? 0.3 + u : parameter.value[k] + u - 0.5
            }
        }
        var x = ComplexTensor<Float>(batch: 2, channels: 3, length: 11, isComplex: isComplex)
        for k in 0..<x.real.count { x.real[k] = generator.nextUnitFloat() - 0.5 }
        for k in 0..<x.imaginary.count { x.imaginary[k] = generator.nextUnitFloat() - 0.5 }
        var referenceConv = conv
        let expected = norm.forward(referenceConv.forward(x, training: false), training: false)

        let folded = FoldedConvolution(conv, norm: norm)
        let planes = isComplex ? 2 : 1
        let outLength = folded.outputLength(11)
        var output = [Float](repeating: .nan, count: planes * 5 * 2 * outLength)
        var columns = [Float](repeating: .nan, count: planes * 3 * 3 * 2 * outLength)
        x.withPlanePointers { xr, xi in
            let rows = ConvolutionInputRows(
                planes: isComplex ? [xr, xi] : [xr], channelStride: 11, exampleStride: 3 * 11)
            columns.withUnsafeMutableBufferPointer { c in
                output.withUnsafeMutableBufferPointer { y in
                    folded.apply(
                        rows, batch: 2, length: 11, columns: c.baseAddress!, into: y.baseAddress!, accumulate: false)
                    FoldedConvolution.finish(
                        y.baseAddress!, rows: planes * 5, rowLength: 2 * outLength, bias: folded.bias, extraBias: nil,
                        residual: nil, rectify: false)
                }
            }
        }
        // Channel-major [planes·C × B·L] back to [B × C × L] per plane; sums of ≤ 18 products of size
        // ≤ 1, scaled by M (entries ≤ 10): a few ulps of 10, 1e-5.
        var worst: Float = 0
        for p in 0..<planes {
            let plane = p == 0 ? expected.real : expected.imaginary
            for n in 0..<2 {
                for o in 0..<5 {
                    for t in 0..<outLength {
                        let fast = output[(p * 5 + o) * 2 * outLength + n * outLength + t]
                        worst = max(worst, abs(fast - plane[(n * 5 + o) * outLength + t]))
                    }
                }
            }
        }
        #expect(worst <= 1e-5, "largest difference \(worst)")
    }

    /// The Winograd plans (F(4,3), the default, and F(2,3)) against the direct im2col plan: logits through
    /// ≈ 25 layers, 14 of them (the 3-tap stride-1 convolutions) in a Winograd form. Per layer the form adds
    /// a few ulps of the layer's magnitude times its transforms' growth (6 for F(2,3), 30 for F(4,3):
    /// `winogradLayerMatchesTheDirectConvolution` bounds both), and the batch-normed layers keep the
    /// magnitudes of order 1, so the logits agree to ≈ 25 · 30 · 1e-7 relative at worst (measured: ≤ 1.3e-6
    /// for F(2,3), ≤ 2.0e-6 for F(4,3), here and on the shipped model); 1e-4 leaves room while a wrong transform
    /// (a sign, a tap, a tile) moves logits by ≥ 1e-2.
    static let winogradTolerance: Float = 1e-4

    @Test(arguments: [
        NetworkConfiguration.compact(fftCount: 3, bins: 64, widths: [4, 6, 8, 8], contextDilations: [2, 4]),
        NetworkConfiguration.compact(fftCount: 2, bins: 32, widths: [3, 4, 5, 6], contextDilations: []),
        NetworkConfiguration.compactReal(fftCount: 2, bins: 64, widths: [4, 6, 8, 8], contextDilations: [2]),
    ])
    func winogradPlanMatchesTheDirectPlan(configuration: NetworkConfiguration) throws {
        let network = try Self.network(configuration, seed: 71)
        let x = Self.input(configuration, batch: 3, seed: 72)
        let direct = try #require(InferencePlan(network: network, examplesPerTask: 2, winograd: false)).logits(x)
        var results: [ComplexTensor<Float>] = []
        for outputs in [4, 2] {
            let plan = try #require(InferencePlan(network: network, examplesPerTask: 2, winogradOutputs: outputs))
            #expect(plan.decoder.allSatisfy { $0.conv1.winograd?.outputs == outputs && $0.conv2.winograd != nil })
            let logits = plan.logits(x)
            let difference = Self.relativeDifference(logits, direct)
            #expect(difference <= Self.winogradTolerance, "F(\(outputs),3): relative difference \(difference)")
            #expect(difference > 0, "the Winograd form did not run")
            results.append(logits)
        }
        #expect(Self.relativeDifference(results[0], results[1]) > 0, "F(4,3) did not run")
    }

    /// The shipped model (`cmusenet-default.cmsn`, N = 1024, widths 16/32/64/64, context dilations 2, 4, 8)
    /// through the Winograd plans (F(4,3) and F(2,3)) and the direct plan on a window of inputs of the
    /// peak-normalised scale: the same `winogradTolerance`, relative to the largest logit.
    @Test(arguments: [4, 2]) func winogradPlanMatchesTheDirectPlanOnTheShippedModel(outputs: Int) throws {
        let url = try #require(SpectrumSegmenter.defaultModelURL)
        let network = try Checkpoint.read(from: url).makeNetwork()
        let x = Self.input(network.configuration, batch: 1, seed: 91)
        let direct = try #require(InferencePlan(network: network, winograd: false)).logits(x)
        let plan = try #require(InferencePlan(network: network, winogradOutputs: outputs))
        let difference = Self.relativeDifference(plan.logits(x), direct)
        #expect(difference <= Self.winogradTolerance, "relative difference \(difference)")
    }

    /// One 3-tap layer (dilations 1, 2, 4; summed into a map or not; lengths long enough for the eight-tile
    /// SIMD blocks (d = 1) and the contiguous runs (d > 1); lengths the F(4,3) tiles do not divide,
    /// which fall back to F(2,3), or that neither divides, which fall back to im2col) in the Winograd form
    /// against the direct im2col GEMM. Bound per output of F(2,3): V has one rounding, U at most three
    /// (|U_1|, |U_2| ≤ (|g_0|+|g_1|+|g_2|)/2), each product sums K = planes·C_in terms and the output
    /// transform adds three, so |error| ≤ (K + 6)·ε·Σ_k |U_k|·|V_k| ≤ (K + 6)·ε·6·S with S = max|x|·Σ_{i,j}|g_ij|
    /// the row's bound on |y|, and the direct product is within 3K·ε·S: the sum, (4K + 36)·ε·S, is the bound.
    /// F(4,3): |V_k| ≤ (10, 10, 10, 6, 6, 10)·max|x| with up to three roundings, |U_k| ≤ (1/4, 1/6, 1/6, 1/6,
    /// 1/6, 1)·Σ_j|g_j| with one (formed in Double), the output transform adds up to four terms with
    /// coefficients up to 8, so Σ_k |A_jk|·|U_k|·|V_k| ≤ 29.3·S for the worst output (y_{t+3d}) and
    /// |error| ≤ (K + 10)·ε·30·S; with the direct product's 3K·ε·S the bound is (33K + 300)·ε·S
    /// (plus ε·(0.5 + S) for the sum into a map of values ≤ 0.5).
    @Test(arguments: [
        (1, 16, true, 4, 4), (1, 72, false, 4, 4), (2, 16, false, 4, 4), (2, 48, true, 4, 4), (4, 32, true, 4, 4),
        (4, 24, true, 4, 2), (1, 18, false, 4, 2),
        (1, 16, true, 2, 2), (2, 16, false, 2, 2), (4, 24, true, 2, 2), (1, 15, true, 4, 0),
    ])
    func winogradLayerMatchesTheDirectConvolution(
        dilation: Int, length: Int, isComplex: Bool, preferred: Int, expected: Int
    ) {
        var generator = Xoshiro256StarStar(seed: 81 + UInt64(dilation))
        var conv = ComplexConv1D<Float>(
            name: "c", inChannels: 5, outChannels: 4, kernelSize: 3, padding: dilation, dilation: dilation,
            isComplex: isComplex)
        ComplexWeightInitializer.initialize(&conv, scheme: .he, using: &generator)
        let fast = FoldedConvolution(conv, norm: nil, winograd: true, winogradOutputs: preferred)
        let slow = FoldedConvolution(conv, norm: nil)
        #expect(fast.winograd != nil && (fast.winogradForm(length: length)?.outputs ?? 0) == expected)
        let planes = isComplex ? 2 : 1
        let batch = 2
        let inputs = (0..<(planes * 5 * batch * length)).map { _ in generator.nextUnitFloat() - 0.5 }
        let previous = (0..<(planes * 4 * batch * length)).map { _ in generator.nextUnitFloat() - 0.5 }
        func run(_ folded: FoldedConvolution, accumulate: Bool) -> [Float] {
            var output = previous
            var columns = [Float](repeating: .nan, count: folded.columnCount(batch: batch, length: length))
            var x = inputs
            x.withUnsafeMutableBufferPointer { xp in
                let rows = ConvolutionInputRows(
                    planes: (0..<planes).map { SendablePointer(xp.baseAddress! + $0 * 5 * batch * length) },
                    channelStride: batch * length, exampleStride: length)
                columns.withUnsafeMutableBufferPointer { c in
                    output.withUnsafeMutableBufferPointer { y in
                        folded.apply(
                            rows, batch: batch, length: length, columns: c.baseAddress!, into: y.baseAddress!,
                            accumulate: accumulate)
                    }
                }
            }
            return output
        }
        let k = planes * 5
        let growth = expected == 4 ? Float(33 * k + 300) : Float(4 * k + 36)
        for accumulate in [false, true] {
            let (a, b) = (run(fast, accumulate: accumulate), run(slow, accumulate: accumulate))
            for r in 0..<(planes * 4) {
                let s = 0.5 * (0..<(3 * k)).map { abs(slow.weight[r * 3 * k + $0]) }.reduce(0, +)
                let bound = growth * Float.ulpOfOne * s + (accumulate ? Float.ulpOfOne * (0.5 + s) : 0)
                for t in 0..<(batch * length) {
                    let index = r * batch * length + t
                    #expect(abs(a[index] - b[index]) <= bound, "row \(r) column \(t), accumulate \(accumulate)")
                }
            }
        }
    }

    /// The segmenter's batched entry point gives `segment`'s windows, numbered from `firstWindow`, and
    /// both agree with the layer-by-layer path (plan removed) up to rounding.
    @Test func batchedSegmentationMatchesWindowByWindow() throws {
        let configuration = NetworkConfiguration.compact(
            fftCount: 2, bins: 64, widths: [4, 4, 8, 8], contextDilations: [2])
        let network = try Self.network(configuration, seed: 51)
        var segmenter = try SpectrumSegmenter(network: network, modelSampleRateHz: 1)
        var generator = Xoshiro256StarStar(seed: 52)
        let w = 128
        let samples = (0..<(5 * w + 17)).map { _ in
            Complex<Float>(generator.nextUnitFloat() - 0.5, generator.nextUnitFloat() - 0.5)
        }
        #expect(segmenter.plan != nil)
        let whole = try segmenter.segment(samples: samples, sampleRateHz: 1, centerFrequencyHz: nil)
        #expect(whole.masks.count == 5)
        let tail = try segmenter.segmentWindows(
            samples[(2 * w)..<(5 * w + 17)], firstWindow: 2, sampleRateHz: 1, centerFrequencyHz: nil)
        #expect(tail.masks == Array(whole.masks[2...]))
        #expect(tail.probabilities == Array(whole.probabilities[2...]))
        #expect(tail.intervals == whole.intervals.filter { $0.window >= 2 })
        #expect(tail.intervals.allSatisfy { $0.sampleStart == $0.window * w })

        segmenter.plan = nil
        let reference = try segmenter.segment(samples: samples, sampleRateHz: 1, centerFrequencyHz: nil)
        // Probabilities σ(logit): |Δσ| ≤ |Δlogit|/4.
        let difference = zip(whole.probabilities.joined(), reference.probabilities.joined()).map { abs($0 - $1) }.max()
        #expect((difference ?? 1) <= Self.tolerance)
        // Masks may differ only where a probability sits within the tolerance of the threshold.
        for (k, (fast, slow)) in zip(whole.masks, reference.masks).enumerated() {
            for bin in fast.indices where fast[bin] != slow[bin] {
                #expect(abs(reference.probabilities[k][bin] - 0.5) <= Self.tolerance)
            }
        }
        // Changing the network re-prepares the plan.
        segmenter.network = network
        #expect(segmenter.plan != nil)
    }

    @Test func unsupportedLayoutsFallBackToTheReference() throws {
        var generator = Xoshiro256StarStar(seed: 61)
        var modReLU = NetworkConfiguration.compact(fftCount: 2, bins: 32, widths: [2, 2, 4, 4], contextDilations: [])
        modReLU.activation = .modrelu
        let network = try SegmentationNetwork<Float>(configuration: modReLU, using: &generator)
        #expect(InferencePlan(network: network) == nil)
        let segmenter = try SpectrumSegmenter(network: network, modelSampleRateHz: 1)
        let x = Self.input(modReLU, batch: 2, seed: 62)
        #expect(segmenter.logits(x) == network.inference(x))
    }
}
