import Foundation
import Numerics

/// A single-channel SigMF recording: complex baseband samples plus the metadata the toolkit uses.
///
/// Files (SigMF specification v1.x): `<base>.sigmf-meta` (JSON) and `<base>.sigmf-data` (raw samples).
///
///     meta.global["core:datatype"]            → datatype        (cf32_le or ci16_le; required)
///     meta.global["core:sample_rate"]         → sampleRateHz    (required, finite, > 0)
///     meta.captures[0]["core:frequency"]      → centerFrequencyHz (optional; later captures are ignored)
///     meta.annotations[k]                     → annotations (see `SigMFAnnotation`)
///     other meta.global members               → extraGlobalFields (preserved on write)
///
/// Samples are `Complex<Float>`; `ci16_le` data is scaled by 1/32768 on read (full scale → [−1, 1)).
/// Multi-channel recordings (`core:num_channels` > 1) and archives (`.sigmf`) are not supported.
public struct SigMFRecording: Sendable, Equatable {
    /// On-disk sample encodings the toolkit reads and writes.
    public enum Datatype: String, Sendable, Equatable, Codable, CaseIterable {
        /// Interleaved float32 I/Q, little-endian, 8 bytes per sample.
        case cf32LE = "cf32_le"
        /// Interleaved int16 I/Q, little-endian, 4 bytes per sample, scaled by 1/32768.
        case ci16LE = "ci16_le"

        /// Bytes per complex sample [bytes].
        public var bytesPerSample: Int { self == .cf32LE ? 8 : 4 }
    }

    /// Complex baseband samples, in time order.
    public var samples: [Complex<Float>]
    /// Sample rate [Hz], finite, > 0.
    public var sampleRateHz: Double
    /// Centre (carrier) frequency of the first capture [Hz], if known.
    public var centerFrequencyHz: Double?
    /// Encoding of the data file (what was read; what `write` uses).
    public var datatype: Datatype
    /// Annotations, in file order.
    public var annotations: [SigMFAnnotation]
    /// Global members other than `core:datatype`, `core:sample_rate` and `core:version`, preserved verbatim.
    public var extraGlobalFields: [String: JSONValue]

    public init(
        samples: [Complex<Float>], sampleRateHz: Double, centerFrequencyHz: Double? = nil, datatype: Datatype = .cf32LE,
        annotations: [SigMFAnnotation] = [], extraGlobalFields: [String: JSONValue] = [:]
    ) {
        self.samples = samples
        self.sampleRateHz = sampleRateHz
        self.centerFrequencyHz = centerFrequencyHz
        self.datatype = datatype
        self.annotations = annotations
        self.extraGlobalFields = extraGlobalFields
    }

    /// The SigMF specification version written to `core:version`.
    public static let specificationVersion = "1.2.0"

    /// The meta and data file URLs for `url`, which may name either file or the common base path.
    public static func files(for url: URL) -> (meta: URL, data: URL) {
        let ext = url.pathExtension
        let base = (ext == "sigmf-meta" || ext == "sigmf-data") ? url.deletingPathExtension() : url
        let directory = base.deletingLastPathComponent()
        let stem = base.lastPathComponent
        return (
            directory.appendingPathComponent(stem + ".sigmf-meta"),
            directory.appendingPathComponent(stem + ".sigmf-data")
        )
    }

    /// Reads a recording from its meta and data files.
    /// - Parameter url: `x.sigmf-meta`, `x.sigmf-data`, or the base path `x`.
    /// - Throws: `IOError.missingFile` (either file), `.unreadable`, `.malformedInput` (bad JSON, missing
    ///   or invalid `core:sample_rate`/`core:datatype`, bad annotation), `.unsupportedFormat` (datatype other
    ///   than cf32_le/ci16_le, several channels), `.truncated` (data size not a whole number of samples),
    ///   `.nonFiniteValue` (NaN/∞ cf32 sample, naming its index).
    public static func read(from url: URL) throws(IOError) -> SigMFRecording {
        let (metaURL, dataURL) = files(for: url)
        let metaFile = metaURL.path
        let meta: JSONValue
        do {
            meta = try JSONValue(parsing: FileContents.read(metaURL), file: metaFile)
        } catch let error as IOError {
            throw error
        } catch {
            throw .malformedInput(file: metaFile, line: nil, column: nil, reason: "not valid JSON: \(error)")
        }
        guard case .object(var global)? = meta["global"] else {
            throw .malformedInput(file: metaFile, line: nil, column: "global", reason: "missing the 'global' object")
        }
        guard let datatypeName = global["core:datatype"]?.stringValue else {
            throw .malformedInput(
                file: metaFile, line: nil, column: "core:datatype",
                reason: "missing required field (a string such as \"cf32_le\")")
        }
        guard let datatype = Datatype(rawValue: datatypeName) else {
            throw .unsupportedFormat(
                file: metaFile, reason: "datatype '\(datatypeName)' is not supported; supported: cf32_le, ci16_le")
        }
        guard let sampleRateValue = global["core:sample_rate"] else {
            throw .malformedInput(
                file: metaFile, line: nil, column: "core:sample_rate",
                reason: "missing required field (sample rate in Hz)")
        }
        guard let sampleRateHz = sampleRateValue.doubleValue, sampleRateHz.isFinite, sampleRateHz > 0 else {
            throw .malformedInput(
                file: metaFile, line: nil, column: "core:sample_rate", reason: "must be a positive finite number of Hz")
        }
        if let channels = global["core:num_channels"], channels.intValue != 1 {
            throw .unsupportedFormat(
                file: metaFile, reason: "only single-channel recordings are supported (core:num_channels)")
        }
        global["core:datatype"] = nil
        global["core:sample_rate"] = nil
        global["core:version"] = nil  // the writer states the version of what it writes

        var centerFrequencyHz: Double?
        if case .array(let captures)? = meta["captures"], let first = captures.first,
            let frequency = first["core:frequency"]
        {
            guard let value = frequency.doubleValue, value.isFinite else {
                throw .malformedInput(
                    file: metaFile, line: nil, column: "captures[0].core:frequency",
                    reason: "must be a finite number of Hz")
            }
            centerFrequencyHz = value
        }

        var annotations: [SigMFAnnotation] = []
        if case .array(let items)? = meta["annotations"] {
            for (k, item) in items.enumerated() {
                annotations.append(try annotation(item, index: k, file: metaFile))
            }
        }

        let data = try FileContents.read(dataURL)
        let samples: [Complex<Float>]
        switch datatype {
        case .cf32LE: samples = try IQSampleCodec.decodeCF32(data, file: dataURL.path)
        case .ci16LE: samples = try IQSampleCodec.decodeCI16(data, file: dataURL.path)
        }
        return SigMFRecording(
            samples: samples, sampleRateHz: sampleRateHz, centerFrequencyHz: centerFrequencyHz, datatype: datatype,
            annotations: annotations, extraGlobalFields: global)
    }

