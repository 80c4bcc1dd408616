import Numerics

/// One paired estimate: a physical triplet, its complex gain and its full-grid spatial frequencies.
public struct ISACTargetEstimate: Sendable, Equatable, Codable {
    /// Angle [deg] in the grid's convention.
    public var angleDegrees: Double
    /// Path length (`.oneWay`) or range (`.monostatic`) [m].
    public var distanceMeters: Double
    /// Closing rate / radial velocity [m/s].
    public var velocityMetersPerSecond: Double
    /// Complex gain β̂ of the first snapshot, aligned with the triplet [channel units].
    public var gain: Complex<Double>
    /// `[ω_A, ω_F, ω_T]` on the full (uncompressed) grid [rad/sample].
    public var frequencies: [Double]
    /// Whether the angle argument was clamped to [−1, 1] (a warning, docs/ISAC.md#physical-mapping).
    public var angleClamped: Bool

    public init(
        angleDegrees: Double, distanceMeters: Double, velocityMetersPerSecond: Double, gain: Complex<Double>,
        frequencies: [Double], angleClamped: Bool = false
    ) {
        self.angleDegrees = angleDegrees
        self.distanceMeters = distanceMeters
        self.velocityMetersPerSecond = velocityMetersPerSecond
        self.gain = gain
        self.frequencies = frequencies
        self.angleClamped = angleClamped
    }

    /// The estimated path power |β̂|² [dB], floored as `ISACPath.gainPowerDB`.
    public var gainPowerDB: Double { ISACPath.powerDB(gain) }
}

/// The output of an ISAC estimator (PLAIN or a baseline).
public struct ISACEstimate: Sendable, Equatable, Codable {
    /// The paired targets, in selection order.
    public var targets: [ISACTargetEstimate]
    /// Per-mode stage-2 results (empty for estimators without a decoupled stage).
    public var modeEstimates: [ModeEstimate]

    public init(targets: [ISACTargetEstimate], modeEstimates: [ModeEstimate] = []) {
        self.targets = targets
        self.modeEstimates = modeEstimates
    }
}

/// Anything that turns one channel tensor into paired targets (PLAIN and every baseline).
public protocol ISACParameterEstimator: Sendable {
    /// A short name for tables and legends (`plain`, `fft3d`, `sequential`, `tensor_esprit`, …).
    var name: String { get }
    /// Estimates the targets of one tensor of the planned shape.
    func estimate(_ tensor: ChannelTensor) throws(ISACError) -> ISACEstimate
}

extension ISACTargetEstimate {
    /// The target at estimated frequencies `w` on a grid with spacing `factors` (the mapping of
    /// docs/ISAC.md#physical-mapping),
    /// with full-grid frequencies recomputed from the physical triplet and a zero gain (refit later).
    public init(grid: ISACGrid, estimatedFrequencies w: [Double], factors: [Int] = [1, 1, 1]) {
        let physical = grid.physicalParameters(frequencies: w, factors: factors)
        let path = ISACPath(
            angleDegrees: physical.angleDegrees, distanceMeters: physical.distanceMeters,
            velocityMetersPerSecond: physical.velocityMetersPerSecond, gain: .zero)
        self.init(
            angleDegrees: physical.angleDegrees, distanceMeters: physical.distanceMeters,
            velocityMetersPerSecond: physical.velocityMetersPerSecond, gain: .zero,
            frequencies: grid.spatialFrequencies(of: path), angleClamped: physical.angleClamped)
    }
}
