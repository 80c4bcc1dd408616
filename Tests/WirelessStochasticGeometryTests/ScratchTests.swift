import Testing
import Foundation
@testable import WirelessStochasticGeometry

@Test func scratch() throws {
    p("rho", try ABGCoverage.rho(threshold: 1, exponent: 4), Double.pi/4, try ABGCoverage.rhoIntegral(threshold: 1, exponent: 4))
    p("abg", try ABGCoverage.coverage(density: 1, threshold: 1, exponent: 4, noise: 0))
    p("erfcx", try ABGCoverage.coverageErfcx(density: 1, threshold: 1, noise: 1e-12), try ABGCoverage.coverageIntegral(density: 1, threshold: 1, exponent: 4, noise: 1e-12))
    p("erfcx2", try ABGCoverage.coverageErfcx(density: 1e-3, threshold: 1, noise: 10), try ABGCoverage.coverageIntegral(density: 1e-3, threshold: 1, exponent: 4, noise: 10))
    let g = try MultiSlopePathGain.singleSlope(exponent: 4)
    var t0 = Date()
    p("kbk T=1", try StrongestCellCoverage.keelerInclusionExclusion(density: 1, threshold: 1, exponent: 4, fading: .rayleigh, noise: 0))
    for t in [0.5, 0.3, 0.25, 0.2] {
        t0 = Date()
        p("kbk T=\(t)", try StrongestCellCoverage.keelerInclusionExclusion(density: 1, threshold: t, exponent: 4, fading: .rayleigh, noise: 0), Date().timeIntervalSince(t0))
    }
    t0 = Date()
    p("mecke R", try StrongestCellCoverage.mecke(density: 1, threshold: 1, pathGain: g, fading: .rayleigh, noise: 0), Date().timeIntervalSince(t0))
    t0 = Date()
    p("mecke R+LN", try StrongestCellCoverage.mecke(density: 1, threshold: 1, pathGain: g, fading: try FadingModel(smallScale: .rayleigh, shadowingSigmaDB: 8), noise: 0), Date().timeIntervalSince(t0))
    t0 = Date()
    p("mecke none", try StrongestCellCoverage.mecke(density: 1, threshold: 1, pathGain: g, fading: .none, noise: 0), Date().timeIntervalSince(t0))
    t0 = Date()
    p("mecke nak3", try StrongestCellCoverage.mecke(density: 1, threshold: 2, pathGain: g, fading: try .nakagami(m: 3), noise: 0), try StrongestCellCoverage.dhillonClosedForm(threshold: 2, exponent: 4), Date().timeIntervalSince(t0))
    let d = try MultiSlopePathGain.dualSlope(nearExponent: 4, farExponent: 4, criticalDistance: 1)
    t0 = Date()
    p("mecke dual44", try StrongestCellCoverage.mecke(density: 1, threshold: 1, pathGain: d, fading: .rayleigh, noise: 0), Date().timeIntervalSince(t0))
}
func p(_ items: Any...) {
    FileHandle.standardError.write((items.map { "\($0)" }.joined(separator: " ") + "\n").data(using: .utf8)!)
}
@Test func hello() throws {
    p("hello")
    p("rho", try ABGCoverage.rho(threshold: 1, exponent: 4))
    p("rhoI", try ABGCoverage.rhoIntegral(threshold: 1, exponent: 4))
}