    private static func annotation(_ item: JSONValue, index k: Int, file: String) throws(IOError) -> SigMFAnnotation {
        func field(_ name: String) -> String { "annotations[\(k)].\(name)" }
        guard let start = item["core:sample_start"]?.intValue, start >= 0 else {
            throw .malformedInput(
                file: file, line: nil, column: field("core:sample_start"), reason: "must be a non-negative integer")
        }
        guard let count = item["core:sample_count"]?.intValue, count >= 0 else {
            throw .malformedInput(
                file: file, line: nil, column: field("core:sample_count"), reason: "must be a non-negative integer")
        }
        func frequency(_ name: String) throws(IOError) -> Double? {
            guard let value = item[name] else { return nil }
            guard let hz = value.doubleValue, hz.isFinite else {
                throw .malformedInput(
                    file: file, line: nil, column: field(name), reason: "must be a finite number of Hz")
            }
            return hz
        }
        return SigMFAnnotation(
            sampleStart: start, sampleCount: count, frequencyLowerEdgeHz: try frequency("core:freq_lower_edge"),
            frequencyUpperEdgeHz: try frequency("core:freq_upper_edge"), label: item["core:label"]?.stringValue)
    }

    /// The meta JSON text (pretty, sorted keys, trailing newline).
    public func metaJSON() throws(IOError) -> Data {
        var global = extraGlobalFields
        global["core:datatype"] = .string(datatype.rawValue)
        global["core:sample_rate"] = .number(sampleRateHz)
        global["core:version"] = .string(Self.specificationVersion)
        var capture: [String: JSONValue] = ["core:sample_start": .integer(0)]
        if let centerFrequencyHz { capture["core:frequency"] = .number(centerFrequencyHz) }
        let annotationValues: [JSONValue] = annotations.map { a in
            var members: [String: JSONValue] = [
                "core:sample_start": .integer(Int64(a.sampleStart)),
                "core:sample_count": .integer(Int64(a.sampleCount)),
            ]
            if let f = a.frequencyLowerEdgeHz { members["core:freq_lower_edge"] = .number(f) }
            if let f = a.frequencyUpperEdgeHz { members["core:freq_upper_edge"] = .number(f) }
            if let label = a.label { members["core:label"] = .string(label) }
            return .object(members)
        }
        let meta: JSONValue = .object([
            "global": .object(global), "captures": .array([.object(capture)]), "annotations": .array(annotationValues),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(meta)
            data.append(0x0A)
            return data
        } catch {
            throw .unwritable(path: "<sigmf-meta>", reason: "JSON encoding failed: \(error)")
        }
    }

    /// Writes `<base>.sigmf-data` then `<base>.sigmf-meta`, each atomically, in `datatype`'s encoding
    /// (ci16_le: round(x·32768), saturated to the int16 range). Returns both URLs.
    /// - Parameter url: `x.sigmf-meta`, `x.sigmf-data`, or the base path `x`.
    /// - Throws: `IOError.nonFiniteValue` for a NaN/∞ sample; a non-finite or non-positive rate is reported as
    ///   `IOError.malformedInput` (nothing is written); `IOError.unwritable`. If the meta write fails after
    ///   the data write succeeded, the new data file is left beside the old meta file.
    @discardableResult
    public func write(to url: URL) throws(IOError) -> (meta: URL, data: URL) {
        let (metaURL, dataURL) = Self.files(for: url)
        guard sampleRateHz.isFinite, sampleRateHz > 0 else {
            throw .malformedInput(
                file: metaURL.path, line: nil, column: "core:sample_rate",
                reason: "must be a positive finite number of Hz")
        }
        try IQSampleCodec.checkFinite(samples, file: dataURL.path)
        let metaData = try metaJSON()
        let data: Data
        switch datatype {
        case .cf32LE: data = IQSampleCodec.encodeCF32(samples)
        case .ci16LE: data = IQSampleCodec.encodeCI16(samples)
        }
        try AtomicFileWriter.write(data, to: dataURL)
        try AtomicFileWriter.write(metaData, to: metaURL)
        return (metaURL, dataURL)
    }
}
