import Numerics
import Testing
import WirelessCore
import WirelessFFT

@testable import WirelessSpectrumNet

@Suite struct GeneratorTests {
    let generator = try! WidebandGenerator(seed: 2025)

    /// Draws (placement only, no waveforms) for `count` examples of SNR index 0.
    func draws(_ count: Int) -> [[PlacedSignal]] {
        (0..<count).map { index in
            var rng = generator.exampleGenerator(snrIndex: 0, index: index)
            return generator.drawSignals(using: &rng).placed
        }
    }

    @Test func occupancyMatchesTheDerivedValue() {
        // docs/SPECTRUM.md#test-tolerances: over ≥ 2000 examples the mean occupancy lies in [0.19, 0.24] (≈ 21.4 % at N
        // = 1024).
        var occupied = 0
        var total = 0
        for signals in draws(2000) {
            let intervals = signals.map {
                ($0.centerFrequencyHz - $0.bandwidthHz / 2, $0.centerFrequencyHz + $0.bandwidthHz / 2)
            }
            let mask = SpectrumLabels.mask(intervalsHz: intervals, bins: 1024, sampleRateHz: 20e6)
            occupied += mask.filter { $0 }.count
            total += 1024
        }
        let occupancy = Double(occupied) / Double(total)
        #expect(occupancy >= 0.19 && occupancy <= 0.24, "occupancy \(occupancy)")
    }

    @Test func labelWidthsAndGuards() {
        // docs/SPECTRUM.md#test-tolerances table (N = 1024): width ceil(w) or ceil(w) + 1 bins for w = bw·N/fs.
        let expected: [Double: ClosedRange<Int>] = [
            100e3: 6...7, 200e3: 11...12, 500e3: 26...27, 1e6: 52...53, 2e6: 103...104,
        ]
        var dropped = 0
        for (index, signals) in draws(600).enumerated() {
            for signal in signals {
                let mask = SpectrumLabels.mask(
                    intervalsHz: [
                        (
                            signal.centerFrequencyHz - signal.bandwidthHz / 2,
                            signal.centerFrequencyHz + signal.bandwidthHz / 2
                        )
                    ],
                    bins: 1024, sampleRateHz: 20e6)
                let width = mask.filter { $0 }.count
                #expect(expected[signal.bandwidthHz]!.contains(width), "bw \(signal.bandwidthHz) width \(width)")
                #expect(abs(signal.centerFrequencyHz) <= 10e6 - signal.bandwidthHz / 2)
                #expect(signal.centerFrequencyHz == signal.centerFrequencyHz.rounded())
            }
            for i in signals.indices {
                for j in signals.indices where j > i {
                    let gap = abs(signals[i].centerFrequencyHz - signals[j].centerFrequencyHz)
                    #expect(gap >= (signals[i].bandwidthHz + signals[j].bandwidthHz) / 2 + 100e3)
                }
            }
            var rng = generator.exampleGenerator(snrIndex: 0, index: index)
            dropped += generator.drawSignals(using: &rng).dropped.count
        }
        // Spec: ≈0.5 % of examples drop a signal; 600 examples → expect a handful, never a majority.
        #expect(dropped < 60)
    }

    @Test func noisePowerFollowsTheWeakestSignalDefinition() throws {
        // docs/SPECTRUM.md#test-tolerances: mean noise power over ≥ 1000 examples within 1 % of 10^{(min txP − s)/10}.
        var config = WidebandGeneratorConfiguration()
        config.windowSamples = 1024
        let small = try WidebandGenerator(configuration: config, seed: 9)
        var ratioSum = 0.0
        let count = 1000
        for index in 0..<count {
            let (noise, power) = small.noiseOnly(snrDB: -6, snrIndex: 3, index: index)
            var rng = small.exampleGenerator(snrIndex: 3, index: index)
            let placed = small.drawSignals(using: &rng).placed
            let weakest = placed.map(\.txPowerDB).min()!
            #expect(abs(power - Decibels.toPower(weakest + 6)) < 1e-9 * power)
            ratioSum += noise.reduce(0.0) { $0 + $1.lengthSquared } / Double(noise.count) / power
        }
        // σ of the mean ratio = 1/√(count·W) ≈ 9.9e-4 (W = 1024); 1 % is the bound of docs/SPECTRUM.md#test-tolerances
        // (≈ 10σ).
        #expect(abs(ratioSum / Double(count) - 1) < 0.01)
    }

    @Test func componentsHaveTheirPowerAndStayInTheirBand() throws {
        // Independent oracle: an O(W log W) FFT of each component; ≥ 97 % of its power inside the
        // nominal band [f − bw/2, f + bw/2] (RRC β = 0.35 occupies 0.675·bw; GMSK/2-FSK are narrower).
        var config = WidebandGeneratorConfiguration()
        config.windowSamples = 4096
        let small = try WidebandGenerator(configuration: config, seed: 11)
        let plan = try FFTPlan(count: 4096)
        var seen = Set<SignalModulation>()
        for index in 0..<12 {
            let parts = small.components(snrDB: 0, snrIndex: 0, index: index)
            for (signal, waveform) in zip(parts.signals, parts.waveforms) {
                seen.insert(signal.modulation)
                let power = waveform.reduce(0.0) { $0 + $1.lengthSquared } / 4096
                #expect(abs(power / Decibels.toPower(signal.txPowerDB) - 1) < 0.01)
                let spectrum = plan(waveform)
                var inside = 0.0
                var all = 0.0
                for k in 0..<4096 {
                    let f = Double(k < 2048 ? k : k - 4096) * 20e6 / 4096
                    let p = spectrum[k].lengthSquared
                    all += p
                    if abs(f - signal.centerFrequencyHz) <= signal.bandwidthHz / 2 { inside += p }
                }
                #expect(inside / all >= 0.97, "\(signal.modulation) bw \(signal.bandwidthHz): \(inside / all)")
            }
        }
        #expect(seen.count >= 5)
    }

