import Numerics
import Testing

@testable import WirelessFFT

/// Each window family builds its window (periodic by default, Kaiser with its β) and names it back; a PSD run
/// records the family's kebab-case name.
@Test func windowFamiliesBuildAndNameTheirWindows() {
    for family in Window.Family.allCases {
        #expect(family.window(kaiserBeta: 3).family == family)
    }
    #expect(Window.Family.kaiser.window(kaiserBeta: 3) == .kaiser(beta: 3, symmetry: .periodic))
    #expect(Window.Family.hann.window(symmetry: .symmetric) == .hann(.symmetric))
    var configuration = PSDStudy.Configuration(samples: [Complex<Float>](repeating: .zero, count: 8), sampleRateHz: 1e6)
    configuration.window = Window.Family.blackmanHarris.window()
    configuration.segmentLength = 8
    let recorded = configuration.recordedParameters
    #expect(recorded["window"] == "blackman-harris" && recorded["segment_length"] == "8")
    #expect(recorded["sample_rate_hz"] == "1000000.0" && recorded["overlap"] == "0.5")
}
