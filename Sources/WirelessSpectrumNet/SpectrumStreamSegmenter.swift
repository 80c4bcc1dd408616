import Foundation
import Numerics
import WirelessCore
import WirelessIO

/// Segments a sample stream of any length with bounded memory (docs/SPECTRUM.md#streaming): reads the
/// source a chunk at a time, cuts each capture into windows of W = M·N samples (never across a capture
/// boundary; a capture's trailing partial window is zero-padded and marked), runs the network on batches of
/// `batchWindows` windows (one batched inference call each), measures each interval's band power on the
/// Welch periodogram, and follows intervals across windows into emissions (`EmissionTracker`), handing each
/// window and each closed emission to the caller as soon as it is known.
///
/// Memory: one batch of windows (batchWindows · W samples), the source's own buffer, and the open emissions;
/// nothing grows with the stream's length.
///
///     let segmenter = try SpectrumStreamSegmenter(network: network)
///     var source = try IQStreamReader(url: data, datatype: .ci16LE)
///     let summary = try segmenter.run(source: &source, sampleRateHz: 20e6, captures: [.init(sampleStart: 0)],
///                                     window: { _, _ in }, emission: { print($0) })
public struct SpectrumStreamSegmenter {
    /// The per-window segmenter (network, features, decision rule).
    public let segmenter: SpectrumSegmenter
    /// Windows per inference call, ≥ 1.
    public let batchWindows: Int
    /// Emission merging tolerances (`toleranceBins`, `maxGapWindows`; the bin width is the network's).
    public var toleranceBins = 1
    public var maxGapWindows = 0
    /// The periodogram that measures band powers (L = min(1024, N), Hann, 50 % overlap).
    let periodogram: AveragedPeriodogram
    let noiseFloor: EnergyDetector

    /// What a run saw.
    public struct Summary: Sendable, Equatable {
        /// Samples read [samples].
        public var samples = 0
        /// Windows segmented (padded ones included).
        public var windows = 0
        /// Zero-padded trailing windows.
        public var paddedWindows = 0
        /// Emissions closed.
        public var emissions = 0
        /// The most samples held at once in the window batch [samples] (≤ batchWindows · W).
        public var peakBufferedSamples = 0
    }

    /// One window as segmented, for callers that want more than emissions (figures, per-window tables).
    public struct Window {
        /// Its detections (intervals with powers).
        public var detections: WindowDetections
        /// Its samples (zero-padded to W when `detections.isPadded`).
        public var samples: ArraySlice<Complex<Float>>
        /// Its occupancy mask on N bins.
        public var mask: [Bool]
    }

    /// - Parameters:
    ///   - batchWindows: windows per batched inference call (16), 1…256.
    ///   - modelSampleRateHz: the rate the model was trained at [Hz] (20 MHz).
    /// - Throws: `SpectrumNetError.invalidConfiguration` (batch out of range), FFT planning errors.
    public init(
        network: SegmentationNetwork<Float>, rule: DecisionRule = .standard, batchWindows: Int = 16,
        modelSampleRateHz: Double = 20e6
    ) throws(SpectrumNetError) {
        guard (1...256).contains(batchWindows) else {
            throw SpectrumNetError.invalidConfiguration(reason: "batch of \(batchWindows) windows (1…256)")
        }
        segmenter = try SpectrumSegmenter(network: network, rule: rule, modelSampleRateHz: modelSampleRateHz)
        self.batchWindows = batchWindows
        periodogram = try AveragedPeriodogram(
            segmentLength: min(1024, network.configuration.bins), windowSamples: segmenter.extractor.windowSamples,
            sampleRateHz: modelSampleRateHz)
        noiseFloor = try EnergyDetector(periodogram: periodogram)
    }

    /// Samples per window, W = M·N.
    public var windowSamples: Int { segmenter.extractor.windowSamples }

