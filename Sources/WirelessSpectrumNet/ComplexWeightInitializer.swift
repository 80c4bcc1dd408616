import Numerics
import WirelessCore

/// Weight initialisation for complex (Trabelsi et al. 2018) and real layers (docs/SPECTRUM.md#layers).
public enum WeightInitialization: String, Sendable, Equatable, Codable {
    /// Complex: W = ρe^{jθ}, ρ ~ Rayleigh(σ = 1/√fan_in), θ ~ U(−π, π). Real: He-normal N(0, 2/fan_in).
    case he
    /// Complex: Rayleigh σ = 1/√(fan_in + fan_out). Real: Glorot-normal N(0, 2/(fan_in + fan_out)).
    case glorot
    /// complexPyTorch's per-part Kaiming-uniform: Re and Im each U(−b, b), b = 1/√fan_in.
    case independentKaimingUniform
}

/// Draws initial weights; fan = channels · K. Biases start at 0.
public enum ComplexWeightInitializer {
    /// Initialises `conv` in place.
    ///
    ///     Rayleigh(σ): ρ = σ·√(−2 ln U),  U ~ U(0, 1]
    ///     fan_in = in·K,  fan_out = out·K
    public static func initialize<Scalar: NetworkScalar>(
        _ conv: inout ComplexConv1D<Scalar>, scheme: WeightInitialization,
        using generator: inout some RandomNumberGenerator
    ) {
        let fanIn = Double(conv.inChannels * conv.kernelSize)
        let fanOut = Double(conv.outChannels * conv.kernelSize)
        for k in 0..<conv.weightReal.count {
            switch scheme {
            case .he, .glorot:
                let sigma = scheme == .he ? 1 / fanIn.squareRoot() : 1 / (fanIn + fanOut).squareRoot()
                if conv.isComplex {
                    let rho = sigma * (-2 * Double.log(generator.nextOpenUnitDouble())).squareRoot()
                    let theta = Double.pi * (2 * generator.nextUnitDouble() - 1)
                    conv.weightReal.value[k] = Scalar(rho * Double.cos(theta))
                    conv.weightImaginary.value[k] = Scalar(rho * Double.sin(theta))
                } else {
                    let variance = scheme == .he ? 2 / fanIn : 2 / (fanIn + fanOut)
                    conv.weightReal.value[k] = Scalar(variance.squareRoot() * standardNormal(using: &generator))
                }
            case .independentKaimingUniform:
                let bound = 1 / fanIn.squareRoot()
                conv.weightReal.value[k] = Scalar(bound * (2 * generator.nextUnitDouble() - 1))
                if conv.isComplex {
                    conv.weightImaginary.value[k] = Scalar(bound * (2 * generator.nextUnitDouble() - 1))
                }
            }
        }
        for k in 0..<conv.biasReal.count { conv.biasReal.value[k] = 0 }
        for k in 0..<conv.biasImaginary.count { conv.biasImaginary.value[k] = 0 }
    }

    /// A standard normal draw (the core sampler).
    static func standardNormal(using generator: inout some RandomNumberGenerator) -> Double {
        NormalDistribution.standardSample(using: &generator)
    }
}
