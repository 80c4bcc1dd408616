import Foundation

extension FadingModel {
    /// Parses a fading law written as on the command line: `none`, `rayleigh`, `nakagami:M`, `rician:K` (linear
    /// K-factor, or `rician:KdB` in dB), `lognormal:SDB`,
    /// or a small-scale law and shadowing joined by `+` (`rayleigh+lognormal:8`, `nakagami:2+lognormal:6`).
    /// Case is ignored; a part given twice keeps the last.
    ///
    /// - Parameter specification: the text; M is Nakagami's m (> 0), SDB the log-normal σ [dB] (≥ 0).
    /// - Throws: `DensificationError.invalidFading` for an unknown part or a missing number,
    ///   `.invalidNakagamiM`, `.invalidShadowingSigma` for a number out of range.
    public init(specification: String) throws(DensificationError) {
        var small = SmallScaleFading.none
        var sigma = 0.0
        for part in specification.lowercased().split(separator: "+", omittingEmptySubsequences: false) {
            let fields = part.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            let number = fields.count == 2 ? Double(fields[1]) : nil
            if fields == ["none"] {
                small = .none
            } else if fields == ["rayleigh"] {
                small = .rayleigh
            } else if fields[0] == "nakagami" {
                guard let m = number else {
                    throw .invalidFading(specification: specification, reason: "nakagami needs :M, e.g. nakagami:2")
                }
                small = .nakagami(m: m)
            } else if fields[0] == "rician" {
                guard fields.count == 2 else {
                    throw .invalidFading(
                        specification: specification,
                        reason: "rician needs :K (linear) or :KdB, e.g. rician:3 or rician:6db")
                }
                if fields[1].hasSuffix("db"), let db = Double(fields[1].dropLast(2)) {
                    small = .rician(k: pow(10, db / 10))
                } else if let k = number {
                    small = .rician(k: k)
                } else {
                    throw .invalidFading(
                        specification: specification,
                        reason: "rician needs :K (linear) or :KdB, e.g. rician:3 or rician:6db")
                }
            } else if fields[0] == "lognormal" {
                guard let s = number else {
                    throw .invalidFading(
                        specification: specification, reason: "lognormal needs :SDB, e.g. lognormal:8")
                }
                sigma = s
            } else {
                throw .invalidFading(specification: specification, reason: "unknown part '\(part)'")
            }
        }
        try self.init(smallScale: small, shadowingSigmaDB: sigma)
    }

    /// The law as `init(specification:)` reads it: `rayleigh`, `nakagami:2+lognormal:8`, ….
    public var specification: String {
        let small: String
        switch smallScale {
        case .none: small = "none"
        case .rayleigh: small = "rayleigh"
        case .nakagami(let m): small = "nakagami:\(m)"
        case .rician(let k): small = "rician:\(k)"
        }
        guard hasShadowing else { return small }
        return smallScale == .none ? "lognormal:\(shadowingSigmaDB)" : "\(small)+lognormal:\(shadowingSigmaDB)"
    }
}

extension FadingModel: CustomStringConvertible {
    /// The specification text (`rayleigh`, `nakagami:2.0+lognormal:8.0`).
    public var description: String { specification }
}
