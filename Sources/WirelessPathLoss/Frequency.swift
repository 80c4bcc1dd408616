/// A carrier frequency with its unit explicit at construction (docs/PATHLOSS.md#conventions).
public struct Frequency: Sendable, Equatable, Hashable, Codable, Comparable {
    /// The frequency [Hz], > 0.
    public let hertz: Double

    /// A frequency of `hertz` [Hz].
    public init(hertz: Double) { self.hertz = hertz }

    /// A frequency of `gigahertz` [GHz].
    public static func gigahertz(_ value: Double) -> Frequency { Frequency(hertz: value * 1e9) }

    /// The frequency [GHz].
    public var gigahertz: Double { hertz / 1e9 }

    /// The campaign's carrier, 28 GHz.
    public static let campaign28GHz = Frequency.gigahertz(28)

    public static func < (lhs: Frequency, rhs: Frequency) -> Bool { lhs.hertz < rhs.hertz }
}
