import Numerics

/// A complex-valued (or real-valued counterpart) spectrum-segmentation network (docs/SPECTRUM.md#architectures).
///
/// Input `[batch × inputChannels × N]` (M stacked peak-normalised FFTs; Re/Im as 2M real channels for
/// the RV net); output logits `[batch × 1 × N]` (complex for the CV net; the loss takes logits and
/// inference applies the split sigmoid).
///
/// compact (default):
///
///     h  = act(CBN(conv7(x)))                      [w0 × N]
///     e1 = Res(w0→w0)(h), e2 = Res(w0→w1, 2)(e1), e3 = Res(w1→w2, 2)(e2), e4 = Res(w2→w3, 2)(e3)
///     c  = Res_dK(…Res_d1(e4))                     context blocks (w3, dilations d1…dK; default 2, 4, 8)
///     d3 = Res(w3+w2→w2)([up c, e3]), d2 = Res(w2+w1→w1)([up d3, e2]), d1 = Res(w1+w0→w0)([up d2, e1])
///     logits = conv1×1(d1) + b                     [1 × N]
///
/// paper1D: stem conv7/2 (M→w0) + CBN + act; BasicBlocks [2,2,2,2] at w0..w3 (stages 2–4 open with
/// stride 2); GAP → dense w3 → N with bias.
///
/// The passes are pre-specialised for `Float` (`@_specialize(exported: true)`), so code in other
/// modules that calls `forward`/`backward` on a `SegmentationNetwork<Float>` runs the specialised
/// kernels (measured: 9.7 ms per window instead of 77 ms through the unspecialised generic code).
public struct SegmentationNetwork<Scalar: NetworkScalar>: ParameterContainer, Sendable {
    public let configuration: NetworkConfiguration
    public var stem: ComplexConv1D<Scalar>
    public var stemNorm: ComplexBatchNorm<Scalar>
    public var stemActivation: ComplexActivation<Scalar>
    public var encoder: [ResidualBlock<Scalar>]
    /// Dilated blocks at the bottleneck (`configuration.contextDilations`; compact only).
    public var context: [ResidualBlock<Scalar>]
    public var decoder: [ResidualBlock<Scalar>]
    /// conv1×1 head, or the dense layer (a K = 1 conv over the pooled length-1 map).
    public var head: ComplexConv1D<Scalar>

    /// Shapes cached by the last training forward.
    var cachedSkipChannels: [Int] = []
    var cachedPooledLength = 0

    /// Builds the network and initialises its weights from `generator` (fixed draw order).
    ///
    /// - Throws: `SpectrumNetError.invalidConfiguration` for an invalid configuration.
    public init(configuration: NetworkConfiguration, using generator: inout some RandomNumberGenerator)
        throws(SpectrumNetError)
    {
        try self.init(configuration: configuration)
        let scheme = configuration.initialization
        forEachConvolution { ComplexWeightInitializer.initialize(&$0, scheme: scheme, using: &generator) }
    }

    /// Builds the network with zero convolution weights (to be filled from a checkpoint).
    ///
    /// - Throws: `SpectrumNetError.invalidConfiguration` for an invalid configuration.
    public init(configuration: NetworkConfiguration) throws(SpectrumNetError) {
        try configuration.validate()
        self.configuration = configuration
        let c = configuration.isComplex
        let act = configuration.activation
        let norm = configuration.batchNorm
        let w = configuration.widths
        switch configuration.architecture {
        case .compact:
            stem = ComplexConv1D(
                name: "stem", inChannels: configuration.inputChannels, outChannels: w[0],
                kernelSize: 7, padding: 3, isComplex: c)
            stemNorm = ComplexBatchNorm(name: "stem_bn", channels: w[0], isComplex: c, kind: norm)
            stemActivation = ComplexActivation(name: "stem_act", kind: act, channels: w[0], isComplex: c)
            // e1 keeps the stem's width and length; e2…e4 widen to w1…w3 and halve the length.
            encoder = (0..<4).map { k in
                ResidualBlock(
                    name: "e\(k + 1)", inChannels: w[max(k - 1, 0)], outChannels: w[k], stride: k == 0 ? 1 : 2,
                    activation: act, isComplex: c, batchNorm: norm)
            }
            context = configuration.contextDilations.enumerated().map { k, d in
                ResidualBlock(
                    name: "c\(k + 1)", inChannels: w[3], outChannels: w[3], dilation: d, activation: act,
                    isComplex: c, batchNorm: norm)
            }
            // d3, d2, d1: each on [upsampled, skip] channels back to the skip's width.
            decoder = (0..<3).reversed().map { k in
                ResidualBlock(
                    name: "d\(k + 1)", inChannels: w[k + 1] + w[k], outChannels: w[k], activation: act, isComplex: c,
                    batchNorm: norm)
            }
            switch configuration.head {
            case .convolution:
                head = ComplexConv1D(
                    name: "head", inChannels: w[0], outChannels: 1, kernelSize: 1, hasBias: true, isComplex: c)
            case .gapDense:
                head = ComplexConv1D(
                    name: "head", inChannels: w[0], outChannels: configuration.bins, kernelSize: 1,
                    hasBias: true, isComplex: c)
            }
        case .paper1D:
            stem = ComplexConv1D(
                name: "stem", inChannels: configuration.inputChannels, outChannels: w[0],
                kernelSize: 7, stride: 2, padding: 3, isComplex: c)
            stemNorm = ComplexBatchNorm(name: "stem_bn", channels: w[0], isComplex: c, kind: norm)
            stemActivation = ComplexActivation(name: "stem_act", kind: act, channels: w[0], isComplex: c)
            var blocks: [ResidualBlock<Scalar>] = []
            var previous = w[0]
            for stage in 0..<4 {
                for index in 0..<2 {
                    let stride = stage > 0 && index == 0 ? 2 : 1
                    blocks.append(
                        ResidualBlock(
                            name: "layer\(stage + 1).\(index)", inChannels: previous,
                            outChannels: w[stage], stride: stride, activation: act, isComplex: c, batchNorm: norm))
                    previous = w[stage]
                }
            }
            encoder = blocks
            context = []
            decoder = []
            head = ComplexConv1D(
                name: "head", inChannels: w[3], outChannels: configuration.bins, kernelSize: 1,
                hasBias: true, isComplex: c)
        }
    }

