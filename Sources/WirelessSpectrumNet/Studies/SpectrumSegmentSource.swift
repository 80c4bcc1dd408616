import Foundation
import Numerics
import WirelessCore
import WirelessIO

extension SpectrumSegmentStudy {
    /// Where a segmentation run reads its samples, opened from a path as typed: the study's input and the
    /// metadata the output `.sigmf-meta` starts from (the input's, or a stream's).
    public struct Source: Sendable {
        /// The study's input.
        public let input: Input
        /// The input's metadata, without samples (rate, captures, annotations, centre frequency).
        public let metadata: SigMFRecording
        /// The absolute, standardised path of the input's sample file when it has one (a SigMF data file or
        /// a raw `.cf32`), which the output meta may reference; nil for standard input and the authors' folders.
        public let dataReference: String?

        /// Opens `path`: `-` (standard input), a raw `.cf32`, one example of the authors' generator (a folder
        /// with data.dat and meta-data.json) or a SigMF recording (meta, data or base name).
        /// - Parameters:
        ///   - sampleRateHz: The rate [Hz]; required for standard input and `.cf32`, overrides SigMF metadata.
        ///   - frequencyHz: The centre frequency [Hz] when the input does not give one.
        ///   - streamDatatype: The sample encoding of standard input.
        /// - Throws: `SpectrumNetError.invalidConfiguration` (no sample rate), `IOError` (missing or bad file).
        public init(
            _ path: String, sampleRateHz: Double?, frequencyHz: Double?, streamDatatype: SigMFRecording.Datatype
        ) throws {
            if path == "-" {
                guard let rate = sampleRateHz else {
                    throw SpectrumNetError.invalidConfiguration(reason: "standard input needs a sample rate")
                }
                metadata = SigMFRecording(
                    samples: [], sampleRateHz: rate, centerFrequencyHz: frequencyHz, datatype: streamDatatype)
                (input, dataReference) = (.standardInput(datatype: streamDatatype), nil)
                return
            }
            let url = URL(fileURLWithPath: path)
            if url.pathExtension.lowercased() == "cf32" {
                guard let rate = sampleRateHz else {
                    throw SpectrumNetError.invalidConfiguration(
                        reason: "a raw .cf32 file needs a sample rate (--sample-rate)")
                }
                guard FileManager.default.fileExists(atPath: url.path) else {
                    throw IOError.missingFile(path: url.path)
                }
                metadata = SigMFRecording(samples: [], sampleRateHz: rate, centerFrequencyHz: frequencyHz)
                (input, dataReference) = (.file(url, datatype: .cf32LE), url.standardizedFileURL.path)
                return
            }
            if SpectrumRecordingInput.authorsFiles(path) != nil {
                var recording = try SpectrumRecordingInput.read(path, sampleRateHz: sampleRateHz)
                if recording.centerFrequencyHz == nil { recording.centerFrequencyHz = frequencyHz }
                var meta = recording
                meta.samples = []
                (input, metadata, dataReference) = (.recording(recording), meta, nil)
                return
            }
            var meta = try SigMFRecording.readMetadata(from: url)
            if let rate = sampleRateHz { meta.sampleRateHz = rate }
            if meta.centerFrequencyHz == nil, let frequencyHz {
                meta.centerFrequencyHz = frequencyHz
                if !meta.captures.isEmpty { meta.captures[0].frequencyHz = frequencyHz }
            }
            let data = meta.dataURL(forMetaAt: url)
            guard FileManager.default.fileExists(atPath: data.path) else { throw IOError.missingFile(path: data.path) }
            (input, metadata, dataReference) = (
                .file(data, datatype: meta.datatype), meta, data.standardizedFileURL.path
            )
        }

        /// The study's configuration for this input, read from `path`, and `network`: the input's rate and
        /// captures (one at its centre frequency when it has none), `source` = `path`. Call it before any
        /// output exists (the stream checks the rate again).
        /// - Throws: `SpectrumNetError.inRecording(file: path, error: .sampleRateMismatch)` unless the input's
        ///   rate is the model's (`SpectrumSegmenter.modelSampleRateHz`, within 1e-9 relative).
        public func configuration(network: SegmentationNetwork<Float>, path: String) throws(SpectrumNetError)
            -> SpectrumSegmentStudy.Configuration
        {
            let modelRate = SpectrumSegmenter.modelSampleRateHz
            guard abs(metadata.sampleRateHz - modelRate) <= 1e-9 * modelRate else {
                throw .inRecording(
                    file: path, error: .sampleRateMismatch(expectedHz: modelRate, foundHz: metadata.sampleRateHz))
            }
            var configuration = SpectrumSegmentStudy.Configuration(input: input, network: network)
            configuration.sampleRateHz = metadata.sampleRateHz
            configuration.captures =
                metadata.captures.isEmpty
                ? [SigMFCapture(sampleStart: 0, frequencyHz: metadata.centerFrequencyHz)] : metadata.captures
            configuration.source = path
            return configuration
        }

        /// The metadata of the output recording, given the run's `captures` and `counts`: the input's, with
        /// `core:dataset` pointing at the input's samples relative to `outputFolder` (so a folder moved
        /// together with its input keeps pointing at it), `cf32_le` when the samples were copied
        /// (`copiedData`), or `core:metadata_only` when there is no file to point at; plus `wtk:emissions`
        /// and `wtk:padded_windows`. The annotations are the caller's to stream.
        public func outputMetadata(
            captures: [SigMFCapture], copiedData: Bool, outputFolder: String, counts: SpectrumStreamSegmenter.Summary
        ) -> SigMFRecording {
            var meta = metadata
            meta.captures = captures
            meta.extraGlobalFields["core:dataset"] = nil
            meta.extraGlobalFields["core:metadata_only"] = nil
            if copiedData {
                meta.datatype = .cf32LE
            } else if let dataReference {
                let folder = URL(fileURLWithPath: outputFolder, isDirectory: true).standardizedFileURL.path
                meta.extraGlobalFields["core:dataset"] = .string(Self.relativePath(of: dataReference, from: folder))
            } else {
                meta.extraGlobalFields["core:metadata_only"] = .bool(true)
            }
            meta.extraGlobalFields["wtk:emissions"] = .integer(Int64(counts.emissions))
            meta.extraGlobalFields["wtk:padded_windows"] = .integer(Int64(counts.paddedWindows))
            return meta
        }

        /// `path` relative to the folder `base` (both absolute and standardised), e.g. `../in/x.sigmf-data`.
        public static func relativePath(of path: String, from base: String) -> String {
            let target = path.split(separator: "/")
            let origin = base.split(separator: "/")
            var common = 0
            while common < target.count - 1, common < origin.count, target[common] == origin[common] { common += 1 }
            let up = Array(repeating: "..", count: origin.count - common)
            return (up + target[common...].map(String.init)).joined(separator: "/")
        }
    }
}