    /// Segments the stream.
    ///
    /// - Parameters:
    ///   - captures: the capture segments (`sampleStart` strictly increasing; the first taken from sample 0);
    ///     the last runs to the end of the stream. Each capture's `frequencyHz` makes its edges RF, its
    ///     `datetime` dates its emissions.
    ///   - window: called for every window, in order.
    ///   - emission: called for every emission as it closes (ordered by start within one closing window).
    /// - Throws: `SpectrumNetError.sampleRateMismatch`, `.nonFiniteSample`, `.allZeroWindow` (with the window's
    ///   first sample), `.invalidConfiguration` (no captures, starts not increasing, a capture past the end), the
    ///   source's errors, and whatever the callbacks throw.
    public func run(
        source: inout some IQSampleSource, sampleRateHz: Double, captures: [SigMFCapture],
        window: (Window) throws -> Void = { _ in }, emission: (Emission) throws -> Void
    ) throws -> Summary {
        guard abs(sampleRateHz - segmenter.modelSampleRateHz) <= 1e-9 * segmenter.modelSampleRateHz else {
            throw SpectrumNetError.sampleRateMismatch(expectedHz: segmenter.modelSampleRateHz, foundHz: sampleRateHz)
        }
        guard !captures.isEmpty else { throw SpectrumNetError.invalidConfiguration(reason: "no capture to segment") }
        for k in captures.indices.dropFirst() where captures[k].sampleStart <= captures[k - 1].sampleStart {
            throw SpectrumNetError.invalidConfiguration(reason: "capture \(k) does not start after capture \(k - 1)")
        }
        let n = segmenter.extractor.bins
        var tracker = EmissionTracker(
            configuration: .init(
                binWidthHz: sampleRateHz / Double(n), toleranceBins: toleranceBins, maxGapWindows: maxGapWindows),
            sampleRateHz: sampleRateHz)
        var summary = Summary()
        let w = windowSamples
        var batch: [Complex<Float>] = []
        batch.reserveCapacity(batchWindows * w)
        var pending: [(capture: Int, start: Int, count: Int)] = []  // windows in `batch`
        var nextWindow = 0
        var streamEnded = false

        func flush() throws {
            guard !pending.isEmpty else { return }
            let results = try segmentBatch(batch, windows: pending, firstWindow: nextWindow, captures: captures)
            for (k, result) in results.enumerated() {
                let slice = batch[(k * w)..<((k + 1) * w)]
                try window(Window(detections: result.detections, samples: slice, mask: result.mask))
                summary.windows += 1
                if result.detections.isPadded { summary.paddedWindows += 1 }
                for closed in tracker.add(result.detections) {
                    summary.emissions += 1
                    try emission(closed)
                }
            }
            nextWindow += pending.count
            pending.removeAll(keepingCapacity: true)
            batch.removeAll(keepingCapacity: true)
        }

        for (c, capture) in captures.enumerated() {
            let start = c == 0 ? 0 : capture.sampleStart
            guard summary.samples == start else {
                throw SpectrumNetError.invalidConfiguration(
                    reason: "capture \(c) starts at sample \(start), past the end of the stream (\(summary.samples))")
            }
            let end = c + 1 < captures.count ? captures[c + 1].sampleStart : Int.max
            var windowStart = start
            while summary.samples < end && !streamEnded {
                // Fill the current window (or what the capture has left of it).
                let inWindow = summary.samples - windowStart
                let want = min(w - inWindow, end - summary.samples, 1 << 16)
                let got = try source.read(into: &batch, maxCount: want)
                if got == 0 {
                    streamEnded = true
                    break
                }
                summary.samples += got
                summary.peakBufferedSamples = max(summary.peakBufferedSamples, batch.count)
                if summary.samples - windowStart == w {
                    pending.append((c, windowStart, w))
                    windowStart += w
                    if pending.count == batchWindows { try flush() }
                }
            }
            // A capture's trailing partial window: zero-padded, marked.
            let tail = summary.samples - windowStart
            if tail > 0 {
                batch.append(contentsOf: repeatElement(.zero, count: w - tail))
                pending.append((c, windowStart, tail))
                summary.peakBufferedSamples = max(summary.peakBufferedSamples, batch.count)
                if pending.count == batchWindows { try flush() }
            }
            if streamEnded && c + 1 < captures.count {
                try flush()
                throw SpectrumNetError.invalidConfiguration(
                    reason:
                        "capture \(c + 1) starts at sample \(captures[c + 1].sampleStart), past the end of the stream (\(summary.samples))"
                )
            }
        }
        try flush()
        guard summary.samples > 0 else { throw SpectrumNetError.lengthMismatch(expected: w, found: 0) }
        for closed in tracker.finish() {
            summary.emissions += 1
            try emission(closed)
        }
        return summary
    }

