import Testing
@testable import WirelessPathLoss

@Test func moduleLinks() {}
