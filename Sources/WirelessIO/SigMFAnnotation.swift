/// One SigMF annotation: a labelled region of the recording in time and, optionally, frequency.
///
/// Maps to the SigMF core fields `core:sample_start`, `core:sample_count`, `core:freq_lower_edge`,
/// `core:freq_upper_edge`, `core:label` (SigMF specification v1.x, "Annotations Array").
public struct SigMFAnnotation: Sendable, Equatable, Codable {
    /// First sample of the region [samples], ≥ 0.
    public var sampleStart: Int
    /// Length of the region [samples], ≥ 0.
    public var sampleCount: Int
    /// Lower frequency edge [Hz] (absolute, not relative to the centre), if given.
    public var frequencyLowerEdgeHz: Double?
    /// Upper frequency edge [Hz], if given.
    public var frequencyUpperEdgeHz: Double?
    /// Human-readable label, if given.
    public var label: String?
    /// Other members (extension fields such as `wtk:snr_db`, `core:comment`), preserved on read and write.
    public var extraFields: [String: JSONValue]

    public init(
        sampleStart: Int, sampleCount: Int, frequencyLowerEdgeHz: Double? = nil, frequencyUpperEdgeHz: Double? = nil,
        label: String? = nil, extraFields: [String: JSONValue] = [:]
    ) {
        self.sampleStart = sampleStart
        self.sampleCount = sampleCount
        self.frequencyLowerEdgeHz = frequencyLowerEdgeHz
        self.frequencyUpperEdgeHz = frequencyUpperEdgeHz
        self.label = label
        self.extraFields = extraFields
    }

    /// Member names the typed fields stand for (never kept in `extraFields`).
    static let coreNames: Set<String> = [
        "core:sample_start", "core:sample_count", "core:freq_lower_edge", "core:freq_upper_edge", "core:label",
    ]

    /// The annotation as a SigMF JSON object.
    public var jsonValue: JSONValue {
        var members = extraFields
        members["core:sample_start"] = .integer(Int64(sampleStart))
        members["core:sample_count"] = .integer(Int64(sampleCount))
        if let f = frequencyLowerEdgeHz { members["core:freq_lower_edge"] = .number(f) }
        if let f = frequencyUpperEdgeHz { members["core:freq_upper_edge"] = .number(f) }
        if let label { members["core:label"] = .string(label) }
        return .object(members)
    }
}
