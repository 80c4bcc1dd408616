import Foundation
internal import WirelessSpectrumNet

/// `.cmsn` checkpoints: the input is the file's bytes, with the trailing CRC-32 recomputed.
///
/// A random mutation almost never keeps the CRC right, so the harness overwrites the last four
/// bytes with the CRC-32 of the rest (as an attacker or a buggy writer would): the fuzzer then
/// reaches the header, the tensor table and the configuration. After `Checkpoint.decode`, builds
/// what `wtk spectrum segment --model` and `train --resume` build: the network, the feature
/// extractor for its configuration, and the resumable session.
enum CheckpointFuzz {
    static func run(_ data: Data) {
        var bytes = [UInt8](data)
        if bytes.count >= 20 {
            let crc = crc32(bytes[0..<(bytes.count - 4)])
            for k in 0..<4 { bytes[bytes.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
        }
        guard let checkpoint = try? Checkpoint.decode(Data(bytes)) else { return }
        guard var network = try? checkpoint.makeNetwork() else { return }
        _ = try? SpectrumFeatureExtractor(for: checkpoint.header.configuration)
        _ = try? checkpoint.session(for: &network)
    }

    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checkpoint's checksum, table-driven:
    /// the harness's own copy, 10× faster than the generic `WirelessCore.CRC32` on 50 KB inputs.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static let crcTable: [UInt32] = (0..<256).map { (n: UInt32) in
        var c = n
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}
