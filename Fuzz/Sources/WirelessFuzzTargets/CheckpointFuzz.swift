import Foundation
internal import WirelessCore
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
            let crc = CRC32.checksum(bytes[0..<(bytes.count - 4)])
            for k in 0..<4 { bytes[bytes.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
        }
        guard let checkpoint = try? Checkpoint.decode(Data(bytes)) else { return }
        guard var network = try? checkpoint.makeNetwork() else { return }
        _ = try? SpectrumFeatureExtractor(for: checkpoint.header.configuration)
        _ = try? checkpoint.session(for: &network)
    }
}
