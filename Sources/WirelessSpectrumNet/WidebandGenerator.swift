import Numerics
import WirelessCore
import WirelessFFT

/// How the noise power is referenced (docs/SPECTRUM.md#synthetic-generator step 6 and quirk Q4).
public enum SNRReference: String, Sendable, Equatable, Codable {
    /// σ² = 10^{(min txP − s)/10}: full-band SNR referenced to the weakest signal (authors).
    case fullBandWeakest
    /// Per-bin SNR of the weakest signal: σ² = P_min·fs/(0.675·bw_min)/10^{s/10}.
    case inBandWeakest
}

/// Label width (quirk Q5).
public enum LabelWidth: String, Sendable, Equatable, Codable {
    /// Nominal bandwidth bw (authors).
    case nominal
    /// RRC occupied width 0.675·bw.
    case occupied
}

/// Configuration of the synthetic wideband generator (docs/SPECTRUM.md#synthetic-generator).
public struct WidebandGeneratorConfiguration: Sendable, Equatable, Codable {
    /// fs [Hz], 20 MHz.
    public var sampleRateHz: Double = 20e6
    /// W, samples per window, 16 384 (40 000 optional).
    public var windowSamples: Int = 16_384
    /// Bandwidth set [Hz]; each must divide fs.
    public var bandwidthsHz: [Double] = [100e3, 200e3, 500e3, 1e6, 2e6]
    /// Largest number of signals per example (n ~ U{1..maxSignals}).
    public var maximumSignals: Int = 10
    /// Largest transmit power [dB] (txP ~ U{0..maximumTxPowerDB}).
    public var maximumTxPowerDB: Int = 20
    /// Extra spacing between neighbouring bands [Hz], 100 kHz.
    public var guardHz: Double = 100e3
    public var snrReference: SNRReference = .fullBandWeakest
    public var labelWidth: LabelWidth = .nominal
    /// Q1: record the authors' swapped 8-PSK/8-QAM names.
    public var authorsModulationNames: Bool = false
    /// Q2: noise reference includes signals dropped by placement.
    public var noiseRefIncludesDropped: Bool = false
    /// Q3: start the window in the filter start-up instead of after a 10-symbol warm-up.
    public var keepStartTransient: Bool = false
    /// The realistic scene generator (docs/SPECTRUM.md#realistic-scenes) instead of the paper's; nil (default):
    /// the paper's generator, unchanged. When set, only `sampleRateHz` and `windowSamples` of the fields above apply.
    public var realistic: RealisticSceneConfiguration?
    /// A training mix (docs/SPECTRUM.md#training-mix): each window drawn from the paper generator (the fields
    /// above), the realistic scene generator (`realistic`, or the default mix when nil) or receiver noise alone;
    /// nil (default): one generator, unchanged.
    public var mix: TrainingMix?

    /// The `source` an evaluation table records for windows of this generator: `realistic` for the realistic
    /// scene mix, `synthetic` for the paper's generator.
    public var sourceName: String { realistic == nil ? "synthetic" : "realistic" }

    public init() {}

    /// SNR levels s ∈ {−20, −18, …, 10} dB (docs/SPECTRUM.md#synthetic-generator).
    public static let paperSNRLevelsDB: [Double] = stride(from: -20.0, through: 10.0, by: 2.0).map { $0 }

    /// - Throws: `SpectrumNetError.invalidConfiguration` for an unusable configuration.
    public func validate() throws(SpectrumNetError) {
        guard sampleRateHz > 0, windowSamples >= 16 else {
            throw SpectrumNetError.invalidConfiguration(reason: "sample rate must be > 0 and the window ≥ 16 samples")
        }
        for bw in bandwidthsHz {
            let factor = sampleRateHz / bw
            guard bw > 0, bw < sampleRateHz, factor == factor.rounded() else {
                throw SpectrumNetError.invalidConfiguration(reason: "bandwidth \(bw) Hz must divide fs")
            }
        }
        guard maximumSignals >= 1, maximumTxPowerDB >= 0, guardHz >= 0, !bandwidthsHz.isEmpty else {
            throw SpectrumNetError.invalidConfiguration(
                reason: "signal count, power range and guard must be non-negative")
        }
    }
}

