import Numerics

/// The complex activation functions of docs/SPECTRUM.md#layers.
public enum ActivationKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// CReLU(z) = ReLU(Re z) + i·ReLU(Im z) (default; ReLU for a real layer).
    case crelu
    /// modReLU(z) = ReLU(|z| + b)·z/|z|, b learnable per channel (init −0.1); 0 if |z| < 1e-12.
    case modrelu
    /// zReLU(z) = z if Re z ≥ 0 and Im z ≥ 0, else 0.
    case zrelu
    /// cardioid(z) = ½(1 + Re z/|z|)·z.
    case cardioid
}

/// A point-wise complex activation with its backward pass.
///
/// For a non-holomorphic f the gradient is g_in = g·conj(∂f/∂z) + conj(g)·∂f/∂z̄, with
/// g = ∂L/∂y_r + i∂L/∂y_i. Equivalently, with the real 2×2 Jacobian J = ∂(y_r, y_i)/∂(x_r, x_i),
/// (g_in,r, g_in,i) = Jᵀ(g_r, g_i); this is how each case is implemented.
///
/// modReLU with y = c·z, c = 1 + b/|z| (|z| + b > 0):
///
///     J = c·I − (b/|z|³)·[[x_r², x_r x_i], [x_r x_i, x_i²]],   ∂L/∂b = (g_r x_r + g_i x_i)/|z|
///
/// cardioid with c = ½(1 + x_r/|z|): ∂c/∂x_r = ½x_i²/|z|³, ∂c/∂x_i = −½x_r x_i/|z|³,
/// J = c·I + [[x_r ∂c/∂x_r, x_r ∂c/∂x_i], [x_i ∂c/∂x_r, x_i ∂c/∂x_i]].
public struct ComplexActivation<Scalar: NetworkScalar>: ParameterContainer, Sendable {
    public let kind: ActivationKind
    public let channels: Int
    public let isComplex: Bool
    /// modReLU bias per channel (empty for other kinds).
    public var bias: Parameter<Scalar>
    var cachedInput: ComplexTensor<Scalar>?

    /// Magnitudes below this count as zero for modReLU and cardioid.
    static var magnitudeFloor: Scalar { 1e-12 }

    public init(name: String, kind: ActivationKind, channels: Int, isComplex: Bool = true) {
        precondition(isComplex || kind == .crelu, "a real layer supports only ReLU")
        self.kind = kind
        self.channels = channels
        self.isComplex = isComplex
        bias = Parameter(
            name: name + ".modrelu_bias", shape: [kind == .modrelu ? channels : 0],
            initialValue: -0.1)
    }

    public mutating func forEachParameter(_ body: (inout Parameter<Scalar>) -> Void) {
        if kind == .modrelu { body(&bias) }
    }

    public mutating func forward(_ input: ComplexTensor<Scalar>, training: Bool = true) -> ComplexTensor<Scalar> {
        precondition(input.isComplex == isComplex, "activation domain mismatch")
        cachedInput = training ? input : nil
        if kind == .crelu {
            return ComplexTensor(
                batch: input.batch, channels: input.channels, length: input.length,
                real: Self.rectified(input.real), imaginary: isComplex ? Self.rectified(input.imaginary) : nil)
        }
        var output = input
        switch kind {
        case .crelu:
            break
        case .zrelu:
            Self.zeroOutsideFirstQuadrant(&output, of: input)
        case .modrelu:
            forEachElement(input) { k, c in
                let xr = input.real[k]
                let xi = input.imaginary[k]
                if case (_, let scale)? = Self.modReLUScale(xr, xi, bias: bias.value[c]) {
                    output.real[k] = scale * xr
                    output.imaginary[k] = scale * xi
                } else {
                    output.real[k] = 0
                    output.imaginary[k] = 0
                }
            }
        case .cardioid:
            for k in 0..<output.real.count {
                let xr = input.real[k]
                let xi = input.imaginary[k]
                let r = Scalar.sqrt(xr * xr + xi * xi)
                let scale: Scalar = r < Self.magnitudeFloor ? Scalar(0.5) : (1 + xr / r) / 2
                output.real[k] = scale * xr
                output.imaginary[k] = scale * xi
            }
        }
        return output
    }

    /// max(x, 0) element-wise (one vectorisable pass, no copy-on-write checks).
    static func rectified(_ values: [Scalar]) -> [Scalar] {
        [Scalar](unsafeUninitializedCapacity: values.count) { out, count in
            values.withUnsafeBufferPointer { x in
                for k in 0..<x.count { out[k] = Swift.max(x[k], 0) }
            }
            count = values.count
        }
    }

