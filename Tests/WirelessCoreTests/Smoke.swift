import Testing
@testable import WirelessCore
