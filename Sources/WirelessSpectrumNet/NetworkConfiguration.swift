import Numerics

/// The architecture of a segmentation network (docs/SPECTRUM.md#architectures); part of every checkpoint header.
public struct NetworkConfiguration: Sendable, Equatable, Codable {
    /// The layout family.
    public enum Architecture: String, Sendable, Equatable, Codable {
        /// 1-D residual U-Net (project default): stem conv7, encoder Res blocks at widths
        /// w0/w1/w2/w3 with strides 1/2/2/2, decoder on [up, skip], 1×1 head.
        case compact
        /// The authors' ResNet-18 in 1-D: stem conv7/2, BasicBlocks [2,2,2,2], GAP + dense head.
        case paper1D
    }

    /// Output head of the compact network.
    public enum Head: String, Sendable, Equatable, Codable {
        /// conv1×1 (w0 → 1, with bias): translation-equivariant (default).
        case convolution
        /// Global average pooling + dense w0 → N (the paper's head).
        case gapDense
    }

    public var architecture: Architecture
    /// Complex-valued (CMuSeNet) or the real-valued counterpart.
    public var isComplex: Bool
    /// M, the number of consecutive FFTs stacked as input channels, ≥ 1 (the RV net sees 2M).
    public var fftCount: Int
    /// N, FFT bins per window, ≥ 8 and divisible by 8 for `compact`.
    public var bins: Int
    /// Channel widths: compact [w0, w1, w2, w3]; paper1D the four stage widths.
    public var widths: [Int]
    public var activation: ActivationKind
    public var initialization: WeightInitialization
    public var head: Head
    /// Dilations of the context blocks at the U-Net bottleneck (compact only; empty = none).
    ///
    /// Each entry d adds Res(w3 → w3) with both 3-tap convolutions dilated by d, at 1/8 of the
    /// input resolution, widening the receptive field by 2 · 2 · d · 8 = 32d bins. The plain
    /// compact layout (receptive field 81 bins) has none; the project default [2, 4, 8] reaches
    /// 81 + 448 = 529 bins, wider than the widest label (104 bins at N = 1024) plus the context
    /// on both sides needed to tell a 2 MHz signal's label extent from a 1 MHz one's.
    public var contextDilations: [Int]

    /// The analysis window of the input FFTs (docs/SPECTRUM.md#input-and-labels: rectangular, Hann optional). Part of
    /// the
    /// model: a network trained on Hann-windowed spectra must be fed Hann-windowed spectra.
    public var inputWindow: InputWindow

    /// Complex batch norm: 2×2 whitening (default) or naive per-part (the paper's ablation).
    public var batchNorm: BatchNormKind

    /// The input FFT window.
    public enum InputWindow: String, Sendable, Equatable, Codable, CaseIterable {
        /// No window (the authors' input).
        case rectangular
        /// Periodic Hann: sidelobes fall as 1/k³ instead of 1/k, at the cost of a 1.5-bin ENBW.
        case hann
    }

    /// The project's default context dilations of the compact network.
    public static let defaultContextDilations = [2, 4, 8]

    public init(
        architecture: Architecture, isComplex: Bool, fftCount: Int, bins: Int, widths: [Int],
        activation: ActivationKind = .crelu, initialization: WeightInitialization = .he,
        head: Head = .convolution, contextDilations: [Int] = [], inputWindow: InputWindow = .rectangular,
        batchNorm: BatchNormKind = .whitening
    ) {
        self.architecture = architecture
        self.isComplex = isComplex
        self.fftCount = fftCount
        self.bins = bins
        self.widths = widths
        self.activation = activation
        self.initialization = initialization
        self.head = head
        self.contextDilations = contextDilations
        self.inputWindow = inputWindow
        self.batchNorm = batchNorm
    }

    private enum CodingKeys: String, CodingKey {
        case architecture, isComplex, fftCount, bins, widths, activation, initialization, head, contextDilations
        case inputWindow, batchNorm
    }

