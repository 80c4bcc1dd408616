/// One fixed 15-point Gauss–Kronrod panel on [a, b]: the G7–K15 pair of `GaussKronrodQuadrature`, with the same
/// QUADPACK (QK15) error estimate, for integrands the caller tabulates once at the panel's nodes and integrates
/// many times (e.g. a parameter that only reweights the tabulated values).
///
///     ∫ₐᵇ f(x) dx ≈ h·(w₇ f(c) + Σⱼ wⱼ (f(c − h xⱼ) + f(c + h xⱼ))),   c = (a + b)/2, h = (b − a)/2
///
/// `integrate(_:)` on f at `nodes` gives the bits `GaussKronrodQuadrature` gives on [a, b] with one subdivision.
public struct KronrodPanel: Sendable, Equatable {
    /// Lower end a (finite).
    public let lower: Double
    /// Upper end b > a (finite).
    public let upper: Double
    /// The 15 nodes, in the order `integrate(_:)` expects the values: c, then c − h xⱼ and c + h xⱼ for j = 0…6.
    public let nodes: [Double]

    /// The panel on [a, b]; nil unless a < b, both finite (an empty panel: nothing to integrate).
    public init?(from a: Double, to b: Double) {
        guard a.isFinite, b.isFinite, a < b else { return nil }
        lower = a
        upper = b
        let center = 0.5 * (a + b)
        let halfLength = 0.5 * (b - a)
        var nodes = [center]
        for j in 0..<7 {
            let dx = halfLength * GaussKronrodQuadrature.kronrodNodes[j]
            nodes += [center - dx, center + dx]
        }
        self.nodes = nodes
    }

    /// ∫ over the panel from the integrand's 15 values at `nodes` (in their order), with the QK15 error estimate
    /// (`evaluations` = 15).
    /// - Throws: `CoreError.valueOutOfRange` unless there are 15 values, `CoreError.nonFiniteValue` naming the
    ///   node of the first non-finite value.
    public func integrate(_ values: [Double]) throws(CoreError) -> QuadratureResult {
        guard values.count == 15 else { throw .valueOutOfRange(name: "values.count", value: Double(values.count)) }
        if let k = values.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(name: "integrand", at: nodes[k]) }
        var sides = SIMD16<Double>()
        for j in 0..<7 {
            sides[j] = values[1 + 2 * j]
            sides[j + 7] = values[2 + 2 * j]
        }
        let r = GaussKronrodQuadrature.combine(center: values[0], sides: sides, halfLength: 0.5 * (upper - lower))
        return QuadratureResult(value: r.value, errorEstimate: r.error, evaluations: 15)
    }
}
