import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO

/// The segmentation study of `wtk spectrum segment`: a trained network run over a recording window by
/// window (M·N samples each, at the model's 20 MS/s; never resampled); each window's occupied bins
/// become intervals (RF edges when the centre frequency is known).
///
///     let (network, _) = try Checkpoint.load(from: modelURL)
///     let result = try SpectrumSegmentStudy(.init(recording: recording, network: network)).run()
///     result.tables[0]   // window, sample_start, …, lower_edge_hz, upper_edge_hz, mean_probability
public struct SpectrumSegmentStudy: Study {
    /// The recording and the model.
    public struct Configuration: Sendable {
        /// The recording (its sample rate must equal the model's).
        public var recording: SigMFRecording
        /// The trained network.
        public var network: SegmentationNetwork<Float>
        /// The decision rule.
        public var rule: DecisionRule = .standard
        /// What the recording is, for errors and the title (its path).
        public var source = "recording"

        public init(recording: SigMFRecording, network: SegmentationNetwork<Float>) {
            self.recording = recording
            self.network = network
        }
    }

    /// The intervals and masks.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// Per-window occupancy masks (one Bool per bin).
        public let masks: [[Bool]]
        /// The occupied intervals, window by window.
        public let intervals: [OccupiedInterval]
        /// The first window's Welch spectrum [dB per bin] and its frequencies [MHz] (RF when known).
        let spectrum: (frequenciesMHz: [Double], densityDB: [Double])

        /// The recording with one annotation per interval (cf32_le).
        public var annotatedRecording: SigMFRecording {
            var annotated = configuration.recording
            annotated.datatype = .cf32LE
            annotated.annotations = intervals.map {
                SigMFAnnotation(
                    sampleStart: $0.sampleStart, sampleCount: $0.sampleCount, frequencyLowerEdgeHz: $0.lowerEdgeHz,
                    frequencyUpperEdgeHz: $0.upperEdgeHz, label: "occupied (wtk spectrum segment)")
            }
            return annotated
        }

        public var tables: [StudyTable] {
            let i = intervals
            let swift = StudyColumn.NumberStyle.swiftDescription
            return [
                StudyTable(columns: [
                    StudyColumn("window", i.map(\.window)),
                    StudyColumn("sample_start", i.map(\.sampleStart)),
                    StudyColumn("sample_count", i.map(\.sampleCount)),
                    StudyColumn("first_bin", i.map(\.bins.start)),
                    StudyColumn("end_bin", i.map(\.bins.end)),
                    StudyColumn("lower_edge", unit: "hz", values: .real(i.map(\.lowerEdgeHz)), style: swift),
                    StudyColumn("upper_edge", unit: "hz", values: .real(i.map(\.upperEdgeHz)), style: swift),
                    StudyColumn(
                        "bandwidth", unit: "hz", values: .real(i.map { $0.upperEdgeHz - $0.lowerEdgeHz }), style: swift),
                    StudyColumn("mean_probability", i.map { String(format: "%.4f", $0.meanProbability) }),
                ])
            ]
        }

        public var plots: [StudyPlot] {
            let recording = configuration.recording
            let n = spectrum.densityDB.count
            let low = spectrum.densityDB.min() ?? 0
            let high = spectrum.densityDB.max() ?? 1
            let mask = masks.first ?? []
            return [
                StudyPlot(
                    title: "Segments of \(URL(fileURLWithPath: configuration.source).lastPathComponent) (window 0)",
                    xLabel: recording.centerFrequencyHz == nil ? "Frequency offset [MHz]" : "Frequency [MHz]",
                    yLabel: "Power per bin [dB]",
                    series: [
                        StudySeries(
                            "occupied (CMuSeNet)",
                            .band(
                                x: spectrum.frequenciesMHz, lower: Array(repeating: low, count: n),
                                upper: mask.map { $0 ? high : low })),
                        StudySeries("Welch spectrum", .line(x: spectrum.frequenciesMHz, y: spectrum.densityDB)),
                    ])
            ]
        }

        public var summary: String {
            "spectrum segment: \(masks.count) windows, \(intervals.count) intervals"
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Segments the recording (deterministic: `seed` is ignored).
    /// - Throws: `SpectrumNetError` (sample-rate mismatch, too short, non-finite or all-zero window) naming
    ///   the source.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        let c = configuration
        let recording = c.recording
        let segmenter = try SpectrumSegmenter(network: c.network, rule: c.rule)
        let result = try SpectrumNetError.naming(file: c.source) {
            try segmenter.segment(
                samples: recording.samples, sampleRateHz: recording.sampleRateHz,
                centerFrequencyHz: recording.centerFrequencyHz)
        }
        // The first window's Welch spectrum, for the figure.
        let n = c.network.configuration.bins
        let window = Array(recording.samples.prefix(c.network.configuration.fftCount * n))
        let welch = try WelchPSD(segmentLength: n, sampleRateHz: recording.sampleRateHz)
        let density = try welch.estimate(samples: window).map {
            Decibels.fromPower(max($0 * recording.sampleRateHz, 1e-30))
        }
        let centre = recording.centerFrequencyHz ?? 0
        return Result(
            configuration: c, masks: result.masks, intervals: result.intervals,
            spectrum: (welch.frequenciesHz.map { ($0 + centre) / 1e6 }, density))
    }
}
