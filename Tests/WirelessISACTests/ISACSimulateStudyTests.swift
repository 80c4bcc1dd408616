import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessISAC

/// `ISACSimulateStudy`: the tensor of `wtk isac simulate` from the library (phases, then noise, from one seed).
@Test func simulateStudyDrawsThePhasesThenTheNoiseFromTheSeed() throws {
    var configuration = ISACSimulateStudy.Configuration()
    configuration.preset = .nr28
    configuration.snrDB = 5
    let result = try ISACSimulateStudy(configuration).run(seed: 11)
    // The same draws by hand: one generator, the preset's phases first.
    var generator = Xoshiro256StarStar(seed: 11)
    let scenario = ISACScenarioPreset.nr28.scenario(using: &generator)
    let tensor = try scenario.tensor(snrDB: 5, using: &generator)
    #expect(result.tensor == tensor)
    #expect(result.noiseVariance == scenario.noiseVariance(snrDB: 5))
    #expect(
        result.summary.hasPrefix("isac simulate: \(scenario.grid.dimensions.map(String.init).joined(separator: "×"))"))
    configuration.noiseless = true
    #expect(try ISACSimulateStudy(configuration).run(seed: 11).tensor == scenario.noiselessTensor())
}

@Test func simulateStudyTruthTableNamesItsColumnsWithUnits() throws {
    let result = try ISACSimulateStudy(.init()).run(seed: 3)
    let table = result.truthTable
    #expect(table.name == "_truth")
    #expect(
        table.columns.map(\.header) == [
            "path", "angle_deg", "distance_m", "velocity_mps", "gain_re", "gain_im", "gain_db", "omega_a_rad",
            "omega_f_rad", "omega_t_rad",
        ])
    #expect(table.columns.allSatisfy { $0.count == result.scenario.paths.count })
}
