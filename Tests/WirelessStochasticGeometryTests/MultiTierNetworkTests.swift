import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// `MultiTierNetwork` against closed forms and its own Monte-Carlo simulator (docs/DENSIFICATION.md#multi-tier-networks).
@Suite struct MultiTierNetworkTests {
    /// Closed-form and hypergeometric values agree to the ₂F₁ routine's accuracy (1e-12 relative).
    static let closedFormTolerance = 1e-10

    /// α = 4: Z(T, 4, B) = 2∫_{√B}^∞ u/(1 + u⁴/T) du = √T·arctan(√(T/B)), an elementary closed form.
    @Test func interferenceFactorMatchesItsAlphaFourClosedForm() throws {
        let network = try MultiTierNetwork(tiers: [.init(density: 1, transmitPower: 1)], exponent: 4)
        for t in [0.01, 0.3, 1, 4, 100] {
            for b in [0.05, 0.5, 1, 3, 40] {
                let closed = t.squareRoot() * atan((t / b).squareRoot())
                let value = network.interferenceFactor(threshold: t, bias: b)
                #expect(abs(value - closed) <= Self.closedFormTolerance * closed, "T = \(t), B = \(b)")
            }
        }
    }

    /// One tier is ABG: 1/(1 + ρ(T, α)) without noise (0.560099 at α = 4, T = 1), and the ABG erfcx form with noise.
    @Test func oneTierReducesToABG() throws {
        for alpha in [3.0, 4, 5.5] {
            let network = try MultiTierNetwork(tiers: [.init(density: 0.7, transmitPower: 2, bias: 5)], exponent: alpha)
            for t in [0.1, 1, 10] {
                let abg = try ABGCoverage.coverage(density: 0.7, threshold: t, exponent: alpha, noise: 0).value
                #expect(abs(try network.coverage(threshold: t).value - abg) < 1e-12)
            }
            #expect(abs(network.associationProbability(tier: 0) - 1) < 1e-15)
        }
        let abg = try ABGCoverage.coverage(density: 0.7, threshold: 1, exponent: 4, noise: 0).value
        #expect(abs(abg - 0.560099) < 1e-6)
        // With noise W and power P the normalised noise is W/P; the erfcx closed form is the oracle
        // (integration tolerance 1e-10 relative).
        let noisy = try MultiTierNetwork(tiers: [.init(density: 0.3, transmitPower: 4)], exponent: 4, noise: 0.2)
        for t in [0.2, 1, 5] {
            let erfcx = try ABGCoverage.coverageErfcx(density: 0.3, threshold: t, noise: 0.05).value
            #expect(abs(try noisy.coverage(threshold: t).value - erfcx) < 1e-9)
        }
    }

    /// Two tiers with equal power and bias are one PPP of density λ1 + λ2: A_k = λ_k/(λ1 + λ2) and coverage 1/(1+ρ).
    @Test func equalTiersMergeIntoOnePoissonNetwork() throws {
        let network = try MultiTierNetwork(
            tiers: [.init(density: 1, transmitPower: 3), .init(density: 4, transmitPower: 3)], exponent: 4)
        #expect(abs(network.associationProbability(tier: 1) - 0.8) < 1e-15)
        let rho = try ABGCoverage.rho(threshold: 2, exponent: 4)
        #expect(abs(try network.coverage(threshold: 2).value - 1 / (1 + rho)) < 1e-12)
        #expect(abs(try network.coverage(tier: 0, threshold: 2).value - 0.2 / (1 + rho)) < 1e-12)
        // The mean rate of either tier is the single-tier ABG rate (every user sees the same SINR law).
        let single = try MultiTierNetwork(tiers: [.init(density: 5, transmitPower: 3)], exponent: 4)
        let rate = try single.meanRate(tier: nil).value
        #expect(abs(try network.meanRate(tier: 0).value - rate) < 1e-7 * rate)
        #expect(abs(try network.meanRate(tier: nil).value - rate) < 1e-7 * rate)
    }

