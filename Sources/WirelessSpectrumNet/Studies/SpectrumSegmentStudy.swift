import Foundation
import Numerics
import WirelessCore
import WirelessFFT
import WirelessIO

/// The segmentation study of `wtk spectrum segment`: a trained network run over a recording or a sample
/// stream window by window (M·N samples each, at the model's 20 MS/s; never resampled; windows stay inside
/// one capture, a trailing partial window is zero-padded and marked), the windows' occupied intervals merged
/// across time into emissions (`EmissionTracker`, docs/SPECTRUM.md#emissions).
///
///     let (network, _) = try Checkpoint.load(from: modelURL)
///     let result = try SpectrumSegmentStudy(.init(input: .recording(recording), network: network)).run()
///     result.emissions   // start, stop, edges, powers, SNR, windows covered
///
/// `run(progress:emission:)` streams: each emission goes to the caller as it closes and the result keeps
/// none, so memory stays bounded whatever the length (docs/SPECTRUM.md#streaming).
public struct SpectrumSegmentStudy: Study {
    /// Where the samples come from.
    public enum Input: Sendable {
        /// A recording in memory (its rate, captures and centre frequency are used unless overridden).
        case recording(SigMFRecording)
        /// A data file read a chunk at a time (a `.sigmf-data`, a raw `.cf32`, a FIFO).
        case file(URL, datatype: SigMFRecording.Datatype)
        /// Standard input.
        case standardInput(datatype: SigMFRecording.Datatype)
    }

    /// The input, the model and the merging rule.
    public struct Configuration: Sendable {
        /// The samples.
        public var input: Input
        /// Sample rate [Hz] (must equal the model's 20 MHz); nil: the recording's (required for files and
        /// standard input).
        public var sampleRateHz: Double?
        /// Capture segments; empty: the recording's, or one capture at sample 0 tuned to `centerFrequencyHz`.
        public var captures: [SigMFCapture] = []
        /// Centre frequency [Hz] of a stream without captures (RF edges), if known.
        public var centerFrequencyHz: Double?
        /// The trained network.
        public var network: SegmentationNetwork<Float>
        /// The decision rule.
        public var rule: DecisionRule = .standard
        /// Windows per batched inference call, 1…256.
        public var batchWindows = 16
        /// Emission merging: frequency tolerance [bins] ≥ 0 and windows an emission may skip ≥ 0.
        public var toleranceBins = 1
        public var maxGapWindows = 0
        /// What the input is, for errors and the title (its path, `-` for standard input).
        public var source = "recording"

        public init(input: Input, network: SegmentationNetwork<Float>) {
            self.input = input
            self.network = network
        }

        /// Compatibility: a recording in memory.
        public init(recording: SigMFRecording, network: SegmentationNetwork<Float>) {
            self.init(input: .recording(recording), network: network)
        }

        /// The captures used: given, else the recording's, else one at sample 0 (`centerFrequencyHz`).
        public var resolvedCaptures: [SigMFCapture] {
            if !captures.isEmpty { return captures }
            if case .recording(let recording) = input {
                return recording.captures.isEmpty
                    ? [SigMFCapture(sampleStart: 0, frequencyHz: centerFrequencyHz ?? recording.centerFrequencyHz)]
                    : recording.captures
            }
            return [SigMFCapture(sampleStart: 0, frequencyHz: centerFrequencyHz)]
        }
    }

    /// The emissions (when collected) and the first window, for the figure.
    public struct Result: StudyResult {
        public let configuration: Configuration
        /// The emissions in closing order (empty for a streaming run, which hands them on instead).
        public let emissions: [Emission]
        /// What the run saw (windows, padded windows, emissions, samples, peak batch size).
        public let summaryCounts: SpectrumStreamSegmenter.Summary
        /// The first window's mask and Welch spectrum [dB per bin] at frequencies [MHz] (RF when known).
        let firstWindow: (mask: [Bool], frequenciesMHz: [Double], densityDB: [Double])

        public var tables: [StudyTable] {
            let rows = emissions.map(EmissionTable.fields)
            return [
                StudyTable(
                    name: "-emissions",
                    columns: EmissionTable.header.enumerated().map { k, name in
                        StudyColumn(name, rows.map { $0[k] })
                    })
            ]
        }

        public var plots: [StudyPlot] {
            let n = firstWindow.densityDB.count
            let low = firstWindow.densityDB.min() ?? 0
            let high = firstWindow.densityDB.max() ?? 1
            let rf = configuration.resolvedCaptures.first?.frequencyHz != nil
            return [
                StudyPlot(
                    title:
                        "Segments of \(configuration.source == "-" ? "standard input" : URL(fileURLWithPath: configuration.source).lastPathComponent) (window 0)",
                    xLabel: rf ? "Frequency [MHz]" : "Frequency offset [MHz]",
                    yLabel: "Power per bin [dB]",
                    series: [
                        StudySeries(
                            "occupied (CMuSeNet)",
                            .band(
                                x: firstWindow.frequenciesMHz, lower: Array(repeating: low, count: n),
                                upper: Self.resample(firstWindow.mask, to: n).map { $0 ? high : low })),
                        StudySeries(
                            "Welch spectrum", .line(x: firstWindow.frequenciesMHz, y: firstWindow.densityDB)),
                    ])
            ]
        }

        /// `mask` on `count` bins (OR over the bins each output bin covers, or repeated).
        static func resample(_ mask: [Bool], to count: Int) -> [Bool] {
            guard !mask.isEmpty, mask.count != count else { return mask }
            return (0..<count).map { k in
                let first = k * mask.count / count
                let last = max(first + 1, ((k + 1) * mask.count + count - 1) / count)
                return mask[first..<min(last, mask.count)].contains(true)
            }
        }

