import Foundation
import Numerics
import Testing
import WirelessToolkit

/// The README's tour, compiled and run in-process with expected values, so the documented calls stay true.
/// (`scripts/consumer-check`, run by CI, builds the README's own text as a separate consumer package.)
@Suite struct ReadmeExamplesTests {
    @Test func tour() throws {
        let samples = (0..<1024).map { Complex(Double.cos(0.1 * Double($0)), 0) }
        // FFT: plan once, execute many times, from any thread.
        let plan = try FFTPlan(shape: [1024], direction: .forward)
        let spectrum = plan(samples)
        #expect(spectrum.count == 1024)

        // Path loss on the bundled replica.
        let campaign = try CampaignCSV.read(contentsOf: BundledReplica.url())
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

        // Studies: the same tables as the command line.
        let fitStudy = try PathLossFitStudy(.init(campaign: campaign)).run()
        let models = try #require(fitStudy.table(named: "models"))
        let exponent = try #require(models["n"]?.numbers?[0])
        #expect(exponent == fit.pathLossExponent.estimate)
        #expect(models.columns.map(\.header).prefix(3) == ["model", "group", "a_db"])
        var estimate = ISACEstimateStudy.Configuration(plain: PLAINConfiguration(pathCount: 6))
        estimate.methods = [.plain, .fft3d]
        let estimates = try ISACEstimateStudy(estimate).run(seed: 1)
        let errors = try #require(estimates.tables[0]["distance_error_m"])
        #expect(errors.count == estimates.estimates.map(\.estimate.targets.count).reduce(0, +))
        let w = 2 * Double.pi * 80 / 1024  // a tone on bin 80 of the 1024-point segments
        let iq = (0..<4096).map {
            Complex<Float>(Float(Foundation.cos(w * Double($0))), Float(Foundation.sin(w * Double($0))))
        }
        let psd = try PSDStudy(.init(samples: iq, sampleRateHz: 1e6)).run()
        let peak = try #require(psd.tables[0]["psd_db_per_hz"]?.numbers?.compactMap { $0 }.max())
        #expect(abs(peak + 31.66) < 0.2)  // unit power over the Hann window's noise bandwidth 1.5·fs/N
        let model = try #require(SpectrumSegmenter.defaultModelURL.map { try Checkpoint.read(from: $0).makeNetwork() })
        let recording = SigMFRecording(
            samples: Array(repeating: Complex<Float>(1, 0), count: 16_384), sampleRateHz: 20e6)
        let segments = try SpectrumSegmentStudy(.init(recording: recording, network: model)).run()
        #expect(segments.summaryCounts.windows == 1)
        var sweep = DensifySweepStudy.Configuration(scenario: network, densities: [1, 10, 100])
        sweep.monteCarlo = .drops(2000)
        let limits = try DensifySweepStudy(sweep).run(seed: 1)
        let analytic = try #require(limits.tables[0]["analytic"]?.numbers)
        #expect(abs(try #require(analytic[0]) - 1 / (1 + Double.pi / 4)) < 1e-9)  // coverage at λ = 1
        let simulated = try #require(limits.simulation?.coverage[0][0])
        #expect(abs(simulated.mean - 1 / (1 + Double.pi / 4)) < 4 * simulated.halfWidth)
    }
}
