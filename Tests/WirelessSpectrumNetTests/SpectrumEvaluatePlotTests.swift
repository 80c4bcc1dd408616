import Testing
import WirelessCore

@testable import WirelessSpectrumNet

/// The plots of `SpectrumEvaluateStudy`: windows with a signal get an IoU plot; windows of receiver noise alone,
/// which have no occupied bin (an IoU of 0 whatever the method does), get the false-occupancy plot instead.
@Suite struct SpectrumEvaluatePlotTests {
    @Test func noiseOnlyWindowsPlotFalseOccupancyInsteadOfIoU() throws {
        let url = try #require(SpectrumSegmenter.defaultModelURL)
        let network = try Checkpoint.read(from: url).makeNetwork()
        for noiseOnly in [false, true] {
            var configuration = SpectrumEvaluateStudy.Configuration(networks: [("cmusenet", network)])
            configuration.testIndices = 4500..<4501
            var scene = RealisticSceneConfiguration()
            if noiseOnly { scene.families = [] }
            configuration.generator.realistic = scene
            let result = try SpectrumEvaluateStudy(configuration).run(seed: 3)
            #expect(result.plots.map(\.name) == ["-accuracy", noiseOnly ? "-false-occupancy" : "-iou"])
            let second = result.plots[1]
            let finite = second.series.flatMap { series -> [Double] in
                guard case .lineMarkers(_, let y) = series.kind else { return [] }
                return y.filter(\.isFinite)
            }
            #expect(!finite.isEmpty, "the second plot of \(noiseOnly ? "noise-only" : "signal") windows has values")
        }
    }
}
