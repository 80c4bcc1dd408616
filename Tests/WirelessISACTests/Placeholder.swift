import Testing
@testable import WirelessISAC

@Test func moduleLinks() {}
