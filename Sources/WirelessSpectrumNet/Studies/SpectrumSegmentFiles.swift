import Foundation
import WirelessCore
import WirelessIO

/// The files a `SpectrumSegmentStudy` writes while it runs, so that a stream of any length needs memory for
/// one window only: the emissions table (`EmissionTable` lines), the output recording's `.sigmf-meta`
/// (the input's annotations marked `wtk:source` = `input`, then one per emission) and, optionally, a copy
/// of the input's samples as `cf32_le`. Each is a `LiveOutputFile` (`<file>.part` until `finish()`).
public final class SpectrumSegmentFiles {
    private let csv: LiveOutputFile
    private let meta: LiveOutputFile
    private let writer: SigMFMetaStreamWriter
    private let data: LiveOutputFile?
    private let dataFileName: String

    /// Opens the files and writes the table's header and the input's annotations.
    /// - Parameters:
    ///   - emissions: The emissions table (`<name>-emissions.csv`).
    ///   - meta: The output recording's metadata (`<name>.sigmf-meta`).
    ///   - data: Where to copy the input's samples (`<name>.sigmf-data`), or nil not to copy them.
    ///   - inputAnnotations: The input recording's annotations, kept in the output recording.
    /// - Throws: `IOError` when a file cannot be created or written.
    public init(emissions: URL, meta: URL, data: URL?, inputAnnotations: [SigMFAnnotation]) throws {
        csv = try LiveOutputFile(url: emissions)
        self.meta = try LiveOutputFile(url: meta)
        writer = SigMFMetaStreamWriter(file: self.meta)
        try csv.append(EmissionTable.line(EmissionTable.header))
        try writer.begin()
        for annotation in inputAnnotations {
            var kept = annotation
            kept.extraFields["wtk:source"] = .string("input")
            try writer.append(kept)
        }
        self.data = try data.map { try LiveOutputFile(url: $0) }
        dataFileName = data?.lastPathComponent ?? ""
    }

    /// Runs `study`, appending each emission to the table and the metadata and each window's input samples
    /// (not a padded window's zeros) to the copy, then ends the metadata with `source.outputMetadata`.
    /// - Parameters:
    ///   - study: The study (its configuration's captures are the output recording's).
    ///   - source: Where its input came from.
    ///   - outputFolder: The folder of the output recording (its `core:dataset` is relative to it).
    ///   - progress: Progress of the study.
    /// - Throws: The study's errors; `IOError` from the files.
    public func run(
        _ study: SpectrumSegmentStudy, source: SpectrumSegmentStudy.Source, outputFolder: String,
        progress: any StudyProgress
    ) throws -> SpectrumSegmentStudy.Result {
        let result = try study.run(
            progress: progress,
            window: { window in
                try data?.append(
                    RawCF32File.encode(window.samples.prefix(window.detections.sampleCount), file: dataFileName))
            },
            emission: { emission in
                try csv.append(EmissionTable.line(EmissionTable.fields(emission)))
                try writer.append(emission.annotation)
            })
        try writer.end(
            source.outputMetadata(
                captures: study.configuration.captures, copiedData: data != nil, outputFolder: outputFolder,
                counts: result.summaryCounts))
        return result
    }

    /// Renames the files into place: the table, the copy of the samples, then the metadata.
    /// - Throws: `IOError` when a rename fails.
    public func finish() throws {
        try csv.finish()
        try data?.finish()
        try meta.finish()
    }
}
