import Foundation
import Numerics

/// A single-channel SigMF recording: complex baseband samples plus the metadata the toolkit uses.
///
/// Files (SigMF specification v1.x): `<base>.sigmf-meta` (JSON) and `<base>.sigmf-data` (raw samples).
///
///     meta.global["core:datatype"]            → datatype        (cf32_le or ci16_le; required)
///     meta.global["core:sample_rate"]         → sampleRateHz    (required, in `sampleRateRangeHz`)
///     meta.captures[0]["core:frequency"]      → centerFrequencyHz (optional, in `frequencyRangeHz`)
///     meta.captures[k]                        → captures (see `SigMFCapture`: start, frequency, datetime)
///     meta.annotations[k]                     → annotations (see `SigMFAnnotation`)
///     other meta.global members               → extraGlobalFields (preserved on write)
///
/// Valid ranges, checked on read so that no command computes with a value no instrument records
/// (a rate of 5e-324 Hz made every PSD cell infinite, 1.8e308 Hz every frequency −∞):
///
///     core:sample_rate                  1e-3 Hz … 1e12 Hz   (1 mHz to 1 THz)
///     core:frequency, core:freq_*_edge  |f| ≤ 1e13 Hz        (10 THz; edges may be negative at baseband)
///     core:sample_start, core:sample_count   integers ≥ 0 with start + count ≤ 2⁶³ − 1
///     core:num_channels                 1 (if present)
///     core:offset                       integer ≥ 0 (if present; preserved, not used)
///     data file                         a whole, non-zero number of samples
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
    /// Sample rate [Hz], in `sampleRateRangeHz` for a recording read from a file.
    public var sampleRateHz: Double
    /// Centre (carrier) frequency of the first capture [Hz], if known.
    public var centerFrequencyHz: Double?
    /// Encoding of the data file (what was read; what `write` uses).
    public var datatype: Datatype
    /// Annotations, in file order.
    public var annotations: [SigMFAnnotation]
    /// Capture segments, in file order (sample starts strictly increasing). Empty: one capture at sample 0
    /// tuned to `centerFrequencyHz` (what `write` then writes, and what such a file reads back as).
    public var captures: [SigMFCapture]
    /// Global members other than `core:datatype`, `core:sample_rate` and `core:version`, preserved verbatim.
    public var extraGlobalFields: [String: JSONValue]

    public init(
        samples: [Complex<Float>], sampleRateHz: Double, centerFrequencyHz: Double? = nil, datatype: Datatype = .cf32LE,
        annotations: [SigMFAnnotation] = [], extraGlobalFields: [String: JSONValue] = [:],
        captures: [SigMFCapture] = []
    ) {
        self.captures = captures
        self.samples = samples
        self.sampleRateHz = sampleRateHz
        self.centerFrequencyHz = centerFrequencyHz
        self.datatype = datatype
        self.annotations = annotations
        self.extraGlobalFields = extraGlobalFields
    }

    /// Sample rates the reader (and writer) accept [Hz]: 1 mHz to 1 THz.
    public static let sampleRateRangeHz: ClosedRange<Double> = 1e-3...1e12

    /// Frequencies (capture centre, annotation edges) the reader accepts [Hz]: |f| ≤ 10 THz.
    public static let frequencyRangeHz: ClosedRange<Double> = -1e13...1e13

    /// Checks a sample rate and centre frequency given in place of a recording's own (command-line overrides,
    /// say) against the ranges a file is held to (`sampleRateRangeHz`, `frequencyRangeHz`), so that an override
    /// cannot bring in what a file may not.
    /// - Parameters:
    ///   - sampleRateName, frequencyName: how the message names each value, e.g. `--sample-rate`.
    /// - Returns: what is wrong, in words naming the value ("--sample-rate must lie in 1 mHz … (got 0)"), or nil
    ///   when each value is absent or in range.
    public static func overrideProblem(
        sampleRateHz: Double?, named sampleRateName: String, centerFrequencyHz: Double?, named frequencyName: String
    ) -> String? {
        if let rate = sampleRateHz, !sampleRateRangeHz.contains(rate) {
            return "\(sampleRateName) must lie in \(rangeText(sampleRateRangeHz)) (got \(rate))"
        }
        if let frequency = centerFrequencyHz, !frequencyRangeHz.contains(frequency) {
            return "\(frequencyName) must lie in \(rangeText(frequencyRangeHz)) (got \(frequency))"
        }
        return nil
    }

    /// A JSON value as a message shows it: `5e-324`, `"abc"`, `an array`.
    static func show(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return String(flag)
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .string(let text): return "\"\(text.prefix(40))\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// `"0.001 Hz to 1e+12 Hz"`, for messages.
    static func rangeText(_ range: ClosedRange<Double>) -> String {
        String(format: "%g Hz to %g Hz", range.lowerBound, range.upperBound)
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
    ///   `.nonFiniteValue` (NaN/∞ cf32 sample, naming its index). Every range above is checked; an empty
    ///   meta or data file (such as `/dev/null`) is `.truncated` with 0 bytes ("the file is empty").
    public static func read(from url: URL) throws(IOError) -> SigMFRecording {
        var recording = try readMetadata(from: url)
        let dataURL = recording.dataURL(forMetaAt: url)
        let data = try FileContents.read(dataURL)
        if data.isEmpty {
            throw IOError.truncated(
                file: dataURL.path, expectedBytes: recording.datatype.bytesPerSample, actualBytes: 0)
        }
        switch recording.datatype {
        case .cf32LE: recording.samples = try IQSampleCodec.decodeCF32(data, file: dataURL.path)
        case .ci16LE: recording.samples = try IQSampleCodec.decodeCI16(data, file: dataURL.path)
        }
        try recording.checkCaptures(file: files(for: url).meta.path)
        return recording
    }

    /// The data file of the recording whose meta is at `url`: `core:dataset` when the meta names one (a path
    /// relative to the meta's folder, or absolute: a metadata file written beside someone else's data, such as
    /// `wtk spectrum segment`'s), else `<base>.sigmf-data`.
    public func dataURL(forMetaAt url: URL) -> URL {
        guard let name = extraGlobalFields["core:dataset"]?.stringValue, !name.isEmpty else {
            return Self.files(for: url).data
        }
        if name.hasPrefix("/") { return URL(fileURLWithPath: name) }
        return Self.files(for: url).meta.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// The capture segments as sample ranges of a recording of `sampleCount` samples (the first one from sample
    /// 0, the last one to the end; no captures: one range over everything, tuned to `centerFrequencyHz`).
    public func captureRanges(sampleCount: Int) -> [(capture: SigMFCapture, samples: Range<Int>)] {
        let list = captures.isEmpty ? [SigMFCapture(sampleStart: 0, frequencyHz: centerFrequencyHz)] : captures
        return list.indices.map { k in
            let end = k + 1 < list.count ? list[k + 1].sampleStart : Swift.max(sampleCount, list[k].sampleStart)
            return (list[k], (k == 0 ? 0 : list[k].sampleStart)..<end)
        }
    }

    /// Checks that every capture starts inside the data (`samples.count`).
    func checkCaptures(file: String) throws(IOError) {
        for (k, capture) in captures.enumerated() where capture.sampleStart >= samples.count && k > 0 {
            throw .malformedInput(
                file: file, line: nil, column: "captures[\(k)].core:sample_start",
                reason: "\(capture.sampleStart) is past the end of the data (\(samples.count) samples)")
        }
    }

    /// Reads the meta file only: every field of `read(from:)` except the samples (left empty), with the same
    /// checks; for readers that stream the data file themselves.
    /// - Parameter url: `x.sigmf-meta`, `x.sigmf-data`, or the base path `x`.
    /// - Throws: as `read(from:)`, for the meta file.
    public static func readMetadata(from url: URL) throws(IOError) -> SigMFRecording {
        let metaURL = files(for: url).meta
        let metaFile = metaURL.path
        let meta: JSONValue
        do {
            let metaBytes = try FileContents.read(metaURL)
            if metaBytes.isEmpty { throw IOError.truncated(file: metaFile, expectedBytes: 2, actualBytes: 0) }
            meta = try JSONValue(parsing: metaBytes, file: metaFile)
        } catch let error as IOError {
            throw error
        } catch {
            throw .malformedInput(
                file: metaFile, line: nil, column: nil, reason: "not valid JSON: \(DecodingProblem.text(error))")
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
        guard let sampleRateHz = sampleRateValue.doubleValue, sampleRateRangeHz.contains(sampleRateHz) else {
            throw .malformedInput(
                file: metaFile, line: nil, column: "core:sample_rate",
                reason: "\(show(sampleRateValue)) is not a sample rate from \(rangeText(sampleRateRangeHz))")
        }
        if let channels = global["core:num_channels"] {
            guard let count = channels.intValue, count >= 1 else {
                throw .malformedInput(
                    file: metaFile, line: nil, column: "core:num_channels",
                    reason: "\(show(channels)) is not a channel count (an integer ≥ 1)")
            }
            guard count == 1 else {
                throw .unsupportedFormat(
                    file: metaFile,
                    reason: "only single-channel recordings are supported (core:num_channels is \(count))")
            }
        }
        if let offset = global["core:offset"], (offset.intValue ?? -1) < 0 {
            throw .malformedInput(
                file: metaFile, line: nil, column: "core:offset",
                reason: "\(show(offset)) is not a sample index (an integer ≥ 0)")
        }
        global["core:datatype"] = nil
        global["core:sample_rate"] = nil
        global["core:version"] = nil  // the writer states the version of what it writes

        var captures: [SigMFCapture] = []
        if case .array(let items)? = meta["captures"] {
            for (k, item) in items.enumerated() {
                let capture = try capture(item, index: k, file: metaFile)
                if let previous = captures.last, capture.sampleStart <= previous.sampleStart {
                    throw .malformedInput(
                        file: metaFile, line: nil, column: "captures[\(k)].core:sample_start",
                        reason:
                            "\(capture.sampleStart) does not follow the previous capture's \(previous.sampleStart) (starts must increase)"
                    )
                }
                captures.append(capture)
            }
        }
        let centerFrequencyHz = captures.first?.frequencyHz
        // One plain capture at sample 0 is what `captures == []` stands for (and what `write` writes for it).
        if captures.count == 1, captures[0] == SigMFCapture(sampleStart: 0, frequencyHz: centerFrequencyHz) {
            captures = []
        }

        var annotations: [SigMFAnnotation] = []
        if case .array(let items)? = meta["annotations"] {
            for (k, item) in items.enumerated() {
                annotations.append(try annotation(item, index: k, file: metaFile))
            }
        }

        return SigMFRecording(
            samples: [], sampleRateHz: sampleRateHz, centerFrequencyHz: centerFrequencyHz, datatype: datatype,
            annotations: annotations, extraGlobalFields: global, captures: captures)
    }

    private static func capture(_ item: JSONValue, index k: Int, file: String) throws(IOError) -> SigMFCapture {
        func field(_ name: String) -> String { "captures[\(k)].\(name)" }
        guard case .object(var members) = item else {
            throw .malformedInput(file: file, line: nil, column: "captures[\(k)]", reason: "must be an object")
        }
        let start: Int
        if let value = members["core:sample_start"] {
            guard let index = value.intValue, index >= 0 else {
                throw .malformedInput(
                    file: file, line: nil, column: field("core:sample_start"), reason: "must be a non-negative integer")
            }
            start = index
        } else {
            guard k == 0 else {
                throw .malformedInput(
                    file: file, line: nil, column: field("core:sample_start"), reason: "missing required field")
            }
            start = 0
        }
        var frequencyHz: Double?
        if let frequency = members["core:frequency"] {
            guard let value = frequency.doubleValue, frequencyRangeHz.contains(value) else {
                throw .malformedInput(
                    file: file, line: nil, column: field("core:frequency"),
                    reason: "\(show(frequency)) is not a frequency from \(rangeText(frequencyRangeHz))")
            }
            frequencyHz = value
        }
        var datetime: String?
        if let value = members["core:datetime"] {
            guard let text = value.stringValue else {
                throw .malformedInput(
                    file: file, line: nil, column: field("core:datetime"),
                    reason: "\(show(value)) is not an ISO 8601 date-time string")
            }
            datetime = text
        }
        for name in ["core:sample_start", "core:frequency", "core:datetime"] { members[name] = nil }
        return SigMFCapture(sampleStart: start, frequencyHz: frequencyHz, datetime: datetime, extraFields: members)
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
        guard !start.addingReportingOverflow(count).overflow else {
            throw .malformedInput(
                file: file, line: nil, column: field("core:sample_count"),
                reason: "start \(start) + count \(count) is beyond any recording (more than 2^63 − 1 samples)")
        }
        func frequency(_ name: String) throws(IOError) -> Double? {
            guard let value = item[name] else { return nil }
            guard let hz = value.doubleValue, frequencyRangeHz.contains(hz) else {
                throw .malformedInput(
                    file: file, line: nil, column: field(name),
                    reason: "\(show(value)) is not a frequency from \(rangeText(frequencyRangeHz))")
            }
            return hz
        }
        var extra: [String: JSONValue] = [:]
        if case .object(let members) = item {
            for (name, value) in members where !SigMFAnnotation.coreNames.contains(name) { extra[name] = value }
        }
        return SigMFAnnotation(
            sampleStart: start, sampleCount: count, frequencyLowerEdgeHz: try frequency("core:freq_lower_edge"),
            frequencyUpperEdgeHz: try frequency("core:freq_upper_edge"), label: item["core:label"]?.stringValue,
            extraFields: extra)
    }

    /// The meta JSON text (pretty, sorted keys, trailing newline).
    public func metaJSON() throws(IOError) -> Data {
        var global = extraGlobalFields
        global["core:datatype"] = .string(datatype.rawValue)
        global["core:sample_rate"] = .number(sampleRateHz)
        global["core:version"] = .string(Self.specificationVersion)
        let captureValues =
            captures.isEmpty
            ? [SigMFCapture(sampleStart: 0, frequencyHz: centerFrequencyHz).jsonValue] : captures.map(\.jsonValue)
        let meta: JSONValue = .object([
            "global": .object(global), "captures": .array(captureValues),
            "annotations": .array(annotations.map(\.jsonValue)),
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
    /// - Throws: `IOError.nonFiniteValue` for a NaN/∞ sample; a rate outside `sampleRateRangeHz` is reported as
    ///   `IOError.malformedInput` (nothing is written); `IOError.unwritable`. If the meta write fails after
    ///   the data write succeeded, the new data file is left beside the old meta file.
    @discardableResult
    public func write(to url: URL) throws(IOError) -> (meta: URL, data: URL) {
        let (metaURL, dataURL) = Self.files(for: url)
        guard Self.sampleRateRangeHz.contains(sampleRateHz) else {
            throw .malformedInput(
                file: metaURL.path, line: nil, column: "core:sample_rate",
                reason: "\(sampleRateHz) is not a sample rate from \(Self.rangeText(Self.sampleRateRangeHz))")
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
