import Foundation
internal import WirelessIO
internal import WirelessISAC

/// `.npy` arrays: the input is the file's bytes.
///
/// Decodes with `NPYArray.decode` (what `NPYArray.read` does after reading the file), then builds
/// the channel tensor `wtk isac estimate --tensor` uses (`ChannelTensor(npy:)`).
enum NPYFuzz {
    static func run(_ data: Data) {
        guard let array = try? NPYArray.decode(data, file: "fuzz.npy") else { return }
        _ = try? ChannelTensor(npy: array)
    }
}