    /// Segments the windows of `samples` (`windows.count` windows of W samples each) in one inference call.
    func segmentBatch(
        _ samples: [Complex<Float>], windows: [(capture: Int, start: Int, count: Int)], firstWindow: Int,
        captures: [SigMFCapture]
    ) throws(SpectrumNetError) -> [(detections: WindowDetections, mask: [Bool])] {
        let network = segmenter.network
        let n = segmenter.extractor.bins
        let w = windowSamples
        let isComplex = network.configuration.isComplex
        var input = ComplexTensor<Float>(
            batch: windows.count, channels: network.configuration.inputChannels, length: n, isComplex: isComplex)
        for k in windows.indices {
            do {
                try segmenter.extractor.write(samples[(k * w)..<((k + 1) * w)], into: &input, slot: k)
            } catch .nonFiniteSample(let index) {
                throw .nonFiniteSample(index: windows[k].start + index)
            } catch .allZeroWindow {
                throw .invalidConfiguration(
                    reason: "the window at sample \(windows[k].start) is all zeros (nothing to segment)")
            }
        }
        let p = TensorOperations.splitSigmoid(segmenter.logits(input))  // the folded InferencePlan when it applies
        let fs = segmenter.modelSampleRateHz
        let binWidth = fs / Double(n)
        let l = periodogram.bins
        var results: [(WindowDetections, [Bool])] = []
        for (k, item) in windows.enumerated() {
            let range = (k * n)..<((k + 1) * n)
            let mask = segmenter.rule.decide(real: p.real[range], imaginary: isComplex ? p.imaginary[range] : [])
            let capture = captures[item.capture]
            let offset = capture.frequencyHz ?? 0
            let power = try periodogram(samples[(k * w)..<((k + 1) * w)])
            let sigma2 = noiseFloor.noisePower(power)
            var intervals: [WindowDetections.Interval] = []
            for run in BinInterval.runs(mask) {
                let probability = p.real[(k * n + run.start)..<(k * n + run.end)].reduce(0, +) / Float(run.count)
                // Periodogram bins overlapping the run (grid of L bins over the same band).
                let first = run.start * l / n
                let last = max(first + 1, (run.end * l + n - 1) / n)
                let band = power[first..<last].reduce(0, +) / Double(l)
                intervals.append(
                    .init(
                        bins: run, lowerEdgeHz: offset - fs / 2 + Double(run.start) * binWidth,
                        upperEdgeHz: offset - fs / 2 + Double(run.end) * binWidth, bandPower: band,
                        noisePower: sigma2 * Double(last - first) / Double(l), meanProbability: Double(probability)))
            }
            results.append(
                (
                    WindowDetections(
                        window: firstWindow + k, capture: item.capture, sampleStart: item.start,
                        sampleCount: item.count, isPadded: item.count < w, intervals: intervals,
                        captureSampleStart: item.capture == 0 ? 0 : capture.sampleStart,
                        captureStartDate: capture.startDate), mask
                ))
        }
        return results
    }
}

extension BinInterval {
    /// Bins in the run.
    public var count: Int { end - start }
}
