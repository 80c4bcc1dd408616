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
    public var network: SegmentationNetwork<Float>
    public let extractor: SpectrumFeatureExtractor
    public let rule: DecisionRule
    /// The sample rate the model was trained at [Hz] (20 MHz).
    public let modelSampleRateHz: Double

    /// - Throws: FFT planning errors.
    public init(network: SegmentationNetwork<Float>, rule: DecisionRule = .standard, modelSampleRateHz: Double = 20e6)
        throws(SpectrumNetError)
    {
        self.network = network
        self.extractor = try SpectrumFeatureExtractor(for: network.configuration)
        self.rule = rule
        self.modelSampleRateHz = modelSampleRateHz
    }

    /// Per-window masks, probabilities (Re plane) and intervals. Does not mutate the segmenter (the network runs
    /// through `SegmentationNetwork.inference`), so one segmenter serves several recordings or threads.
    ///
    /// - Throws: `SpectrumNetError.sampleRateMismatch` (fs ≠ model fs; never resampled),
    ///   `.lengthMismatch` (fewer samples than one window), `.nonFiniteSample`, `.allZeroWindow`.
    public func segment(samples: [Complex<Float>], sampleRateHz: Double, centerFrequencyHz: Double?)
        throws(SpectrumNetError) -> (masks: [[Bool]], probabilities: [[Float]], intervals: [OccupiedInterval])
    {
        guard abs(sampleRateHz - modelSampleRateHz) <= 1e-9 * modelSampleRateHz else {
            throw SpectrumNetError.sampleRateMismatch(expectedHz: modelSampleRateHz, foundHz: sampleRateHz)
        }
        let w = extractor.windowSamples
        guard samples.count >= w else { throw SpectrumNetError.lengthMismatch(expected: w, found: samples.count) }
        for (index, value) in samples.enumerated() where !(value.real.isFinite && value.imaginary.isFinite) {
            throw SpectrumNetError.nonFiniteSample(index: index)
        }
        let windows = samples.count / w
        let n = extractor.bins
        let isComplex = network.configuration.isComplex
        var masks: [[Bool]] = []
        var probabilities: [[Float]] = []
        var intervals: [OccupiedInterval] = []
        let binWidth = sampleRateHz / Double(n)
        let offset = centerFrequencyHz ?? 0
        for window in 0..<windows {
            var input = ComplexTensor<Float>(
                batch: 1, channels: network.configuration.inputChannels, length: n,
                isComplex: isComplex)
            try extractor.write(samples[(window * w)..<((window + 1) * w)], into: &input, slot: 0)
            let p = TensorOperations.splitSigmoid(network.inference(input))
            let mask = rule.decide(real: p.real[...], imaginary: isComplex ? p.imaginary[...] : [])
            masks.append(mask)
            probabilities.append(p.real)
            for run in BinInterval.runs(mask) {
                let mean = p.real[run.start..<run.end].reduce(0, +) / Float(run.end - run.start)
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
