import Numerics
import WirelessIO

/// Training windows and masks from a labelled SigMF recording (docs/SPECTRUM.md#sigmf-captures).
///
/// Labels are the annotations carrying both `core:freq_lower_edge` and `core:freq_upper_edge`
/// (others are ignored). Edges are RF when the capture's centre frequency is known (offset =
/// edge − that capture's centre), otherwise baseband. Windows of W = M·N samples (hop W) cover each
/// capture (`windowStarts`, never across a capture boundary); a
/// window's mask is the union of the labels that overlap it in time, mapped to bins as in
/// docs/SPECTRUM.md#input-and-labels.
/// Labels outside the band are skipped (and counted); partial overlaps are clipped.
public enum LabelledRecording {
    /// The first sample and capture of every whole window: windows of W samples (hop W) from each capture's
    /// start, never across a capture boundary (a capture's trailing partial window is left out of training
    /// and evaluation).
    public static func windowStarts(of recording: SigMFRecording, windowSamples w: Int) -> [(start: Int, capture: Int)]
    {
        var starts: [(start: Int, capture: Int)] = []
        for (k, range) in recording.captureRanges(sampleCount: recording.samples.count).enumerated() {
            let end = min(range.samples.upperBound, recording.samples.count)
            var start = range.samples.lowerBound
            while start + w <= end {
                starts.append((start, k))
                start += w
            }
        }
        return starts
    }

    /// The windows' features and masks, and how many labels lay outside the band.
    ///
    /// - Throws: `SpectrumNetError.invalidAnnotation` (one edge only, lower ≥ upper, starting past
    ///   the end), `.sampleRateMismatch`, `.lengthMismatch` (shorter than one window), feature errors.
    public static func dataset(
        from recording: SigMFRecording, extractor: SpectrumFeatureExtractor, modelSampleRateHz: Double = 20e6
    ) throws(SpectrumNetError) -> (dataset: SpectrumDataset, skippedLabels: Int) {
        guard abs(recording.sampleRateHz - modelSampleRateHz) <= 1e-9 * modelSampleRateHz else {
            throw SpectrumNetError.sampleRateMismatch(expectedHz: modelSampleRateHz, foundHz: recording.sampleRateHz)
        }
        let w = extractor.windowSamples
        guard !windowStarts(of: recording, windowSamples: w).isEmpty else {
            throw SpectrumNetError.lengthMismatch(expected: w, found: recording.samples.count)
        }
        var labels: [(start: Int, end: Int, lower: Double, upper: Double)] = []
        var skipped = 0
        let fs = recording.sampleRateHz
        let centre = recording.centerFrequencyHz ?? 0
        let ranges0 = recording.captureRanges(sampleCount: recording.samples.count)
        for (index, annotation) in recording.annotations.enumerated() {
            switch (annotation.frequencyLowerEdgeHz, annotation.frequencyUpperEdgeHz) {
            case (nil, nil):
                continue
            case (.some, nil), (nil, .some):
                throw SpectrumNetError.invalidAnnotation(index: index, reason: "only one frequency edge")
            case (.some(let lower), .some(let upper)):
                guard lower < upper else {
                    throw SpectrumNetError.invalidAnnotation(
                        index: index, reason: "lower edge \(lower) Hz ≥ upper edge \(upper) Hz")
                }
                guard annotation.sampleStart < recording.samples.count else {
                    throw SpectrumNetError.invalidAnnotation(
                        index: index, reason: "starts past the end of the recording")
                }
                let lo = lower - centre
                let hi = upper - centre
                // Out of band for every capture's tuning (captures may be tuned differently).
                let outside = ranges0.allSatisfy { range in
                    let tuned = (range.capture.frequencyHz ?? centre) - centre
                    return hi - tuned <= -fs / 2 || lo - tuned >= fs / 2
                }
                if outside {
                    skipped += 1
                    continue
                }
                // The label ends at start + count (count 0: at the end), clipped to the recording;
                // the sum comes from the file, so it is checked (start < samples.count here).
                let (sum, overflow) = annotation.sampleStart.addingReportingOverflow(annotation.sampleCount)
                let end =
                    annotation.sampleCount > 0 && !overflow
                    ? min(sum, recording.samples.count) : recording.samples.count
                labels.append((annotation.sampleStart, end, lo, hi))
            }
        }
        let starts = windowStarts(of: recording, windowSamples: w)
        let windows = starts.count
        let ranges = recording.captureRanges(sampleCount: recording.samples.count)
        var inputs = ComplexTensor<Float>(batch: windows, channels: extractor.fftCount, length: extractor.bins)
        var masks = [Float](repeating: 0, count: windows * extractor.bins)
        for (window, item) in starts.enumerated() {
            let start = item.start
            let end = start + w
            try extractor.write(recording.samples[start..<end], into: &inputs, slot: window)
            // Labels are stored relative to the first capture's centre; each capture's own centre applies.
            let shift = (ranges[item.capture].capture.frequencyHz ?? centre) - centre
            let overlapping = labels.filter { $0.start < end && $0.end > start }.map {
                (lower: max($0.lower - shift, -fs / 2), upper: min($0.upper - shift, fs / 2))
            }.filter { $0.lower < $0.upper }
            let mask = SpectrumLabels.mask(intervalsHz: overlapping, bins: extractor.bins, sampleRateHz: fs)
            for k in 0..<extractor.bins where mask[k] { masks[window * extractor.bins + k] = 1 }
        }
        return (SpectrumDataset(inputs: inputs, labels: masks, snrDB: Array(repeating: .nan, count: windows)), skipped)
    }
}