    /// g where x > 0, else 0 (the ReLU backward; the kink x = 0 passes no gradient).
    ///
    /// Both values are loaded before the comparison, so the choice compiles to a vector select
    /// instead of a branch on the sign of x (which mispredicts half the time: 5.5 % of a training
    /// step before, measured with `perf`).
    static func masked(_ gradient: [Scalar], where input: [Scalar]) -> [Scalar] {
        [Scalar](unsafeUninitializedCapacity: gradient.count) { out, count in
            gradient.withUnsafeBufferPointer { g in
                input.withUnsafeBufferPointer { x in
                    for k in 0..<g.count {
                        let value = g[k]
                        let keep = x[k] > 0
                        out[k] = keep ? value : 0
                    }
                }
            }
            count = gradient.count
        }
    }

    /// modReLU's factor c = 1 + b/|z| at z = xr + i·xi with |z|, or nil where the output is 0
    /// (|z| below `magnitudeFloor`, or |z| + b ≤ 0).
    @inline(__always)
    static func modReLUScale(_ xr: Scalar, _ xi: Scalar, bias b: Scalar) -> (r: Scalar, scale: Scalar)? {
        let r = Scalar.sqrt(xr * xr + xi * xi)
        if r < magnitudeFloor || r + b <= 0 { return nil }
        return (r, 1 + b / r)
    }

    /// Zeroes `tensor` (a zReLU output or gradient) where `input` is outside the closed first
    /// quadrant (Re < 0 or Im < 0, or NaN).
    static func zeroOutsideFirstQuadrant(_ tensor: inout ComplexTensor<Scalar>, of input: ComplexTensor<Scalar>) {
        for k in 0..<tensor.real.count where !(input.real[k] >= 0 && input.imaginary[k] >= 0) {
            tensor.real[k] = 0
            tensor.imaginary[k] = 0
        }
    }

    /// Calls `body(flatIndex, channel)` for every element.
    private func forEachElement(_ tensor: ComplexTensor<Scalar>, _ body: (Int, Int) -> Void) {
        for n in 0..<tensor.batch {
            for c in 0..<tensor.channels {
                let row = (n * tensor.channels + c) * tensor.length
                for k in row..<(row + tensor.length) { body(k, c) }
            }
        }
    }

    public mutating func backward(_ outputGradient: ComplexTensor<Scalar>) -> ComplexTensor<Scalar> {
        guard let input = cachedInput else { preconditionFailure("backward without a training forward") }
        precondition(outputGradient.hasSameShape(as: input), "activation gradient shape mismatch")
        if kind == .crelu {
            return ComplexTensor(
                batch: input.batch, channels: input.channels, length: input.length,
                real: Self.masked(outputGradient.real, where: input.real),
                imaginary: isComplex ? Self.masked(outputGradient.imaginary, where: input.imaginary) : nil)
        }
        var gradient = outputGradient
        switch kind {
        case .crelu:
            break
        case .zrelu:
            Self.zeroOutsideFirstQuadrant(&gradient, of: input)
        case .modrelu:
            var biasGradient = bias.gradient
            forEachElement(input) { k, c in
                let xr = input.real[k]
                let xi = input.imaginary[k]
                let b = bias.value[c]
                let gr = outputGradient.real[k]
                let gi = outputGradient.imaginary[k]
                if case (let r, let scale)? = Self.modReLUScale(xr, xi, bias: b) {
                    let k3 = b / (r * r * r)
                    let jrr = scale - k3 * xr * xr
                    let jii = scale - k3 * xi * xi
                    let jri = -k3 * xr * xi
                    gradient.real[k] = jrr * gr + jri * gi
                    gradient.imaginary[k] = jri * gr + jii * gi
                    biasGradient[c] += (gr * xr + gi * xi) / r
                } else {
                    gradient.real[k] = 0
                    gradient.imaginary[k] = 0
                }
            }
            bias.gradient = biasGradient
        case .cardioid:
            for k in 0..<gradient.real.count {
                let xr = input.real[k]
                let xi = input.imaginary[k]
                let gr = outputGradient.real[k]
                let gi = outputGradient.imaginary[k]
                let r = Scalar.sqrt(xr * xr + xi * xi)
                if r < Self.magnitudeFloor {
                    gradient.real[k] = gr / 2
                    gradient.imaginary[k] = gi / 2
                    continue
                }
                let c = (1 + xr / r) / 2
                let r3 = r * r * r
                let dcr = xi * xi / (2 * r3)
                let dci = -xr * xi / (2 * r3)
                // J = [[c + xr·dcr, xr·dci], [xi·dcr, c + xi·dci]]; g_in = Jᵀ g.
                let j11 = c + xr * dcr
                let j12 = xr * dci
                let j21 = xi * dcr
                let j22 = c + xi * dci
                gradient.real[k] = j11 * gr + j21 * gi
                gradient.imaginary[k] = j12 * gr + j22 * gi
            }
        }
        return gradient
    }
}
