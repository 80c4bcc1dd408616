import Testing
@testable import WirelessStochasticGeometry

@Test func moduleLinks() {}
