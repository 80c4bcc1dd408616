import Foundation
internal import WirelessIO

/// Headerless I/Q data: the first byte picks the encoding, the rest is the data file.
///
/// Even first byte: a `.cf32` file read with `RawCF32File.read` (as `wtk psd --input x.cf32`).
/// Odd first byte: `ci16_le` samples, read through a fixed, valid SigMF meta file (the only way
/// the toolkit reads ci16). An empty input does nothing.
enum RawIQFuzz {
    static let ci16Meta = Data(
        #"{"global":{"core:datatype":"ci16_le","core:sample_rate":1000000,"core:version":"1.2.0"}}"#.utf8)

    static func run(_ data: Data) {
        guard let selector = data.first else { return }
        let payload = data.dropFirst()
        if selector % 2 == 0 {
            _ = try? RawCF32File.read(from: FuzzInput.file("raw.cf32", Data(payload)))
        } else {
            _ = FuzzInput.file("ci16.sigmf-data", Data(payload))
            _ = try? SigMFRecording.read(from: FuzzInput.file("ci16.sigmf-meta", ci16Meta))
        }
    }
}