    /// A bias B on tier 2 is the same association as multiplying its power by B for association only:
    /// A_k follows Jo et al.'s closed form λ_k (P_kB_k)^δ / Σ_j λ_j (P_jB_j)^δ.
    @Test func associationProbabilitiesFollowTheBiasedPowerLaw() throws {
        let network = try MultiTierNetwork(
            tiers: [.init(density: 1, transmitPower: 100), .init(density: 10, transmitPower: 1, bias: 4)], exponent: 3)
        let delta = 2.0 / 3
        let weights = [1 * pow(100.0, delta), 10 * pow(4.0, delta)]
        #expect(abs(network.associationProbability(tier: 0) - weights[0] / (weights[0] + weights[1])) < 1e-14)
        #expect(abs(network.associationProbability(tier: 0) + network.associationProbability(tier: 1) - 1) < 1e-14)
    }

    /// Monte-Carlo with 10,000 drops (fixed seed): every analytic joint coverage lies within 4 half-widths of the
    /// simulated proportion (half-width ≤ 1.96·√(0.25/10000) ≈ 0.0098), for a biased two-tier network with
    /// noise and α = 3.5 (the tail correction keeps the disc truncation bias far below that).
    @Test func analyticCoverageMatchesMonteCarlo() throws {
        let network = try MultiTierNetwork(
            tiers: [.init(density: 0.2, transmitPower: 50), .init(density: 2, transmitPower: 1, bias: 3)],
            exponent: 3.5, noise: 0.01)
        var configuration = MultiTierCoverageStudy.Configuration(network: network, thresholdsDB: [-6, 0, 6, 12])
        configuration.drops = 10_000
        let result = try MultiTierCoverageStudy(configuration).run(seed: 2026)
        for (row, estimates) in zip(result.analytic, result.simulated) {
            for (value, estimate) in zip(row, estimates) {
                let half = (estimate.ciHigh - estimate.ciLow) / 2
                #expect(abs(estimate.mean - value) <= 4 * half, "analytic \(value) vs MC \(estimate.mean)")
            }
        }
        // Association probabilities: a proportion of 10,000 drops, same 4 half-width rule.
        let analytic = try #require(result.tierTable["association_probability"]?.numbers)
        let simulated = try #require(result.tierTable["association_probability_mc"]?.numbers)
        for (a, s) in zip(analytic.dropLast(), simulated.dropLast()) {
            let p = try #require(a)
            let half = MCEstimate.halfWidth(p: p, n: 10_000)
            #expect(abs((s ?? -1) - p) <= 4 * half)
        }
        // Drop d draws from stream d: the first 600 drops of a longer run are the drops of a short run
        // (chunks of 512 cut differently), so the result does not depend on chunking or threads.
        let simulator = try MultiTierSimulator(network: network)
        let short = try simulator.drops(600, seed: 2026)
        let long = try simulator.drops(1100, seed: 2026)
        #expect(Array(long.prefix(600)) == short)
    }

    /// Tier-specific α, route check: the serving-distance integral evaluated on a common-α network equals the
    /// closed form λ_k/C_k (and its noise integral) to quadrature accuracy; 1e-9 relative is 10× the integral's
    /// relative tolerance (1e-10).
    @Test func servingDistanceIntegralReducesToTheCommonExponentClosedForm() throws {
        for noise in [0.0, 0.05] {
            let network = try MultiTierNetwork(
                tiers: [
                    .init(density: 0.3, transmitPower: 40, exponent: 3.6), .init(density: 3, transmitPower: 1, bias: 2),
                    .init(density: 1, transmitPower: 5, bias: 0.5, exponent: 3.6),
                ], exponent: 3.6, noise: noise)
            #expect(network.hasCommonExponent)
            for k in network.tiers.indices {
                for t in [0.0, 0.1, 1, 10] {
                    let closed = try network.coverage(tier: k, threshold: t).value
                    let integral = try network.servingDistanceIntegral(tier: k, threshold: t).value
                    #expect(abs(integral - closed) <= 1e-9 * closed, "tier \(k) T \(t): \(integral) vs \(closed)")
                }
            }
        }
        // A tier exponent a hair away from the others takes the integral route and stays continuous.
        let common = try MultiTierNetwork(
            tiers: [.init(density: 1, transmitPower: 10), .init(density: 5, transmitPower: 1)], exponent: 4)
        let split = try MultiTierNetwork(
            tiers: [.init(density: 1, transmitPower: 10), .init(density: 5, transmitPower: 1, exponent: 4 + 1e-9)],
            exponent: 4)
        #expect(!split.hasCommonExponent)
        for k in 0..<2 {
            let a = try common.coverage(tier: k, threshold: 1).value
            let b = try split.coverage(tier: k, threshold: 1).value
            #expect(abs(a - b) <= 1e-7 * a)
            #expect(abs(common.associationProbability(tier: k) - split.associationProbability(tier: k)) <= 1e-7)
        }
    }

