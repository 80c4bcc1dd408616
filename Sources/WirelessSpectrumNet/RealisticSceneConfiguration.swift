/// The signal families of the realistic scene generator (docs/SPECTRUM.md#realistic-scenes).
public enum SignalFamily: String, Sendable, Equatable, Codable, CaseIterable {
    /// OFDM with cyclic prefix, guard bands and (where the numerology has one) a DC null: LTE-, NR- and
    /// Wi-Fi-like numerologies (`OFDMNumerology.catalogue`).
    case ofdm
    /// RRC-shaped PSK/QAM at any symbol rate (4 kHz … 0.45·fs), roll-off 0.2–0.5; labelled 2·R_s wide, as the
    /// paper generator labels its RRC signals (docs/SPECTRUM.md#realistic-scenes).
    case singleCarrier = "single-carrier"
    /// An unmodulated carrier.
    case cw
    /// Analog FM (narrowband voice or broadcast-like).
    case fm
    /// Analog double-sideband AM with carrier.
    case am
}

/// Time behaviour, channel and receiver effects of the realistic scene generator
/// (docs/SPECTRUM.md#realistic-scenes).
public enum SceneEffect: String, Sendable, Equatable, Codable, CaseIterable {
    /// Some signals switch on and off at random times within the window.
    case bursty
    /// Some signals switch on and off periodically (time-division duplex frames).
    case tdd
    /// Frequency-selective multipath (tapped delay line with Rayleigh taps).
    case multipath
    /// Doppler on the multipath taps (time-varying fading).
    case doppler
    /// Anti-alias filter roll-off near ±fs/2 (signals and noise alike).
    case rollOff = "roll-off"
    /// DC offset / LO leakage: a tone at 0 Hz.
    case dcOffset = "dc-offset"
    /// IQ gain and phase imbalance: a mirror image of every signal at −f.
    case iqImbalance = "iq-imbalance"
    /// A coloured (tilted, rippled) noise floor.
    case colouredNoise = "coloured-noise"
    /// ci16 quantisation with clipping at full scale (headroom varied).
    case ci16
}

/// Configuration of the realistic scene generator (docs/SPECTRUM.md#realistic-scenes). Set
/// `WidebandGeneratorConfiguration.realistic` to use it; `nil` there keeps the paper's generator.
///
///     var scene = RealisticSceneConfiguration()          // the "realistic" mix: every family and effect
///     scene.families = [.ofdm]; scene.effects = []       // one condition at a time
///     var config = WidebandGeneratorConfiguration(); config.realistic = scene
///     let example = try WidebandGenerator(configuration: config, seed: 1).generate(snrDB: 10, snrIndex: 0, index: 0)
///
/// The SNR level s of an example is the **in-band** SNR of its weakest signal: its mean power over the noise
/// power in its label band (CW: one label frame bin, fs/`labelFrameSamples`); each other signal sits
/// U{0…`powerSpreadDB`} dB higher.
public struct RealisticSceneConfiguration: Sendable, Equatable, Codable {
    /// The families signals are drawn from (uniformly); empty: receiver noise (and artefacts) only.
    public var families: [SignalFamily] = SignalFamily.allCases
    /// The effects applied (each with its own probability or range below).
    public var effects: [SceneEffect] = SceneEffect.allCases
    /// Largest number of signals per window, 1…16 (n ~ U{1…maximumSignals}).
    public var maximumSignals: Int = 6
    /// Spread of the signals' in-band SNRs above the level [dB], 0…40.
    public var powerSpreadDB: Int = 20
    /// Probability that a signal is gated (bursty or TDD, whichever effects are on), 0…1.
    public var gatedProbability: Double = 0.3
    /// Probability that a signal goes through a multipath channel, 0…1.
    public var multipathProbability: Double = 0.5
    /// Largest maximum Doppler shift f_D [Hz], 0…5 000 (f_D ~ U(0, this) per signal).
    public var maximumDopplerHz: Double = 500
    /// Samples of one label frame (the net's FFT length N): a gated signal is labelled in a window iff it
    /// is on for at least half of one of its frames, ≥ 16, dividing the window.
    public var labelFrameSamples: Int = 1024

    public init() {}

    /// Receiver noise alone with the artefacts that show without any signal (roll-off, DC offset, coloured floor):
    /// the false-occupancy condition.
    public static var receiverNoiseOnly: RealisticSceneConfiguration {
        var c = RealisticSceneConfiguration()
        c.families = []
        c.effects = [.rollOff, .dcOffset, .colouredNoise]
        return c
    }

    /// Whether `effect` is on.
    public func has(_ effect: SceneEffect) -> Bool { effects.contains(effect) }

    /// - Throws: `SpectrumNetError.invalidConfiguration` naming the field out of its range.
    public func validate(windowSamples: Int) throws(SpectrumNetError) {
        func check(_ ok: Bool, _ reason: String) throws(SpectrumNetError) {
            if !ok { throw SpectrumNetError.invalidConfiguration(reason: reason) }
        }
        try check((1...16).contains(maximumSignals), "realistic maximumSignals \(maximumSignals) must be in 1…16")
        try check((0...40).contains(powerSpreadDB), "realistic powerSpreadDB \(powerSpreadDB) must be in 0…40")
        try check((0...1).contains(gatedProbability), "realistic gatedProbability must be in 0…1")
        try check((0...1).contains(multipathProbability), "realistic multipathProbability must be in 0…1")
        try check((0...5000).contains(maximumDopplerHz), "realistic maximumDopplerHz must be in 0…5000 Hz")
        try check(
            labelFrameSamples >= 16 && windowSamples % labelFrameSamples == 0,
            "realistic labelFrameSamples \(labelFrameSamples) must be ≥ 16 and divide the window (\(windowSamples))")
    }
}
