import Foundation
import Numerics
import Testing
import WirelessCore

@testable import WirelessIO

@Suite struct TwoToneRecordingTests {
    /// The recording is a function of the seed; its tones and noise floor are those configured.
    @Test func deterministicWithTheConfiguredTones() throws {
        var tones = TwoToneRecording()
        tones.sampleCount = 64
        let first = try tones.make(seed: 5)
        #expect(first.samples == (try tones.make(seed: 5)).samples)
        #expect(first.samples != (try tones.make(seed: 6)).samples)
        #expect(first.samples.count == 64 && first.sampleRateHz == 1e6 && first.centerFrequencyHz == 2.4e9)
        #expect(tones.tones.map(\.powerDB) == [0, -20])
        #expect(abs(tones.noiseFloorDBPerHz - (-100)) < 1e-12)
        // Without noise the samples are the two phasors exactly (to Float rounding, 2⁻²⁴ relative per part).
        tones.noisePower = 0
        let clean = try tones.make(seed: 1)
        let n = 3.0
        let expected = zip(tones.toneFrequenciesHz, tones.toneAmplitudes).reduce(Complex<Double>.zero) { sum, tone in
            let phase = 2 * Double.pi * tone.0 * n / tones.sampleRateHz
            return sum + Complex(tone.1 * cos(phase), tone.1 * sin(phase))
        }
        #expect(abs(Double(clean.samples[3].real) - expected.real) < 1e-6)
        #expect(abs(Double(clean.samples[3].imaginary) - expected.imaginary) < 1e-6)
    }
}