        public var summary: String {
            let c = summaryCounts
            return "spectrum segment: \(c.windows) windows (\(c.paddedWindows) zero-padded), \(c.emissions) emissions"
        }

        /// The run's speed after `elapsed` of wall-clock time: the real-time factor (seconds of signal at
        /// `configuration.sampleRateHz` per second of work), both durations and the process's peak memory.
        public func speedSummary(elapsed: Duration) -> String {
            let seconds =
                Double(summaryCounts.samples) / (configuration.sampleRateHz ?? SpectrumSegmenter.modelSampleRateHz)
            let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            return "spectrum segment: real-time factor \(String(format: "%.2f", seconds / max(wall, 1e-9))) "
                + "(\(SummaryText.quantity(seconds, "s")) of signal in \(SummaryText.quantity(wall, "s"))), "
                + "peak memory \(ProcessResources.peakResidentMegabytes()) MB"
        }
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) { self.configuration = configuration }

    /// Segments the input and keeps every emission in the result (deterministic: `seed` is ignored).
    /// - Throws: as `run(progress:emission:)`.
    public func run(seed: UInt64, progress: any StudyProgress) throws -> Result {
        var emissions: [Emission] = []
        let result = try run(progress: progress) { emissions.append($0) }
        return Result(
            configuration: configuration, emissions: emissions, summaryCounts: result.summaryCounts,
            firstWindow: result.firstWindow)
    }

    /// Segments the input, handing each emission to `emission` as it closes (the result keeps none).
    /// - Throws: `SpectrumNetError` (sample-rate mismatch, empty input, non-finite or all-zero window, bad
    ///   captures) naming the source; the reader's `IOError` (truncated, non-finite, unreadable).
    /// - Parameter window: also called for every window, in order (its samples zero-padded when marked).
    public func run(
        progress: any StudyProgress = SilentStudyProgress(),
        window: (SpectrumStreamSegmenter.Window) throws -> Void = { _ in }, emission: (Emission) throws -> Void
    ) throws -> Result {
        let c = configuration
        let streamer = try makeSegmenter()
        let captures = c.resolvedCaptures
        var firstWindow: (mask: [Bool], frequenciesMHz: [Double], densityDB: [Double])?
        let welchLength = min(1024, c.network.configuration.bins)
        let fs: Double
        if case .recording(let recording) = c.input {
            fs = c.sampleRateHz ?? recording.sampleRateHz
        } else {
            fs = try requiredRate()
        }
        func onWindow(_ current: SpectrumStreamSegmenter.Window) throws {
            try window(current)
            guard firstWindow == nil else { return }
            let welch = try WelchPSD(segmentLength: welchLength, sampleRateHz: fs)
            let density = try welch.estimate(samples: Array(current.samples)).map {
                Decibels.fromPower(max($0 * fs, 1e-30))
            }
            let centre = captures[0].frequencyHz ?? 0
            firstWindow = (current.mask, welch.frequenciesHz.map { ($0 + centre) / 1e6 }, density)
        }
        let counts: SpectrumStreamSegmenter.Summary
        switch c.input {
        case .recording(let recording):
            var source = IQArraySource(recording.samples)
            counts = try SpectrumNetError.naming(file: c.source) {
                try streamer.run(
                    source: &source, sampleRateHz: fs, captures: captures, window: onWindow, emission: emission)
            }
        case .file(let url, let datatype):
            var source = try IQStreamReader(url: url, datatype: datatype)
            counts = try SpectrumNetError.naming(file: c.source) {
                try streamer.run(
                    source: &source, sampleRateHz: fs, captures: captures, window: onWindow, emission: emission)
            }
        case .standardInput(let datatype):
            var source = IQStreamReader(standardInputWith: datatype)
            counts = try SpectrumNetError.naming(file: c.source) {
                try streamer.run(
                    source: &source, sampleRateHz: fs, captures: captures, window: onWindow, emission: emission)
            }
        }
        return Result(
            configuration: c, emissions: [], summaryCounts: counts,
            firstWindow: firstWindow ?? ([], [], []))
    }

    func requiredRate() throws(SpectrumNetError) -> Double {
        guard let rate = configuration.sampleRateHz else {
            throw SpectrumNetError.invalidConfiguration(reason: "a sample stream needs its sample rate (--sample-rate)")
        }
        return rate
    }

    func makeSegmenter() throws(SpectrumNetError) -> SpectrumStreamSegmenter {
        var streamer = try SpectrumStreamSegmenter(
            network: configuration.network, rule: configuration.rule, batchWindows: configuration.batchWindows)
        streamer.toleranceBins = configuration.toleranceBins
        streamer.maxGapWindows = configuration.maxGapWindows
        return streamer
    }
}

extension SpectrumSegmentStudy.Configuration {
    /// The settings a run records beside its outputs: `input` (`source`), `rule` (its summary),
    /// `sample_rate_hz` (`recording` when the input's own rate applies), `batch_windows`, `tolerance_bins`
    /// and `max_gap_windows`.
    public var recordedParameters: [String: String] {
        [
            "input": source, "rule": rule.summary, "sample_rate_hz": sampleRateHz.map { String($0) } ?? "recording",
            "batch_windows": String(batchWindows), "tolerance_bins": String(toleranceBins),
            "max_gap_windows": String(maxGapWindows),
        ]
    }
}