/// One transmitted signal of an example.
public struct PlacedSignal: Sendable, Equatable, Codable {
    /// Centre offset from the band centre [Hz], in [−fs/2 + bw/2, fs/2 − bw/2].
    public var centerFrequencyHz: Double
    /// Nominal bandwidth bw [Hz].
    public var bandwidthHz: Double
    /// The modulation drawn (its constellation is used unless Q1 swaps it).
    public var modulation: SignalModulation
    /// The name written to the metadata (the authors' swapped name under Q1).
    public var recordedModulation: String
    /// Transmit power txP [dB] relative to unit power (realistic scenes: the received mean power while on).
    public var txPowerDB: Double
    /// The realistic generator's signal family (nil for the paper's generator).
    public var family: SignalFamily? = nil
}

/// One generated window with its ground truth.
public struct WidebandExample: Sendable {
    public var snrDB: Double
    public var snrIndex: Int
    public var index: Int
    /// W complex baseband samples at fs.
    public var samples: [Complex<Float>]
    public var signals: [PlacedSignal]
    /// Signals drawn but dropped because the placement budget ran out.
    public var droppedSignals: [PlacedSignal]
    /// Noise power σ² [linear, same unit as 10^{txP/10}].
    public var noisePower: Double
    /// Realistic scenes: the labels (a signal's band once per run of label frames in which it is on); nil for
    /// the paper's generator, whose labels are its signals' bands.
    public var labels: [SignalLabel]? = nil
    /// Realistic scenes: the receiver artefacts drawn for this window.
    public var frontEnd: ReceiverFrontEnd? = nil

    /// Occupied frequency intervals [Hz] (label edges: nominal or occupied width; realistic scenes: the labels of
    /// signals on in at least one label frame, whatever `labelWidth`).
    public func intervalsHz(labelWidth: LabelWidth) -> [(lower: Double, upper: Double)] {
        if let labels { return labels.map { ($0.lowerHz, $0.upperHz) } }
        return signals.map { signal in
            let half = (labelWidth == .nominal ? 1 : 0.675) * signal.bandwidthHz / 2
            return (signal.centerFrequencyHz - half, signal.centerFrequencyHz + half)
        }
    }
}

/// The synthetic wideband generator of docs/SPECTRUM.md#synthetic-generator (toolkit variant, with the authors' quirks
/// behind flags).
///
///     per example (seeded by (master seed, SNR index, index)):
///       n ~ U{1..10};  bw_i ~ U{bandwidth set};  txP_i ~ U{0..20} dB
///       placement: f uniform integer in [−fs/2 + bw_i/2, fs/2 − bw_i/2], accepted iff
///                  |f − f_j| ≥ (bw_i + bw_j)/2 + guard for every placed j; shared budget 10n draws
///       waveform at rate bw, interpolated by L = fs/bw (Kaiser sinc), mixed to f_i, scaled to 10^{txP/10}
///       noise: circular CN(0, σ²), σ² = 10^{(min txP − s)/10}
public struct WidebandGenerator: Sendable {
    public let configuration: WidebandGeneratorConfiguration
    /// The run's master seed.
    public let seed: UInt64
    let interpolators: [Double: KaiserSincInterpolator]
    let rrc: RootRaisedCosineFilter
    /// The realistic scene generator when `configuration.realistic` is set.
    let scene: RealisticSceneGenerator?
    /// With `configuration.mix`: the realistic and the receiver-noise-only scene generators.
    let mixScenes: (realistic: RealisticSceneGenerator, noise: RealisticSceneGenerator)?