    /// Visits every convolution (stem, blocks, head) in a fixed order.
    public mutating func forEachConvolution(_ body: (inout ComplexConv1D<Scalar>) -> Void) {
        body(&stem)
        for k in encoder.indices { encoder[k].forEachConvolution(body) }
        for k in context.indices { context[k].forEachConvolution(body) }
        for k in decoder.indices { decoder[k].forEachConvolution(body) }
        body(&head)
    }

    /// Switches every complex `Float` convolution to (or from) the Gauss three-multiplication form
    /// (`ComplexConv1D.useGaussMultiplication`): fewer multiply-adds, last-bit differences in the
    /// results, so a seeded run is reproducible only with the same setting. Not stored in checkpoints.
    public mutating func setGaussMultiplication(_ enabled: Bool) {
        forEachConvolution { $0.useGaussMultiplication = enabled }
    }

    public mutating func forEachParameter(_ body: (inout Parameter<Scalar>) -> Void) {
        stem.forEachParameter(body)
        stemNorm.forEachParameter(body)
        stemActivation.forEachParameter(body)
        for k in encoder.indices { encoder[k].forEachParameter(body) }
        for k in context.indices { context[k].forEachParameter(body) }
        for k in decoder.indices { decoder[k].forEachParameter(body) }
        head.forEachParameter(body)
    }

    /// Real multiply-accumulates per forward example (4 per complex MAC; batch norm excluded).
    public var realMultiplyAccumulates: Int {
        var total = 0
        var length = configuration.bins
        total += stem.multiplyAccumulates(length: length)
        length = stem.outputLength(length)
        var lengths: [Int] = []
        for block in encoder {
            total += block.multiplyAccumulates(length: length)
            length = block.conv1.outputLength(length)
            lengths.append(length)
        }
        for block in context { total += block.multiplyAccumulates(length: length) }
        for (k, block) in decoder.enumerated() {
            length = lengths[lengths.count - 2 - k]
            total += block.multiplyAccumulates(length: length)
        }
        total += head.multiplyAccumulates(
            length: configuration.architecture == .paper1D
                || configuration.head == .gapDense ? 1 : length)
        return configuration.isComplex ? 4 * total : total
    }

    /// Forward pass to the logits `[batch × 1 × N]`.
    ///
    /// - Parameters:
    ///   - training: batch statistics and caches for `backward` (true) or running statistics (false).
    ///   - updateStatistics: false freezes the batch-norm running statistics (transfer learning).
    @_specialize(exported:true,where Scalar == Float)
    public mutating func forward(
        _ input: ComplexTensor<Scalar>, training: Bool = true, updateStatistics: Bool = true
    ) -> ComplexTensor<Scalar> {
        headForward(bodyForward(input, training: training, updateStatistics: updateStatistics), training: training)
    }

    /// Inference-mode logits `[batch × 1 × N]` (running batch-norm statistics), without mutating the network.
    ///
    /// `forward(training: false)` writes the layers' cache fields (it releases them); this runs it on a scratch
    /// copy owned by the call. The copy shares every weight and statistics buffer with `self` (copy-on-write:
    /// inference writes only cache fields, never a weight), so it costs one shallow copy of the layer arrays,
    /// and the numbers are those of `forward(training: false)`. Safe to call from several threads on one value.
    public func inference(_ input: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        var scratch = self
        return scratch.forward(input, training: false)
    }

