import Foundation

/// Uniform distribution on the disk of radius R centred at the origin.
///
///     ρ = R·√U₁,  θ = 2π·U₂,   (x, y) = (ρ cos θ, ρ sin θ)
///     P(ρ ≤ r) = (r/R)²
public struct UniformDiskDistribution: SamplingDistribution, Equatable, Codable {
    /// Radius R [m] (or any length unit), > 0.
    public let radius: Double

    /// - Parameter radius: R, finite, > 0.
    /// - Throws: `CoreError.valueOutOfRange` for a non-positive or non-finite radius.
    public init(radius: Double) throws(CoreError) {
        try ParameterCheck.positive(radius, "radius")
        self.radius = radius
    }

    /// A point (x, y) [same unit as `radius`].
    public func sample(using generator: inout some RandomNumberGenerator) -> (x: Double, y: Double) {
        let rho = radius * generator.nextUnitDouble().squareRoot()
        let theta = 2 * Double.pi * generator.nextUnitDouble()
        return (rho * cos(theta), rho * sin(theta))
    }
}