    /// - Throws: `SpectrumNetError.invalidConfiguration`.
    public init(configuration: WidebandGeneratorConfiguration = .init(), seed: UInt64) throws(SpectrumNetError) {
        try configuration.validate()
        self.configuration = configuration
        self.seed = seed
        let fs = configuration.sampleRateHz
        let w = configuration.windowSamples
        if let mix = configuration.mix {
            try mix.validate()
            let realistic = configuration.realistic ?? RealisticSceneConfiguration()
            var noise = realistic
            noise.families = []
            self.scene = nil
            self.mixScenes = (
                try RealisticSceneGenerator(scene: realistic, sampleRateHz: fs, windowSamples: w),
                try RealisticSceneGenerator(scene: noise, sampleRateHz: fs, windowSamples: w)
            )
        } else {
            self.scene = try configuration.realistic.map { scene throws(SpectrumNetError) in
                try RealisticSceneGenerator(scene: scene, sampleRateHz: fs, windowSamples: w)
            }
            self.mixScenes = nil
        }
        var interpolators: [Double: KaiserSincInterpolator] = [:]
        for bw in configuration.bandwidthsHz {
            interpolators[bw] = KaiserSincInterpolator(
                factor: Int(configuration.sampleRateHz / bw), halfLength: 10, beta: 5)
        }
        self.interpolators = interpolators
        self.rrc = RootRaisedCosineFilter(rollOff: 0.35, spanSymbols: 10, samplesPerSymbol: 2)
    }

