/// A scale factor applied to every output of a transform after FFTW runs.
///
///     none:      y = FFT(x)                  (FFTW convention; inverse ∘ forward = N·identity)
///     byLength:  y = FFT(x) / N              (put on the inverse plan: inverse ∘ forward = identity)
///     unitary:   y = FFT(x) / √N             (on both: the transform preserves energy, Parseval without N)
///
/// `N` is the number of points of one transform (the product of the shape), not of the batch.
public enum FFTNormalization: String, Sendable, Equatable, Codable, CaseIterable {
    /// No scaling (FFTW convention). The default; free.
    case none
    /// Multiply by 1/N. Costs one pass over the output.
    case byLength
    /// Multiply by 1/√N. Costs one pass over the output.
    case unitary

    /// The factor for a transform of `count` points.
    func scale(count: Int) -> Double {
        switch self {
        case .none: return 1
        case .byLength: return 1 / Double(count)
        case .unitary: return 1 / Double(count).squareRoot()
        }
    }
}
