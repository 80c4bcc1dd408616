/// A random variable that can be sampled with an injected generator.
///
/// Conforming types are small immutable value types whose parameters were validated by a
/// throwing initialiser, so `sample(using:)` never fails. Pass a seeded
/// `Xoshiro256StarStar` for reproducible results (one per task in parallel work).
public protocol SamplingDistribution: Sendable {
    /// The type of one draw (`Double`, `Int`, `Complex<Double>`, a point, …).
    associatedtype Value
    /// One draw from the distribution.
    func sample(using generator: inout some RandomNumberGenerator) -> Value
}

extension SamplingDistribution {
    /// `count` independent draws, in generation order.
    ///
    /// - Parameter count: Number of draws, ≥ 0.
    public func samples(_ count: Int, using generator: inout some RandomNumberGenerator) -> [Value] {
        precondition(count >= 0, "count must be non-negative")
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(sample(using: &generator)) }
        return values
    }
}

/// Validation shared by the distributions' initialisers.
@usableFromInline
enum ParameterCheck {
    /// Throws unless `value` is finite and `value > 0`.
    static func positive(_ value: Double, _ name: String) throws(CoreError) {
        guard value.isFinite, value > 0 else { throw .valueOutOfRange(name: name, value: value) }
    }
    /// Throws unless `value` is finite and `value ≥ 0`.
    static func nonNegative(_ value: Double, _ name: String) throws(CoreError) {
        guard value.isFinite, value >= 0 else { throw .valueOutOfRange(name: name, value: value) }
    }
    /// Throws unless `value` is finite.
    static func finite(_ value: Double, _ name: String) throws(CoreError) {
        guard value.isFinite else { throw .valueOutOfRange(name: name, value: value) }
    }
}
