/// The module's single entry point to adaptive quadrature (the shared core's Gauss–Kronrod).
///
/// Routes compose nested integrals; each level calls `integrate` with its own tolerances and
/// propagates the returned error estimate. Infinite endpoints are allowed.
struct IntegrationResult: Sendable, Equatable {
    var value: Double
    var error: Double

    static let zero = IntegrationResult(value: 0, error: 0)

    static func + (lhs: IntegrationResult, rhs: IntegrationResult) -> IntegrationResult {
        IntegrationResult(value: lhs.value + rhs.value, error: lhs.error + rhs.error)
    }
}

enum Integration {
    /// ∫_a^b f(x) dx by adaptive G7K15 with `|error| ≤ max(absTol, relTol·|value|)` when it converges;
    /// the achieved estimate is returned either way (callers report it as `absError`).
    static func integrate(
        from a: Double, to b: Double, absTol: Double = 1e-13, relTol: Double = 1e-10,
        maxIntervals: Int = 400, _ f: (Double) -> Double
    ) -> IntegrationResult {
        let r = PendingQuadrature.integrate(f, a, b, absTol: absTol, relTol: relTol, maxIntervals: maxIntervals)
        return IntegrationResult(value: r.value, error: r.error)
    }
}
