import Foundation
internal import WirelessIO
internal import WirelessSpectrumNet

/// SigMF recording: the input is `meta JSON ␀ data bytes` (split at the first NUL byte).
///
/// Reads the pair with `SigMFRecording.read` (as `wtk psd` and `wtk spectrum` do), then cuts the
/// recording into labelled windows (`LabelledRecording.dataset`, as `spectrum evaluate/train
/// --captures` do) with a small extractor (M = 2, N = 8, so 16 samples make a window) at the
/// recording's own rate, so the annotations are used whatever the rate.
enum SigMFFuzz {
    /// M = 2 FFTs of N = 8 bins: small enough that short inputs reach the labelling code.
    static let extractor: SpectrumFeatureExtractor? = try? SpectrumFeatureExtractor(fftCount: 2, bins: 8)

    static func run(_ data: Data) {
        let (meta, samples) = FuzzInput.splitAtFirstNUL(data)
        _ = FuzzInput.file("rec.sigmf-data", samples)
        let url = FuzzInput.file("rec.sigmf-meta", meta)
        guard let recording = try? SigMFRecording.read(from: url) else { return }
        label(recording)
    }

    /// The labelled windows of `recording` at its own sample rate (errors are expected outcomes).
    static func label(_ recording: SigMFRecording) {
        guard let extractor else { return }
        _ = try? LabelledRecording.dataset(
            from: recording, extractor: extractor, modelSampleRateHz: recording.sampleRateHz)
    }
}
