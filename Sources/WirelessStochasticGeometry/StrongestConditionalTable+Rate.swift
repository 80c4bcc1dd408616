import Foundation
import WirelessCore

/// One rate panel (index m, ln Λ̄₁ ∈ [2m, 2m + 2]): its K15 rule in ln y (nil when the panel is empty) and, per
/// node, the σ-integrand's parts that do not depend on λ.
struct RatePanel {
    let rule: KronrodPanel?
    let tail: [Double]
    let slope: [Double]
    /// Per node i and σ node j: w_j (1 − e^{−σ_j}) e^{−σ_j W/y_i} (w_j the ln σ rule's weight).
    let prefactors: [[Double]]
    /// Per node i and σ node j: E₁(σ_j; y_i), unit density.
    let exponents: [[Double]]
}

extension StrongestConditionalTable {
    /// The ln σ rule of the rate: composite 10-point Gauss–Legendre on panels of width `sigmaPanelWidth` from
    /// ln σ = −20 (the integrand is σ(1 + O(σ)) below: that part is added as e^{−20}) to
    /// ln σ_max = (ln 50 + 25)/δ_last + 2, the `conditionalRate` limit max(15, ln(50/u)/δ_last + 2) at the
    /// smallest mass any density's panels reach (u = e^{−25}), so one rule serves every density; the x-grid is
    /// extended by ln σ_max/α_last + 8 as there (each σ only as far as it needs, `realExponents`).
    static func rateSigmaRule(farFieldExponent: Double) -> (sigmas: [Double], weights: [Double], extraRange: Double) {
        let top = (log(50.0) - lowerLogMass + 2) * farFieldExponent / 2 + 2
        let panels = Int(((top + 20) / sigmaPanelWidth).rounded(.up))
        let width = (top + 20) / Double(panels)
        let rule = ConditionedLegendre.rule
        var sigmas: [Double] = []
        var weights: [Double] = []
        for p in 0..<panels {
            let a = -20 + Double(p) * width
            for j in rule.nodes.indices {
                sigmas.append(exp(a + width / 2 * (rule.nodes[j] + 1)))
                weights.append(width / 2 * rule.weights[j])
            }
        }
        return (sigmas, weights, top / farFieldExponent + 8)
    }

    /// Width of the ln σ panels (the σ-integrand is analytic and bounded within ≈ π/2 of the real ln σ axis:
    /// a 10-point rule on width 2 has ρ ≈ 3.4, an error ~ρ^{−20} ≈ 2e−11 of a panel's share; tested against the
    /// unit panels of `conditionalRate`).
    static let sigmaPanelWidth = 2.0

    /// Mean rate R(λ) [nats/s/Hz] of strongest-BS association (docs/DENSIFICATION.md#route-h-rates, "one table
    /// per sweep"): on panels of ln Λ̄₁ ∈ [2m, 2m + 2] (edges those of `coverage`; the rate integrand is smooth
    /// in ln u, a 15-point rule on width 2 is exact to ~1e−15 even where e^{−u} falls fast) covering
    /// ln u = ln λ + ln Λ̄₁ ∈ [−23, ln 50],
    ///
    ///     R(λ) = ∫ e^{−λΛ̄₁(y)} λS₁(y) ∫_0^∞ (1 − e^{−σ}) e^{−σW/y} exp(λE₁(σ; y)) dσ/σ d ln y
    ///
    /// E₁(σ_j; y_i) at every node is built once per panel and reused by every density. Error: the panels'
    /// |K15 − G7| plus 1e−8 (the mass u < e^{−23}, whose conditional rate grows like ln(1/u)/δ, adds
    /// < e^{−23}·60 ≈ 6e−9; the σ-rule's own error is not estimated).
    /// - Parameter density: λ > 0, finite (validated by the caller).
    func rate(density: Double) -> AnalyticValue {
        guard let range = Self.ratePanelRange(density: density) else {
            return AnalyticValue(value: .nan, absError: .infinity, method: .strongestConditional)
        }
        var value = 0.0
        var error = 1e-8
        for m in range {
            let p = ratePanel(index: m)
            guard let rule = p.rule else { continue }
            let values = rule.nodes.indices.map { i in
                let weight = exp(-density * p.tail[i]) * density * p.slope[i]
                return weight > 0
                    ? weight
                        * Self.conditionalRate(prefactors: p.prefactors[i], exponents: p.exponents[i], density: density)
                    : 0
            }
            guard let r = try? rule.integrate(values) else {
                return AnalyticValue(value: .nan, absError: .infinity, method: .strongestConditional)
            }
            value += r.value
            error += r.errorEstimate
        }
        return AnalyticValue(value: value, absError: error, method: .strongestConditional)
    }

