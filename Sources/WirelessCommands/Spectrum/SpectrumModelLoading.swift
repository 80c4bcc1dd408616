import Foundation
import WirelessIO
import WirelessSpectrumNet

/// Loads a checkpoint given on the command line, or the shipped default model.
enum SpectrumModelLoading {
    static func load(_ path: String?) throws -> (SegmentationNetwork<Float>, Checkpoint, String) {
        let url: URL
        if let path {
            url = URL(fileURLWithPath: path)
        } else if let shipped = SpectrumSegmenter.defaultModelURL {
            url = shipped
        } else {
            throw IOError.missingFile(path: "datasets/cmusenet-default/cmusenet-default.cmsn (pass --model)")
        }
        guard FileManager.default.fileExists(atPath: url.path) else { throw IOError.missingFile(path: url.path) }
        // Corrupt, truncated or foreign checkpoints: the message names the file (exit 65).
        return try SpectrumNetError.naming(file: url.path) {
            let checkpoint = try Checkpoint.read(from: url)
            return (try checkpoint.makeNetwork(), checkpoint, url.path)
        }
    }
}
