import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessFFT

/// Deterministic identities (Parseval, scaling) hold to rounding: sums of ~1e5 terms, ~1e-13.
private let identityTolerance = 1e-10

@Test func frequencyGridIsCentred() throws {
    let even = try WelchPSD(segmentLength: 8, sampleRateHz: 8)
    #expect(even.frequenciesHz == [-4, -3, -2, -1, 0, 1, 2, 3])
    #expect(even.oneSidedFrequenciesHz == [0, 1, 2, 3, 4])
    let odd = try WelchPSD(segmentLength: 5, sampleRateHz: 5)
    #expect(odd.frequenciesHz == [-2, -1, 0, 1, 2])
    #expect(odd.oneSidedFrequenciesHz == [0, 1, 2])
    #expect(even.overlapSamples == 4 && even.hopLength == 4)
    #expect(even.segmentCount(sampleCount: 7) == 0 && even.segmentCount(sampleCount: 8) == 1)
    #expect(even.segmentCount(sampleCount: 20) == 4)
}

@Test func whiteNoiseIntegratesToItsVariance() throws {
    let (n, segments, variance, fs) = (256, 128, 2.5, 1e6)
    let welch = try WelchPSD(segmentLength: n, overlap: .fraction(0.5), window: .hann(), sampleRateHz: fs)
    let length = (segments - 1) * welch.hopLength + n
    let x = TestSignals.complexNormal(count: length, variance: variance, seed: 2024)
    let psd = try welch.estimate(samples: x)
    #expect(psd.count == n)
    let integrated = psd.reduce(0, +) * fs / Double(n)

    // Exact identity (Parseval per segment): ∫P = (1/K)·Σ_s Σ_n w²|x|² / Σw².
    let w = welch.windowCoefficients
    let energy = w.reduce(0) { $0 + $1 * $1 }
    var expected = 0.0
    for s in 0..<segments {
        for i in 0..<n { expected += w[i] * w[i] * x[s * welch.hopLength + i].lengthSquared }
    }
    expected /= Double(segments) * energy
    #expect(abs(integrated - expected) / expected < identityTolerance)

    // Statistical: each segment's weighted power has relative std √(Σw⁴)/Σw² (|x|² exponential);
    // 50 % overlap correlates neighbours, so count only K/2 independent segments; 5σ bound.
    let fourth = w.reduce(0) { $0 + $1 * $1 * $1 * $1 }
    let relativeStd = fourth.squareRoot() / energy / (Double(segments) / 2).squareRoot()
    #expect(abs(integrated / variance - 1) < 5 * relativeStd)

    // Every bin: mean σ²/fs; a K-segment average has relative std ≥ 1/√K, ≤ 1/√(K/2) with overlap.
    let level = variance / fs
    let binStd = 1 / (Double(segments) / 2).squareRoot()
    let mean = psd.reduce(0, +) / Double(n)
    #expect(abs(mean / level - 1) < 5 * relativeStd)
    #expect(psd.allSatisfy { abs($0 / level - 1) < 6 * binStd })
    let spread = (psd.reduce(0) { $0 + ($1 / level - 1) * ($1 / level - 1) } / Double(n)).squareRoot()
    #expect(spread > 0.5 / Double(segments).squareRoot() && spread < 1.5 * binStd)
}

@Test(arguments: [37, -50, 0])
func toneLandsInItsBin(bin: Int) throws {
    let (n, fs, amplitude) = (128, 3.2e6, 0.7)
    let welch = try WelchPSD(segmentLength: n, overlap: .samples(32), window: .blackmanHarris(), sampleRateHz: fs)
    let frequency = Double(bin) * fs / Double(n)
    let x = (0..<(n * 10)).map {
        Complex<Double>(length: amplitude, phase: 2 * Double.pi * frequency * Double($0) / fs)
    }
    let psd = try welch.estimate(samples: x)
    let peak = psd.indices.max { psd[$0] < psd[$1] }!
    #expect(peak == bin + n / 2)
    #expect(welch.frequenciesHz[peak] == frequency)
    // Bin-centred tone: P_peak = A²·(Σw)²/(fs·Σw²), i.e. P_peak·ENBW_Hz = A².
    let gains = welch.window.gains(length: n)
    let recovered = psd[peak] * gains.equivalentNoiseBandwidthHz(sampleRateHz: fs)
    #expect(abs(recovered / (amplitude * amplitude) - 1) < identityTolerance)
    // Total power A².
    #expect(abs(psd.reduce(0, +) * fs / Double(n) / (amplitude * amplitude) - 1) < identityTolerance)

    // Float input gives the same estimate up to single-precision rounding of the samples.
    let xf = x.map { Complex(Float($0.real), Float($0.imaginary)) }
    let psdFloat = try welch.estimate(samples: xf)
    #expect(abs(psdFloat[peak] / psd[peak] - 1) < 1e-6)
}

