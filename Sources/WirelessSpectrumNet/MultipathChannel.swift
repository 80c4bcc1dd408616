import Numerics
import WirelessCore

/// A frequency-selective, time-varying channel: a tapped delay line with Rayleigh taps, each rotating at its
/// own Doppler shift (docs/SPECTRUM.md#realistic-scenes).
///
///     y[n] = Σ_l h_l·e^{j2π·ν_l·n/fs}·x[n − d_l],   h_l ~ CN(0, p_l),  Σ p_l = 1,  ν_l = f_D·cos θ_l
///
/// Delays d_0 = 0 and d_l ~ exponential with mean τ_rms·fs (τ_rms ~ U(0.05, 2) µs), capped at `maximumDelay`;
/// powers p_l ∝ e^{−d_l/(τ_rms·fs)}.
public struct MultipathChannel: Sendable, Equatable {
    /// Tap delays [samples], ≥ 0.
    public var delays: [Int]
    /// Complex tap gains h_l.
    public var gains: [Complex<Double>]
    /// Tap Doppler shifts ν_l [Hz].
    public var dopplerHz: [Double]

    /// Longest tap delay [samples] (10 µs at 20 MS/s).
    public static let maximumDelay = 200

    public init(delays: [Int], gains: [Complex<Double>], dopplerHz: [Double]) {
        self.delays = delays
        self.gains = gains
        self.dopplerHz = dopplerHz
    }

    /// A random channel of `taps` taps (1: flat Rayleigh fading) and maximum Doppler `maximumDopplerHz`.
    static func random(
        taps: Int, maximumDopplerHz: Double, sampleRateHz fs: Double, using generator: inout Xoshiro256StarStar
    ) -> MultipathChannel {
        let spread = (0.05e-6 + 1.95e-6 * generator.nextUnitDouble()) * fs
        var delays = [0]
        for _ in 1..<max(1, taps) {
            delays.append(min(Self.maximumDelay, Int((-spread * Double.log(generator.nextOpenUnitDouble())).rounded())))
        }
        let powers = delays.map { Double.exp(-Double($0) / max(spread, 1e-9)) }
        let total = powers.reduce(0, +)
        let gains = powers.map { p -> Complex<Double> in
            let sigma = (p / total / 2).squareRoot()
            let u1 = generator.nextOpenUnitDouble()
            let u2 = generator.nextUnitDouble()
            let r = (-2 * Double.log(u1)).squareRoot() * sigma
            return Complex(length: r, phase: 2 * Double.pi * u2)
        }
        let fD = maximumDopplerHz * generator.nextUnitDouble()
        let doppler = delays.map { _ in fD * Double.cos(2 * Double.pi * generator.nextUnitDouble()) }
        return MultipathChannel(delays: delays, gains: gains, dopplerHz: doppler)
    }

    /// The channel's output for n = 0..<count given `x` holding `maximumDelay` samples before n = 0
    /// (x[maximumDelay + n] is the input at n).
    public func apply(_ x: [Complex<Double>], count: Int, sampleRateHz fs: Double) -> [Complex<Double>] {
        precondition(x.count >= count + Self.maximumDelay, "channel input too short")
        var y = [Complex<Double>](repeating: .zero, count: count)
        for l in delays.indices {
            let omega = 2 * Double.pi * dopplerHz[l] / fs
            let base = Self.maximumDelay - delays[l]
            for n in 0..<count {
                let h = gains[l] * Complex(length: 1, phase: omega * Double(n))
                y[n] += h * x[base + n]
            }
        }
        return y
    }
}
