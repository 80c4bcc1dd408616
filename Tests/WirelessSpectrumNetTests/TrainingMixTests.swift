import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// The training mix (docs/SPECTRUM.md#training-mix): parsing, drawn fractions, and which window each source gives.
@Suite struct TrainingMixTests {
    func mixed(_ mix: TrainingMix, seed: UInt64 = 1) throws -> WidebandGenerator {
        var config = WidebandGeneratorConfiguration()
        config.mix = mix
        return try WidebandGenerator(configuration: config, seed: seed)
    }

    @Test func parsesTheCommandLineForm() throws {
        let mix = try TrainingMix(parsing: "paper:0.4,realistic:0.45,noise:0.15")
        #expect(mix == .standard)
        #expect(try TrainingMix(parsing: mix.text) == mix)
        #expect(try TrainingMix(parsing: "realistic:1") == TrainingMix(paper: 0, realistic: 1, noise: 0))
        for bad in [
            "paper:0.5,realistic:0.4", "paper:0.4,realistc:0.45,noise:0.15", "paper:x,realistic:1", "paper:1,paper:0",
            "paper:-0.5,realistic:1.5", "", "paper=1",
        ] {
            #expect(throws: SpectrumNetError.self, "\(bad)") { try TrainingMix(parsing: bad) }
        }
    }

    @Test func drawnFractionsMatchWithinBinomialBounds() throws {
        let mix = TrainingMix.standard
        let generator = try mixed(mix)
        var counts: [TrainingMix.Source: Int] = [:]
        let levels = 4
        let perLevel = 1000
        for level in 0..<levels {
            for index in 0..<perLevel {
                counts[generator.mixDraw(snrIndex: level, index: index)!.source, default: 0] += 1
            }
        }
        let n = Double(levels * perLevel)
        for source in TrainingMix.Source.allCases {
            let p = mix.fraction(source)
            // 5 binomial standard deviations: a false failure has probability < 1e-6 per source.
            let sigma = (n * p * (1 - p)).squareRoot()
            #expect(abs(Double(counts[source] ?? 0) - n * p) <= 5 * sigma, "\(source): \(counts[source] ?? 0) of \(n)")
        }
        // The paper windows' levels are spread over the paper's 16 levels.
        let levelsSeen = Set((0..<200).map { generator.mixDraw(snrIndex: 0, index: $0)!.paperLevel })
        #expect(levelsSeen == Set(0..<16))
    }

    @Test func eachSourceGivesItsWindowReproducibly() throws {
        let generator = try mixed(.standard, seed: 9)
        let again = try mixed(.standard, seed: 9)
        let other = try mixed(.standard, seed: 10)
        let paperAlone = try WidebandGenerator(configuration: WidebandGeneratorConfiguration(), seed: 9)
        var seen: Set<TrainingMix.Source> = []
        var index = 0
        while seen.count < 3 {
            let draw = generator.mixDraw(snrIndex: 2, index: index)!
            if !seen.contains(draw.source) {
                seen.insert(draw.source)
                let example = generator.generate(snrDB: 5, snrIndex: 2, index: index)
                #expect(again.generate(snrDB: 5, snrIndex: 2, index: index).samples == example.samples)
                #expect(other.generate(snrDB: 5, snrIndex: 2, index: index).samples != example.samples)
                switch draw.source {
                case .paper:
                    let level = draw.paperLevel
                    let reference = paperAlone.generate(
                        snrDB: WidebandGeneratorConfiguration.paperSNRLevelsDB[level], snrIndex: level, index: index)
                    #expect(example.samples == reference.samples && example.labels == nil)
                case .realistic:
                    #expect(example.labels != nil && example.frontEnd != nil)
                case .noise:
                    #expect(example.signals.isEmpty && example.intervalsHz(labelWidth: .nominal).isEmpty)
                    #expect(example.frontEnd != nil)
                }
            }
            index += 1
        }
    }

    @Test func invalidMixIsRejectedByTheGenerator() {
        #expect(throws: SpectrumNetError.self) {
            try mixed(TrainingMix(paper: 0.5, realistic: 0.6, noise: 0))
        }
    }
}
