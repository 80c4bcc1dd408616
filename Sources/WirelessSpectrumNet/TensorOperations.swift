import Numerics

/// Shape operations of the segmentation U-Net and their adjoints (docs/SPECTRUM.md#layers).
public enum TensorOperations {
    /// Nearest-neighbour up-sampling ×2 along the length: y[c, 2t] = y[c, 2t+1] = x[c, t].
    public static func upsampleNearest2<Scalar>(_ x: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        var y = ComplexTensor<Scalar>(
            batch: x.batch, channels: x.channels, length: 2 * x.length, isComplex: x.isComplex)
        for row in 0..<(x.batch * x.channels) {
            let src = row * x.length
            let dst = row * 2 * x.length
            for t in 0..<x.length {
                y.real[dst + 2 * t] = x.real[src + t]
                y.real[dst + 2 * t + 1] = x.real[src + t]
                if x.isComplex {
                    y.imaginary[dst + 2 * t] = x.imaginary[src + t]
                    y.imaginary[dst + 2 * t + 1] = x.imaginary[src + t]
                }
            }
        }
        return y
    }

    /// Adjoint of `upsampleNearest2`: the gradient of each input sums its two copies.
    public static func upsampleNearest2Backward<Scalar>(_ g: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        precondition(g.length % 2 == 0, "up-sampling gradient length must be even")
        let half = g.length / 2
        var x = ComplexTensor<Scalar>(batch: g.batch, channels: g.channels, length: half, isComplex: g.isComplex)
        for row in 0..<(g.batch * g.channels) {
            let src = row * g.length
            let dst = row * half
            for t in 0..<half {
                x.real[dst + t] = g.real[src + 2 * t] + g.real[src + 2 * t + 1]
                if g.isComplex {
                    x.imaginary[dst + t] = g.imaginary[src + 2 * t] + g.imaginary[src + 2 * t + 1]
                }
            }
        }
        return x
    }

    /// Channel concatenation [a, b] (same batch and length).
    public static func concatenateChannels<Scalar>(_ a: ComplexTensor<Scalar>, _ b: ComplexTensor<Scalar>)
        -> ComplexTensor<Scalar>
    {
        precondition(a.batch == b.batch && a.length == b.length && a.isComplex == b.isComplex, "concat shape mismatch")
        var y = ComplexTensor<Scalar>(
            batch: a.batch, channels: a.channels + b.channels, length: a.length, isComplex: a.isComplex)
        let sa = a.exampleStride
        let sb = b.exampleStride
        let sy = y.exampleStride
        for n in 0..<a.batch {
            for k in 0..<sa { y.real[n * sy + k] = a.real[n * sa + k] }
            for k in 0..<sb { y.real[n * sy + sa + k] = b.real[n * sb + k] }
            if a.isComplex {
                for k in 0..<sa { y.imaginary[n * sy + k] = a.imaginary[n * sa + k] }
                for k in 0..<sb { y.imaginary[n * sy + sa + k] = b.imaginary[n * sb + k] }
            }
        }
        return y
    }

    /// Splits a gradient of `concatenateChannels` back into its two parts.
    public static func splitChannels<Scalar>(_ g: ComplexTensor<Scalar>, firstChannels: Int) -> (
        ComplexTensor<Scalar>, ComplexTensor<Scalar>
    ) {
        let secondChannels = g.channels - firstChannels
        var a = ComplexTensor<Scalar>(batch: g.batch, channels: firstChannels, length: g.length, isComplex: g.isComplex)
        var b = ComplexTensor<Scalar>(
            batch: g.batch, channels: secondChannels, length: g.length, isComplex: g.isComplex)
        let sa = a.exampleStride
        let sb = b.exampleStride
        let sg = g.exampleStride
        for n in 0..<g.batch {
            for k in 0..<sa { a.real[n * sa + k] = g.real[n * sg + k] }
            for k in 0..<sb { b.real[n * sb + k] = g.real[n * sg + sa + k] }
            if g.isComplex {
                for k in 0..<sa { a.imaginary[n * sa + k] = g.imaginary[n * sg + k] }
                for k in 0..<sb { b.imaginary[n * sb + k] = g.imaginary[n * sg + sa + k] }
            }
        }
        return (a, b)
    }

