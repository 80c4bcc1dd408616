import Numerics
import WirelessCore
import WirelessFFT

/// One occupied band of a realistic example: a signal's label band and a run of label frames in which it is on.
public struct SignalLabel: Sendable, Equatable, Codable {
    /// Index of the signal in `WidebandExample.signals`.
    public var signal: Int
    /// Label edges, offsets from the band centre [Hz].
    public var lowerHz: Double
    public var upperHz: Double
    /// The samples of the window it covers (whole label frames; the whole window for a continuous signal).
    public var sampleStart: Int
    public var sampleCount: Int
}

/// The realistic scene generator (docs/SPECTRUM.md#realistic-scenes): `WidebandGenerator` uses it when
/// `configuration.realistic` is set. Each example is seeded by (master seed, SNR index, example index), as
/// the paper's generator.
///
///     n ~ U{1…maximumSignals} (0 without families); family uniform over `families`
///     label band per family (offsets from the carrier):
///       ofdm            (lowest − ½)·Δf … (highest + ½)·Δf       used subcarriers with the DC null, no guard bands
///                       (symbols windowed and overlapped over half the cyclic prefix, WOLA)
///       single-carrier  ±R_s: the paper's nominal bandwidth 2·R_s ⊇ the RRC support (1 + β)·R_s (β ~ U(0.2, 0.5),
///                       R_s log-uniform 4 kHz … 0.45·fs)
///       cw              ±1.5 label-frame bins (3 bins wide: 58.6 kHz at N = 1024, fs = 20 MS/s)
///       fm              ±(Δ + f_m) (Carson): narrowband Δ ~ U(1.5, 5) kHz, f_m ~ U(2.5, 3.5) kHz, or broadcast
///                       Δ ~ U(40, 75) kHz, f_m ~ U(10, 15) kHz
///       am              ±f_m, f_m ~ U(3, 8) kHz (the highest message frequency), index U(0.3, 0.9)
///     placement: centre uniform with the whole label band inside ±fs/2, labels ≥ 2 label-frame bins apart
///                (budget 10n draws; unplaced signals are dropped)
///     power: in-band SNR s + U{0…powerSpreadDB} dB over the label band (CW: one label-frame bin)
///     noise σ² = 10^{U(−10, 10)/10}; receiver artefacts: `ReceiverFrontEnd` (drawn per example)
struct RealisticSceneGenerator: Sendable {
    let scene: RealisticSceneConfiguration
    let sampleRateHz: Double
    let windowSamples: Int
    let forward: ComplexFFTPlan<Double>
    let inverse: ComplexFFTPlan<Double>
    /// The numerologies whose band fits in 0.95·fs, with their IFFT plans.
    let numerologies: [(numerology: OFDMNumerology, plan: ComplexFFTPlan<Double>)]

    init(scene: RealisticSceneConfiguration, sampleRateHz fs: Double, windowSamples w: Int) throws(SpectrumNetError) {
        try scene.validate(windowSamples: w)
        self.scene = scene
        self.sampleRateHz = fs
        self.windowSamples = w
        do {
            forward = try ComplexFFTPlan<Double>(count: w)
            inverse = try ComplexFFTPlan<Double>(count: w, direction: .inverse, normalization: .byLength)
            numerologies = try OFDMNumerology.catalogue.compactMap { numerology throws(FFTError) in
                let edges = numerology.occupiedEdgesHz(sampleRateHz: fs)
                let n = numerology.fftSize(sampleRateHz: fs)
                guard edges.upper - edges.lower <= 0.95 * fs, n > numerology.highest - numerology.lowest + 1 else {
                    return nil
                }
                return (numerology, try ComplexFFTPlan<Double>(count: n, direction: .inverse, normalization: .unitary))
            }
        } catch {
            throw SpectrumNetError.invalidConfiguration(reason: "realistic generator FFT plans: \(error)")
        }
    }

    /// The WOLA taper of an OFDM numerology's symbols: half its cyclic prefix [samples].
    static func ofdmTaper(_ numerology: OFDMNumerology, sampleRateHz fs: Double) -> Int {
        numerology.cyclicPrefix(sampleRateHz: fs) / 2
    }

