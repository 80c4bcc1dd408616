import WirelessIO

extension DensificationScenario {
    /// The model in words for figure titles: association, fading, exponents with breakpoints, noise
    /// (`strongest BS, Rayleigh, α = 1.5 → 4 at R = 1, W = 0.001`).
    public var phrase: String {
        let number = CSVNumberFormat.shortestRoundTrip
        let association: String
        switch self.association {
        case .nearest: association = "nearest BS"
        case .strongestInstantaneous: association = "strongest BS"
        case .strongestMeanPower: association = "strongest mean power"
        }
        var fadingText: String
        switch fading.smallScale {
        case .none: fadingText = "no fading"
        case .rayleigh: fadingText = "Rayleigh"
        case .nakagami(let m): fadingText = "Nakagami m = \(number.format(m))"
        case .rician(let k): fadingText = "Rician K = \(number.format(k))"
        }
        if fading.hasShadowing { fadingText += ", \(number.format(fading.shadowingSigmaDB)) dB shadowing" }
        var slopes = "α = \(number.format(pathGain.exponents[0]))"
        for (k, r) in pathGain.breakpoints.enumerated() {
            slopes += " → \(number.format(pathGain.exponents[k + 1])) at R = \(number.format(r))"
        }
        let noiseText = noise > 0 ? ", W = \(number.format(noise))" : ""
        return "\(association), \(fadingText), \(slopes)\(noiseText)"
    }
}