    /// Global average pooling over the length: y[n, c, 0] = mean_t x[n, c, t] (the complex mean).
    public static func globalAveragePool<Scalar>(_ x: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        var y = ComplexTensor<Scalar>(batch: x.batch, channels: x.channels, length: 1, isComplex: x.isComplex)
        let scale = 1 / Scalar(x.length)
        for row in 0..<(x.batch * x.channels) {
            var sr: Scalar = 0
            var si: Scalar = 0
            for t in 0..<x.length {
                sr += x.real[row * x.length + t]
                if x.isComplex { si += x.imaginary[row * x.length + t] }
            }
            y.real[row] = sr * scale
            if x.isComplex { y.imaginary[row] = si * scale }
        }
        return y
    }

    /// Adjoint of `globalAveragePool`: spreads g/L over the `length` positions.
    public static func globalAveragePoolBackward<Scalar>(_ g: ComplexTensor<Scalar>, length: Int) -> ComplexTensor<
        Scalar
    > {
        var x = ComplexTensor<Scalar>(batch: g.batch, channels: g.channels, length: length, isComplex: g.isComplex)
        let scale = 1 / Scalar(length)
        for row in 0..<(g.batch * g.channels) {
            for t in 0..<length {
                x.real[row * length + t] = g.real[row] * scale
                if g.isComplex { x.imaginary[row * length + t] = g.imaginary[row] * scale }
            }
        }
        return x
    }

    /// Reinterprets [batch × C × 1] as [batch × 1 × C] (the dense head's output as bins).
    public static func channelsToLength<Scalar>(_ x: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        precondition(x.length == 1, "channelsToLength needs length 1")
        return ComplexTensor(
            batch: x.batch, channels: 1, length: x.channels, real: x.real,
            imaginary: x.isComplex ? x.imaginary : nil)
    }

    /// Reinterprets [batch × 1 × L] as [batch × L × 1].
    public static func lengthToChannels<Scalar>(_ x: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        precondition(x.channels == 1, "lengthToChannels needs one channel")
        return ComplexTensor(
            batch: x.batch, channels: x.length, length: 1, real: x.real,
            imaginary: x.isComplex ? x.imaginary : nil)
    }

    /// Split sigmoid σ(Re z) + i·σ(Im z) (output of docs/SPECTRUM.md#layers); the loss takes the logits instead.
    public static func splitSigmoid<Scalar>(_ z: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        var y = z
        for k in 0..<y.real.count { y.real[k] = logistic(z.real[k]) }
        for k in 0..<y.imaginary.count { y.imaginary[k] = logistic(z.imaginary[k]) }
        return y
    }

    /// Adjoint of `splitSigmoid` given its output p: g·p(1−p) per part.
    public static func splitSigmoidBackward<Scalar>(output p: ComplexTensor<Scalar>, gradient g: ComplexTensor<Scalar>)
        -> ComplexTensor<Scalar>
    {
        var x = g
        for k in 0..<x.real.count { x.real[k] = g.real[k] * p.real[k] * (1 - p.real[k]) }
        for k in 0..<x.imaginary.count { x.imaginary[k] = g.imaginary[k] * p.imaginary[k] * (1 - p.imaginary[k]) }
        return x
    }

    /// Numerically stable logistic σ(u) = 1/(1 + e^{−u}).
    @inline(__always)
    public static func logistic<Scalar: NetworkScalar>(_ u: Scalar) -> Scalar {
        if u >= 0 {
            return 1 / (1 + Scalar.exp(-u))
        }
        let e = Scalar.exp(u)
        return e / (1 + e)
    }

    /// Numerically stable softplus log(1 + e^u).
    @inline(__always)
    public static func softplus<Scalar: NetworkScalar>(_ u: Scalar) -> Scalar {
        Swift.max(u, 0) + Scalar.log(onePlus: Scalar.exp(-Swift.abs(u)))
    }
}
