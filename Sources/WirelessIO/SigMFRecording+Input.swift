import Foundation
import WirelessCore

extension SigMFRecording {
    /// Reads a recording given as SigMF (`.sigmf-meta`, `.sigmf-data` or the base name) or as a raw
    /// interleaved little-endian float32 I/Q file (`.cf32`, any case), the given sample rate and centre
    /// frequency overriding the metadata (a raw file has none).
    /// - Parameters:
    ///   - path: The file.
    ///   - sampleRateHz: The sample rate [Hz]; required for a raw file.
    ///   - centerFrequencyHz: The centre frequency [Hz], if known.
    /// - Throws: `RecordingInputError.sampleRateRequired` (exit 64) for a raw file without a sample rate;
    ///   the readers' `IOError`.
    public static func read(
        sigMFOrRawCF32 path: String, sampleRateHz: Double?, centerFrequencyHz: Double?
    ) throws -> SigMFRecording {
        let url = URL(fileURLWithPath: path)
        if url.pathExtension.lowercased() == "cf32" {
            guard let rate = sampleRateHz else { throw RecordingInputError.sampleRateRequired(file: path) }
            let samples = try RawCF32File.read(from: url)
            return SigMFRecording(samples: samples, sampleRateHz: rate, centerFrequencyHz: centerFrequencyHz)
        }
        var recording = try SigMFRecording.read(from: url)
        if let rate = sampleRateHz { recording.sampleRateHz = rate }
        if let centre = centerFrequencyHz { recording.centerFrequencyHz = centre }
        return recording
    }
}

/// A recording that cannot be read as given (exit 64): the caller must add what the file lacks.
public enum RecordingInputError: CategorizedError, Equatable {
    /// A raw `.cf32` file read without a sample rate (the message names `wtk`'s `--sample-rate`).
    case sampleRateRequired(file: String)

    public var category: ErrorCategory { .invalidArgument }
    public var description: String {
        switch self {
        case .sampleRateRequired(let file):
            "\(file): a raw .cf32 file carries no sample rate; pass --sample-rate <hz>."
        }
    }
}
