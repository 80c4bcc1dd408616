import Numerics

/// One propagation path (a reflector): direction, distance, velocity and complex gain.
public struct ISACPath: Sendable, Equatable, Codable {
    /// Angle [deg]: θ ∈ [0, 180] from the array axis (`.axis`) or φ ∈ [−90, 90] from broadside (`.broadside`).
    public var angleDegrees: Double
    /// Path length (`.oneWay`) or range (`.monostatic`) [m], ≥ 0.
    public var distanceMeters: Double
    /// Closing rate (`.oneWay`) or radial velocity (`.monostatic`) [m/s]; > 0 ⇔ f_D > 0.
    public var velocityMetersPerSecond: Double
    /// Complex amplitude β [linear, channel units].
    public var gain: Complex<Double>

    public init(angleDegrees: Double, distanceMeters: Double, velocityMetersPerSecond: Double, gain: Complex<Double>) {
        self.angleDegrees = angleDegrees
        self.distanceMeters = distanceMeters
        self.velocityMetersPerSecond = velocityMetersPerSecond
        self.gain = gain
    }
}
