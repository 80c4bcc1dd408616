import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// The `source` column of `SpectrumEvaluateStudy` names the generator the windows came from.
@Suite struct SpectrumEvaluateSourceTests {
    /// One window of each generator, scored by the shipped model: the paper's generator is `synthetic`, the
    /// realistic scene mix `realistic`, on the level rows and on the mean rows alike.
    @Test func sourceNamesTheGenerator() throws {
        let url = try #require(SpectrumSegmenter.defaultModelURL)
        let network = try Checkpoint.read(from: url).makeNetwork()
        for realistic in [false, true] {
            var configuration = SpectrumEvaluateStudy.Configuration(networks: [("cmusenet", network)])
            configuration.testIndices = 4500..<4501
            if realistic { configuration.generator.realistic = RealisticSceneConfiguration() }
            let table = try SpectrumEvaluateStudy(configuration).run(seed: 3).tables[0]
            guard case .text(let sources) = try #require(table["source"]).values else {
                Issue.record("source is not a text column")
                continue
            }
            #expect(sources.count == table.rowCount && table.rowCount > 0)
            #expect(Set(sources) == [realistic ? "realistic" : "synthetic"])
        }
    }
}
