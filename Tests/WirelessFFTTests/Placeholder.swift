import Testing
@testable import WirelessFFT

@Test func moduleLinks() {}
