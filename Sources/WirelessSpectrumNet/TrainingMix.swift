import Foundation
import WirelessCore

/// A mix of window sources for training (docs/SPECTRUM.md#training-mix): each window is drawn, independently
/// and seeded by (master seed, SNR index, example index), from the paper's generator, the realistic scene
/// generator or receiver noise alone, with these probabilities.
///
///     u ~ U(0, 1) from the window's mix stream:  u < paper → paper;  u < paper + realistic → realistic;  else noise
///     paper       the paper generator's window at an SNR drawn uniformly from its 16 levels −20…10 dB (full-band,
///                 weakest signal), example index as given: the window of the paper's training split at that level
///     realistic   the realistic scene generator's window at the run's level (in-band SNR)
///     noise       receiver noise with the realistic configuration's artefacts and no signal (all bins free)
///
/// Set `WidebandGeneratorConfiguration.mix`; CLI `--mix paper:0.4,realistic:0.45,noise:0.15`.
public struct TrainingMix: Sendable, Equatable, Codable {
    /// Fractions of paper-generator, realistic and receiver-noise-only windows, each in 0…1, summing to 1
    /// (within 1e-9).
    public var paper: Double
    public var realistic: Double
    public var noise: Double

    /// Where one window comes from.
    public enum Source: String, Sendable, Equatable, CaseIterable {
        case paper, realistic, noise
    }

    public init(paper: Double, realistic: Double, noise: Double) {
        self.paper = paper
        self.realistic = realistic
        self.noise = noise
    }

    /// The recommended mix: 40 % paper, 45 % realistic, 15 % receiver noise alone.
    public static let standard = TrainingMix(paper: 0.4, realistic: 0.45, noise: 0.15)

    /// The fraction of `source`.
    public func fraction(_ source: Source) -> Double {
        switch source {
        case .paper: paper
        case .realistic: realistic
        case .noise: noise
        }
    }

    /// The source of a window whose mix draw is u ∈ [0, 1).
    public func source(u: Double) -> Source {
        if u < paper { return .paper }
        if u < paper + realistic { return .realistic }
        return noise > 0 ? .noise : (realistic > 0 ? .realistic : .paper)
    }

    /// The mix as the CLI writes it: `paper:0.4,realistic:0.45,noise:0.15`.
    public var text: String {
        Source.allCases.map { "\($0.rawValue):\(fraction($0))" }.joined(separator: ",")
    }

    /// - Throws: `SpectrumNetError.invalidConfiguration` for a fraction outside 0…1 or fractions not summing to 1.
    public func validate() throws(SpectrumNetError) {
        for source in Source.allCases {
            let f = fraction(source)
            guard f.isFinite, (0...1).contains(f) else {
                throw .invalidConfiguration(reason: "mix fraction \(source.rawValue) = \(f) must be in 0…1")
            }
        }
        let sum = paper + realistic + noise
        guard abs(sum - 1) <= 1e-9 else {
            throw .invalidConfiguration(reason: "mix fractions sum to \(sum); they must sum to 1")
        }
    }

    /// Parses `paper:0.4,realistic:0.45,noise:0.15` (sources in any order; an omitted source is 0).
    ///
    /// - Throws: `SpectrumNetError.invalidConfiguration` naming the item that is not `source:fraction` with a
    ///   known source and a number, a source given twice, or fractions that `validate()` rejects.
    public init(parsing text: String) throws(SpectrumNetError) {
        var fractions: [Source: Double] = [:]
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            let name = parts.first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            guard parts.count == 2, let source = Source(rawValue: name) else {
                throw .invalidConfiguration(
                    reason:
                        "mix item '\(item)' is not source:fraction with source one of \(Source.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            guard let value = Double(parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw .invalidConfiguration(reason: "mix fraction '\(parts[1])' of \(name) is not a number")
            }
            guard fractions[source] == nil else {
                throw .invalidConfiguration(reason: "mix source \(name) is given twice")
            }
            fractions[source] = value
        }
        self.init(paper: fractions[.paper] ?? 0, realistic: fractions[.realistic] ?? 0, noise: fractions[.noise] ?? 0)
        try validate()
    }
}

extension WidebandGenerator {
    /// The stream tag of the mix draws (bit 62), apart from the examples' own streams (SNR index << 32 | index).
    static let mixStreamTag: UInt64 = 1 << 62

    /// Which source window (snrIndex, index) comes from under `configuration.mix` (nil without a mix), and the
    /// paper SNR level index it uses when it is a paper window.
    public func mixDraw(snrIndex: Int, index: Int) -> (source: TrainingMix.Source, paperLevel: Int)? {
        guard let mix = configuration.mix else { return nil }
        var g = Xoshiro256StarStar(seed: seed, stream: Self.mixStreamTag | UInt64(snrIndex) << 32 | UInt64(index))
        let source = mix.source(u: g.nextUnitDouble())
        let level = Int.random(in: 0..<WidebandGeneratorConfiguration.paperSNRLevelsDB.count, using: &g)
        return (source, level)
    }
}
