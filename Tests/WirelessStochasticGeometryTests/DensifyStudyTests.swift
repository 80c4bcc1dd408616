import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// The densification studies: the library gives the command line's tables, an analytic cell is empty only
/// for a model with no route, and the text forms of the typed options read back.
@Suite struct DensifyStudyTests {
    /// ABG: nearest BS, Rayleigh, α = 4, T = 0 dB, W = 0 gives 1/(1 + π/4) at every density.
    static let abg = 1 / (1 + Double.pi / 4)

    @Test func sweepStudyGivesTheCommandTable() throws {
        let network = try DensificationScenario(
            pathGain: .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest)
        var configuration = DensifySweepStudy.Configuration(scenario: network, densities: [1, 10])
        configuration.metrics = [.coverage, .rate]
        configuration.monteCarlo = .off
        let result = try DensifySweepStudy(configuration).run()
        let table = result.tables[0]
        #expect(
            table.columns.map(\.header) == [
                "lambda", "threshold_db", "metric", "unit", "analytic", "analytic_method", "analytic_abs_err", "mc",
                "mc_ci95_lo", "mc_ci95_hi", "mc_drops", "converged", "tail_share", "analytic_reason",
            ])
        #expect(table.rowCount == 4)
        for cell in result.coverage.joined() { #expect(abs(try #require(cell.value).value - Self.abg) < 1e-9) }
        #expect(result.plots.map(\.name) == ["-coverage", "-rate"])
        #expect(result.regime == .saturate(limitExponent: 4))  // κ = 2/α0 = 1/2
    }

