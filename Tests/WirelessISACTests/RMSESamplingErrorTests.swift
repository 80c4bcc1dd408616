import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessISAC

struct RMSESamplingErrorTests {
    @Test func equalVariancesCountEveryError() {
        #expect(RMSESamplingError.effectivePathCount(variances: [2, 2, 2, 2, 2, 2]) == 6)
        let se = RMSESamplingError.relativeStandardError(variances: [1, 1, 1, 1, 1, 1], trials: 20)
        #expect(abs(se - 1 / 240.0.squareRoot()) < 1e-15)
        #expect(RMSESamplingError.effectivePathCount(variances: [0, 0]) == 0)
        #expect(RMSESamplingError.relativeStandardError(variances: [], trials: 20) == .infinity)
    }

    /// The default scenario's per-path compressed-data angle CRBs (√CRB_c [deg] at 0 dB, from the sweep's
    /// per-path table): the farthest path dominates, so 120 errors count as ≈ 35.
    static let defaultAngleDeviations = [0.004854, 0.008317, 0.01348, 0.01934, 0.03074, 0.06643]

    @Test func oneDominantPathLeavesFewEffectiveErrors() {
        let variances = Self.defaultAngleDeviations.map { $0 * $0 }
        let count = RMSESamplingError.effectivePathCount(variances: variances)
        #expect(count > 1.6 && count < 1.9)
        let se = RMSESamplingError.relativeStandardError(variances: variances, trials: 20)
        #expect(se > 0.11 && se < 0.125)  // vs 1/√240 = 6.5 % for 120 equal errors
    }

    /// Monte Carlo: RMSEs of 20 trials × 6 paths of Gaussian errors with the default scenario's variances,
    /// repeated R = 2000 times; their relative spread matches the formula, not 1/√(2·120).
    @Test func formulaMatchesTheSpreadOfSimulatedRMSEs() throws {
        var generator = Xoshiro256StarStar(seed: 18)
        let normal = try NormalDistribution(mean: 0, standardDeviation: 1)
        let deviations = Self.defaultAngleDeviations
        let (trials, repetitions) = (20, 2000)
        var rmses: [Double] = []
        for _ in 0..<repetitions {
            var sum = 0.0
            for _ in 0..<trials {
                for s in deviations {
                    let e = s * normal.sample(using: &generator)
                    sum += e * e
                }
            }
            rmses.append((sum / Double(trials * deviations.count)).squareRoot())
        }
        let mean = rmses.reduce(0, +) / Double(repetitions)
        let spread = (rmses.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(repetitions - 1)).squareRoot() / mean
        let predicted = RMSESamplingError.relativeStandardError(variances: deviations.map { $0 * $0 }, trials: trials)
        // The sample SD of R values has relative error ≈ 1/√(2(R−1)) = 1.6 %; the first-order formula is good
        // to a few % at this size (the RMSE is a square root of a skewed sum): 10 % allows both.
        #expect(abs(spread / predicted - 1) < 0.10, "spread \(spread), predicted \(predicted)")
        #expect(spread > 1.5 / (2.0 * 120).squareRoot())  // far above the equal-errors figure
    }
}
