import Foundation
import Numerics
import WirelessCore

/// One occupied interval found in a window.
public struct OccupiedInterval: Sendable, Equatable, Codable {
    /// Window index (hop W = M·N samples).
    public var window: Int
    /// First sample of the window [samples].
    public var sampleStart: Int
    /// Samples in the window.
    public var sampleCount: Int
    /// First and one-past-last bin of the run.
    public var bins: BinInterval
    /// Lower / upper edge [Hz]: baseband offset, plus the centre frequency when known (RF).
    public var lowerEdgeHz: Double
    public var upperEdgeHz: Double
    /// Mean Re-part probability over the run.
    public var meanProbability: Double
}

/// Runs a trained network over a recording in memory, window by window (output as in
/// docs/SPECTRUM.md#sigmf-captures). Streams, captures, padded trailing windows and emissions are
/// `SpectrumStreamSegmenter`'s (docs/SPECTRUM.md#streaming).
///
///     windows x[w·W ..< (w+1)·W], W = M·N (a trailing partial window is ignored)
///     bin k ↔ [f_k, f_k + fs/N), f_k = −fs/2 + k·fs/N (+ centre frequency)
public struct SpectrumSegmenter {
    /// The network. Changing it re-prepares the fast inference path.
    public var network: SegmentationNetwork<Float> {
        didSet { plan = InferencePlan(network: network) }
    }
    public let extractor: SpectrumFeatureExtractor
    public let rule: DecisionRule
    /// The sample rate the model was trained at [Hz] (20 MHz).
    public let modelSampleRateHz: Double
    /// The folded inference pass of `network` (nil for an architecture `InferencePlan` does not cover,
    /// which then runs through `SegmentationNetwork.inference`).
    var plan: InferencePlan?
    /// Windows per batch in `segment(samples:…)` (each batch is one call of `segmentWindows`).
    public static let windowsPerBatch = 32

    /// One batch's results: per-window masks and Re-plane probabilities, and the occupied intervals
    /// (window indices and sample starts counted from the batch's `firstWindow`).
    public typealias Segmentation = (masks: [[Bool]], probabilities: [[Float]], intervals: [OccupiedInterval])

    /// - Throws: FFT planning errors.
    public init(network: SegmentationNetwork<Float>, rule: DecisionRule = .standard, modelSampleRateHz: Double = 20e6)
        throws(SpectrumNetError)
    {
        self.network = network
        self.extractor = try SpectrumFeatureExtractor(for: network.configuration)
        self.rule = rule
        self.modelSampleRateHz = modelSampleRateHz
        self.plan = InferencePlan(network: network)
    }

    /// Per-window masks, probabilities (Re plane) and intervals. Does not mutate the segmenter, so one
    /// segmenter serves several recordings or threads. Runs `segmentWindows` on batches of
    /// `windowsPerBatch` windows.
    ///
    /// - Throws: `SpectrumNetError.sampleRateMismatch` (fs ≠ model fs; never resampled),
    ///   `.lengthMismatch` (fewer samples than one window), `.nonFiniteSample`, `.allZeroWindow`.
    public func segment(samples: [Complex<Float>], sampleRateHz: Double, centerFrequencyHz: Double?)
        throws(SpectrumNetError) -> Segmentation
    {
        try checkSampleRate(sampleRateHz)
        let w = extractor.windowSamples
        guard samples.count >= w else { throw SpectrumNetError.lengthMismatch(expected: w, found: samples.count) }
        try Self.checkFinite(samples[...], firstIndex: 0)
        let windows = samples.count / w
        var result: Segmentation = ([], [], [])
        var first = 0
        while first < windows {
            let count = min(Self.windowsPerBatch, windows - first)
            let batch = try segmentValidWindows(
                samples[(first * w)..<((first + count) * w)], firstWindow: first, sampleRateHz: sampleRateHz,
                centerFrequencyHz: centerFrequencyHz)
            result.masks += batch.masks
            result.probabilities += batch.probabilities
            result.intervals += batch.intervals
            first += count
        }
        return result
    }

