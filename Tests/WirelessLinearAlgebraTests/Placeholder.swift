import Testing
@testable import WirelessLinearAlgebra

@Test func moduleLinks() {}
