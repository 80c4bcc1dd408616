import Testing

@testable import WirelessCore

@Suite struct CRC32Tests {
    @Test func publishedCheckValues() {
        // Catalogue of parametrised CRC algorithms (Williams/Cook): CRC-32/ISO-HDLC check = 0xCBF43926.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
        // zlib crc32(b"The quick brown fox jumps over the lazy dog") = 0x414FA339.
        #expect(CRC32.checksum(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func incrementalEqualsOneShot() {
        let bytes = Array("incremental checksums must not depend on chunking".utf8)
        var crc = CRC32()
        crc.update(bytes[0..<7])
        crc.update(bytes[7...])
        #expect(crc.value == CRC32.checksum(bytes))
    }
}