    /// The generator stream of example (snrIndex, index): independent of every other example.
    func exampleGenerator(snrIndex: Int, index: Int) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed, stream: UInt64(snrIndex) << 32 | UInt64(index))
    }

    /// Draws the signals of one example (counts, bandwidths, powers, placement, modulation).
    func drawSignals(using generator: inout Xoshiro256StarStar) -> (placed: [PlacedSignal], dropped: [PlacedSignal]) {
        let c = configuration
        let count = Int.random(in: 1...c.maximumSignals, using: &generator)
        let bandwidths = (0..<count).map { _ in
            c.bandwidthsHz[Int.random(in: 0..<c.bandwidthsHz.count, using: &generator)]
        }
        let powers = (0..<count).map { _ in Double(Int.random(in: 0...c.maximumTxPowerDB, using: &generator)) }
        var budget = 10 * count
        var placed: [PlacedSignal] = []
        var dropped: [PlacedSignal] = []
        for i in 0..<count {
            let bw = bandwidths[i]
            let low = Int((-c.sampleRateHz / 2 + bw / 2).rounded(.up))
            let high = Int((c.sampleRateHz / 2 - bw / 2).rounded(.down))
            var accepted: Double?
            while budget > 0 && accepted == nil {
                budget -= 1
                let f = Double(Int.random(in: low...high, using: &generator))
                if placed.allSatisfy({ abs(f - $0.centerFrequencyHz) >= (bw + $0.bandwidthHz) / 2 + c.guardHz }) {
                    accepted = f
                }
            }
            let signal = PlacedSignal(
                centerFrequencyHz: accepted ?? .nan, bandwidthHz: bw, modulation: .qpsk,
                recordedModulation: "", txPowerDB: powers[i])
            if accepted != nil { placed.append(signal) } else { dropped.append(signal) }
        }
        for k in placed.indices {
            let modulation = SignalModulation.allCases[
                Int.random(in: 0..<SignalModulation.allCases.count, using: &generator)]
            placed[k].modulation = modulation
            placed[k].recordedModulation = c.authorsModulationNames ? modulation.authorsName : modulation.rawValue
        }
        return (placed, dropped)
    }

    /// The example's components kept apart (signals at their power, and the noise), for tests.
    func components(snrDB: Double, snrIndex: Int, index: Int)
        -> (
            signals: [PlacedSignal], dropped: [PlacedSignal], waveforms: [[Complex<Double>]], noise: [Complex<Double>],
            noisePower: Double
        )
    {
        var generator = exampleGenerator(snrIndex: snrIndex, index: index)
        let (placed, dropped) = drawSignals(using: &generator)
        let c = configuration
        let w = c.windowSamples
        let signalSeeds = placed.map { _ in generator.next() }
        let noiseSeed = generator.next()
        var waveforms: [[Complex<Double>]] = []
        for (k, signal) in placed.enumerated() {
            var signalGenerator = Xoshiro256StarStar(seed: signalSeeds[k], stream: UInt64(k))
            let factor = Int(c.sampleRateHz / signal.bandwidthHz)
            let interpolator = interpolators[signal.bandwidthHz]!
            // Base samples at rate bw: the window needs W/L, plus the interpolator's ±10 samples.
            let warmUp = c.keepStartTransient ? 0 : 20 + 20  // 10 symbols + RRC span, at 2 samples/symbol
            let baseCount = w / factor + 2 * interpolator.halfLength + 2
            let mapper: SignalModulation
            if c.authorsModulationNames && signal.modulation == .psk8 {
                mapper = .qam8
            } else if c.authorsModulationNames && signal.modulation == .qam8 {
                mapper = .psk8
            } else {
                mapper = signal.modulation
            }
            let base = signal.modulation.baseband(
                count: baseCount, skip: warmUp, bandwidthHz: signal.bandwidthHz, mapper: mapper, rrc: rrc,
                using: &signalGenerator)
            // Output index 0 of the window sits at base time halfLength (past the interpolator edge),
            // unless the start transient is kept.
            let start = c.keepStartTransient ? 0 : interpolator.halfLength * factor
            var waveform = interpolator.interpolate(base, outputStart: start, outputCount: w)
            let power = Self.mix(&waveform, normalizedFrequency: signal.centerFrequencyHz / c.sampleRateHz)
            let scale = (Decibels.toPower(signal.txPowerDB) / max(power, .leastNormalMagnitude)).squareRoot()
            for n in 0..<w { waveform[n] = waveform[n].multiplied(by: scale) }
            waveforms.append(waveform)
        }
        let (noise, noisePower) = self.noise(placed: placed, dropped: dropped, snrDB: snrDB, seed: noiseSeed)
        return (placed, dropped, waveforms, noise, noisePower)
    }

    /// Samples between exactly evaluated carrier phasors in `mix`.
    static let mixerBlock = 64

    /// Multiplies `waveform` in place by the carrier e^{i·2π·ν·n} and returns the mean power of the result.
    ///
    /// The carrier at n = a + j (a a multiple of `mixerBlock`, 0 ≤ j < 64) is the product of two
    /// phasors evaluated directly, e^{iωa}·e^{iωj}: 2·W/64 + 128 sin/cos calls per signal instead of
    /// 2·W. Its error, dominated by the rounding of the argument ω·a (≤ π·W·2⁻⁵³ ≈ 6e-12 rad at
    /// W = 16 384), is that of evaluating e^{iωn} directly.
    static func mix(_ waveform: inout [Complex<Double>], normalizedFrequency: Double) -> Double {
        let omega = 2 * Double.pi * normalizedFrequency
        let block = mixerBlock
        var stepReal = [Double](repeating: 0, count: block)
        var stepImaginary = [Double](repeating: 0, count: block)
        for j in 0..<block {
            stepReal[j] = Double.cos(omega * Double(j))
            stepImaginary[j] = Double.sin(omega * Double(j))
        }
        var power = 0.0
        let count = waveform.count
        waveform.withUnsafeMutableBufferPointer { x in
            for anchor in stride(from: 0, to: count, by: block) {
                let ar = Double.cos(omega * Double(anchor))
                let ai = Double.sin(omega * Double(anchor))
                for j in 0..<min(block, count - anchor) {
                    let cr = ar * stepReal[j] - ai * stepImaginary[j]
                    let ci = ar * stepImaginary[j] + ai * stepReal[j]
                    let v = x[anchor + j]
                    let yr = v.real * cr - v.imaginary * ci
                    let yi = v.real * ci + v.imaginary * cr
                    x[anchor + j] = Complex(yr, yi)
                    power += yr * yr + yi * yi
                }
            }
        }
        return power / Double(max(count, 1))
    }

    /// The noise power σ² for the placed (and dropped) signals at SNR `snrDB` (docs/SPECTRUM.md#synthetic-generator
    /// step 6, Q2, Q4).
    public func noisePower(placed: [PlacedSignal], dropped: [PlacedSignal], snrDB: Double) -> Double {
        let c = configuration
        let reference = c.noiseRefIncludesDropped ? placed + dropped : placed
        let weakest = reference.min { $0.txPowerDB < $1.txPowerDB }
        switch c.snrReference {
        case .fullBandWeakest:
            return Decibels.toPower((weakest?.txPowerDB ?? 0) - snrDB)
        case .inBandWeakest:
            let bw = weakest?.bandwidthHz ?? c.sampleRateHz
            return Decibels.toPower((weakest?.txPowerDB ?? 0) - snrDB) * c.sampleRateHz / (0.675 * bw)
        }
    }

    /// The noise of one example: W samples of circular CN(0, σ²).
    func noise(placed: [PlacedSignal], dropped: [PlacedSignal], snrDB: Double, seed noiseSeed: UInt64)
        -> ([Complex<Double>], Double)
    {
        let power = noisePower(placed: placed, dropped: dropped, snrDB: snrDB)
        var noiseGenerator = Xoshiro256StarStar(seed: noiseSeed, stream: 1 << 40)
        // σ² > 0 and finite by construction (10^{x/10} of a finite x), so the sampler cannot reject it.
        let distribution = try! ComplexNormalDistribution(variance: power)
        return ((0..<configuration.windowSamples).map { _ in distribution.sample(using: &noiseGenerator) }, power)
    }

    /// Only the noise of example (snrIndex, index) (draws the signals, skips their waveforms).
    func noiseOnly(snrDB: Double, snrIndex: Int, index: Int) -> (noise: [Complex<Double>], power: Double) {
        var generator = exampleGenerator(snrIndex: snrIndex, index: index)
        let (placed, dropped) = drawSignals(using: &generator)
        for _ in placed { _ = generator.next() }
        let (noise, power) = self.noise(placed: placed, dropped: dropped, snrDB: snrDB, seed: generator.next())
        return (noise, power)
    }

    /// Generates example `index` of SNR level `snrIndex` at `snrDB`.
    ///
    /// - Parameters:
    ///   - snrDB: s [dB].
    ///   - snrIndex: index of the SNR level (seeds the example), ≥ 0.
    ///   - index: example index within the level, ≥ 0.
    public func generate(snrDB: Double, snrIndex: Int, index: Int) -> WidebandExample {
        if let mixScenes, let draw = mixDraw(snrIndex: snrIndex, index: index) {
            var generator = exampleGenerator(snrIndex: snrIndex, index: index)
            switch draw.source {
            case .paper:
                // The paper's own level and seed stream: the window of its split at that level.
                let level = draw.paperLevel
                return paperExample(
                    snrDB: WidebandGeneratorConfiguration.paperSNRLevelsDB[level], snrIndex: level, index: index)
            case .realistic:
                return mixScenes.realistic.generate(snrDB: snrDB, snrIndex: snrIndex, index: index, using: &generator)
            case .noise:
                return mixScenes.noise.generate(snrDB: snrDB, snrIndex: snrIndex, index: index, using: &generator)
            }
        }
        if let scene {
            var generator = exampleGenerator(snrIndex: snrIndex, index: index)
            return scene.generate(snrDB: snrDB, snrIndex: snrIndex, index: index, using: &generator)
        }
        return paperExample(snrDB: snrDB, snrIndex: snrIndex, index: index)
    }

    /// The paper generator's example (snrIndex, index) at `snrDB`.
    func paperExample(snrDB: Double, snrIndex: Int, index: Int) -> WidebandExample {
        let parts = components(snrDB: snrDB, snrIndex: snrIndex, index: index)
        // Per sample: noise + waveform 0 + waveform 1 + …, in that order, then rounded to Float.
        var total = parts.noise
        total.withUnsafeMutableBufferPointer { sum in
            for waveform in parts.waveforms {
                waveform.withUnsafeBufferPointer { w in
                    for n in 0..<sum.count { sum[n] += w[n] }
                }
            }
        }
        let samples = total.map { Complex(Float($0.real), Float($0.imaginary)) }
        return WidebandExample(
            snrDB: snrDB, snrIndex: snrIndex, index: index, samples: samples,
            signals: parts.signals, droppedSignals: parts.dropped, noisePower: parts.noisePower)
    }
}
