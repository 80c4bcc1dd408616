/// CRC-32 (ISO-HDLC / IEEE 802.3 / zlib): reflected polynomial 0xEDB88320, initial value and final
/// XOR 0xFFFFFFFF. Check value: CRC-32("123456789") = 0xCBF43926.
///
/// Used to detect corruption of binary files (e.g. network checkpoints). Table-driven, one byte per step.
public struct CRC32: Sendable, Equatable {
    /// The running (pre-final-XOR) register.
    public private(set) var register: UInt32 = 0xFFFF_FFFF

    static let table: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public init() {}

    /// Feeds `bytes`.
    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var c = register
        let table = Self.table
        for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        register = c
    }

    /// The checksum of everything fed so far.
    public var value: UInt32 { register ^ 0xFFFF_FFFF }

    /// CRC-32 of `bytes` in one call.
    public static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }
}
