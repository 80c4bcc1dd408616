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

    public init(
        sampleStart: Int, sampleCount: Int, frequencyLowerEdgeHz: Double? = nil, frequencyUpperEdgeHz: Double? = nil,
        label: String? = nil
    ) {
        self.sampleStart = sampleStart
        self.sampleCount = sampleCount
        self.frequencyLowerEdgeHz = frequencyLowerEdgeHz
        self.frequencyUpperEdgeHz = frequencyUpperEdgeHz
        self.label = label
    }
}
