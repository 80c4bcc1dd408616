import Testing
@testable import WirelessCommands

@Test func moduleLinks() {}
