import Foundation
import Testing
import WirelessCore

@testable import WirelessStochasticGeometry

/// `BlockageNetwork` against ABG in its limits and against its own Monte-Carlo simulator
/// (docs/DENSIFICATION.md#mmwave-blockage).
@Suite struct BlockageNetworkTests {
    /// Nested adaptive quadrature at relTol 1e-9 (outer) and 1e-10 (inner): 1e-7 absolute leaves margin.
    static let quadratureTolerance = 1e-7

    /// LOS and NLOS with the same gain law: blockage changes nothing, so P_c is ABG's for every β and R_B.
    @Test func identicalLOSAndNLOSGainsGiveABG() throws {
        for law in [BlockageNetwork.LineOfSight.exponential(beta: 0.3), .ball(radius: 0.8)] {
            let network = try BlockageNetwork(
                density: 1, lineOfSight: law, losIntercept: 1, nlosIntercept: 1, losExponent: 4, nlosExponent: 4)
            for t in [0.1, 1, 10] {
                let abg = try ABGCoverage.coverage(density: 1, threshold: t, exponent: 4, noise: 0).value
                #expect(
                    abs(try network.coverage(threshold: t).value - abg) < Self.quadratureTolerance, "\(law) T = \(t)")
            }
        }
    }

    /// Every BS NLOS (β so large that p ≈ 0 beyond 1e-6 units) is ABG with α_N; with noise, the erfcx form.
    @Test func allNLOSIsABGWithTheNLOSExponent() throws {
        let network = try BlockageNetwork(
            density: 0.5, lineOfSight: .exponential(beta: 1e7), losIntercept: 3, nlosIntercept: 1, losExponent: 2,
            nlosExponent: 4, noise: 0.1)
        for t in [0.3, 1, 3] {
            let erfcx = try ABGCoverage.coverageErfcx(density: 0.5, threshold: t, noise: 0.1).value
            #expect(abs(try network.coverage(threshold: t).value - erfcx) < 1e-6)
        }
    }

    /// Monte-Carlo with 8,000 drops (fixed seed) within 4 half-widths (≤ 4 · 1.96·√(0.25/8000) ≈ 0.044) for both
    /// laws, with LOS and NLOS laws as different as at 28 GHz (α_L = 2, α_N = 3.5, C_N 10 dB below C_L) and noise.
    @Test func analyticCoverageMatchesMonteCarlo() throws {
        for law in [BlockageNetwork.LineOfSight.exponential(beta: 1.2), .ball(radius: 1.5)] {
            let network = try BlockageNetwork(
                density: 0.4, lineOfSight: law, losIntercept: 1, nlosIntercept: 0.1, losExponent: 2,
                nlosExponent: 3.5, noise: 0.002)
            let sinr = try BlockageSimulator(network: network).sinr(drops: 8000, seed: 77)
            for tDB in [-5.0, 5, 15] {
                let t = Decibels.toPower(tDB)
                let analytic = try network.coverage(threshold: t).value
                let simulated = Double(sinr.filter { $0 > t }.count) / Double(sinr.count)
                let half = MCEstimate.halfWidth(p: analytic, n: sinr.count)
                #expect(abs(simulated - analytic) <= 4 * half, "\(law) T = \(tDB) dB: \(analytic) vs MC \(simulated)")
            }
        }
    }

    @Test func invalidParametersAreTypedErrors() {
        #expect(throws: DensificationError.lastExponentNotAboveTwo(value: 2)) {
            try BlockageNetwork(
                density: 1, lineOfSight: .ball(radius: 1), losIntercept: 1, nlosIntercept: 1, losExponent: 2,
                nlosExponent: 2)
        }
        #expect(throws: DensificationError.invalidSimulationParameter(name: "blockage β", value: 0)) {
            try BlockageNetwork(
                density: 1, lineOfSight: .exponential(beta: 0), losIntercept: 1, nlosIntercept: 1, losExponent: 2,
                nlosExponent: 3)
        }
    }
}