    /// The rate panel indices m (ln Λ̄₁ ∈ [2m, 2m + 2]) a density uses (ln Λ̄₁ from −23 − ln λ to ln 50 − ln λ).
    static func ratePanelRange(density: Double) -> ClosedRange<Int>? {
        let logDensity = log(density)
        let first = Int(((lowerLogMass - logDensity) / 2).rounded(.down))
        let last = Int(((upperLogMass - logDensity) / 2).rounded(.up)) - 1
        return first <= last ? first...last : nil
    }

    /// Builds the rate panels of `densities` on both cores (one task per panel); values do not change.
    func prepareRate(densities: [Double]) {
        let ranges = densities.filter { $0 > 0 && $0.isFinite }.compactMap { Self.ratePanelRange(density: $0) }
        guard let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() else { return }
        let needed = (low...high).filter { m in ranges.contains { $0.contains(m) } }
        let edgeIndices = Array((2 * low)...(2 * high + 2))
        _ = ParallelExecution.parallelMap(count: edgeIndices.count) { i in self.edge(edgeIndices[i]) }
        _ = ParallelExecution.parallelMap(count: needed.count) { i in self.ratePanel(index: needed[i]).tail.count }
    }

    /// The λ-free parts of the σ-integrand at the strongest power y: w_j (1 − e^{−σ_j}) e^{−σ_j W/y} and
    /// E₁(σ_j; y) on the rule of `rateSigmaRule` (σ nodes whose prefactor underflows are skipped: exponent 0).
    func rateNode(servingPower y: Double) -> (prefactors: [Double], exponents: [Double]) {
        let sigma = Self.rateSigmaRule(farFieldExponent: pathGain.farFieldExponent)
        let prefactors = sigma.sigmas.indices.map { j in
            sigma.weights[j] * -expm1(-sigma.sigmas[j]) * exp(-sigma.sigmas[j] * noise / y)
        }
        let kept = sigma.sigmas.indices.filter { prefactors[$0] > 0 }
        let values = process.realExponents(kept.map { sigma.sigmas[$0] }, servingPower: y, extraRange: sigma.extraRange)
        var exponents = [Double](repeating: 0, count: sigma.sigmas.count)
        for (k, j) in kept.enumerated() { exponents[j] = values[k] }
        return (prefactors, exponents)
    }

    /// E ln(1 + y/(Z_y + W)) at density λ from the parts of `rateNode`: Σ_j prefactor_j·exp(λ·exponent_j) plus
    /// e^{−20} for σ < e^{−20}, where the integrand is σ(1 + O(σ)) (so the part below the rule adds e^{−20} to
    /// O(e^{−40})).
    static func conditionalRate(prefactors: [Double], exponents: [Double], density: Double) -> Double {
        var total = exp(-20.0)
        for j in prefactors.indices where prefactors[j] > 0 { total += prefactors[j] * exp(density * exponents[j]) }
        return total
    }

    private func ratePanel(index m: Int) -> RatePanel {
        if let p = lock.withLock({ ratePanels[m] }) { return p }
        let lower = edge(2 * m + 2)
        let upper = edge(2 * m)
        let rule = KronrodPanel(from: lower, to: upper)
        var tail: [Double] = []
        var slope: [Double] = []
        var prefactors: [[Double]] = []
        var exponents: [[Double]] = []
        for t in rule?.nodes ?? [] {
            let y = exp(t)
            let (a, b) = process.tailAndSlope(y)
            tail.append(a)
            slope.append(b)
            let parts = rateNode(servingPower: y)
            prefactors.append(parts.prefactors)
            exponents.append(parts.exponents)
        }
        let p = RatePanel(rule: rule, tail: tail, slope: slope, prefactors: prefactors, exponents: exponents)
        lock.withLock { ratePanels[m] = p }
        return p
    }
}
