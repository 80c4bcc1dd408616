import Foundation
import Testing

@testable import WirelessCore

/// `KronrodPanel`: one tabulated G7–K15 panel, against the adaptive integrator it shares its rule with and
/// against closed forms.
@Suite struct KronrodPanelTests {
    /// The panel's value and error are the adaptive integrator's, bit for bit, when that one stops after one
    /// panel (infinite tolerance): the tables of the strongest-BS routes rely on it.
    @Test func tabulatedPanelHasTheBitsOfOneAdaptivePanel() throws {
        let f: (Double) -> Double = { exp(sin(3 * $0)) / (1 + $0 * $0) }
        let panel = try #require(KronrodPanel(from: -0.7, to: 2.3))
        let tabulated = try panel.integrate(panel.nodes.map(f))
        let adaptive = try GaussKronrodQuadrature(
            absoluteTolerance: .infinity, relativeTolerance: 0, maximumSubdivisions: 1
        ).integrate(f, from: -0.7, to: 2.3)
        #expect(tabulated == adaptive)
    }

    /// K15 integrates polynomials of degree ≤ 22 exactly: ∫₀² x²² dx = 2²³/23 to rounding (relative 1e-14:
    /// 15 terms of size ≤ 2²², each rounded to ε ≈ 2.2e-16).
    @Test func integratesDegree22Exactly() throws {
        let panel = try #require(KronrodPanel(from: 0, to: 2))
        let r = try panel.integrate(panel.nodes.map { x in Foundation.pow(x, 22.0) })
        let exact = Foundation.pow(2.0, 23.0) / 23
        #expect(abs(r.value - exact) <= 1e-14 * exact)
        #expect(panel.nodes.count == 15 && panel.nodes[0] == 1)
    }

    @Test func refusesEmptyPanelsAndBadValues() throws {
        #expect(KronrodPanel(from: 1, to: 1) == nil)
        #expect(KronrodPanel(from: 2, to: 1) == nil)
        #expect(KronrodPanel(from: 0, to: .infinity) == nil)
        let panel = try #require(KronrodPanel(from: 0, to: 1))
        #expect(throws: CoreError.self) { try panel.integrate([1, 2]) }
        var values = [Double](repeating: 1, count: 15)
        values[4] = .nan
        #expect(throws: CoreError.nonFiniteValue(name: "integrand", at: panel.nodes[4])) {
            try panel.integrate(values)
        }
    }
}
