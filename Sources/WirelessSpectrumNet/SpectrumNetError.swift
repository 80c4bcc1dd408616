import Numerics
import WirelessCore
import WirelessIO

/// Every failure of the spectrum-segmentation module (docs/SPECTRUM.md#errors).
///
/// Invalid data (wrong lengths, all-zero windows, corrupted checkpoints, non-finite values) maps to
/// `ErrorCategory.invalidData` (exit 65); invalid configurations to `.invalidArgument` (exit 64).
public enum SpectrumNetError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// A window or array does not have the length the model needs (`InputError.lengthMismatch`).
    case lengthMismatch(expected: Int, found: Int)
    /// A window whose samples are all zero cannot be normalised by its peak.
    case allZeroWindow
    /// A label outside {0, 1}.
    case invalidLabel(index: Int, value: Double)
    /// A configuration value out of range (`ConfigError.invalid`).
    case invalidConfiguration(reason: String)
    /// Recording sample rate differs from the model's; never resampled implicitly.
    case sampleRateMismatch(expectedHz: Double, foundHz: Double)
    /// A non-finite input sample at `index`.
    case nonFiniteSample(index: Int)
    /// A label annotation that cannot be used (one edge only, lower ≥ upper, past the end).
    case invalidAnnotation(index: Int, reason: String)
    /// Checkpoint does not start with `CMSNCKPT`.
    case badMagic
    /// Checkpoint format version this build cannot read.
    case unsupportedVersion(Int)
    /// Checkpoint shorter than its header or tensor table says.
    case truncated(expectedBytes: Int, foundBytes: Int)
    /// CRC-32 over the checkpoint body does not match the stored value.
    case checksumMismatch(stored: UInt32, computed: UInt32)
    /// Checkpoint written for another architecture; nothing is loaded.
    case architectureMismatch(expected: String, found: String)
    /// Checkpoint header that cannot be used: JSON that does not decode, a tensor with a negative or
    /// oversized shape or another dtype, a stored configuration outside its documented range.
    case malformedCheckpoint(reason: String)
    /// A parameter (named) is NaN or infinite.
    case nonFiniteParameter(name: String)
    /// Training produced a NaN or infinite loss (`TrainingError.nonFiniteLoss`); batch 0 means the
    /// validation loss after the epoch.
    case nonFiniteLoss(epoch: Int, batch: Int)
    /// `error` found while using the recording `file` (too short, wrong sample rate, NaN sample, bad
    /// annotation…), so the message names the file; the category is that of `error`.
    indirect case inRecording(file: String, error: SpectrumNetError)
    /// A file could not be read or written, or its bytes are not what the reader needs (the
    /// `IOError` names the file; its category, message and exit code are kept).
    case io(IOError)

    public var category: ErrorCategory {
        switch self {
        case .invalidConfiguration: return .invalidArgument
        case .nonFiniteLoss: return .numerical
        case .inRecording(_, let error): return error.category
        case .io(let error): return error.category
        default: return .invalidData
        }
    }

    /// Runs `body`, attaching `file` to any `SpectrumNetError` it throws (other errors, and `.io`, whose
    /// `IOError` already names its file, pass unchanged).
    public static func naming<T>(file: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SpectrumNetError {
            switch error {
            case .inRecording, .io: throw error
            default: break
            }
            throw SpectrumNetError.inRecording(file: file, error: error)
        }
    }

    /// Runs a helper of another module whose failure means this module's settings are unusable
    /// (FFT planning, detector thresholds from a distribution), reported as `.invalidConfiguration`
    /// naming `what` and the helper's own message.
    static func configuring<T>(_ what: String, _ body: () throws -> T) throws(SpectrumNetError) -> T {
        do { return try body() } catch { throw .invalidConfiguration(reason: "\(what): \(error)") }
    }

    public var description: String {
        switch self {
        case .lengthMismatch(let expected, let found):
            return "length mismatch: expected \(expected) samples, found \(found)"
        case .allZeroWindow:
            return "window is all zeros; it cannot be normalised by its peak"
        case .invalidLabel(let index, let value):
            return "label \(value) at index \(index) is not 0 or 1"
        case .invalidConfiguration(let reason):
            return "invalid configuration: \(reason)"
        case .sampleRateMismatch(let expectedHz, let foundHz):
            return "sample rate \(foundHz) Hz does not match the model's \(expectedHz) Hz (no implicit resampling)"
        case .nonFiniteSample(let index):
            return "non-finite sample at index \(index)"
        case .invalidAnnotation(let index, let reason):
            return "annotation \(index): \(reason)"
        case .badMagic:
            return "not a CMuSeNet checkpoint (bad magic)"
        case .unsupportedVersion(let version):
            return "unsupported checkpoint version \(version)"
        case .truncated(let expectedBytes, let foundBytes):
            if foundBytes == 0 {
                return "the checkpoint file is empty (a checkpoint has at least \(expectedBytes) bytes)"
            }
            return "checkpoint truncated: expected \(expectedBytes) bytes, found \(foundBytes)"
        case .checksumMismatch(let stored, let computed):
            return
                "checkpoint corrupted: CRC-32 stored \(String(stored, radix: 16)), computed \(String(computed, radix: 16))"
        case .architectureMismatch(let expected, let found):
            return "checkpoint architecture mismatch: expected \(expected), found \(found)"
        case .malformedCheckpoint(let reason):
            return "malformed checkpoint header: \(reason)"
        case .nonFiniteParameter(let name):
            return "parameter \(name) contains NaN or Inf"
        case .nonFiniteLoss(let epoch, let batch):
            return batch == 0
                ? "validation loss became non-finite after epoch \(epoch)"
                : "training loss became non-finite at epoch \(epoch), batch \(batch)"
        case .inRecording(let file, let error):
            return "\(file): \(error.description)"
        case .io(let error):
            return error.description
        }
    }
}
