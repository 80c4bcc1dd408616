import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessLinearAlgebra

/// Expands Π(z − r_k) into descending coefficients (the oracle for planted roots).
private func coefficients(fromRoots roots: [Complex<Double>], leading: Complex<Double> = .one) -> [Complex<Double>] {
    var c: [Complex<Double>] = [leading]
    for r in roots {
        var next = c + [.zero]
        for i in 0..<c.count { next[i + 1] = next[i + 1] - r * c[i] }
        c = next
    }
    return c
}

/// Greedy nearest matching of two root sets; returns the largest distance.
private func largestMismatch(_ a: [Complex<Double>], _ b: [Complex<Double>]) -> Double {
    var remaining = b
    var worst = 0.0
    for x in a {
        let index = remaining.indices.min { (remaining[$0] - x).length < (remaining[$1] - x).length }!
        worst = max(worst, (remaining[index] - x).length)
        remaining.remove(at: index)
    }
    return worst
}

struct AberthRootFinderTests {
    /// Floor for well-conditioned cases: simple roots of low degree are recovered to ≈ 1e−13.
    static let simpleRootTolerance = 1e-10

    @Test(arguments: [3, 10, 30, 60])
    func recoversPlantedSimpleRoots(degree: Int) throws {
        var generator = Xoshiro256StarStar(seed: UInt64(degree))
        // Roots near the unit circle with random radii in [0.7, 1.3], as in root-MUSIC polynomials.
        let roots = (0..<degree).map { k in
            Complex<Double>(
                length: 0.7 + 0.6 * generator.nextUnitDouble(),
                phase: 2 * .pi * (Double(k) + 0.5 * generator.nextUnitDouble()) / Double(degree))
        }
        let result = try AberthRootFinder.roots(
            coefficients: coefficients(fromRoots: roots, leading: Complex(0.3, -1.2)))
        #expect(result.converged)
        #expect(result.roots.count == degree)
        // The expanded coefficients are ill-conditioned at high degree, so the reference accuracy is
        // that of the companion eigenvalues on the same coefficients; Aberth must match it (×10).
        let companion = try polynomialRoots(coefficients: coefficients(fromRoots: roots, leading: Complex(0.3, -1.2)))
        let reference = largestMismatch(roots, companion)
        #expect(largestMismatch(roots, result.roots) < max(10 * reference, Self.simpleRootTolerance))
    }

    @Test func agreesWithCompanionEigenvaluesOnRandomPolynomials() throws {
        var generator = Xoshiro256StarStar(seed: 77)
        for degree in [5, 20, 44, 88] {
            let c = (0...degree).map { _ in Complex(generator.nextUnitDouble() - 0.5, generator.nextUnitDouble() - 0.5)
            }
            let aberth = try AberthRootFinder.roots(coefficients: c)
            let companion = try polynomialRoots(coefficients: c)
            #expect(aberth.converged)
            #expect(largestMismatch(companion, aberth.roots) < 1e-8, "degree \(degree)")
        }
    }

    @Test func doubleRootsReachSquareRootOfEpsilon() throws {
        let roots: [Complex<Double>] = [
            Complex(length: 1, phase: 0.3), Complex(length: 1, phase: 0.3), Complex(length: 1, phase: -2),
            Complex(length: 1, phase: -2), Complex(0.2, 0.1),
        ]
        let result = try AberthRootFinder.roots(coefficients: coefficients(fromRoots: roots))
        #expect(result.converged)
        #expect(largestMismatch(roots, result.roots) < 1e-6)
    }

    @Test func zeroRootsAndErrors() throws {
        let result = try AberthRootFinder.roots(coefficients: [.zero, .one, Complex(-2, 0), .zero, .zero])
        #expect(result.roots.filter { $0 == .zero }.count == 2)
        #expect(result.roots.contains { ($0 - Complex(2, 0)).length < 1e-14 })
        #expect(throws: LinearAlgebraError.self) { try AberthRootFinder.roots(coefficients: [.zero, .zero]) }
        #expect(throws: LinearAlgebraError.nonFiniteInput) {
            try AberthRootFinder.roots(coefficients: [.one, Complex(.nan, 0)])
        }
    }
}

/// The pair form of the iteration for self-inversive polynomials (root-MUSIC's).
struct AberthSelfInversiveTests {
    /// A self-inversive polynomial from n/2 planted roots w_k and their mirrors 1/w̄_k, scaled so that
    /// c_{n−i} = conj(c_i) holds to rounding (the expansion is symmetrised, as root-MUSIC's coefficients are).
    static func planted(_ inside: [Complex<Double>]) -> [Complex<Double>] {
        var c = coefficients(fromRoots: inside + inside.map { $0.conjugate.reciprocal! })
        // Π(z − w)(z − 1/w̄) = zⁿ·conj(·)(1/z̄) up to the constant Π(−1/w̄_k): multiply by a square root of it.
        let n = c.count - 1
        let ratio = c[n] / c[0].conjugate
        let half = Complex<Double>(length: 1 / ratio.length.squareRoot(), phase: -ratio.phase / 2)
        c = c.map { $0 * half }
        for i in 0...(n / 2) {
            let symmetric = (c[i] + c[n - i].conjugate).divided(by: 2)
            c[i] = symmetric
            c[n - i] = symmetric.conjugate
        }
        return c
    }

