import Numerics
import WirelessCore

/// Seeded test signals (independent of the core samplers, which are written concurrently).
enum TestSignals {
    /// `count` complex values with real and imaginary parts uniform in [−1, 1).
    static func uniformComplex(count: Int, seed: UInt64) -> [Complex<Double>] {
        var generator = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in
            Complex(2 * generator.nextUnitDouble() - 1, 2 * generator.nextUnitDouble() - 1)
        }
    }

    /// Standard normal by Box–Muller.
    static func normal(using generator: inout Xoshiro256StarStar) -> Double {
        let u1 = generator.nextOpenUnitDouble()
        let u2 = generator.nextUnitDouble()
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }

    /// Circular complex Gaussian CN(0, variance).
    static func complexNormal(count: Int, variance: Double, seed: UInt64) -> [Complex<Double>] {
        var generator = Xoshiro256StarStar(seed: seed)
        let scale = (variance / 2).squareRoot()
        return (0..<count).map { _ in
            Complex(scale * normal(using: &generator), scale * normal(using: &generator))
        }
    }
}
