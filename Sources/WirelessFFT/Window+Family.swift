extension Window {
    /// The windows by name, without their parameters (kebab-case, as `wtk psd --window` takes them and a
    /// run records them).
    public enum Family: String, Sendable, Equatable, Codable, CaseIterable {
        case hann, hamming, rectangular, kaiser
        case blackmanHarris = "blackman-harris"

        /// The family's window with `symmetry` (periodic: the spectral-analysis choice) and, for Kaiser,
        /// shape `kaiserBeta` ≥ 0 (ignored by the others).
        public func window(symmetry: WindowSymmetry = .periodic, kaiserBeta: Double = 8.6) -> Window {
            switch self {
            case .hann: .hann(symmetry)
            case .hamming: .hamming(symmetry)
            case .blackmanHarris: .blackmanHarris(symmetry)
            case .kaiser: .kaiser(beta: kaiserBeta, symmetry: symmetry)
            case .rectangular: .rectangular
            }
        }
    }

    /// The window's family (its name without parameters).
    public var family: Family {
        switch self {
        case .rectangular: .rectangular
        case .hann: .hann
        case .hamming: .hamming
        case .blackmanHarris: .blackmanHarris
        case .kaiser: .kaiser
        }
    }
}