    /// Whether the head is a dense layer over the globally pooled map (paper1D, `.gapDense`).
    var hasDenseHead: Bool { configuration.architecture == .paper1D || configuration.head == .gapDense }

    /// Everything before the head: the map the head reads, `[batch × w0 × N]` for the compact
    /// net (`[batch × channels × L]` before pooling for a dense head).
    @_specialize(exported:true,where Scalar == Float)
    public mutating func bodyForward(
        _ input: ComplexTensor<Scalar>, training: Bool = true, updateStatistics: Bool = true
    ) -> ComplexTensor<Scalar> {
        precondition(
            input.channels == configuration.inputChannels && input.length == configuration.bins
                && input.isComplex == configuration.isComplex, "network input shape mismatch")
        var h = stem.forward(input, training: training)
        h = stemNorm.forward(h, training: training, updateRunningStatistics: updateStatistics)
        h = stemActivation.forward(h, training: training)
        switch configuration.architecture {
        case .compact:
            var skips: [ComplexTensor<Scalar>] = []
            for k in encoder.indices {
                h = encoder[k].forward(h, training: training, updateStatistics: updateStatistics)
                skips.append(h)
            }
            cachedSkipChannels = skips.map(\.channels)
            for k in context.indices {
                h = context[k].forward(h, training: training, updateStatistics: updateStatistics)
            }
            for k in decoder.indices {
                let skip = skips[skips.count - 2 - k]
                let joined = TensorOperations.concatenateChannels(TensorOperations.upsampleNearest2(h), skip)
                h = decoder[k].forward(joined, training: training, updateStatistics: updateStatistics)
            }
        case .paper1D:
            for k in encoder.indices {
                h = encoder[k].forward(h, training: training, updateStatistics: updateStatistics)
            }
        }
        return h
    }

    /// The head on the body's map: conv1×1 (+ bias), or global pooling + dense reshaped to
    /// `[batch × 1 × N]`. Caches for `headBackward` when `training`.
    @_specialize(exported:true,where Scalar == Float)
    public mutating func headForward(_ features: ComplexTensor<Scalar>, training: Bool = true) -> ComplexTensor<Scalar>
    {
        guard hasDenseHead else { return head.forward(features, training: training) }
        cachedPooledLength = features.length
        let pooled = TensorOperations.globalAveragePool(features)
        return TensorOperations.channelsToLength(head.forward(pooled, training: training))
    }

    /// Back-propagates ∂L/∂logits through the head only, accumulating the head's gradients;
    /// returns ∂L/∂(body map).
    @_specialize(exported:true,where Scalar == Float)
    public mutating func headBackward(_ logitGradient: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        guard hasDenseHead else { return head.backward(logitGradient) }
        let gPooled = head.backward(TensorOperations.lengthToChannels(logitGradient))
        return TensorOperations.globalAveragePoolBackward(gPooled, length: cachedPooledLength)
    }

    /// Back-propagates ∂L/∂logits (Wirtinger convention), accumulating every parameter gradient;
    /// returns ∂L/∂input.
    @discardableResult
    @_specialize(exported:true,where Scalar == Float)
    public mutating func backward(_ logitGradient: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        let g = backwardToStem(logitGradient)
        return stem.backward(g)
    }

    /// Back-propagates ∂L/∂logits as `backward(_:)` does, accumulating every parameter gradient
    /// (bit-identical), but does not form ∂L/∂input, which training discards: the stem skips its
    /// input-gradient product.
    @_specialize(exported:true,where Scalar == Float)
    public mutating func accumulateGradients(_ logitGradient: ComplexTensor<Scalar>) {
        let g = backwardToStem(logitGradient)
        stem.accumulateParameterGradients(g)
    }

    /// Everything of the backward pass down to ∂L/∂(stem output).
    private mutating func backwardToStem(_ logitGradient: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        var g = headBackward(logitGradient)
        switch configuration.architecture {
        case .compact:
            var skipGradients: [ComplexTensor<Scalar>?] = Array(repeating: nil, count: encoder.count)
            for k in decoder.indices.reversed() {
                let gJoined = decoder[k].backward(g)
                let upChannels = gJoined.channels - cachedSkipChannels[encoder.count - 2 - k]
                let (gUp, gSkip) = TensorOperations.splitChannels(gJoined, firstChannels: upChannels)
                skipGradients[encoder.count - 2 - k] = gSkip
                g = TensorOperations.upsampleNearest2Backward(gUp)
            }
            for k in context.indices.reversed() { g = context[k].backward(g) }
            for k in encoder.indices.reversed() {
                g = encoder[k].backward(g)
                if k > 0, let extra = skipGradients[k - 1] { g.add(extra) }
            }
        case .paper1D:
            for k in encoder.indices.reversed() { g = encoder[k].backward(g) }
        }
        g = stemActivation.backward(g)
        return stemNorm.backward(g)
    }
}
