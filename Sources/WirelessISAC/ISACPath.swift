import Numerics
import WirelessCore

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

    /// The path power |β|² [dB], floored at the smallest positive `Double` so a zero gain stays finite.
    public var gainPowerDB: Double { Self.powerDB(gain) }

    /// |β|² [dB], floored at the smallest positive `Double` (≈ −3233 dB): the gain columns of the ISAC tables.
    static func powerDB(_ gain: Complex<Double>) -> Double {
        Decibels.fromPower(max(gain.lengthSquared, Double.leastNonzeroMagnitude))
    }
}
