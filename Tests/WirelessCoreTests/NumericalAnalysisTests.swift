import Foundation
import Testing

@testable import WirelessCore

@Suite struct QuadratureTests {
    /// Requested relative tolerance; the achieved error must be below it and below the estimate's bound.
    static let requested = 1e-11
    let quadrature = GaussKronrodQuadrature(
        absoluteTolerance: 0, relativeTolerance: requested, maximumSubdivisions: 2000)

    func check(_ f: (Double) -> Double, _ a: Double, _ b: Double, exact: Double, tolerance: Double = requested) throws {
        let result = try quadrature.integrate(f, from: a, to: b)
        #expect(relativeError(result.value, exact) < tolerance, "∫[\(a), \(b)] = \(result.value), exact \(exact)")
        #expect(result.errorEstimate <= Self.requested * abs(result.value) + 1e-300)
        #expect(result.evaluations % 15 == 0 && result.evaluations > 0)
    }

    @Test func finiteIntervals() throws {
        try check({ sin($0) }, 0, .pi, exact: 2)
        try check({ exp($0) }, -1, 2, exact: exp(2) - exp(-1))
        try check({ pow($0, 12) }, 0, 1, exact: 1.0 / 13)
        // Peaky: ∫₋₁¹ 1/(x² + 1e−4) dx = 2·100·arctan(100).
        try check({ 1 / ($0 * $0 + 1e-4) }, -1, 1, exact: 200 * atan(100.0))
        // Integrable end-point singularity: ∫₀¹ 1/√x dx = 2 (slower, so a looser check).
        try check({ 1 / $0.squareRoot() }, 0, 1, exact: 2, tolerance: 1e-9)
        // Oscillatory: ∫₀^{20π} cos²(x) dx = 10π.
        try check({ cos($0) * cos($0) }, 0, 20 * .pi, exact: 10 * .pi)
        // Reversed limits change the sign.
        let reversed = try quadrature.integrate({ $0 }, from: 1, to: 0)
        #expect(abs(reversed.value + 0.5) < 1e-15)
        #expect(try quadrature.integrate({ $0 }, from: 3, to: 3).value == 0)
    }

    @Test func semiInfiniteAndInfiniteIntervals() throws {
        try check({ exp(-$0) * $0 * $0 * $0 }, 0, .infinity, exact: 6)
        try check({ 1 / (1 + $0 * $0) }, 0, .infinity, exact: .pi / 2)
        try check({ exp(-$0 * $0) }, -.infinity, .infinity, exact: Double.pi.squareRoot())
        try check({ exp($0) }, -.infinity, 0, exact: 1)
        try check({ 1 / ($0 * $0) }, 1, .infinity, exact: 1)
        // Shifted lower limit: ∫₂^∞ e^(−x) dx = e^(−2).
        try check({ exp(-$0) }, 2, .infinity, exact: exp(-2.0))
        // The Gaussian tail against erfc: ∫ₓ^∞ e^(−t²) dt = (√π/2) erfc(x) at x = 3.
        try check({ exp(-$0 * $0) }, 3, .infinity, exact: 0.5 * Double.pi.squareRoot() * SpecialFunctions.erfc(3))
    }

    @Test func failuresAreReported() {
        // A non-integrable singularity exhausts the budget.
        let small = GaussKronrodQuadrature(absoluteTolerance: 0, relativeTolerance: 1e-12, maximumSubdivisions: 50)
        #expect(throws: CoreError.didNotConverge(iterations: 50)) {
            try small.integrate({ 1 / $0 }, from: 0, to: 1)
        }
        #expect(throws: CoreError.self) {
            try GaussKronrodQuadrature().integrate({ _ in Double.nan }, from: 0, to: 1)
        }
        #expect(throws: CoreError.self) {
            try GaussKronrodQuadrature(absoluteTolerance: 0, relativeTolerance: 0).integrate({ $0 }, from: 0, to: 1)
        }
        #expect(CoreError.didNotConverge(iterations: 3).category == .numerical)
    }
}

