import Foundation
import Numerics
import WirelessCore

@testable import WirelessISAC

/// Matches estimates to truth by minimum total normalised squared error over all permutations
/// (P ≤ 7 in these tests, so brute force is an exact assignment oracle).
func matchTargets(_ estimates: [ISACTargetEstimate], to truth: [ISACPath], scales: [Double] = [1, 1, 1]) -> [Int] {
    precondition(estimates.count == truth.count)
    func cost(_ e: ISACTargetEstimate, _ t: ISACPath) -> Double {
        let da = (e.angleDegrees - t.angleDegrees) / scales[0]
        let dd = (e.distanceMeters - t.distanceMeters) / scales[1]
        let dv = (e.velocityMetersPerSecond - t.velocityMetersPerSecond) / scales[2]
        return da * da + dd * dd + dv * dv
    }
    var best: [Int] = []
    var bestCost = Double.infinity
    var permutation = Array(0..<truth.count)
    func search(_ depth: Int, _ partial: Double) {
        if partial >= bestCost { return }
        if depth == permutation.count {
            bestCost = partial
            best = permutation
            return
        }
        for i in depth..<permutation.count {
            permutation.swapAt(depth, i)
            search(depth + 1, partial + cost(estimates[permutation[depth]], truth[depth]))
            permutation.swapAt(depth, i)
        }
    }
    search(0, 0)
    return best  // best[truthIndex] = estimateIndex
}

/// Independent scalar oracle of the tensor model: H[r,k,l] = Σ_p β_p exp(j(ω_A r + ω_F k + ω_T l)).
func scalarModel(_ scenario: ISACScenario, r: Int, k: Int, l: Int) -> Complex<Double> {
    var sum = Complex<Double>.zero
    for path in scenario.paths {
        let g = scenario.grid
        let wA = 2 * Double.pi * g.antennaSpacingMeters / g.wavelengthMeters * cos(path.angleDegrees * .pi / 180)
        let wF = -2 * Double.pi * g.subcarrierSpacingHz * path.distanceMeters / 299_792_458.0 * g.rangeMapping.factor
        let wT =
            2 * Double.pi * g.symbolDurationSeconds * g.rangeMapping.factor * g.carrierFrequencyHz
            * path.velocityMetersPerSecond / 299_792_458.0
        sum += path.gain * Complex(length: 1, phase: wA * Double(r) + wF * Double(k) + wT * Double(l))
    }
    return sum
}

/// A small scenario for fast tests: 8 × 24 × 28 at the default carrier, 3 well-separated paths.
func smallScenario(phases: [Double] = [0.3, 1.7, 4.1]) -> ISACScenario {
    let grid = ISACGrid(
        carrierFrequencyHz: 26e9, antennaCount: 8, subcarrierCount: 24, subcarrierSpacingHz: 60e3, symbolCount: 28)
    let paths = [
        ISACPath(
            angleDegrees: 50, distanceMeters: 300, velocityMetersPerSecond: 2,
            gain: Complex(length: 1, phase: phases[0])),
        ISACPath(
            angleDegrees: 95, distanceMeters: 900, velocityMetersPerSecond: -5,
            gain: Complex(length: 0.8, phase: phases[1])),
        ISACPath(
            angleDegrees: 130, distanceMeters: 1700, velocityMetersPerSecond: 9,
            gain: Complex(length: 0.6, phase: phases[2])),
    ]
    return ISACScenario(grid: grid, paths: paths)
}
