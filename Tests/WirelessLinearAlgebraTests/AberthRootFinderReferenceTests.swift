import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessLinearAlgebra

/// The Aberth–Ehrlich sweep before the paired Horner evaluation: one root at a time, every operation as
/// `AberthRootFinder` performed it until then. The reference the fast path must reproduce to the bit.
private func referenceRoots(_ coefficients: [Complex<Double>], maxIterations: Int = 500) throws
    -> AberthRootFinder.Result
{
    let (c, zeroRoots) = try trimmedPolynomial(coefficients)
    let n = c.count - 1
    var result = [Complex<Double>](repeating: .zero, count: zeroRoots)
    guard n > 0 else { return .init(roots: result, iterations: 0, converged: true) }
    if n == 1 {
        result.append(-c[1] / c[0])
        return .init(roots: result, iterations: 0, converged: true)
    }
    let magnitudes = c.map(\.length)
    let radius = Foundation.pow(magnitudes[n] / magnitudes[0], 1 / Double(n))
    var z = (0..<n).map { k in Complex<Double>(length: radius, phase: 2 * .pi * Double(k) / Double(n) + 0.4) }
    var done = [Bool](repeating: false, count: n)
    var iterations = 0
    let eps = Double.ulpOfOne
    while iterations < maxIterations && done.contains(false) {
        iterations += 1
        for k in 0..<n where !done[k] {
            let x = z[k]
            var p = c[0]
            var dp = Complex<Double>.zero
            for i in 1...n {
                dp = dp * x + p
                p = p * x + c[i]
            }
            let r = x.length
            var bound = magnitudes[0]
            for i in 1...n { bound = bound * r + magnitudes[i] }
            if p.length <= 4 * eps * bound {
                done[k] = true
                continue
            }
            guard dp != .zero else {
                z[k] = x + Complex(length: eps * max(1, r), phase: Double(k))
                continue
            }
            let ratio = p / dp
            var sum = Complex<Double>.zero
            for j in 0..<n where j != k {
                let difference = x - z[j]
                if difference != .zero { sum += .one / difference }
            }
            let denominator = .one - ratio * sum
            let correction = denominator == .zero ? ratio : ratio / denominator
            let updated = x - correction
            guard updated.real.isFinite && updated.imaginary.isFinite else { continue }
            z[k] = updated
            if correction.length <= 4 * eps * updated.length { done[k] = true }
        }
    }
    var converged = true
    for x in z {
        var p = c[0]
        for i in 1...n { p = p * x + c[i] }
        let r = x.length
        var bound = magnitudes[0]
        for i in 1...n { bound = bound * r + magnitudes[i] }
        if !(p.length <= 1e3 * eps * bound) { converged = false }
    }
    result.append(contentsOf: z)
    return .init(roots: result, iterations: iterations, converged: converged)
}

struct AberthRootFinderReferenceTests {
    /// Random complex coefficients and conjugate-symmetric (root-MUSIC-like: p_{−ℓ} = conj p_ℓ, roots in
    /// mirror pairs z, 1/z*) polynomials of degrees 1…90, odd and even root counts (a lone last root
    /// in the paired sweep), plus a double root (slow, linear convergence: many sweeps).
    @Test(arguments: [1, 2, 3, 7, 16, 30, 45, 78, 88, 90])
    func pairedSweepEqualsTheOneRootAtATimeSweepToTheBit(degree: Int) throws {
        var generator = Xoshiro256StarStar(seed: 900 + UInt64(degree))
        let random = (0...degree).map { _ in
            Complex(2 * generator.nextUnitDouble() - 1, 2 * generator.nextUnitDouble() - 1)
        }
        var symmetric = random
        for i in 0...degree { symmetric[degree - i] = random[i].conjugate }
        for i in 0...degree where i < degree - i { symmetric[i] = random[i] }
        if degree % 2 == 0 { symmetric[degree / 2] = Complex(random[degree / 2].real, 0) }
        var doubleRoot: [Complex<Double>] = [.one]
        for root in [Complex(0.6, 0.8), Complex(0.6, 0.8)]
            + (0..<max(0, degree - 2)).map({ k in
                Complex<Double>(length: 0.9, phase: Double(k))
            })
        {
            var next = doubleRoot + [.zero]
            for i in 0..<doubleRoot.count { next[i + 1] = next[i + 1] - root * doubleRoot[i] }
            doubleRoot = next
        }
        for coefficients in [random, symmetric, doubleRoot] {
            let fast = try AberthRootFinder.roots(coefficients: coefficients)
            let reference = try referenceRoots(coefficients)
            #expect(fast.roots == reference.roots)
            #expect(fast.iterations == reference.iterations)
            #expect(fast.converged == reference.converged)
        }
    }
}
