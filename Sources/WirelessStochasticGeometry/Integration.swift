import WirelessCore

/// The result of one of the module's nested integrals: value and estimated absolute error.
struct IntegrationResult: Sendable, Equatable {
    var value: Double
    var error: Double

    static let zero = IntegrationResult(value: 0, error: 0)

    /// No usable value (the quadrature refused its interval): an infinite error, so every route that
    /// checks its error estimate reports a numerical failure instead of a silent 0.
    static let unusable = IntegrationResult(value: 0, error: .infinity)

    static func + (lhs: IntegrationResult, rhs: IntegrationResult) -> IntegrationResult {
        IntegrationResult(value: lhs.value + rhs.value, error: lhs.error + rhs.error)
    }
}

/// The module's single entry point to the shared core's adaptive Gauss–Kronrod quadrature.
///
/// Routes compose nested integrals and must always get a value with an honest error bound, so:
/// a non-finite integrand value (overflow at a mapped infinite end, where the true integrand
/// vanishes) is read as 0, and when the subdivision budget runs out the integral is redone at
/// 1000× looser tolerances, then as a single K15 rule with `error = |value|`, so the returned
/// `error` is what was achieved, never a pretended tolerance. An interval the quadrature refuses (a NaN
/// end) returns `error = ∞`, never a silent 0 with no error.
enum Integration {
    static func integrate(
        from a: Double, to b: Double, absTol: Double = 1e-13, relTol: Double = 1e-10,
        maxIntervals: Int = 400, _ f: (Double) -> Double
    ) -> IntegrationResult {
        let safe: (Double) -> Double = { x in
            let v = f(x)
            return v.isFinite ? v : 0
        }
        let attempts: [(Double, Double, Int)] = [
            (absTol, relTol, maxIntervals), (absTol * 1000, relTol * 1000, 2 * maxIntervals),
        ]
        for (abs, rel, budget) in attempts {
            let rule = GaussKronrodQuadrature(
                absoluteTolerance: abs, relativeTolerance: rel, maximumSubdivisions: budget)
            do throws(CoreError) {
                let r = try rule.integrate(safe, from: a, to: b)
                return IntegrationResult(value: r.value, error: r.errorEstimate)
            } catch .didNotConverge {
                continue  // the subdivision budget ran out: retry looser, then a single rule
            } catch {
                return .unusable  // a NaN end or a bad tolerance: no value, and the caller must not trust one
            }
        }
        let single = GaussKronrodQuadrature(absoluteTolerance: .infinity, relativeTolerance: 0, maximumSubdivisions: 1)
        do throws(CoreError) {
            let value = try single.integrate(safe, from: a, to: b).value
            return IntegrationResult(value: value, error: Swift.abs(value))
        } catch {
            return .unusable
        }
    }
}
