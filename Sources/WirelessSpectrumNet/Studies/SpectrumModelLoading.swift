import Foundation
import Numerics
import WirelessCore
import WirelessIO

/// Loads a checkpoint given by path (on the command line, say), or the shipped default model.
public enum SpectrumModelLoading {
    /// The network, its checkpoint and how the run's metadata names the model: the path as given, or
    /// "cmusenet-default.cmsn (shipped)" for the default model (the same on every machine, so committed
    /// sidecars do not carry a build folder's path).
    /// - Throws: `IOError.unreadable` (exit 74) when `path` is nil and the shipped model is not installed;
    ///   as `checkpoint(at:)`; `SpectrumNetError` naming the file when its network cannot be built.
    public static func load(_ path: String?) throws -> (SegmentationNetwork<Float>, Checkpoint, String) {
        let url: URL
        var recorded = path ?? ""
        if let path {
            url = URL(fileURLWithPath: path)
        } else if let shipped = SpectrumSegmenter.defaultModelURL {
            url = shipped
            recorded = "\(SpectrumSegmenter.defaultModelFileName) (shipped)"
        } else {
            throw IOError.unreadable(
                path: SpectrumSegmenter.defaultModelFileName,
                reason:
                    "the shipped model is not installed beside \(ShippedResources.executableFolder.path) "
                    + "(no *_WirelessSpectrumNet.resources folder there; install wtk with scripts/install, or pass --model)"
            )
        }
        let checkpoint = try checkpoint(at: url.path)
        return (try SpectrumNetError.naming(file: url.path) { try checkpoint.makeNetwork() }, checkpoint, recorded)
    }

    /// Reads the checkpoint at `path`: a missing file is an IO error (exit 74), a corrupt,
    /// truncated or foreign one bad data naming the file (exit 65).
    public static func checkpoint(at path: String) throws -> Checkpoint {
        guard FileManager.default.fileExists(atPath: path) else { throw IOError.missingFile(path: path) }
        return try SpectrumNetError.naming(file: path) { try Checkpoint.read(from: URL(fileURLWithPath: path)) }
    }
}
