import WirelessCore

/// Errors thrown by WirelessFFT when a plan or an estimator is configured with bad sizes or
/// handed data it cannot use.
public enum FFTError: Error, Equatable, Sendable, CustomStringConvertible, CategorizedError {
    /// A transform shape that is empty, has a non-positive extent, or overflows FFTW's `int`.
    case invalidShape([Int])
    /// A batch description that is not usable: `count` < 1 or `distance` < elements per transform.
    case invalidBatch(count: Int, distance: Int)
    /// FFTW could not allocate its aligned scratch buffers (`fftw_malloc` returned NULL).
    /// - Parameter bytes: Size asked for [bytes].
    case allocationFailed(bytes: Int, shape: [Int])
    /// FFTW returned a null plan for a shape it should accept (should not happen with `estimate`).
    case planningFailed(shape: [Int])
    /// Input shorter than one analysis segment (or than the plan's buffer).
    case inputTooShort(required: Int, actual: Int)
    /// An overlap that leaves a hop of less than one sample, or is negative.
    case invalidOverlap(samples: Int, segmentLength: Int)
    /// A scalar parameter outside its valid range (name, offending value).
    case valueOutOfRange(name: String, value: Double)

    public var category: ErrorCategory {
        switch self {
        case .inputTooShort: return .invalidData
        case .planningFailed, .allocationFailed: return .numerical
        case .invalidShape, .invalidBatch, .invalidOverlap, .valueOutOfRange: return .invalidArgument
        }
    }

    public var description: String {
        switch self {
        case .invalidShape(let shape):
            return "FFT shape \(shape) is invalid: need 1 or more dimensions, each ≥ 1 and within Int32"
        case .invalidBatch(let count, let distance):
            return
                "FFT batch of \(count) transforms at distance \(distance) is invalid: need count ≥ 1 and distance ≥ transform size"
        case .planningFailed(let shape):
            return "FFTW could not create a plan for shape \(shape)"
        case .allocationFailed(let bytes, let shape):
            return "FFTW could not allocate \(bytes) bytes of scratch memory to plan an FFT of shape \(shape)"
        case .inputTooShort(let required, let actual):
            return "input has \(actual) samples but at least \(required) are required"
        case .invalidOverlap(let samples, let segmentLength):
            return
                "overlap of \(samples) samples is invalid for segments of \(segmentLength): need 0 ≤ overlap < segment length"
        case .valueOutOfRange(let name, let value):
            return "\(name) = \(value) is out of range"
        }
    }
}
