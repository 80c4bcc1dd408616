import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessISAC

/// Noiseless ESPRIT is exact up to rounding in the EVD/LS chain (docs/ISAC.md#test-tolerances: ≤ 1e−9 rad).
let espritFrequencyTolerance = 1e-9
/// Root-MUSIC's double unit-circle roots are accurate to ≈ √eps (docs/ISAC.md#test-tolerances: ≤ 1e−6 rad).
let rootMUSICFrequencyTolerance = 1e-6

/// Largest spatial-frequency error [rad/sample, full grid] over paths after assignment.
func maximumFrequencyError(_ estimate: ISACEstimate, _ scenario: ISACScenario) -> Double {
    let match = matchTargets(estimate.targets, to: scenario.paths, scales: [1, 10, 1])
    var worst = 0.0
    for (t, path) in scenario.paths.enumerated() {
        let truth = scenario.grid.spatialFrequencies(of: path)
        let e = estimate.targets[match[t]].frequencies
        for m in 0..<3 { worst = max(worst, abs(ISACGrid.wrapToPlusMinusPi(e[m] - truth[m]))) }
    }
    return worst
}

struct PLAINNoiselessTests {
    @Test(arguments: [FrequencyEstimator.esprit, .tlsESPRIT, .rootMUSIC])
    func defaultScenarioRecoveredExactly(estimator: FrequencyEstimator) throws {
        let scenario = ISACScenario.paperDefault(phasesRadians: [0.1, 1.2, 2.3, 3.4, 4.5, 5.6])
        let tensor = scenario.noiselessTensor()
        let plain = try PLAINEstimator(
            configuration: PLAINConfiguration(frequencyEstimator: estimator, pathCount: 6), shape: tensor.dimensions)
        let estimate = try plain.estimate(tensor)
        #expect(estimate.targets.count == 6)
        let error = maximumFrequencyError(estimate, scenario)
        // Full-grid errors are compressed-grid errors divided by Δ_m, so the compressed tolerance bounds them.
        let tolerance = estimator == .rootMUSIC ? rootMUSICFrequencyTolerance : espritFrequencyTolerance
        #expect(error < tolerance, "max |Δω| = \(error)")
        // Angles 30…150° map to distinct cos θ; velocities 0,5,0,15,0,25 km/h give 4 distinct Doppler values.
        #expect(estimate.modeEstimates.map(\.order) == [6, 6, 4])
        let match = matchTargets(estimate.targets, to: scenario.paths, scales: [1, 10, 1])
        for (t, path) in scenario.paths.enumerated() {
            let gain = estimate.targets[match[t]].gain
            #expect((gain - path.gain).length / path.gain.length < 1e-5)
        }
    }
}