    /// Half the label band of a single-carrier signal at symbol rate R_s [Hz]: R_s, so the label is the
    /// paper generator's nominal bandwidth bw = 2·R_s (its RRC runs at 2 samples per symbol at rate bw), which
    /// holds the whole raised-cosine support (1 + β)·R_s for every β ≤ 1.
    static func singleCarrierLabelHalfWidth(symbolRateHz rate: Double) -> Double { rate }

    /// The highest single-carrier symbol rate [Hz]: 0.45·fs, so the 2·R_s label fits in 0.9·fs.
    static func highestSymbolRate(sampleRateHz fs: Double) -> Double { 0.45 * fs }

    /// The label-frame bin width fs/N [Hz].
    var frameBinHz: Double { sampleRateHz / Double(scene.labelFrameSamples) }

    /// What one signal is before placement: its family, label edges relative to its carrier and how to make it.
    struct Draft {
        var family: SignalFamily
        var name: String
        var modulation: SignalModulation
        var lower: Double
        var upper: Double
        var synthesis: Synthesis
        var snrDB: Double
    }

    enum Synthesis {
        case ofdm(Int, [Complex<Double>])
        case singleCarrier(rate: Double, rollOff: Double, [Complex<Double>])
        case cw
        case fm(deviation: Double, message: Double)
        case am(index: Double, message: Double)
    }

