/// The sign of the exponent of a discrete Fourier transform.
///
///     forward:  X[k] = Σₙ x[n] · exp(−2πi·k·n/N)
///     inverse:  x[n] = Σₖ X[k] · exp(+2πi·k·n/N)      (unnormalised: no 1/N)
///
/// FFTW convention (FFTW manual §4.8.1 "The 1d Discrete Fourier Transform"): a forward
/// transform followed by an inverse one multiplies the input by N. Use
/// `FFTNormalization.byLength` on the inverse plan to get `x` back.
public enum FFTDirection: String, Sendable, Equatable, Codable, CaseIterable {
    /// Exponent sign −1 (`FFTW_FORWARD`).
    case forward
    /// Exponent sign +1 (`FFTW_BACKWARD`), unnormalised.
    case inverse

    /// The FFTW sign constant.
    var fftwSign: Int32 { self == .forward ? -1 : +1 }
}
