extension NetworkConfiguration {
    /// Samples per network window, M·N, of every layout `layout(…)` builds (the authors' 16 384).
    public static let windowSamples = 16_384

    /// The layout a training run builds from its choices (what `wtk spectrum train` parses), N = 16 384/M:
    ///
    ///     compact, complex: `compact(fftCount:bins:contextDilations:)`, `widths` replacing 16/32/64/64
    ///     compact, real:    `compactReal(…widths:…)`, or the κ-matched `realCounterpart()` without `widths`
    ///     paper1D:          `paper1D(fftCount:bins:isComplex:widths:)`, widths 64/128/256/512 (complex) or
    ///                       106/212/425/849 (real) unless `widths` gives them
    ///
    /// then the activation, input window and batch norm set on it. `validate()` checks the result against
    /// `Limits` (M ≤ 64, say) and the architecture's rules (a real-valued net has ReLU and ordinary batch norm).
    /// - Parameters:
    ///   - fftCount: M, FFTs per window, dividing 16 384 (compact: N/8 must be an integer).
    ///   - widths: four channel widths, or nil for the defaults above.
    ///   - contextDilations: the compact net's context blocks, or nil for 2, 4, 8 keeping those ≤ N/8
    ///     (paper1D has none: it takes nil only).
    /// - Throws: `SpectrumNetError.invalidConfiguration` when M does not divide 16 384, `widths` is not
    ///   four values, or paper1D is given context dilations: choices no layout can be built from.
    public static func layout(
        architecture: Architecture, fftCount: Int, isComplex: Bool, widths: [Int]? = nil,
        contextDilations: [Int]? = nil, activation: ActivationKind = .crelu, inputWindow: InputWindow = .rectangular,
        batchNorm: BatchNormKind = .whitening
    ) throws(SpectrumNetError) -> NetworkConfiguration {
        func fail(_ reason: String) -> SpectrumNetError { .invalidConfiguration(reason: reason) }
        guard fftCount >= 1, windowSamples % fftCount == 0 else {
            throw fail("M = \(fftCount) FFTs per window must divide \(windowSamples)")
        }
        if let widths, widths.count != 4 { throw fail("four channel widths are required (found \(widths.count))") }
        if architecture == .paper1D, let contextDilations {
            throw fail("context dilations \(contextDilations) apply to the compact architecture only")
        }
        let bins = windowSamples / fftCount
        var config: NetworkConfiguration
        switch architecture {
        case .compact:
            let dilations = contextDilations ?? defaultContextDilations.filter { $0 <= bins / 8 }
            config = compact(fftCount: fftCount, bins: bins, contextDilations: dilations)
            if !isComplex {
                config =
                    widths.map { compactReal(fftCount: fftCount, bins: bins, widths: $0, contextDilations: dilations) }
                    ?? config.realCounterpart()
            } else if let widths {
                config.widths = widths
            }
        case .paper1D:
            config = paper1D(
                fftCount: fftCount, bins: bins, isComplex: isComplex,
                widths: widths ?? (isComplex ? [64, 128, 256, 512] : [106, 212, 425, 849]))
        }
        config.activation = activation
        config.inputWindow = inputWindow
        config.batchNorm = batchNorm
        return config
    }
}
