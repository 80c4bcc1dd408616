import Testing
@testable import WirelessIO

@Test func moduleLinks() {}
