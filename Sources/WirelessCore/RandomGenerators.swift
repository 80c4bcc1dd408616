/// SplitMix64 (Steele, Lea, Flood 2014): a 64-bit generator used to expand one seed into many.
///
///     z = (state += 0x9E3779B97F4A7C15)
///     z = (z ^ (z >> 30)) · 0xBF58476D1CE4E5B9
///     z = (z ^ (z >> 27)) · 0x94D049BB133111EB
///     return z ^ (z >> 31)
///
/// Use it to seed `Xoshiro256StarStar`, not as the main generator of a simulation.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable, Codable {
    /// The internal 64-bit state (not API).
    @usableFromInline var state: UInt64

    /// A generator whose first output is determined by `seed` (any value, including 0).
    public init(seed: UInt64) { self.state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Xoshiro256** (Blackman and Vigna 2018): the toolkit's generator for every stochastic path.
///
/// Seeded through SplitMix64 so that nearby seeds give unrelated streams. Parallel work derives
/// one generator per task with `init(seed:stream:)`, so results do not depend on the thread count.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Equatable, Codable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator for `seed`; the 256-bit state is four SplitMix64 outputs (never all zero).
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// The generator for task `stream` of a run seeded with `seed`.
    ///
    /// Streams are seeded by SplitMix64 over `seed` mixed with the stream index, so
    /// `(seed, stream)` always gives the same sequence, whichever thread runs the task.
    ///
    /// - Parameters:
    ///   - seed: The run's seed (the CLI's `--seed`).
    ///   - stream: The task index, ≥ 0.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed)
        let base = mixer.next()
        var streamMixer = SplitMix64(seed: base ^ (stream &* 0xD1B5_4A32_D192_ED03))
        _ = streamMixer.next()
        self.init(seed: streamMixer.next())
    }

    @inline(__always)
    @usableFromInline static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }
}

extension RandomNumberGenerator {
    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1): never exactly 0, safe for logarithms.
    @inlinable
    public mutating func nextOpenUnitDouble() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A uniform float in [0, 1) with 24 random bits.
    @inlinable
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1.0p-24
    }
}