@Test func oneSidedRealSpectrum() throws {
    let (n, fs) = (64, 1000.0)
    let welch = try WelchPSD(segmentLength: n, sampleRateHz: fs)
    // Cosine at bin 10, amplitude 2 → power A²/2 = 2, all in bin 10 (one-sided).
    let x = (0..<(n * 8)).map { 2 * cos(2 * Double.pi * 10 * Double($0) / Double(n)) }
    let psd = try welch.estimateOneSided(samples: x)
    #expect(psd.count == n / 2 + 1)
    let peak = psd.indices.max { psd[$0] < psd[$1] }!
    #expect(peak == 10 && welch.oneSidedFrequenciesHz[peak] == 10 * fs / Double(n))
    #expect(abs(psd.reduce(0, +) * fs / Double(n) - 2) < identityTolerance)

    // One-sided real PSD equals the two-sided PSD of the same samples folded onto k ≥ 0.
    var generator = Xoshiro256StarStar(seed: 9)
    let noise = (0..<(n * 20)).map { _ in TestSignals.normal(using: &generator) }
    let oneSided = try welch.estimateOneSided(samples: noise)
    let twoSided = try welch.estimate(samples: noise.map { Complex($0, 0) })
    let centre = n / 2
    #expect(abs(oneSided[0] - twoSided[centre]) < identityTolerance * twoSided[centre])
    #expect(abs(oneSided[n / 2] - twoSided[0]) < identityTolerance * twoSided[0])
    for k in 1..<(n / 2) {
        let folded = twoSided[centre + k] + twoSided[centre - k]
        #expect(abs(oneSided[k] - folded) < identityTolerance * folded)
    }
}

@Test func badConfigurationsThrow() throws {
    #expect(throws: FFTError.invalidShape([0])) { try WelchPSD(segmentLength: 0, sampleRateHz: 1) }
    #expect(throws: FFTError.invalidOverlap(samples: 16, segmentLength: 16)) {
        try WelchPSD(segmentLength: 16, overlap: .samples(16), sampleRateHz: 1)
    }
    #expect(throws: FFTError.invalidOverlap(samples: -1, segmentLength: 16)) {
        try WelchPSD(segmentLength: 16, overlap: .samples(-1), sampleRateHz: 1)
    }
    #expect(throws: FFTError.valueOutOfRange(name: "overlap fraction", value: 1)) {
        try WelchPSD(segmentLength: 16, overlap: .fraction(1), sampleRateHz: 1)
    }
    #expect(throws: FFTError.valueOutOfRange(name: "sampleRateHz", value: 0)) {
        try WelchPSD(segmentLength: 16, sampleRateHz: 0)
    }
    #expect(throws: FFTError.valueOutOfRange(name: "kaiser beta", value: -1)) {
        try WelchPSD(segmentLength: 16, window: .kaiser(beta: -1), sampleRateHz: 1)
    }
    let welch = try WelchPSD(segmentLength: 16, sampleRateHz: 1)
    #expect(throws: FFTError.inputTooShort(required: 16, actual: 10)) {
        try welch.estimate(samples: [Complex<Double>](repeating: .zero, count: 10))
    }
    #expect(throws: FFTError.inputTooShort(required: 16, actual: 3)) { try welch.estimateOneSided(samples: [1, 2, 3]) }
    #expect(FFTError.inputTooShort(required: 16, actual: 3).category == .invalidData)
}
