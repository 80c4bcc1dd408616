import Foundation
import WirelessCore
import WirelessIO

/// One emission: an occupied frequency interval followed across consecutive windows of one capture by
/// `EmissionTracker` (docs/SPECTRUM.md#emissions).
///
/// Times are sample times from the start of the stream (sample index / fs); `startDate` adds the capture's
/// `core:datetime` when it is known. Powers are in dBFS (|x|² = 1 is 0 dBFS; ci16 samples are scaled by
/// 1/32768 first, so a full-scale ci16 tone is ≈ 0 dBFS).
public struct Emission: Sendable, Equatable {
    /// Capture index (0 for a stream).
    public var capture: Int
    /// First and last window covered (stream window indices; the emission may skip up to the tracker's gap
    /// tolerance between them).
    public var firstWindow: Int
    public var lastWindow: Int
    /// Windows in which the emission was detected (after a merge of two emissions, the larger of their counts).
    public var windows: Int
    /// First sample and one past the last input sample of the windows covered [samples].
    public var sampleStart: Int
    public var sampleEnd: Int
    /// Sample rate [Hz], for the times.
    public var sampleRateHz: Double
    /// Lower / upper edge [Hz]: the union of the intervals over the windows covered (RF when known).
    public var lowerEdgeHz: Double
    public var upperEdgeHz: Double
    /// Band power of the window where it was strongest [dBFS].
    public var peakPowerDBFS: Double
    /// Mean band power over the windows where it was detected (mean of linear powers) [dBFS].
    public var meanPowerDBFS: Double
    /// Estimated SNR in its band [dB]: (mean band power − band noise) / band noise; nil when the band power does
    /// not exceed the noise estimate.
    public var snrDB: Double?
    /// Whether one of its windows was a zero-padded trailing window (its power then reads low).
    public var includesPaddedWindow: Bool
    /// The capture's `core:datetime` plus the start time, when the capture has one.
    public var startDate: Date?

    /// Start time from the stream start [s].
    public var startSeconds: Double { Double(sampleStart) / sampleRateHz }
    /// Stop time (end of its last window's input samples) [s].
    public var stopSeconds: Double { Double(sampleEnd) / sampleRateHz }
    /// Bandwidth [Hz].
    public var bandwidthHz: Double { upperEdgeHz - lowerEdgeHz }
}

extension Emission {
    /// The emission as a SigMF annotation: its samples and edges, `core:label` "emission (wtk spectrum
    /// segment)", and `wtk:` members for the powers [dBFS], SNR [dB], windows and padding.
    public var annotation: SigMFAnnotation {
        var extra: [String: JSONValue] = [
            "wtk:source": .string("wtk spectrum segment"), "wtk:peak_power_dbfs": .number(peakPowerDBFS),
            "wtk:mean_power_dbfs": .number(meanPowerDBFS), "wtk:windows": .integer(Int64(windows)),
            "wtk:capture": .integer(Int64(capture)), "wtk:padded_window": .bool(includesPaddedWindow),
        ]
        if let snrDB { extra["wtk:snr_db"] = .number(snrDB) }
        if let startDate { extra["core:comment"] = .string("starts \(SigMFCaptureTime.text(startDate))") }
        return SigMFAnnotation(
            sampleStart: sampleStart, sampleCount: sampleEnd - sampleStart, frequencyLowerEdgeHz: lowerEdgeHz,
            frequencyUpperEdgeHz: upperEdgeHz, label: "emission (wtk spectrum segment)", extraFields: extra)
    }
}
