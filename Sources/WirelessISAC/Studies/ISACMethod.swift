import WirelessFFT

/// The estimators an ISAC study can run, by name.
public enum ISACMethod: String, Sendable, CaseIterable {
    case plain
    case sequential
    case tensorESPRIT = "tensor-esprit"
    case tensorESPRITFull = "tensor-esprit-full"
    case fft3d

    /// Settings of the fft3d baseline (default: Hann, no padding, parabolic peaks).
    public struct FFTSettings: Sendable {
        /// The tapers a caller chooses by name (`wtk isac --fft-window`).
        public enum Taper: String, Sendable, CaseIterable {
            /// Hann: −31 dB sidelobes.
            case hann
            /// Rectangular: −13 dB sidelobes, the narrowest main lobe.
            case rectangular

            /// The window the taper names.
            public var window: Window { self == .hann ? .hann() : .rectangular }
        }

        /// Taper.
        public var taper: Taper = .hann
        /// Zero-padding factor per mode, 1…8.
        public var paddingFactor = 1
        /// Peak refinement.
        public var refinement: PeriodogramEstimator.PeakRefinement = .parabolic

        public init(
            taper: Taper = .hann, paddingFactor: Int = 1, refinement: PeriodogramEstimator.PeakRefinement = .parabolic
        ) {
            self.taper = taper
            self.paddingFactor = paddingFactor
            self.refinement = refinement
        }

        /// The taper's window.
        public var window: Window { taper.window }

        /// The settings a run records beside its outputs (`fft_window`, `fft_padding`, `fft_peak`).
        public var recordedParameters: [String: String] {
            ["fft_window": taper.rawValue, "fft_padding": String(paddingFactor), "fft_peak": refinement.rawValue]
        }
    }

    /// Builds the estimator for a tensor of `shape`.
    /// - Throws: `ISACError` for a configuration the estimator refuses.
    public func make(plain configuration: PLAINConfiguration, shape: [Int], fft: FFTSettings = FFTSettings())
        throws(ISACError)
        -> any ISACParameterEstimator
    {
        switch self {
        case .plain: return try PLAINEstimator(configuration: configuration, shape: shape)
        case .sequential: return try SequentialEstimator(configuration: configuration, shape: shape)
        case .tensorESPRIT: return try TensorESPRITEstimator(configuration: .init(base: configuration), shape: shape)
        case .tensorESPRITFull:
            var full = configuration
            full.compression = .none
            return try TensorESPRITEstimator(configuration: .init(base: full), shape: shape)
        case .fft3d:
            return try PeriodogramEstimator(
                configuration: .init(
                    grid: configuration.grid, paddingFactor: fft.paddingFactor, window: fft.window,
                    pathCount: configuration.pathCount, refinement: fft.refinement))
        }
    }
}