    /// Tier-specific α against Monte-Carlo (20,000 drops, fixed seed): macro cells α = 3.2, small cells α = 4.5
    /// with a bias and noise. Every joint coverage, the overall coverage and the association probabilities lie
    /// within 4 half-widths (≤ 1.96·√(0.25/20000) ≈ 0.007) of the simulated proportions; the association
    /// probabilities sum to 1.
    @Test func tierSpecificExponentsMatchMonteCarlo() throws {
        let network = try MultiTierNetwork(
            tiers: [
                .init(density: 0.2, transmitPower: 50, exponent: 3.2),
                .init(density: 2, transmitPower: 1, bias: 3, exponent: 4.5),
            ], exponent: 4, noise: 0.01)
        #expect(abs(network.associationProbability(tier: 0) + network.associationProbability(tier: 1) - 1) < 1e-9)
        var configuration = MultiTierCoverageStudy.Configuration(network: network, thresholdsDB: [-6, 0, 6, 12])
        configuration.drops = 20_000
        let result = try MultiTierCoverageStudy(configuration).run(seed: 13)
        for (row, estimates) in zip(result.analytic, result.simulated) {
            for (value, estimate) in zip(row, estimates) {
                let half = (estimate.ciHigh - estimate.ciLow) / 2
                #expect(abs(estimate.mean - value) <= 4 * half, "analytic \(value) vs MC \(estimate.mean)")
            }
        }
        let analytic = try #require(result.tierTable["association_probability"]?.numbers)
        let simulated = try #require(result.tierTable["association_probability_mc"]?.numbers)
        for (a, s) in zip(analytic.dropLast(), simulated.dropLast()) {
            let p = try #require(a)
            #expect(abs((s ?? -1) - p) <= 4 * MCEstimate.halfWidth(p: p, n: 20_000))
        }
        // The equal-α network differs: the exponents matter (well beyond the MC half-width, so the check above
        // could not pass with the exponents ignored).
        let equal = try MultiTierNetwork(
            tiers: [.init(density: 0.2, transmitPower: 50), .init(density: 2, transmitPower: 1, bias: 3)], exponent: 4,
            noise: 0.01)
        // A_1 = 0.231 here against 0.290 with a common α = 4: 9 half-widths of the 20,000-drop estimate apart.
        #expect(abs(equal.associationProbability(tier: 0) - network.associationProbability(tier: 0)) > 0.04)
        #expect(throws: DensificationError.lastExponentNotAboveTwo(value: 1.5)) {
            try MultiTierNetwork(tiers: [.init(density: 1, transmitPower: 1, exponent: 1.5)], exponent: 4)
        }
    }

    @Test func invalidTiersAreTypedErrors() {
        #expect(throws: DensificationError.invalidDensity(value: 0)) {
            try MultiTierNetwork(tiers: [.init(density: 0, transmitPower: 1)], exponent: 4)
        }
        #expect(throws: DensificationError.lastExponentNotAboveTwo(value: 2)) {
            try MultiTierNetwork(tiers: [.init(density: 1, transmitPower: 1)], exponent: 2)
        }
        #expect(throws: DensificationError.invalidSimulationParameter(name: "tier bias", value: -1)) {
            try MultiTierNetwork(tiers: [.init(density: 1, transmitPower: 1, bias: -1)], exponent: 4)
        }
        #expect(throws: DensificationError.invalidSimulationParameter(name: "tier count", value: 0)) {
            try MultiTierNetwork(tiers: [], exponent: 4)
        }
    }
}
