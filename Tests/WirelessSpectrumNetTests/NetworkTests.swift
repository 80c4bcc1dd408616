import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessSpectrumNet

@Suite struct NetworkTests {
    @Test(arguments: [NetworkConfiguration.Head.convolution, .gapDense])
    func wholeCompactNetworkGradient(head: NetworkConfiguration.Head) throws {
        // docs/SPECTRUM.md#gradient-checks: the compact net at M = 2, N = 64, batch 3 (narrow widths keep it fast).
        var config = NetworkConfiguration.compact(fftCount: 2, bins: 64, widths: [3, 4, 4, 5])
        config.head = head
        var generator = Xoshiro256StarStar(seed: 71)
        let network = try SegmentationNetwork<Double>(configuration: config, using: &generator)
        let x = GradientChecker.randomTensor(batch: 3, channels: 2, length: 64, using: &generator)
        let report = GradientChecker.check(
            network, input: x, maximumProbes: 40,
            forward: { $0.forward($1) }, backward: { $0.backward($1) })
        #expect(report.inputError <= GradientChecker.tolerance, "input \(report.inputError)")
        #expect(report.parameterError <= GradientChecker.tolerance, "params \(report.parameterError)")
    }

    @Test func wholeRealNetworkAndPaperLayoutGradient() throws {
        var generator = Xoshiro256StarStar(seed: 72)
        let real = try SegmentationNetwork<Double>(
            configuration: .compactReal(fftCount: 1, bins: 32, widths: [3, 4, 4, 4], contextDilations: [1, 2]),
            using: &generator)
        let xr = GradientChecker.randomTensor(batch: 2, channels: 2, length: 32, isComplex: false, using: &generator)
        let r1 = GradientChecker.check(
            real, input: xr, maximumProbes: 50,
            forward: { $0.forward($1) }, backward: { $0.backward($1) })
        #expect(r1.inputError <= GradientChecker.tolerance && r1.parameterError <= GradientChecker.tolerance)
        // N = 128 keeps ≥ 8 samples per channel in the last CBN: with 4 the whitening is so curved that
        // central differences at h = 1e-6 lose accuracy (3e-6 observed), which is not a gradient error.
        let paper = try SegmentationNetwork<Double>(
            configuration: .paper1D(fftCount: 1, bins: 128, widths: [2, 3, 3, 4]), using: &generator)
        let xp = GradientChecker.randomTensor(batch: 2, channels: 1, length: 128, using: &generator)
        let r2 = GradientChecker.check(
            paper, input: xp, maximumProbes: 50,
            forward: { $0.forward($1) }, backward: { $0.backward($1) })
        #expect(
            r2.inputError <= GradientChecker.tolerance && r2.parameterError <= GradientChecker.tolerance,
            "\(r2.inputError) \(r2.parameterError) \(r1.inputError) \(r1.parameterError)")
    }

    /// Exact counts of docs/SPECTRUM.md#test-tolerances (real parameters including CBN's 5 per channel; real MACs, 4
    /// per complex MAC).
    @Test func parameterAndOperationCountsMatchTheSpecification() throws {
        var generator = Xoshiro256StarStar(seed: 1)
        var compact = try SegmentationNetwork<Float>(
            configuration: .compact(contextDilations: []), using: &generator)
        #expect(compact.trainableParameterCount() == 248_066)
        #expect(compact.realMultiplyAccumulates == 153_157_632)
        var compactLong = try SegmentationNetwork<Float>(
            configuration: .compact(fftCount: 1, bins: 16_384, contextDilations: []), using: &generator)
        #expect(compactLong.trainableParameterCount() == 244_706)
        #expect(compactLong.realMultiplyAccumulates == 2_340_421_632)
        // The κ-search of docs/SPECTRUM.md#architectures must find the widths 23/45/91/91.
        let realConfig = NetworkConfiguration.compact(contextDilations: []).realCounterpart()
        #expect(realConfig.widths == [23, 45, 91, 91] && !realConfig.isComplex)
        var real = try SegmentationNetwork<Float>(configuration: realConfig, using: &generator)
        #expect(real.trainableParameterCount() == 249_698)
        #expect(real.realMultiplyAccumulates == 78_747_008)
    }

    /// The project default adds three context blocks Res(64→64, d) at N/8 = 128 positions. Each has
    /// two complex 64×64×3 convolutions (2·64·64·3·2 = 49 152 real weights, 4·2·64·64·3·128 =
    /// 12 582 912 real MACs) and two CBNs (2·5·64 = 640 trainable values).
    @Test func contextBlocksAddTheirHandCountedParametersAndOperations() throws {
        var network = try SegmentationNetwork<Float>(configuration: .compact())
        #expect(network.configuration.contextDilations == [2, 4, 8])
        #expect(network.trainableParameterCount() == 248_066 + 3 * (49_152 + 640))
        #expect(network.realMultiplyAccumulates == 153_157_632 + 3 * 12_582_912)
        // The real counterpart's count lies within one width step of the complex count.
        let real = NetworkConfiguration.compact().realCounterpart()
        var realNetwork = try SegmentationNetwork<Float>(configuration: real)
        let gap = abs(realNetwork.trainableParameterCount() - network.trainableParameterCount())
        #expect(Double(gap) / Double(network.trainableParameterCount()) < 0.01, "\(real.widths) gap \(gap)")
    }

    /// A dilated block widens the receptive field: the structural field is 81 bins without context
    /// and 81 + 32·(2 + 4 + 8) = 529 bins with the default context. An impulse at the centre can
    /// reach at most that many output bins (inference mode: batch norm is a per-channel affine map
    /// and does not spread it); ReLUs silence some paths, so the lower bound only asks for most of it.
    @Test(arguments: [([Int](), 81, 50), ([2, 4, 8], 529, 400)])
    func receptiveField(context: [Int], expectedBins: Int, atLeast: Int) throws {
        var generator = Xoshiro256StarStar(seed: 9)
        var network = try SegmentationNetwork<Double>(
            configuration: .compact(fftCount: 1, bins: 1024, widths: [2, 2, 2, 2], contextDilations: context),
            using: &generator)
        var zero = ComplexTensor<Double>(batch: 1, channels: 1, length: 1024)
        var impulse = zero
        impulse.real[512] = 1
        impulse.imaginary[512] = 1
        let base = network.forward(zero, training: false)
        let response = network.forward(impulse, training: false)
        zero = base
        let touched = (0..<1024).filter {
            response.real[$0] != zero.real[$0] || response.imaginary[$0] != zero.imaginary[$0]
        }
        #expect(touched.count <= expectedBins, "\(touched.count) bins reached, limit \(expectedBins)")
        #expect(touched.count >= atLeast, "\(touched.count) bins reached, expected ≈ \(expectedBins)")
    }

    @Test func paperLayoutCounts() throws {
        // Built without weight initialisation; counts only.
        var paper = try SegmentationNetwork<Float>(configuration: .paper1D())
        #expect(paper.trainableParameterCount() == 24_502_592)
        #expect(paper.realMultiplyAccumulates == 22_328_377_344)
        var paperReal = try SegmentationNetwork<Float>(
            configuration: .paper1D(fftCount: 1, bins: 16_384, isComplex: false, widths: [106, 212, 425, 849]))
        #expect(paperReal.trainableParameterCount() == 24_489_554)
        #expect(paperReal.realMultiplyAccumulates == 15_343_827_968)
    }

    /// A configuration round-trips through JSON; one from a checkpoint written before the context
    /// blocks and the input window existed decodes as the plain U-Net on rectangular windows; the
    /// extractor of a configuration applies its window.
    @Test func configurationCodingAndItsExtractor() throws {
        var config = NetworkConfiguration.compact()
        config.inputWindow = .hann
        let data = try JSONEncoder().encode(config)
        #expect(try JSONDecoder().decode(NetworkConfiguration.self, from: data) == config)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["contextDilations"] = nil
        object["inputWindow"] = nil
        let legacy = try JSONDecoder().decode(
            NetworkConfiguration.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(legacy.contextDilations.isEmpty && legacy.inputWindow == .rectangular)
        #expect(try SpectrumFeatureExtractor(for: config).window == .hann(.periodic))
        #expect(try SpectrumFeatureExtractor(for: legacy).window == .rectangular)
        #expect(config.summary.hasSuffix("/hann") && !legacy.summary.contains("hann"))
    }

    @Test func shapes() throws {
        var generator = Xoshiro256StarStar(seed: 3)
        var network = try SegmentationNetwork<Float>(
            configuration: .compact(fftCount: 4, bins: 64, widths: [4, 4, 8, 8]),
            using: &generator)
        let y = network.forward(ComplexTensor(batch: 5, channels: 4, length: 64), training: false)
        #expect(y.batch == 5 && y.channels == 1 && y.length == 64 && y.isComplex)
        #expect(throws: SpectrumNetError.self) {
            _ = try SegmentationNetwork<Float>(configuration: .compact(bins: 100), using: &generator)
        }
    }
    /// `inference` does not touch the network: called between a training forward and its backward it leaves
    /// the caches `backward` needs (a `forward(training: false)` there releases them), the gradient is the
    /// one without the call, and its logits are those of `forward(training: false)`. A `let` segmenter
    /// segments (`segment` is not mutating).
    @Test func inferenceDoesNotMutateTheNetwork() throws {
        var generator = Xoshiro256StarStar(seed: 11)
        let configuration = NetworkConfiguration.compact(fftCount: 1, bins: 64, widths: [2, 2, 4, 4])
        var network = try SegmentationNetwork<Float>(configuration: configuration, using: &generator)
        var x = ComplexTensor<Float>(batch: 2, channels: 1, length: 64)
        for k in x.real.indices {
            x.real[k] = generator.nextUnitFloat() - 0.5
            x.imaginary[k] = generator.nextUnitFloat() - 0.5
        }
        var g = ComplexTensor<Float>(batch: 2, channels: 1, length: 64)
        for k in g.real.indices { g.real[k] = Float(k % 7) / 7 }

        var reference = network
        _ = reference.forward(x, training: true)
        let expected = reference.backward(g)

        _ = network.forward(x, training: true)
        let logits = network.inference(x)
        var released = network
        #expect(logits == released.forward(x, training: false))
        #expect(network.backward(g) == expected)

        let segmenter = try SpectrumSegmenter(network: network, modelSampleRateHz: 1)
        let samples = (0..<64).map { Complex<Float>(Float($0 % 5) - 2, Float($0 % 3) - 1) }
        let result = try segmenter.segment(samples: samples, sampleRateHz: 1, centerFrequencyHz: nil)
        #expect(result.masks.count == 1)
    }
    /// `layout` builds what the train command asks for: defaults per architecture and domain, the default
    /// context dilations cut at N/8, widths and layer choices applied.
    @Test func layoutFromTrainingChoices() throws {
        let paperReal = try NetworkConfiguration.layout(architecture: .paper1D, fftCount: 1, isComplex: false)
        #expect(paperReal == .paper1D(fftCount: 1, bins: 16_384, isComplex: false, widths: [106, 212, 425, 849]))
        let narrow = try NetworkConfiguration.layout(architecture: .compact, fftCount: 512, isComplex: true)
        #expect(narrow.bins == 32 && narrow.contextDilations == [2, 4])
        let real = try NetworkConfiguration.layout(
            architecture: .compact, fftCount: 16, isComplex: false, widths: [3, 4, 5, 6], contextDilations: [],
            inputWindow: .hann)
        #expect(real.widths == [3, 4, 5, 6] && !real.isComplex && real.contextDilations.isEmpty)
        #expect(real.inputWindow == .hann && real.activation == .crelu)
    }

    /// `layout` refuses choices it cannot build from (M not dividing 16 384, other than four widths, context
    /// blocks on paper1D); `validate()` then refuses context beyond N/8 and a real net with a complex-only choice.
    @Test func layoutRefusesChoicesItCannotBuild() {
        func refuses(
            _ architecture: NetworkConfiguration.Architecture, fftCount: Int = 16, isComplex: Bool = true,
            widths: [Int]? = nil, contextDilations: [Int]? = nil, activation: ActivationKind = .crelu,
            batchNorm: BatchNormKind = .whitening
        ) -> Bool {
            do {
                try NetworkConfiguration.layout(
                    architecture: architecture, fftCount: fftCount, isComplex: isComplex, widths: widths,
                    contextDilations: contextDilations, activation: activation, batchNorm: batchNorm
                ).validate()
                return false
            } catch {
                return error.category == .invalidArgument
            }
        }
        #expect(refuses(.compact, fftCount: 7))
        #expect(refuses(.compact, widths: [4, 4, 4]))
        #expect(refuses(.paper1D, contextDilations: [2]))
        #expect(refuses(.compact, fftCount: 64, contextDilations: [64]))
        #expect(refuses(.compact, isComplex: false, activation: .modrelu))
        #expect(refuses(.compact, isComplex: false, batchNorm: .naive))
        #expect(!refuses(.compact, isComplex: false))
    }
}
