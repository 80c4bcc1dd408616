import Testing
@testable import WirelessSpectrumNet

@Test func moduleLinks() {}
