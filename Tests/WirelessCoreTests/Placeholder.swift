import Testing
@testable import WirelessCore

@Test func moduleLinks() {}
