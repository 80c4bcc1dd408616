import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

@Suite struct DensifyModelSpecificationTests {
    /// Breakpoints default to none for one exponent and R_1 = 1 for two; otherwise their number must match.
    @Test func breakpointsDefaultAndAreCounted() throws {
        var model = DensifyModelSpecification()
        #expect(try model.breakpointValues() == [1])
        model.exponents = [4]
        #expect(try model.breakpointValues() == [])
        model.exponents = [2, 3, 4]
        #expect(throws: DensifyModelError.breakpointCount(exponents: 3, given: nil)) { try model.validate() }
        #expect(
            DensifyModelError.breakpointCount(exponents: 3, given: nil).description
                == "--exponents has 3 value(s), so --breakpoints needs 2 (got 0, none given).")
        model.breakpoints = [1]
        #expect(throws: DensifyModelError.breakpointCount(exponents: 3, given: 1)) { try model.validate() }
        model.breakpoints = [1, 5]
        try model.validate()
        #expect(DensifyModelError.breakpointCount(exponents: 3, given: 1).category == .invalidArgument)
    }

    /// A link budget needs the power, the bandwidth and one of L0 or the carrier, and no other noise.
    @Test func linkBudgetRules() throws {
        var model = DensifyModelSpecification()
        model.pathLossAt1mDB = 60
        #expect(throws: DensifyModelError.linkBudgetWithoutPower) { try model.validate() }
        model.txPowerDBm = 30
        #expect(throws: DensifyModelError.linkBudgetIncomplete) { try model.validate() }
        model.bandwidthHz = 1e8
        try model.validate()
        model.carrierGHz = 28
        #expect(throws: DensifyModelError.linkBudgetIncomplete) { try model.validate() }
        model.carrierGHz = nil
        model.edgeSNRDB = 10
        #expect(throws: DensifyModelError.noiseGivenTwice) { try model.validate() }
    }

    /// With a measured channel: no L0 or shadowing of one's own, CI needs the carrier, a budget is complete.
    @Test func measuredChannelRules() throws {
        var model = DensifyModelSpecification()
        model.measured = .init(file: "fit-models.csv", model: .ci, group: "all", referenceMeters: 1)
        #expect(throws: DensifyModelError.closeInNeedsCarrier) { try model.validate() }
        model.carrierGHz = 28
        try model.validate()
        model.txPowerDBm = 30
        #expect(throws: DensifyModelError.measuredLinkBudgetIncomplete) { try model.validate() }
        model.bandwidthHz = 1e8
        try model.validate()
        model.noise = 0.1
        #expect(throws: DensifyModelError.noiseGivenTwice) { try model.validate() }
        model.noise = nil
        model.fading = try FadingModel(specification: "rayleigh+lognormal:8")
        #expect(throws: DensifyModelError.measuredGivesShadowing) { try model.validate() }
        model.fading = .rayleigh
        model.pathLossAt1mDB = 60
        #expect(throws: DensifyModelError.measuredGivesLossAt1m) { try model.validate() }
    }

    /// The scenario is the one built by hand from the same values; the noise follows the form given.
    @Test func scenarioAndNoise() throws {
        var model = DensifyModelSpecification()
        model.edgeSNRDB = 10
        let scenario = try model.scenario()
        let pathGain = try MultiSlopePathGain(exponents: [1.5, 4], breakpoints: [1])
        #expect(scenario.pathGain.exponents == [1.5, 4] && scenario.pathGain.breakpoints == [1])
        #expect(scenario.noise == (try DensificationScenario.noise(forEdgeSNRDB: 10, pathGain: pathGain)))
        model.noise = 0.25
        #expect(try model.scenario().noise == 0.25)
        let parameters = model.parameters(try model.scenario(), exponentsText: "1.5,4")
        #expect(parameters["breakpoints"] == "1.0" && parameters["noise_w"] == "0.25")
        #expect(parameters["exponents"] == "1.5,4" && parameters["path_loss_fit"] == nil)
        #expect(try DensifyModelSpecification().scenario().noise == 0)
    }
}
