import Foundation
import Numerics
import Testing
import WirelessToolkit

/// The README's tour, compiled and run, so the documented calls stay true.
@Suite struct ReadmeExamplesTests {
    /// The repository root (tests run from anywhere).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func tour() throws {
        let samples = (0..<1024).map { Complex(Foundation.cos(0.1 * Double($0)), 0) }
        // FFT: plan once, execute many times, from any thread.
        let plan = try FFTPlan(shape: [1024], direction: .forward)
        let spectrum = plan(samples)
        #expect(spectrum.count == 1024)

        // Path loss on the bundled replica.
        let campaign = try CampaignCSV.read(
            contentsOf: Self.root.appendingPathComponent("datasets/oti28-synthetic/oti28_synthetic_links.csv"))
        let fit = try FloatingInterceptFit(campaign: campaign)
        #expect(abs(fit.rmsErrorDB - 11.7) < 0.5)  // the paper's RMS fitting error, reproduced by the replica

        // Densification: ABG nearest-BS Rayleigh coverage at T = 0 dB, α = 4, no noise: 1/(1 + π/4).
        let network = try DensificationScenario(
            pathGain: .singleSlope(exponent: 4), fading: .rayleigh, association: .nearest)
        let coverage = try network.coverage(density: 1e-5, threshold: 1).value
        #expect(abs(coverage - 1 / (1 + Double.pi / 4)) < 1e-9)

        // ISAC: PLAIN on the paper's scenario at 20 dB SNR finds its six paths.
        var generator = Xoshiro256StarStar(seed: 1)
        let scenario = ISACScenario.paperDefault()
        let plain = try PLAINEstimator(configuration: PLAINConfiguration(), shape: scenario.grid.dimensions)
        let targets = try plain.estimate(scenario.tensor(snrDB: 20, using: &generator)).targets
        #expect(targets.count == scenario.paths.count)
    }
}