    @Test(arguments: [3, 15, 44])
    func recoversPlantedPairsLikeTheCompanionMethod(pairs: Int) throws {
        var generator = Xoshiro256StarStar(seed: UInt64(100 + pairs))
        let inside = (0..<pairs).map { k in
            Complex<Double>(
                length: 0.6 + 0.399 * generator.nextUnitDouble(),
                phase: 2 * .pi * (Double(k) + 0.5 * generator.nextUnitDouble()) / Double(pairs))
        }
        let c = Self.planted(inside)
        #expect(AberthRootFinder.isSelfInversive(c))
        let result = try AberthRootFinder.selfInversiveRoots(coefficients: c)
        #expect(result.converged)
        #expect(result.roots.count == 2 * pairs)
        let companion = try polynomialRoots(coefficients: c)
        let general = try AberthRootFinder.roots(coefficients: c)
        // As accurate as the general iteration on the same coefficients (both against the companion roots).
        let floor = max(10 * largestMismatch(companion, general.roots), AberthRootFinderTests.simpleRootTolerance)
        #expect(largestMismatch(companion, result.roots) < floor)
        // Fewer sweeps than the general iteration on the same polynomial, each over half the roots.
        #expect(result.iterations <= general.iterations)
    }

    @Test func doubleRootsOnTheUnitCircle() throws {
        // A noiseless root-MUSIC polynomial: double roots on |z| = 1 (a pair whose members coincide).
        let inside = [Complex<Double>(length: 1, phase: 0.3), Complex(length: 1, phase: -2), Complex(0.2, 0.1)]
        let c = Self.planted(inside)
        let result = try AberthRootFinder.selfInversiveRoots(coefficients: c)
        #expect(result.converged)
        let expected = inside + inside.map { $0.conjugate.reciprocal! }
        #expect(largestMismatch(expected, result.roots) < 1e-6)
    }

    @Test func otherPolynomialsTakeTheGeneralIteration() throws {
        // Not self-inversive (and odd degree): the general iteration's result, bit for bit.
        let c: [Complex<Double>] = [Complex(1, 0), Complex(-2, 0.5), Complex(0.3, 0.1), Complex(0.7, -0.2)]
        #expect(!AberthRootFinder.isSelfInversive(c))
        #expect(try AberthRootFinder.selfInversiveRoots(coefficients: c) == AberthRootFinder.roots(coefficients: c))
        let even: [Complex<Double>] = [Complex(1, 0), Complex(-2, 0.5), Complex(0.3, 0.1)]
        #expect(!AberthRootFinder.isSelfInversive(even))
        #expect(
            try AberthRootFinder.selfInversiveRoots(coefficients: even) == AberthRootFinder.roots(coefficients: even))
    }
}

/// The one Aberth step both solvers take (`AberthRootFinder.aberthStep`).
struct AberthStepTests {
    typealias Evaluation = AberthRootFinder.Evaluation

    /// |p| at rounding level of the bound: done without asking for the deflation sum.
    @Test func residualAtRoundingLevelIsDone() {
        let value = Evaluation(p: Complex(1e-20, 0), dp: .one, bound: 1)
        guard case .done = AberthRootFinder.aberthStep(root: 0, at: .one, value, sum: { fatalError("not needed") })
        else {
            Issue.record("expected .done")
            return
        }
    }

    /// p′ = 0 (a critical point): the root moves off it by ε·max(1, |x|), not yet done.
    @Test func criticalPointIsNudged() {
        let value = Evaluation(p: .one, dp: .zero, bound: 1)
        guard case .nudged(let x) = AberthRootFinder.aberthStep(root: 0, at: Complex(2, 0), value, sum: { .zero })
        else {
            Issue.record("expected .nudged")
            return
        }
        #expect(x == Complex(2 + 2 * Double.ulpOfOne, 0))
    }

    /// Newton's step when nothing deflates (sum 0): x − p/p′, converged only when the correction is tiny.
    @Test func newtonStepWithoutDeflation() {
        let value = Evaluation(p: Complex(1, 0), dp: Complex(2, 0), bound: 4)
        guard
            case .moved(let x, let converged) = AberthRootFinder.aberthStep(
                root: 0, at: Complex(3, 0), value, sum: { .zero })
        else {
            Issue.record("expected .moved")
            return
        }
        #expect(x == Complex(2.5, 0) && !converged)
    }
}
