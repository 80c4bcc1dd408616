import Numerics

/// How complex probabilities ŷ become a Bool mask (docs/SPECTRUM.md#decision-rule-and-metrics).
public struct DecisionRule: Sendable, Equatable, Codable {
    /// Which part(s) of ŷ are thresholded.
    public enum Part: String, Sendable, Equatable, Codable, CaseIterable {
        case real, imaginary, and, or
    }
    /// τ, in (0, 1).
    public var threshold: Double
    public var part: Part
    /// Dilation by d bins on each side, ≥ 0.
    public var dilationBins: Int

    /// - Throws: `SpectrumNetError.invalidConfiguration` for τ ∉ (0, 1) or d < 0.
    public init(threshold: Double = 0.5, part: Part = .real, dilationBins: Int = 0) throws(SpectrumNetError) {
        guard threshold > 0 && threshold < 1 else {
            throw SpectrumNetError.invalidConfiguration(reason: "τ must be in (0, 1)")
        }
        guard dilationBins >= 0 else { throw SpectrumNetError.invalidConfiguration(reason: "dilation must be ≥ 0") }
        self.threshold = threshold
        self.part = part
        self.dilationBins = dilationBins
    }

    /// The default rule: Re > 0.5, no dilation.
    public static let standard = try! DecisionRule()

    /// A readable statement of the rule for reports.
    public var summary: String { "\(part.rawValue) > \(threshold), dilation \(dilationBins)" }

    /// Mask from probabilities (Re, Im planes of one example; `imaginary` empty for a real net).
    public func decide(real: ArraySlice<Float>, imaginary: ArraySlice<Float>) -> [Bool] {
        let t = Float(threshold)
        let n = real.count
        var mask = [Bool](repeating: false, count: n)
        let r0 = real.startIndex
        let i0 = imaginary.startIndex
        for k in 0..<n {
            let re = real[r0 + k] > t
            let im = imaginary.isEmpty ? re : imaginary[i0 + k] > t
            switch part {
            case .real: mask[k] = re
            case .imaginary: mask[k] = im
            case .and: mask[k] = re && im
            case .or: mask[k] = re || im
            }
        }
        return Self.dilate(mask, bins: dilationBins)
    }

    /// The two part masks [Re ŷ > τ] and [Im ŷ > τ], each dilated by d bins
    /// (docs/SPECTRUM.md#decision-rule-and-metrics, the inputs of the
    /// mask and interval CIoU). A real-valued net (`imaginary` empty) uses its Re plane for both.
    public func partMasks(real: ArraySlice<Float>, imaginary: ArraySlice<Float>) -> (real: [Bool], imaginary: [Bool]) {
        let t = Float(threshold)
        let re = Self.dilate(real.map { $0 > t }, bins: dilationBins)
        guard !imaginary.isEmpty else { return (re, re) }
        precondition(imaginary.count == real.count, "probability planes differ in length")
        return (re, Self.dilate(imaginary.map { $0 > t }, bins: dilationBins))
    }

    /// Binary dilation by `bins` on each side.
    public static func dilate(_ mask: [Bool], bins: Int) -> [Bool] {
        guard bins > 0 else { return mask }
        var out = mask
        for k in mask.indices where mask[k] {
            for j in max(0, k - bins)...min(mask.count - 1, k + bins) { out[j] = true }
        }
        return out
    }
}
