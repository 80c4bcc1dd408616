import Numerics

/// The architecture of a segmentation network (spec §2.4); part of every checkpoint header.
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

    public init(
        architecture: Architecture, isComplex: Bool, fftCount: Int, bins: Int, widths: [Int],
        activation: ActivationKind = .crelu, initialization: WeightInitialization = .he,
        head: Head = .convolution
    ) {
        self.architecture = architecture
        self.isComplex = isComplex
        self.fftCount = fftCount
        self.bins = bins
        self.widths = widths
        self.activation = activation
        self.initialization = initialization
        self.head = head
    }

    /// The compact complex U-Net (default M = 16, N = 1024, widths 16/32/64/64).
    public static func compact(fftCount: Int = 16, bins: Int = 1024, widths: [Int] = [16, 32, 64, 64])
        -> NetworkConfiguration
    {
        NetworkConfiguration(architecture: .compact, isComplex: true, fftCount: fftCount, bins: bins, widths: widths)
    }

    /// The real-valued compact counterpart; widths 23/45/91/91 match the complex default's
    /// parameter count (κ = 1.42, spec §4).
    public static func compactReal(fftCount: Int = 16, bins: Int = 1024, widths: [Int] = [23, 45, 91, 91])
        -> NetworkConfiguration
    {
        NetworkConfiguration(architecture: .compact, isComplex: false, fftCount: fftCount, bins: bins, widths: widths)
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
        "\(architecture.rawValue)/\(isComplex ? "complex" : "real")/M\(fftCount)/N\(bins)/w\(widths.map(String.init).joined(separator: "-"))/\(activation.rawValue)/\(head.rawValue)"
    }

    /// Checks the configuration.
    ///
    /// - Throws: `SpectrumNetError.invalidConfiguration` for a bad N, M or widths.
    public func validate() throws {
        guard fftCount >= 1 else { throw SpectrumNetError.invalidConfiguration(reason: "M must be ≥ 1") }
        guard widths.count == 4, widths.allSatisfy({ $0 >= 1 }) else {
            throw SpectrumNetError.invalidConfiguration(reason: "four positive widths are required")
        }
        guard bins >= 8 else { throw SpectrumNetError.invalidConfiguration(reason: "N must be ≥ 8") }
        if architecture == .compact && bins % 8 != 0 {
            throw SpectrumNetError.invalidConfiguration(
                reason: "N = \(bins) must be divisible by 8 for the compact U-Net")
        }
        if !isComplex && activation != .crelu {
            throw SpectrumNetError.invalidConfiguration(reason: "the real-valued network uses ReLU only")
        }
    }
}
