import Foundation

/// One SigMF capture segment: where a stretch of the data file starts and how it was tuned.
///
/// Maps to the SigMF core fields of the "Captures Array": `core:sample_start` (required, an index into
/// the data file, strictly increasing from one capture to the next), `core:frequency` (centre
/// frequency [Hz], optional) and `core:datetime` (ISO 8601 UTC time of the capture's first sample,
/// optional). Other members are preserved verbatim (`extraFields`). A capture runs from its
/// `sampleStart` to the next capture's (the last one to the end of the data).
public struct SigMFCapture: Sendable, Equatable, Codable {
    /// First sample of the capture [samples], ≥ 0.
    public var sampleStart: Int
    /// Centre frequency [Hz], if given (in `SigMFRecording.frequencyRangeHz`).
    public var frequencyHz: Double?
    /// `core:datetime` as written (ISO 8601, e.g. `2026-12-07T14:00:00.000Z`), if given.
    public var datetime: String?
    /// Other members of the capture object, preserved on write.
    public var extraFields: [String: JSONValue]

    public init(
        sampleStart: Int, frequencyHz: Double? = nil, datetime: String? = nil, extraFields: [String: JSONValue] = [:]
    ) {
        self.sampleStart = sampleStart
        self.frequencyHz = frequencyHz
        self.datetime = datetime
        self.extraFields = extraFields
    }

    /// `datetime` as a date (fractional seconds allowed), or nil when absent or not ISO 8601.
    public var startDate: Date? {
        guard let datetime else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: datetime) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: datetime)
    }

    /// The capture as a SigMF JSON object.
    public var jsonValue: JSONValue {
        var members = extraFields
        members["core:sample_start"] = .integer(Int64(sampleStart))
        if let frequencyHz { members["core:frequency"] = .number(frequencyHz) }
        if let datetime { members["core:datetime"] = .string(datetime) }
        return .object(members)
    }

    /// `date` as `core:datetime` text (UTC, milliseconds).
    public static func datetimeText(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