    /// Decodes a configuration; checkpoints written before `contextDilations`, `inputWindow` and
    /// `batchNorm` existed have no context blocks, a rectangular window and whitening batch norm.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        architecture = try container.decode(Architecture.self, forKey: .architecture)
        isComplex = try container.decode(Bool.self, forKey: .isComplex)
        fftCount = try container.decode(Int.self, forKey: .fftCount)
        bins = try container.decode(Int.self, forKey: .bins)
        widths = try container.decode([Int].self, forKey: .widths)
        activation = try container.decode(ActivationKind.self, forKey: .activation)
        initialization = try container.decode(WeightInitialization.self, forKey: .initialization)
        head = try container.decode(Head.self, forKey: .head)
        contextDilations = try container.decodeIfPresent([Int].self, forKey: .contextDilations) ?? []
        inputWindow = try container.decodeIfPresent(InputWindow.self, forKey: .inputWindow) ?? .rectangular
        batchNorm = try container.decodeIfPresent(BatchNormKind.self, forKey: .batchNorm) ?? .whitening
    }

    /// The compact complex U-Net (default M = 16, N = 1024, widths 16/32/64/64, context
    /// dilations 2/4/8). `contextDilations: []` gives the plain layout of docs/SPECTRUM.md#architectures exactly.
    public static func compact(
        fftCount: Int = 16, bins: Int = 1024, widths: [Int] = [16, 32, 64, 64],
        contextDilations: [Int] = defaultContextDilations
    ) -> NetworkConfiguration {
        NetworkConfiguration(
            architecture: .compact, isComplex: true, fftCount: fftCount, bins: bins, widths: widths,
            contextDilations: contextDilations)
    }

    /// The real-valued compact counterpart of `compact(fftCount:bins:contextDilations:)` with
    /// widths matched by `realCounterpart()` (the plain layout gives 23/45/91/91, κ = 1.42).
    public static func compactReal(
        fftCount: Int = 16, bins: Int = 1024, contextDilations: [Int] = defaultContextDilations
    ) -> NetworkConfiguration {
        compact(fftCount: fftCount, bins: bins, contextDilations: contextDilations).realCounterpart()
    }

    /// The real-valued compact counterpart with explicit widths.
    public static func compactReal(
        fftCount: Int = 16, bins: Int = 1024, widths: [Int], contextDilations: [Int] = defaultContextDilations
    ) -> NetworkConfiguration {
        NetworkConfiguration(
            architecture: .compact, isComplex: false, fftCount: fftCount, bins: bins, widths: widths,
            contextDilations: contextDilations)
    }

    /// The real-valued network of the same topology whose parameter count is closest to this
    /// complex one's (docs/SPECTRUM.md#architectures, RV counterpart):
    ///
    ///     widths_RV = round(κ · widths),  κ ∈ {1, 1.001, …, 2} minimising |P_RV(κ) − P_CV|
    ///
    /// (the first such κ on ties). ReLU, He init; 2M real input channels. A real configuration
    /// is returned unchanged.
    public func realCounterpart() -> NetworkConfiguration {
        guard isComplex else { return self }
        let target = Self.parameterCount(of: self)
        var best = self
        best.isComplex = false
        best.activation = .crelu
        best.batchNorm = .whitening  // a real layer has one plane: ordinary batch norm
        var bestGap = Int.max
        var counted: [[Int]: Int] = [:]
        for step in 0...1000 {
            let kappa = 1 + Double(step) / 1000
            var candidate = best
            candidate.widths = widths.map { max(1, Int((Double($0) * kappa).rounded())) }
            let count =
                counted[candidate.widths]
                ?? {
                    let value = Self.parameterCount(of: candidate)
                    counted[candidate.widths] = value
                    return value
                }()
            let gap = abs(count - target)
            if gap < bestGap {
                bestGap = gap
                best = candidate
            }
        }
        return best
    }

    /// Trainable real parameters of a network with this configuration (builds it unweighted).
    static func parameterCount(of configuration: NetworkConfiguration) -> Int {
        guard var network = try? SegmentationNetwork<Float>(configuration: configuration) else { return 0 }
        return network.trainableParameterCount()
    }

    /// The authors' ResNet-18 layout in 1-D (M = 1, N = 16 384 by default).
    public static func paper1D(
        fftCount: Int = 1, bins: Int = 16_384, isComplex: Bool = true,
        widths: [Int] = [64, 128, 256, 512]
    ) -> NetworkConfiguration {
        NetworkConfiguration(
            architecture: .paper1D, isComplex: isComplex, fftCount: fftCount, bins: bins,
            widths: widths, head: .gapDense)
    }

    /// Input channels the network sees: M (complex) or 2M (real: Re and Im of each FFT).
    public var inputChannels: Int { isComplex ? fftCount : 2 * fftCount }

    /// A short identifier used in checkpoint mismatch messages.
    public var summary: String {
        let context = contextDilations.isEmpty ? "" : "/ctx\(contextDilations.map(String.init).joined(separator: "-"))"
        let window = inputWindow == .rectangular ? "" : "/\(inputWindow.rawValue)"
        let norm = batchNorm == .whitening || !isComplex ? "" : "/\(batchNorm.rawValue)-bn"
        return
            "\(architecture.rawValue)/\(isComplex ? "complex" : "real")/M\(fftCount)/N\(bins)/w\(widths.map(String.init).joined(separator: "-"))\(context)/\(activation.rawValue)/\(head.rawValue)\(window)\(norm)"
    }

    /// The valid range of every field, checked by `validate()`: by `SegmentationNetwork.init`, by
    /// `wtk spectrum train` for its options, and by `Checkpoint.decode` before anything of a stored
    /// network is allocated. The ranges hold every architecture the project trains (compact
    /// 16/32/64/64 at N = 1024, the paper's ResNet-18 at N = 16 384 with widths up to 849 for the
    /// real counterpart) with room to spare, and keep one example's largest feature map within
    /// 2²¹ complex values (16 MiB), so a stored configuration cannot make inference allocate
    /// gigabytes.
    ///
    ///     M (fftCount)              1 … 64
    ///     N (bins)                  8 … 65 536, divisible by 8 for compact
    ///     M · N (window samples)    ≤ 2²⁰ = 1 048 576
    ///     widths                    exactly 4, each 1 … 1024
    ///     contextDilations          0 … 8 entries, each 1 … N/8 (compact only)
    ///     largest feature map       ≤ 2²¹ complex values per example (`largestFeatureMapElements`)
    public enum Limits {
        /// M [FFTs per window].
        public static let fftCount = 1...64
        /// N [bins].
        public static let bins = 8...65_536
        /// M · N [samples per window].
        public static let windowSamples = 1 << 20
        /// Each channel width [channels].
        public static let width = 1...1024
        /// Number of context blocks.
        public static let contextBlocks = 0...8
        /// Complex values of one example's largest feature map.
        public static let featureMapElements = 1 << 21
    }

    /// Complex values in the largest feature map one example passes through (per example; a batch
    /// multiplies it). Compact: maps of w_k channels at N/2^k, decoder inputs of w_{k+1} + w_k
    /// channels; paper1D: w_k channels at N/2^(k+1). Call after the range checks of `validate()`
    /// (the ranges keep every product far from overflow).
    public var largestFeatureMapElements: Int {
        func length(_ halvings: Int) -> Int { (bins + (1 << halvings) - 1) >> halvings }
        var largest = inputChannels * bins
        switch architecture {
        case .compact:
            for k in 0..<4 { largest = max(largest, widths[k] * length(k)) }
            for k in 0..<3 { largest = max(largest, (widths[k + 1] + widths[k]) * length(k)) }
        case .paper1D:
            for k in 0..<4 { largest = max(largest, widths[k] * length(k + 1)) }
        }
        return max(largest, bins)
    }

    /// A lower bound on the real parameter elements of a network with this configuration: the
    /// stem's weights, one K = 3 convolution w_k → w_k per width (two per paper1D stage), the context
    /// blocks' two convolutions each, and the head's weights (×2 for complex Re/Im).
    ///
    ///     P ≥ c · (7·C·w0 + Σ_k s·3·w_k² + 2·3·K·w3² + head),  c = 2 (complex) or 1, s = 1 (compact) or 2
    ///
    /// Every other layer is at most a fixed multiple of these, so a checkpoint whose tensors hold
    /// fewer elements cannot be this network, and one that holds them bounds what building it costs.
    /// Call after the range checks of `validate()`.
    public var minimumParameterElements: Int {
        let c = isComplex ? 2 : 1
        var total = 7 * inputChannels * widths[0]
        let perWidth = architecture == .paper1D ? 2 : 1
        for w in widths { total += perWidth * 3 * w * w }
        total += 2 * 3 * contextDilations.count * widths[3] * widths[3]
        switch (architecture, head) {
        case (.compact, .convolution): total += widths[0]
        case (.compact, .gapDense): total += widths[0] * bins
        case (.paper1D, _): total += widths[3] * bins
        }
        return c * total
    }

    /// Checks the configuration against `Limits` and the architecture's rules.
    ///
    /// - Throws: `SpectrumNetError.invalidConfiguration` naming the field, its value and its range.
    public func validate() throws(SpectrumNetError) {
        func fail(_ reason: String) -> SpectrumNetError { .invalidConfiguration(reason: reason) }
        guard Limits.fftCount.contains(fftCount) else {
            throw fail("M = \(fftCount) FFTs per window is outside 1...\(Limits.fftCount.upperBound)")
        }
        guard widths.count == 4 else { throw fail("four positive widths are required (found \(widths.count))") }
        guard widths.allSatisfy({ Limits.width.contains($0) }) else {
            throw fail("widths \(widths) must each lie in 1...\(Limits.width.upperBound)")
        }
        guard bins >= Limits.bins.lowerBound else { throw fail("N must be ≥ 8") }
        guard bins <= Limits.bins.upperBound else {
            throw fail("N = \(bins) bins is above the largest supported \(Limits.bins.upperBound)")
        }
        guard fftCount * bins <= Limits.windowSamples else {
            throw fail("M · N = \(fftCount * bins) samples per window is above \(Limits.windowSamples)")
        }
        if architecture == .compact && bins % 8 != 0 {
            throw fail("N = \(bins) must be divisible by 8 for the compact U-Net")
        }
        if !contextDilations.isEmpty {
            guard architecture == .compact else { throw fail("context dilations apply to the compact U-Net only") }
            guard contextDilations.count <= Limits.contextBlocks.upperBound else {
                throw fail("\(contextDilations.count) context blocks; at most \(Limits.contextBlocks.upperBound)")
            }
            guard contextDilations.allSatisfy({ $0 >= 1 && $0 <= bins / 8 }) else {
                throw fail("context dilations must lie in 1...\(bins / 8) (N/8 positions at the bottleneck)")
            }
        }
        guard largestFeatureMapElements <= Limits.featureMapElements else {
            throw fail(
                "the largest feature map holds \(largestFeatureMapElements) complex values per example (widths \(widths) at N = \(bins)); at most \(Limits.featureMapElements)"
            )
        }
        if !isComplex && batchNorm != .whitening {
            throw fail("naive batch norm applies to complex layers; a real network has ordinary batch norm")
        }
        if !isComplex && activation != .crelu {
            throw fail("the real-valued network uses ReLU only")
        }
    }
}
