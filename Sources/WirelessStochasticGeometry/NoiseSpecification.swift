import WirelessCore

/// How the noise W = N₀/P of a `DensificationScenario` is given (docs/DENSIFICATION.md#physical-units).
public enum NoiseSpecification: Sendable, Equatable {
    /// W = 0.
    case interferenceLimited
    /// W itself [linear, in units of the path gain], ≥ 0, finite.
    case normalized(Double)
    /// W = g(R_1)/SNR_edge from the SNR at distance R_1 without fading [dB], finite.
    case edgeSNR(dB: Double)
    /// W from a physical link budget (`LinkBudget.normalizedNoise()`; lengths in metres).
    case linkBudget(LinkBudget)

    /// W for the path gain `pathGain`.
    /// - Throws: `DensificationError.invalidNoise` for a non-finite edge SNR.
    public func normalizedNoise(pathGain: MultiSlopePathGain) throws(DensificationError) -> Double {
        switch self {
        case .interferenceLimited: return 0
        case .normalized(let w): return w
        case .edgeSNR(let snrDB): return try DensificationScenario.noise(forEdgeSNRDB: snrDB, pathGain: pathGain)
        case .linkBudget(let budget): return try budget.normalizedNoise()
        }
    }
}

extension DensificationScenario {
    /// A scenario whose noise is given by `noise` (W for this path gain).
    /// - Throws: `DensificationError.invalidNoise` for W < 0, non-finite W or a non-finite edge SNR.
    public init(
        pathGain: MultiSlopePathGain, fading: FadingModel, association: Association, noise: NoiseSpecification
    ) throws(DensificationError) {
        try self.init(
            pathGain: pathGain, fading: fading, association: association,
            noise: noise.normalizedNoise(pathGain: pathGain))
    }
}
