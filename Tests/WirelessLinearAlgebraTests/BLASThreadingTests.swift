import Testing

@testable import WirelessLinearAlgebra

struct BLASThreadingTests {
    @Test func settingOneThreadIsReadBack() {
        let original = BLASThreading.threadCount
        #expect(original >= 1)
        BLASThreading.setThreadCount(1)
        #expect(BLASThreading.threadCount == 1)
        BLASThreading.setThreadCount(original)
        #expect(BLASThreading.threadCount == original)
    }
}