    /// Issue 15 item 6: only "no analytic route" is an empty cell; a numerical failure is thrown (the old
    /// command turned every error into a blank cell).
    @Test func onlyAMissingRouteIsAnEmptyCell() throws {
        let missing = try AnalyticCell.evaluate { () throws(DensificationError) -> AnalyticValue in
            throw .analyticUnavailable(reason: "x")
        }
        #expect(missing.value == nil)
        #expect(missing.reasonText == DensificationError.analyticUnavailable(reason: "x").description)
        #expect(throws: DensificationError.numericalFailure(reason: "y")) {
            try AnalyticCell.evaluate { () throws(DensificationError) -> AnalyticValue in
                throw .numericalFailure(reason: "y")
            }
        }
    }

    /// A value whose error estimate is not below it is an upper bound, "< value + error", kept out of curves.
    @Test func analyticCellFlagsBounds() {
        let bound = AnalyticCell(value: AnalyticValue(value: 1e-12, absError: 3e-12, method: .gilPelaezNearest))
        #expect(bound.isBound)
        #expect(bound.plottable == nil)
        #expect(bound.tableCells == [.text("< 4e-12"), .text("gilPelaezNearest"), .real(3e-12)])
        #expect(bound.reasonText.contains("upper bound"))
        let fine = AnalyticCell(value: AnalyticValue(value: 0.5, absError: 1e-9, method: .abgInterferenceLimited))
        #expect(!fine.isBound)
        #expect(fine.tableCells[0] == .real(0.5))
        #expect(fine.reasonText.isEmpty)
        let missing = AnalyticCell(value: nil, reason: "no analytic route: x")
        #expect(missing.tableCells == [.real(nil), .text(""), .real(nil)])
        #expect(missing.reasonText == "no analytic route: x")
    }

    @Test func fadingSpecificationsReadBack() throws {
        for text in [
            "none", "rayleigh", "nakagami:2.5", "lognormal:8.0", "rayleigh+lognormal:6.0", "nakagami:2.0+lognormal:4.0",
            "rician:3.0", "rician:0.5+lognormal:6.0",
        ] {
            let model = try FadingModel(specification: text)
            #expect(model.specification == text)
            #expect(try FadingModel(specification: model.specification) == model)
        }
        #expect(try FadingModel(specification: "Rayleigh") == .rayleigh)
        for bad in ["rician", "rician:x", "rice:3", "nakagami", "lognormal:x", "", "rayleigh+"] {
            #expect(throws: DensificationError.self) { try FadingModel(specification: bad) }
        }
        #expect(throws: DensificationError.invalidNakagamiM(value: 0)) { try FadingModel(specification: "nakagami:0") }
    }

    @Test func monteCarloModesReadBack() throws {
        for mode in [MonteCarloMode.off, .auto, .drops(1000)] {
            #expect(MonteCarloMode(text: mode.description) == mode)
        }
        #expect(MonteCarloMode(text: "drops:x") == nil)
        #expect(MonteCarloMode(text: "on") == nil)
        #expect(throws: DensificationError.self) { try MonteCarloMode.drops(0).configuration(seed: 1) }
        #expect(try MonteCarloMode.off.configuration(seed: 1) == nil)
        #expect(try MonteCarloMode.auto.configuration(seed: 1)?.fixedDrops == nil)
    }

    @Test func associationNamesAndAliases() {
        for rule in Association.allCases { #expect(Association(optionName: rule.optionName) == rule) }
        #expect(Association(optionName: "strongestInstantaneous") == .strongestInstantaneous)
        #expect(Association(optionName: "farthest") == nil)
    }

    /// Issue 17: analytic curves are drawn at ≥ 20 points per decade whatever the table grid; the table keeps
    /// its own densities; titles and axes are words with units.
    @Test func curvesAreDenseAndAxesCarryUnits() throws {
        let network = try DensificationScenario(
            pathGain: .singleSlope(exponent: 3), fading: .rayleigh, association: .nearest)
        var configuration = DensifySweepStudy.Configuration(scenario: network, densities: [1, 100])
        configuration.metrics = [.coverage, .rate]
        configuration.monteCarlo = .off
        configuration.rateUnit = .bits
        let result = try DensifySweepStudy(configuration).run()
        #expect(result.tables[0]["lambda"]?.numbers == [1, 100, 1, 100])
        for plot in result.plots {
            guard case .line(let x, _) = plot.series[0].kind else {
                Issue.record("first series of \(plot.name) is not the analytic line")
                continue
            }
            #expect(x.count == 41)  // two decades at 20 points per decade, both ends included
            #expect(!plot.title.contains("strongestInstantaneous") && plot.title.contains("nearest BS"))
        }
        #expect(result.plots[1].yLabel == "Mean rate [bit/s/Hz]")
        #expect(result.plots[0].yLabel.hasPrefix("Coverage probability"))
        // The curve at a table density is the table's value.
        guard case .line(_, let y) = result.plots[0].series[0].kind else { return }
        #expect(y[0] == result.coverage[0][0].value?.value)
        #expect(y[40] == result.coverage[1][0].value?.value)
    }

    /// Issue 13: `densify coverage` gives the mean rate per density (analytic and Monte-Carlo) beside coverage.
    @Test func coverageStudyGivesTheMeanRate() throws {
        let network = try DensificationScenario(
            pathGain: .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest)
        var configuration = DensifyCoverageStudy.Configuration(
            scenario: network, densities: [1], thresholdsDB: [0])
        configuration.metrics = [.coverage, .rate]
        configuration.monteCarlo = .drops(4000)
        let result = try DensifyCoverageStudy(configuration).run(seed: 3)
        let table = result.tables[0]
        #expect(table["metric"]?.values == .text(["coverage", "rate"]))
        let rate = try #require(result.rate[0].value)
        #expect(rate.value == (try network.meanRate(density: 1)).value)
        let simulated = try #require(result.simulation?.rate[0])
        // 4000 drops: the MC mean within 4 half-widths of the exact rate (the half-width is ≈ 0.04 nats).
        #expect(abs(simulated.mean - rate.value) < 4 * simulated.halfWidth)
        #expect(table["unit"]?.values == .text(["probability", "nat/s/Hz"]))
    }

    /// Issue 15 item 6: an interval the quadrature refuses is an infinite error estimate (a route then reports
    /// a numerical failure), not the silent (0, 0) that `try?` used to give.
    @Test func refusedIntegralIsUnusableNotZero() {
        let r = Integration.integrate(from: .nan, to: 1) { _ in 1 }
        #expect(r.error == .infinity)
        let fine = Integration.integrate(from: 0, to: 1) { x in x }
        #expect(abs(fine.value - 0.5) < 1e-14 && fine.error.isFinite)
    }
}