@Suite struct RootAndMinimumTests {
    @Test func brentFindsKnownRoots() throws {
        let finder = BrentRootFinder(absoluteTolerance: 1e-15)
        #expect(abs(try finder.findRoot(of: { $0 * $0 - 2 }, lower: 0, upper: 2) - 2.0.squareRoot()) < 1e-15)
        #expect(abs(try finder.findRoot(of: { cos($0) - $0 }, lower: 0, upper: 1) - 0.7390851332151607) < 1e-15)
        #expect(abs(try finder.findRoot(of: { exp($0) - 10 }, lower: -5, upper: 5) - log(10.0)) < 1e-14)
        // Steep / flat: x³ near 0 and the normal quantile as a root of Φ(x) − 0.975.
        #expect(abs(try finder.findRoot(of: { $0 * $0 * $0 }, lower: -1, upper: 2)) < 1e-5)
        let z = try finder.findRoot(of: { SpecialFunctions.normalCDF($0) - 0.975 }, lower: 0, upper: 5)
        #expect(abs(z - SpecialFunctions.inverseNormalCDF(0.975)) < 1e-14)
        // An end point that is already a root.
        #expect(try finder.findRoot(of: { $0 - 1 }, lower: 1, upper: 3) == 1)
    }

    @Test func brentRejectsUnbracketedIntervals() {
        #expect(throws: CoreError.rootNotBracketed(lower: 0, upper: 1)) {
            try BrentRootFinder().findRoot(of: { $0 * $0 + 1 }, lower: 0, upper: 1)
        }
        #expect(throws: CoreError.self) {
            try BrentRootFinder().findRoot(of: { $0 }, lower: -.infinity, upper: 1)
        }
    }

    @Test func brentMinimizerFindsKnownMinima() throws {
        let minimizer = BrentMinimizer()
        let parabola = try minimizer.minimize({ ($0 - 1.3) * ($0 - 1.3) + 2 }, lower: -4, upper: 7)
        #expect(abs(parabola.x - 1.3) < 1e-7)  // x is determined to ~√ε relative
        #expect(abs(parabola.value - 2) < 1e-14)
        let cosine = try minimizer.minimize({ cos($0) }, lower: 2, upper: 4)
        #expect(abs(cosine.x - .pi) < 1e-7)
        // Minimum at an end of the interval.
        let edge = try minimizer.minimize({ $0 }, lower: 1, upper: 2)
        #expect(abs(edge.x - 1) < 1e-7)
    }

    @Test func nelderMeadMinimizesRosenbrock() throws {
        let rosenbrock = { (x: [Double]) -> Double in
            let a = 1 - x[0]
            let b = x[1] - x[0] * x[0]
            return a * a + 100 * b * b
        }
        let result = try NelderMead().minimize(rosenbrock, from: [-1.2, 1])
        #expect(abs(result.point[0] - 1) < 1e-5)
        #expect(abs(result.point[1] - 1) < 1e-5)
        #expect(result.value < 1e-10)
        // Deterministic: the same start gives bit-identical results.
        let again = try NelderMead().minimize(rosenbrock, from: [-1.2, 1])
        #expect(again == result)
    }

    @Test func nelderMeadFindsAQuadraticMinimumIn4D() throws {
        let centre = [1.0, -2, 0.5, 3]
        let f = { (x: [Double]) -> Double in
            var s = 0.0
            for i in 0..<4 { s += Double(i + 1) * (x[i] - centre[i]) * (x[i] - centre[i]) }
            return s
        }
        let result = try NelderMead().minimize(f, from: [0, 0, 0, 0])
        for i in 0..<4 { #expect(abs(result.point[i] - centre[i]) < 1e-5) }
        // A minimum at the origin with value 0 terminates (mixed absolute/relative tolerances).
        let origin = try NelderMead().minimize({ $0[0] * $0[0] + 3 * $0[1] * $0[1] }, from: [1, -2])
        #expect(abs(origin.point[0]) < 1e-6 && abs(origin.point[1]) < 1e-6)
        #expect(origin.iterations < 2000)
        // Infinite values act as a barrier: minimise (x − 2)² subject to x ≤ 1.
        let constrained = try NelderMead().minimize({ $0[0] > 1 ? .infinity : ($0[0] - 2) * ($0[0] - 2) }, from: [0])
        #expect(abs(constrained.point[0] - 1) < 1e-6)
    }

    @Test func nelderMeadReportsExhaustedBudget() {
        let tiny = NelderMead(maximumIterations: 5)
        #expect(throws: CoreError.didNotConverge(iterations: 5)) {
            try tiny.minimize({ $0[0] * $0[0] + $0[1] * $0[1] }, from: [3, 4])
        }
        #expect(throws: CoreError.self) { try NelderMead().minimize({ _ in 0 }, from: []) }
    }
}
