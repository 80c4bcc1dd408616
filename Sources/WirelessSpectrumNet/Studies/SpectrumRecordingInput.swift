import Foundation
import WirelessIO

/// Reads the recordings the spectrum studies take by path (and `wtk spectrum` names on its command line).
///
/// Accepted forms:
/// - a SigMF recording: `x.sigmf-meta`, `x.sigmf-data` or the base name `x` (cf32_le or ci16_le);
/// - a raw `.cf32` file (needs the sample rate);
/// - one example of the authors' MATLAB generator: a folder holding `data.dat` (complex128) and
///   `meta-data.json`, or the `data.dat` path itself (`AuthorsDatasetImporter`; fs = 20 MHz, labels
///   become baseband annotations).
///
/// Every data error names the file: `IOError` carries it already; a `SpectrumNetError` found while
/// reading or using the recording is wrapped in `SpectrumNetError.inRecording(file:error:)`.
public enum SpectrumRecordingInput {
    /// The authors' sample and metadata files of `path` (a folder or its `data.dat`), or nil when
    /// `path` is not in that form.
    public static func authorsFiles(_ path: String) -> (data: URL, meta: URL)? {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        let folder: URL
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            folder = url
        } else if url.lastPathComponent == "data.dat" {
            folder = url.deletingLastPathComponent()
        } else {
            return nil
        }
        return (folder.appendingPathComponent("data.dat"), folder.appendingPathComponent("meta-data.json"))
    }

    /// Reads `path` in any accepted form.
    ///
    /// - Parameter sampleRateHz: overrides the recorded rate (required for `.cf32`) [Hz], > 0.
    /// - Throws: `IOError` (missing, truncated, malformed, unsupported datatype, non-finite; each names
    ///   the file), `SpectrumNetError.inRecording`, `.invalidConfiguration` (a `.cf32` without a rate).
    public static func read(_ path: String, sampleRateHz: Double? = nil) throws -> SigMFRecording {
        let url = URL(fileURLWithPath: path)
        if url.pathExtension.lowercased() == "cf32" {
            guard let rate = sampleRateHz else {
                throw SpectrumNetError.invalidConfiguration(
                    reason: "a raw .cf32 file needs a sample rate (--sample-rate)")
            }
            return SigMFRecording(samples: try RawCF32File.read(from: url), sampleRateHz: rate)
        }
        var recording: SigMFRecording
        if let files = authorsFiles(path) {
            recording = try SpectrumNetError.naming(file: files.data.path) {
                try AuthorsDatasetImporter.read(dataURL: files.data, metaURL: files.meta)
            }
        } else {
            recording = try SigMFRecording.read(from: url)
        }
        if let rate = sampleRateHz { recording.sampleRateHz = rate }
        return recording
    }

    /// The SNR the toolkit recorded for the recording at `path` [dB]: its `wtk:snr_db` global member (what
    /// `wtk spectrum generate` writes), else the `wtk:snr_db` its annotations share; nil when neither is
    /// there or the file cannot be read (only the meta file is read).
    public static func recordedSNRDB(_ path: String) -> Double? {
        let recording: SigMFRecording
        if authorsFiles(path) != nil {
            guard let read = try? read(path) else { return nil }
            recording = read
        } else {
            guard let read = try? SigMFRecording.readMetadata(from: URL(fileURLWithPath: path)) else { return nil }
            recording = read
        }
        if let snr = recording.extraGlobalFields["wtk:snr_db"]?.doubleValue { return snr }
        let values = Set(recording.annotations.compactMap { $0.extraFields["wtk:snr_db"]?.doubleValue })
        return values.count == 1 ? values.first : nil
    }

    /// The labelled windows of the recording at `path` (`LabelledRecording.dataset`), with errors
    /// naming the file.
    public static func labelledWindows(_ path: String, extractor: SpectrumFeatureExtractor) throws -> (
        recording: SigMFRecording, dataset: SpectrumDataset, skippedLabels: Int
    ) {
        let recording = try read(path)
        let (dataset, skipped) = try SpectrumNetError.naming(file: path) {
            try LabelledRecording.dataset(from: recording, extractor: extractor)
        }
        return (recording, dataset, skipped)
    }
}