    func draft(_ family: SignalFamily, snrDB: Double, using g: inout Xoshiro256StarStar) -> Draft {
        let fs = sampleRateHz
        let linear: [SignalModulation] = [.qpsk, .bpsk, .psk8, .qam8, .qam16]
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * g.nextUnitDouble() }
        switch family {
        case .ofdm:
            let k = Int.random(in: 0..<numerologies.count, using: &g)
            let modulation: SignalModulation = g.next() & 1 == 0 ? .qpsk : .qam16
            let edges = numerologies[k].numerology.occupiedEdgesHz(sampleRateHz: fs)
            return Draft(
                family: family, name: "OFDM \(numerologies[k].numerology.name)", modulation: modulation,
                lower: edges.lower, upper: edges.upper, synthesis: .ofdm(k, modulation.constellation), snrDB: snrDB)
        case .singleCarrier:
            let beta = uniform(0.2, 0.5)
            let highest = Self.highestSymbolRate(sampleRateHz: fs)
            let rate = 4e3 * Double.pow(highest / 4e3, g.nextUnitDouble())
            let modulation = linear[Int.random(in: 0..<linear.count, using: &g)]
            // The paper's label rule: the nominal bandwidth 2·R_s (docs/SPECTRUM.md#realistic-scenes).
            let half = Self.singleCarrierLabelHalfWidth(symbolRateHz: rate)
            return Draft(
                family: family, name: modulation.rawValue, modulation: modulation, lower: -half, upper: half,
                synthesis: .singleCarrier(rate: rate, rollOff: beta, modulation.constellation), snrDB: snrDB)
        case .cw:
            return Draft(
                family: family, name: "CW", modulation: .bpsk, lower: -1.5 * frameBinHz, upper: 1.5 * frameBinHz,
                synthesis: .cw, snrDB: snrDB)
        case .fm:
            let broadcast = g.next() & 1 == 0
            let deviation = broadcast ? uniform(40e3, 75e3) : uniform(1.5e3, 5e3)
            let message = broadcast ? uniform(10e3, 15e3) : uniform(2.5e3, 3.5e3)
            return Draft(
                family: family, name: broadcast ? "FM broadcast" : "FM narrowband", modulation: .fsk2,
                lower: -(deviation + message), upper: deviation + message,
                synthesis: .fm(deviation: deviation, message: message), snrDB: snrDB)
        case .am:
            let message = uniform(3e3, 8e3)
            return Draft(
                family: family, name: "AM", modulation: .bpsk, lower: -message, upper: message,
                synthesis: .am(index: uniform(0.3, 0.9), message: message), snrDB: snrDB)
        }
    }

    /// The unit-power baseband waveform of `draft` (`count` samples).
    func waveform(_ draft: Draft, count: Int, using g: inout Xoshiro256StarStar) -> [Complex<Double>] {
        let fs = sampleRateHz
        switch draft.synthesis {
        case .ofdm(let k, let constellation):
            return SceneWaveforms.ofdm(
                numerologies[k].numerology, sampleRateHz: fs, count: count, constellation: constellation,
                plan: numerologies[k].plan, taper: Self.ofdmTaper(numerologies[k].numerology, sampleRateHz: fs),
                using: &g)
        case .singleCarrier(let rate, let beta, let constellation):
            return SceneWaveforms.singleCarrier(
                symbolRateHz: rate, rollOff: beta, constellation: constellation, sampleRateHz: fs, count: count,
                using: &g)
        case .cw:
            return SceneWaveforms.cw(count: count, using: &g)
        case .fm(let deviation, let message):
            return SceneWaveforms.fm(
                deviationHz: deviation, messageHz: message, sampleRateHz: fs, count: count, using: &g)
        case .am(let index, let message):
            return SceneWaveforms.am(index: index, messageHz: message, sampleRateHz: fs, count: count, using: &g)
        }
    }

    /// The receiver artefacts of one example (σ² the white noise power).
    func frontEnd(noisePower: Double, using g: inout Xoshiro256StarStar) -> ReceiverFrontEnd {
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * g.nextUnitDouble() }
        var f = ReceiverFrontEnd()
        if scene.has(.colouredNoise) {
            f.noiseTiltDB = uniform(-2, 2)
            f.noiseRippleDB = uniform(0, 1)
            f.noiseRippleCycles = uniform(0.5, 3)
            f.noiseRipplePhase = uniform(0, 2 * Double.pi)
        }
        if scene.has(.rollOff) {
            f.rollOffFraction = uniform(0.03, 0.15)
            f.rollOffAttenuationDB = uniform(10, 40)
        }
        if scene.has(.iqImbalance) {
            f.iqGainDB = uniform(-1, 1)
            f.iqPhaseRadians = uniform(-5, 5) * Double.pi / 180
        }
        if scene.has(.dcOffset) {
            // 3…30 dB above the noise in one label-frame bin.
            let power = noisePower * Decibels.toPower(uniform(3, 30)) / Double(scene.labelFrameSamples)
            f.dcOffset = Complex(length: power.squareRoot(), phase: uniform(0, 2 * Double.pi))
        }
        if scene.has(.ci16) { f.ci16HeadroomDB = uniform(6, 40) }
        return f
    }

    func generate(snrDB: Double, snrIndex: Int, index: Int, using g: inout Xoshiro256StarStar) -> WidebandExample {
        let fs = sampleRateHz
        let w = windowSamples
        let c = scene
        let noisePower = Decibels.toPower(-10 + 20 * g.nextUnitDouble())
        let count = c.families.isEmpty ? 0 : Int.random(in: 1...c.maximumSignals, using: &g)
        var drafts: [Draft] = []
        for _ in 0..<count {
            let family = c.families[Int.random(in: 0..<c.families.count, using: &g)]
            let snr = snrDB + Double(Int.random(in: 0...c.powerSpreadDB, using: &g))
            drafts.append(draft(family, snrDB: snr, using: &g))
        }
        // Placement: the whole label band inside ±fs/2, labels ≥ 2 label-frame bins apart.
        let guardHz = 2 * frameBinHz
        var budget = 10 * count
        var placed: [(draft: Draft, centre: Double)] = []
        var dropped: [PlacedSignal] = []
        for d in drafts {
            let low = -fs / 2 - d.lower
            let high = fs / 2 - d.upper
            var accepted: Double?
            while budget > 0, accepted == nil, low <= high {
                budget -= 1
                let f = (low + (high - low) * g.nextUnitDouble()).rounded()
                if placed.allSatisfy({
                    f + d.lower >= $0.centre + $0.draft.upper + guardHz
                        || f + d.upper <= $0.centre + $0.draft.lower - guardHz
                }) {
                    accepted = f
                }
            }
            if let f = accepted {
                placed.append((d, f))
            } else {
                dropped.append(
                    PlacedSignal(
                        centerFrequencyHz: .nan, bandwidthHz: d.upper - d.lower, modulation: d.modulation,
                        recordedModulation: d.name, txPowerDB: .nan, family: d.family))
            }
        }
        let gatedKinds = [SceneEffect.bursty, .tdd].filter { c.has($0) }
        let fading = c.has(.multipath) || c.has(.doppler)
        var signals: [PlacedSignal] = []
        var labels: [SignalLabel] = []
        var sum = [Complex<Double>](repeating: .zero, count: w)
        for (k, item) in placed.enumerated() {
            var name = item.draft.name
            var gate: TransmissionGate?
            if !gatedKinds.isEmpty, g.nextUnitDouble() < c.gatedProbability {
                let kind = gatedKinds[Int.random(in: 0..<gatedKinds.count, using: &g)]
                gate = kind == .bursty ? .bursty(count: w, using: &g) : .tdd(count: w, using: &g)
                name += kind == .bursty ? " bursty" : " TDD"
            }
            var channel: MultipathChannel?
            if fading, g.nextUnitDouble() < c.multipathProbability {
                channel = .random(
                    taps: c.has(.multipath) ? Int.random(in: 2...6, using: &g) : 1,
                    maximumDopplerHz: c.has(.doppler) ? c.maximumDopplerHz : 0, sampleRateHz: fs, using: &g)
                name += c.has(.multipath) ? " multipath" : " fading"
            }
            var signalGenerator = Xoshiro256StarStar(seed: g.next(), stream: UInt64(k))
            let pre = channel == nil ? 0 : MultipathChannel.maximumDelay
            var x = waveform(item.draft, count: w + pre, using: &signalGenerator)
            _ = WidebandGenerator.mix(&x, normalizedFrequency: item.centre / fs)
            if let channel { x = channel.apply(x, count: w, sampleRateHz: fs) }
            let bandwidth = max(item.draft.upper - item.draft.lower, frameBinHz)
            let referenceBandwidth = item.draft.family == .cw ? frameBinHz : bandwidth
            let power = noisePower * Decibels.toPower(item.draft.snrDB) * referenceBandwidth / fs
            let amplitude = power.squareRoot()
            let gains = gate?.gains
            for n in 0..<w { sum[n] += x[n].multiplied(by: amplitude * (gains?[n] ?? 1)) }
            let runs = gate?.onFrameRuns(frameSamples: c.labelFrameSamples) ?? [0..<w]
            for run in runs {
                labels.append(
                    SignalLabel(
                        signal: k, lowerHz: item.centre + item.draft.lower, upperHz: item.centre + item.draft.upper,
                        sampleStart: run.lowerBound, sampleCount: run.count))
            }
            signals.append(
                PlacedSignal(
                    centerFrequencyHz: item.centre + (item.draft.lower + item.draft.upper) / 2,
                    bandwidthHz: item.draft.upper - item.draft.lower, modulation: item.draft.modulation,
                    recordedModulation: name, txPowerDB: Decibels.fromPower(power), family: item.draft.family))
        }
        let frontEnd = frontEnd(noisePower: noisePower, using: &g)
        var noiseGenerator = Xoshiro256StarStar(seed: g.next(), stream: 1 << 40)
        let distribution = try! ComplexNormalDistribution(variance: noisePower)
        let noise = (0..<w).map { _ in distribution.sample(using: &noiseGenerator) }
        let (samples, scale) = frontEnd.apply(
            signals: sum, noise: noise, sampleRateHz: fs, forward: forward, inverse: inverse)
        for k in signals.indices { signals[k].txPowerDB += Decibels.fromPower(scale) }
        var example = WidebandExample(
            snrDB: snrDB, snrIndex: snrIndex, index: index,
            samples: samples.map { Complex(Float($0.real), Float($0.imaginary)) }, signals: signals,
            droppedSignals: dropped, noisePower: noisePower * scale)
        example.labels = labels
        example.frontEnd = frontEnd
        return example
    }
}
