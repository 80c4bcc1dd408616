import Foundation
import WirelessCore

/// A downlink Poisson cellular model minus its density: path gain, fading, association and noise.
///
///     SINR_i = H_i g(|X_i|) / (Σ_{j≠i} H_j g(|X_j|) + W),   W = N₀/P
///
/// The density λ [BSs per unit area] is the swept variable and is passed to each metric.
/// docs/DENSIFICATION.md#network-model to docs/DENSIFICATION.md#association.
public struct DensificationScenario: Sendable, Equatable, Codable {
    /// g.
    public let pathGain: MultiSlopePathGain
    /// H = h·S.
    public let fading: FadingModel
    /// Serving-BS rule.
    public let association: Association
    /// W = N₀/P [linear, in units of the path gain], ≥ 0 (0 = interference-limited).
    public let noise: Double

    /// - Throws: `DensificationError.invalidNoise` for W < 0 or non-finite.
    public init(pathGain: MultiSlopePathGain, fading: FadingModel, association: Association, noise: Double = 0)
        throws(DensificationError)
    {
        guard noise.isFinite, noise >= 0 else { throw DensificationError.invalidNoise(value: noise) }
        self.pathGain = pathGain
        self.fading = fading
        self.association = association
        self.noise = noise
    }

    /// W from an edge SNR: W = g(R_1)/SNR_edge (project choice; R_1 = 1 for a single slope).
    ///
    /// - Parameter edgeSNRDB: SNR at distance R_1 without fading [dB], finite.
    public static func noise(forEdgeSNRDB edgeSNRDB: Double, pathGain: MultiSlopePathGain) throws(DensificationError)
        -> Double
    {
        guard edgeSNRDB.isFinite else { throw DensificationError.invalidNoise(value: edgeSNRDB) }
        let r1 = pathGain.breakpoints.first ?? 1
        return pathGain.gain(atDistance: r1) / pow(10, edgeSNRDB / 10)
    }
}

/// Validation shared by every metric.
enum Validate {
    static func density(_ lambda: Double) throws(DensificationError) {
        guard lambda.isFinite, lambda > 0 else { throw DensificationError.invalidDensity(value: lambda) }
    }
    static func threshold(_ t: Double) throws(DensificationError) {
        guard t.isFinite, t >= 0 else { throw DensificationError.invalidThreshold(value: t) }
    }
    static func noise(_ w: Double) throws(DensificationError) {
        guard w.isFinite, w >= 0 else { throw DensificationError.invalidNoise(value: w) }
    }
    /// The arguments of every coverage route: λ > 0, T ≥ 0 and W ≥ 0, each finite.
    static func route(density: Double, threshold: Double, noise: Double) throws(DensificationError) {
        try Validate.density(density)
        try Validate.threshold(threshold)
        try Validate.noise(noise)
    }
    /// A route that needs Rayleigh small-scale fading h: `.analyticUnavailable(reason:)` otherwise.
    static func rayleighSmallScale(_ fading: FadingModel, otherwise reason: String) throws(DensificationError) {
        guard fading.hasRayleighSmallScale else { throw DensificationError.analyticUnavailable(reason: reason) }
    }
}
