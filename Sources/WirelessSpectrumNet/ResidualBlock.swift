import Numerics

/// The residual block of docs/SPECTRUM.md#layers / docs/SPECTRUM.md#architectures:
///
///     Res(cin → cout, s) = act( CBN(conv3(act(CBN(conv3_s(x))))) + shortcut(x) )
///     shortcut = identity            if cin == cout and s == 1
///              = CBN(conv1×1_s(x))   otherwise
///
/// Both 3-tap convolutions may be dilated by d (padding d keeps the length), as in the context
/// blocks of the compact U-Net.
///
/// Shapes: `[batch × cin × L]` → `[batch × cout × L_out]`, L_out = ⌊(L − 1)/s⌋ + 1.
public struct ResidualBlock<Scalar: NetworkScalar>: ParameterContainer, Sendable {
    public var conv1: ComplexConv1D<Scalar>
    public var norm1: ComplexBatchNorm<Scalar>
    public var activation1: ComplexActivation<Scalar>
    public var conv2: ComplexConv1D<Scalar>
    public var norm2: ComplexBatchNorm<Scalar>
    public var shortcutConv: ComplexConv1D<Scalar>?
    public var shortcutNorm: ComplexBatchNorm<Scalar>?
    public var activationOut: ComplexActivation<Scalar>

    public init(
        name: String, inChannels: Int, outChannels: Int, stride: Int = 1, dilation: Int = 1,
        activation: ActivationKind = .crelu, isComplex: Bool = true, batchNorm: BatchNormKind = .whitening
    ) {
        conv1 = ComplexConv1D(
            name: name + ".conv1", inChannels: inChannels, outChannels: outChannels,
            kernelSize: 3, stride: stride, padding: dilation, dilation: dilation, isComplex: isComplex)
        norm1 = ComplexBatchNorm(name: name + ".bn1", channels: outChannels, isComplex: isComplex, kind: batchNorm)
        activation1 = ComplexActivation(
            name: name + ".act1", kind: activation, channels: outChannels, isComplex: isComplex)
        conv2 = ComplexConv1D(
            name: name + ".conv2", inChannels: outChannels, outChannels: outChannels,
            kernelSize: 3, padding: dilation, dilation: dilation, isComplex: isComplex)
        norm2 = ComplexBatchNorm(name: name + ".bn2", channels: outChannels, isComplex: isComplex, kind: batchNorm)
        if inChannels != outChannels || stride != 1 {
            shortcutConv = ComplexConv1D(
                name: name + ".shortcut", inChannels: inChannels, outChannels: outChannels,
                kernelSize: 1, stride: stride, isComplex: isComplex)
            shortcutNorm = ComplexBatchNorm(
                name: name + ".shortcut_bn", channels: outChannels, isComplex: isComplex, kind: batchNorm)
        }
        activationOut = ComplexActivation(
            name: name + ".act2", kind: activation, channels: outChannels, isComplex: isComplex)
    }

    public mutating func forEachParameter(_ body: (inout Parameter<Scalar>) -> Void) {
        conv1.forEachParameter(body)
        norm1.forEachParameter(body)
        activation1.forEachParameter(body)
        conv2.forEachParameter(body)
        norm2.forEachParameter(body)
        shortcutConv?.forEachParameter(body)
        shortcutNorm?.forEachParameter(body)
        activationOut.forEachParameter(body)
    }

    /// The convolutions, for weight initialisation and operation counts.
    public mutating func forEachConvolution(_ body: (inout ComplexConv1D<Scalar>) -> Void) {
        body(&conv1)
        body(&conv2)
        if shortcutConv != nil { body(&shortcutConv!) }
    }

    /// Complex MACs per example for an input of `length` (batch norm excluded).
    public func multiplyAccumulates(length: Int) -> Int {
        let outLength = conv1.outputLength(length)
        return conv1.multiplyAccumulates(length: length) + conv2.multiplyAccumulates(length: outLength)
            + (shortcutConv?.multiplyAccumulates(length: length) ?? 0)
    }

    public mutating func forward(
        _ x: ComplexTensor<Scalar>, training: Bool = true, updateStatistics: Bool = true
    ) -> ComplexTensor<Scalar> {
        var h = conv1.forward(x, training: training)
        h = norm1.forward(h, training: training, updateRunningStatistics: updateStatistics)
        h = activation1.forward(h, training: training)
        h = conv2.forward(h, training: training)
        h = norm2.forward(h, training: training, updateRunningStatistics: updateStatistics)
        if shortcutConv != nil {
            var sc = shortcutConv!.forward(x, training: training)
            sc = shortcutNorm!.forward(sc, training: training, updateRunningStatistics: updateStatistics)
            h.add(sc)
        } else {
            h.add(x)
        }
        return activationOut.forward(h, training: training)
    }

    public mutating func backward(_ g: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        let gSum = activationOut.backward(g)
        var gx: ComplexTensor<Scalar>
        if shortcutConv != nil {
            gx = shortcutConv!.backward(shortcutNorm!.backward(gSum))
        } else {
            gx = gSum
        }
        var h = norm2.backward(gSum)
        h = conv2.backward(h)
        h = activation1.backward(h)
        h = norm1.backward(h)
        h = conv1.backward(h)
        gx.add(h)
        return gx
    }
}
