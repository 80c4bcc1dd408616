import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// The Monte-Carlo error-bar series every densify study draws (`StudySeries.monteCarlo`).
@Suite struct MonteCarloSeriesTests {
    let estimates = [
        MCEstimate(mean: 0.5, ciLow: 0.4, ciHigh: 0.6, n: 100, converged: true),
        MCEstimate(mean: 0.25, ciLow: 0.2, ciHigh: 0.3, n: 100, converged: false),
    ]

    @Test func barsAreTheIntervalsAtTheGivenAbscissae() {
        let series = StudySeries.monteCarlo("tier 1", x: [-5, 5], estimates)
        #expect(series.label == "Monte-Carlo (95 % CI), tier 1")
        #expect(series.kind == .errorBars(x: [-5, 5], y: [0.5, 0.25], lower: [0.4, 0.2], upper: [0.6, 0.3]))
    }

    /// A sweep with a single curve has no label to add: the legend says only what the points are.
    @Test func emptyLabelLeavesTheBareLegend() {
        #expect(StudySeries.monteCarlo("", x: [1, 2], estimates).label == "Monte-Carlo (95 % CI)")
    }
}