    @Test func mixerMatchesTheExactCarrier() {
        // Oracle: for an integer frequency f [Hz] and fs = 20 MHz the carrier phase 2π·(f·n mod fs)/fs
        // is reduced exactly in integers, so its sin/cos are correct to about 1 ulp. The mixer's
        // error is dominated by the rounding of its argument ω·a at the block anchors,
        // |ω·a|·2⁻⁵³ ≤ π·16 421·1.2e-16 ≈ 6e-12: tolerance 1e-11.
        let fs = 20_000_000
        let count = 16_384 + 37  // a partial last block
        let input = (0..<count).map { Complex(Double.cos(0.01 * Double($0)), 0.5 * Double.sin(0.003 * Double($0))) }
        for f in [0, 1, -3_999_950, 9_899_999, 123_457] {
            var mixed = input
            let power = WidebandGenerator.mix(&mixed, normalizedFrequency: Double(f) / Double(fs))
            var worst = 0.0
            var expectedPower = 0.0
            for n in 0..<count {
                let residue = ((f * n) % fs + fs) % fs
                let carrier = Complex<Double>(length: 1, phase: 2 * Double.pi * Double(residue) / Double(fs))
                let expected = input[n] * carrier
                worst = max(worst, (mixed[n] - expected).length)
                expectedPower += expected.lengthSquared
            }
            #expect(worst < 1e-11, "f = \(f) Hz: worst error \(worst)")
            // Power: a sum of 16 421 terms, each with relative error ≤ 1e-11.
            #expect(abs(power - expectedPower / Double(count)) < 1e-10 * expectedPower / Double(count))
        }
    }

    @Test func examplesAreReproducibleAndIndependent() throws {
        var config = WidebandGeneratorConfiguration()
        config.windowSamples = 1024
        let a = try WidebandGenerator(configuration: config, seed: 5)
        let e1 = a.generate(snrDB: 0, snrIndex: 2, index: 7)
        let e2 = a.generate(snrDB: 0, snrIndex: 2, index: 7)
        let e3 = a.generate(snrDB: 0, snrIndex: 2, index: 8)
        #expect(e1.samples == e2.samples && e1.signals == e2.signals)
        #expect(e1.samples != e3.samples)
    }

    @Test func quirkFlagsChangeWhatTheySay() throws {
        var config = WidebandGeneratorConfiguration()
        config.windowSamples = 1024
        config.authorsModulationNames = true
        let quirky = try WidebandGenerator(configuration: config, seed: 3)
        var swapped = 0
        for index in 0..<200 {
            var rng = quirky.exampleGenerator(snrIndex: 0, index: index)
            for signal in quirky.drawSignals(using: &rng).placed where signal.modulation == .psk8 {
                #expect(signal.recordedModulation == "8-QAM")
                swapped += 1
            }
        }
        #expect(swapped > 0)
        #expect(throws: SpectrumNetError.self) {
            var bad = WidebandGeneratorConfiguration()
            bad.bandwidthsHz = [3e6]
            _ = try WidebandGenerator(configuration: bad, seed: 1)
        }
    }

    @Test func featuresAreShiftedAndPeakNormalised() throws {
        // A tone at bin offset +5 of a 64-point FFT must land in shifted bin 32 + 5 with magnitude 1.
        let extractor = try SpectrumFeatureExtractor(fftCount: 2, bins: 64)
        let samples = (0..<128).map { n in Complex<Float>(length: 1, phase: 2 * Float.pi * 5 * Float(n) / 64) }
        var tensor = ComplexTensor<Float>(batch: 1, channels: 2, length: 64)
        try extractor.write(samples[...], into: &tensor, slot: 0)
        #expect(abs(Complex(tensor.real[37], tensor.imaginary[37]).length - 1) < 1e-5)
        #expect(abs(tensor.real[36]) < 1e-4 && abs(tensor.real[38]) < 1e-4)
        #expect(abs(extractor.binFrequencyHz(37, sampleRateHz: 20e6) - 5 * 20e6 / 64) < 1e-6)
        #expect(throws: SpectrumNetError.lengthMismatch(expected: 128, found: 100)) {
            try extractor.write(samples[0..<100], into: &tensor, slot: 0)
        }
        var withNaN = samples
        withNaN[17] = Complex(.nan, 0)
        #expect(throws: SpectrumNetError.nonFiniteSample(index: 17)) {
            try extractor.write(withNaN[...], into: &tensor, slot: 0)
        }
        #expect(throws: SpectrumNetError.allZeroWindow) {
            try extractor.write([Complex<Float>](repeating: .zero, count: 128)[...], into: &tensor, slot: 0)
        }
    }
}