    /// The batched entry point: segments the ⌊count/W⌋ consecutive windows of `samples` (W = M·N samples;
    /// a trailing partial window is ignored, no window gives empty results) in one batch, window k of the
    /// batch being window `firstWindow + k` of the recording (its `OccupiedInterval.window`, with
    /// `sampleStart = (firstWindow + k)·W`). The network runs on the batch at once, in parallel on both
    /// cores (`InferencePlan`); the results are those of `segment(samples:…)` for the same windows.
    /// For a streaming reader: call it with a few dozen windows at a time.
    ///
    /// - Throws: `SpectrumNetError.sampleRateMismatch`, `.nonFiniteSample` (index counted from window
    ///   `firstWindow`'s first sample at `firstWindow·W`), `.allZeroWindow`.
    public func segmentWindows(
        _ samples: ArraySlice<Complex<Float>>, firstWindow: Int, sampleRateHz: Double, centerFrequencyHz: Double?
    ) throws(SpectrumNetError) -> Segmentation {
        precondition(firstWindow >= 0, "firstWindow must be ≥ 0")
        try checkSampleRate(sampleRateHz)
        try Self.checkFinite(samples, firstIndex: firstWindow * extractor.windowSamples)
        return try segmentValidWindows(
            samples, firstWindow: firstWindow, sampleRateHz: sampleRateHz, centerFrequencyHz: centerFrequencyHz)
    }

    /// Inference logits `[B × 1 × N]` of a batch of network inputs (`SpectrumFeatureExtractor.write`): the
    /// folded parallel pass when the architecture allows it, else `SegmentationNetwork.inference`.
    public func logits(_ input: ComplexTensor<Float>) -> ComplexTensor<Float> {
        plan?.logits(input) ?? network.inference(input)
    }

    private func checkSampleRate(_ sampleRateHz: Double) throws(SpectrumNetError) {
        guard abs(sampleRateHz - modelSampleRateHz) <= 1e-9 * modelSampleRateHz else {
            throw SpectrumNetError.sampleRateMismatch(expectedHz: modelSampleRateHz, foundHz: sampleRateHz)
        }
    }

    private static func checkFinite(_ samples: ArraySlice<Complex<Float>>, firstIndex: Int) throws(SpectrumNetError) {
        for (offset, value) in samples.enumerated() where !(value.real.isFinite && value.imaginary.isFinite) {
            throw SpectrumNetError.nonFiniteSample(index: firstIndex + offset)
        }
    }

    /// `segmentWindows` after the checks of the rate and the samples.
    private func segmentValidWindows(
        _ samples: ArraySlice<Complex<Float>>, firstWindow: Int, sampleRateHz: Double, centerFrequencyHz: Double?
    ) throws(SpectrumNetError) -> Segmentation {
        let w = extractor.windowSamples
        let windows = samples.count / w
        guard windows > 0 else { return ([], [], []) }
        let n = extractor.bins
        let isComplex = network.configuration.isComplex
        var input = ComplexTensor<Float>(
            uninitializedBatch: windows, channels: network.configuration.inputChannels, length: n,
            isComplex: isComplex)
        let start = samples.startIndex
        for k in 0..<windows {
            try extractor.write(samples[(start + k * w)..<(start + (k + 1) * w)], into: &input, slot: k)
        }
        let p = TensorOperations.splitSigmoid(logits(input))
        var masks: [[Bool]] = []
        var probabilities: [[Float]] = []
        var intervals: [OccupiedInterval] = []
        let binWidth = sampleRateHz / Double(n)
        let offset = centerFrequencyHz ?? 0
        for k in 0..<windows {
            let window = firstWindow + k
            let rows = (k * n)..<((k + 1) * n)
            let real = Array(p.real[rows])
            let mask = rule.decide(real: real[...], imaginary: isComplex ? p.imaginary[rows] : [])
            masks.append(mask)
            probabilities.append(real)
            for run in BinInterval.runs(mask) {
                let mean = real[run.start..<run.end].reduce(0, +) / Float(run.end - run.start)
                intervals.append(
                    OccupiedInterval(
                        window: window, sampleStart: window * w, sampleCount: w, bins: run,
                        lowerEdgeHz: offset - sampleRateHz / 2 + Double(run.start) * binWidth,
                        upperEdgeHz: offset - sampleRateHz / 2 + Double(run.end) * binWidth,
                        meanProbability: Double(mean)))
            }
        }
        return (masks, probabilities, intervals)
    }

    /// The checkpoint shipped with the toolkit (`cmusenet-default.cmsn`, a SwiftPM resource of this module;
    /// provenance in `datasets/cmusenet-default/`), found beside the running executable from any working
    /// directory (see `ShippedResources`); nil when the resource folder is not there (a binary copied
    /// without it: install with `scripts/install`).
    public static var defaultModelURL: URL? {
        ShippedResources.url(of: defaultModelFileName, target: "WirelessSpectrumNet")
    }

    /// The sample rate every shipped and trained model works at [Hz] (20 MS/s; never resampled).
    public static let modelSampleRateHz = 20e6

    /// File name of the shipped checkpoint.
    public static let defaultModelFileName = "cmusenet-default.cmsn"
}
