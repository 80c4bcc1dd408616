/// An OFDM numerology of the realistic scene generator (docs/SPECTRUM.md#realistic-scenes): subcarrier
/// spacing, cyclic prefix and the used subcarriers (the rest are guard bands; `nulls` are unused subcarriers
/// inside the band, e.g. the DC null).
///
/// At fs the useful symbol is `fftSize(sampleRateHz:)` = round(fs/Δf) samples, so the spacing realised is
/// fs/round(fs/Δf) (15.004 kHz for LTE at 20 MS/s: "LTE-like"), and the prefix round(T_CP·fs) samples.
public struct OFDMNumerology: Sendable, Equatable, Codable {
    /// Short name (written as the signal's label), e.g. "LTE-5".
    public var name: String
    /// Nominal subcarrier spacing Δf [Hz].
    public var spacingHz: Double
    /// Cyclic prefix duration [s].
    public var cyclicPrefixSeconds: Double
    /// Lowest and highest used subcarrier index (0 = the carrier's centre).
    public var lowest: Int
    public var highest: Int
    /// Unused subcarrier indices between `lowest` and `highest` (DC null).
    public var nulls: [Int]

    public init(
        name: String, spacingHz: Double, cyclicPrefixSeconds: Double, lowest: Int, highest: Int, nulls: [Int]
    ) {
        self.name = name
        self.spacingHz = spacingHz
        self.cyclicPrefixSeconds = cyclicPrefixSeconds
        self.lowest = lowest
        self.highest = highest
        self.nulls = nulls
    }

    /// Samples of the useful symbol at `sampleRateHz`.
    public func fftSize(sampleRateHz: Double) -> Int { Int((sampleRateHz / spacingHz).rounded()) }

    /// Samples of the cyclic prefix at `sampleRateHz`.
    public func cyclicPrefix(sampleRateHz: Double) -> Int { Int((cyclicPrefixSeconds * sampleRateHz).rounded()) }

    /// The realised spacing fs/fftSize [Hz].
    public func realisedSpacingHz(sampleRateHz: Double) -> Double {
        sampleRateHz / Double(fftSize(sampleRateHz: sampleRateHz))
    }

    /// The label's edges relative to the carrier [Hz]: (lowest − ½)·Δf … (highest + ½)·Δf — the used
    /// subcarriers including the DC null, not the guard bands.
    public func occupiedEdgesHz(sampleRateHz: Double) -> (lower: Double, upper: Double) {
        let df = realisedSpacingHz(sampleRateHz: sampleRateHz)
        return ((Double(lowest) - 0.5) * df, (Double(highest) + 0.5) * df)
    }

    /// LTE (15 kHz, normal CP 4.69 µs, DC null; 1.4–15 MHz channels and one extended-CP 5 MHz), NR (30 kHz,
    /// CP 2.34 µs, no DC null; 5, 10 and 20 MHz) and Wi-Fi (64-point 312.5 kHz legacy and 256-point
    /// 78.125 kHz 802.11ax 20 MHz channels with their DC nulls, CP 0.8/1.6 µs).
    public static let catalogue: [OFDMNumerology] = [
        .init(name: "LTE-1.4", spacingHz: 15e3, cyclicPrefixSeconds: 4.6875e-6, lowest: -36, highest: 36, nulls: [0]),
        .init(name: "LTE-3", spacingHz: 15e3, cyclicPrefixSeconds: 4.6875e-6, lowest: -90, highest: 90, nulls: [0]),
        .init(name: "LTE-5", spacingHz: 15e3, cyclicPrefixSeconds: 4.6875e-6, lowest: -150, highest: 150, nulls: [0]),
        .init(
            name: "LTE-5-ext", spacingHz: 15e3, cyclicPrefixSeconds: 16.667e-6, lowest: -150, highest: 150, nulls: [0]),
        .init(name: "LTE-10", spacingHz: 15e3, cyclicPrefixSeconds: 4.6875e-6, lowest: -300, highest: 300, nulls: [0]),
        .init(name: "LTE-15", spacingHz: 15e3, cyclicPrefixSeconds: 4.6875e-6, lowest: -450, highest: 450, nulls: [0]),
        .init(name: "NR-5", spacingHz: 30e3, cyclicPrefixSeconds: 2.344e-6, lowest: -66, highest: 65, nulls: []),
        .init(name: "NR-10", spacingHz: 30e3, cyclicPrefixSeconds: 2.344e-6, lowest: -144, highest: 143, nulls: []),
        .init(name: "NR-20", spacingHz: 30e3, cyclicPrefixSeconds: 2.344e-6, lowest: -306, highest: 305, nulls: []),
        .init(name: "WiFi-20", spacingHz: 312.5e3, cyclicPrefixSeconds: 0.8e-6, lowest: -26, highest: 26, nulls: [0]),
        .init(
            name: "WiFi-20-ax", spacingHz: 78.125e3, cyclicPrefixSeconds: 1.6e-6, lowest: -122, highest: 122,
            nulls: [-1, 0, 1]),
    ]
}
