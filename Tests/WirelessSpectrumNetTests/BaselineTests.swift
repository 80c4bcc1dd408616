import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessSpectrumNet

@Suite struct BaselineTests {
    func noise(windows: Int, samples: Int, power: Double, seed: UInt64) -> [Complex<Float>] {
        var generator = Xoshiro256StarStar(seed: seed)
        let distribution = try! ComplexNormalDistribution(variance: power)
        return (0..<(windows * samples)).map { _ in
            let z = distribution.sample(using: &generator)
            return Complex(Float(z.real), Float(z.imaginary))
        }
    }

    @Test func hannWelchDegreesOfFreedom() throws {
        // docs/SPECTRUM.md#baselines: L = 1024, Hann, 50 % overlap over 16 384 samples → K = 31, ρ_1 = 1/36,
        // ν = 2K/(1 + 2(1 − 1/K)/36).
        let p = try AveragedPeriodogram(windowSamples: 16_384, sampleRateHz: 20e6)
        #expect(p.segmentCount == 31)
        let expected = 62 / (1 + 2 * (1 - 1 / 31.0) / 36)
        #expect(abs(p.degreesOfFreedom - expected) < 1e-9)
    }

    @Test func energyDetectorFalseAlarmRateWithOracleNoise() throws {
        // docs/SPECTRUM.md#test-tolerances: noise only, P_FA = 1e-2, ≥ 1e5 bins, oracle σ²: within ±25 % of P_FA.
        let samplesPerWindow = 4096
        let periodogram = try AveragedPeriodogram(windowSamples: samplesPerWindow, sampleRateHz: 20e6)
        let detector = try EnergyDetector(
            periodogram: periodogram, falseAlarmProbability: 1e-2,
            estimator: .oracle(noisePower: 2))
        let windows = 100
        let x = noise(windows: windows, samples: samplesPerWindow, power: 2, seed: 1)
        var alarms = 0
        var bins = 0
        for w in 0..<windows {
            let mask = try detector.rawMask(x[(w * samplesPerWindow)..<((w + 1) * samplesPerWindow)])
            alarms += mask.filter { $0 }.count
            bins += mask.count
        }
        #expect(bins >= 100_000)
        let rate = Double(alarms) / Double(bins)
        #expect(abs(rate - 1e-2) <= 0.25e-2, "rate \(rate)")
        // FCME recovers σ² within a few percent on noise alone.
        let fcme = try EnergyDetector(periodogram: periodogram, falseAlarmProbability: 1e-2, estimator: .fcme)
        let estimate = fcme.noisePower(try periodogram(x[0..<samplesPerWindow]))
        #expect(abs(estimate / 2 - 1) < 0.05)
    }

    @Test func caCFARFalseAlarmRateRectangularSingleSegment() throws {
        // docs/SPECTRUM.md#test-tolerances: K = 1, rectangular window (independent bins): within 4 binomial σ of P_FA =
        // 1e-2.
        let periodogram = try AveragedPeriodogram(
            segmentLength: 1024, window: .rectangular, windowSamples: 1024,
            sampleRateHz: 20e6)
        #expect(periodogram.segmentCount == 1 && abs(periodogram.degreesOfFreedom - 2) < 1e-12)
        let cfar = try CACFARDetector(periodogram: periodogram, falseAlarmProbability: 1e-2)
        #expect(abs(cfar.scale - 64 * (pow(1e-2, -1.0 / 64) - 1)) < 1e-8)
        let windows = 100
        let x = noise(windows: windows, samples: 1024, power: 0.7, seed: 2)
        var alarms = 0
        var bins = 0
        for w in 0..<windows {
            let mask = try cfar.rawMask(x[(w * 1024)..<((w + 1) * 1024)])
            alarms += mask.filter { $0 }.count
            bins += mask.count
        }
        let sigma = (1e-2 * (1 - 1e-2) / Double(bins)).squareRoot()
        #expect(abs(Double(alarms) / Double(bins) - 1e-2) <= 4 * sigma)
    }

    @Test func detectorsFindAStrongBandAndPostProcess() throws {
        // A 4-bin block of 20 dB excess power at +5 MHz on unit noise (narrower than the reference
        // window: CA-CFAR cannot detect the interior of bands wider than its 32 reference cells).
        let periodogram = try AveragedPeriodogram(windowSamples: 16_384, sampleRateHz: 20e6)
        var power = [Double](repeating: 1, count: 1024)
        for k in 767...770 { power[k] = 100 }
        let cfar = try CACFARDetector(periodogram: periodogram)
        let hits = cfar.decide(power)
        #expect(hits[768] && !hits[100])
        #expect(
            AveragedPeriodogram.postProcess([false, true, false, true, true, false], bins: 6)
                == [false, false, false, true, true, false])
        #expect(
            AveragedPeriodogram.postProcess([true, true, false, false], bins: 8)
                == [true, true, true, true, false, false, false, false])
    }
}
