/// Gains and bandwidth of a window, used to calibrate spectra (Harris 1978, §3 and Table 1).
///
///     coherentGain           = Σw / N                    (amplitude of a bin-centred tone)
///     powerGain              = Σw² / N                   (mean power of the taper)
///     equivalentNoiseBandwidthBins = N·Σw² / (Σw)²       (ENBW in bins; 1 for rectangular, 1.5 for Hann)
///     equivalentNoiseBandwidthHz   = ENBW_bins · fs / N
public struct WindowGains: Sendable, Equatable, Codable {
    /// Window length N [samples].
    public let length: Int
    /// Σw / N [dimensionless].
    public let coherentGain: Double
    /// Σw² / N [dimensionless].
    public let powerGain: Double
    /// N·Σw² / (Σw)² [bins].
    public let equivalentNoiseBandwidthBins: Double

    /// The gains of explicit coefficients.
    ///
    /// - Precondition: `coefficients` is non-empty with a non-zero sum.
    public init(coefficients: [Double]) {
        precondition(!coefficients.isEmpty, "Window must have at least one coefficient")
        let n = Double(coefficients.count)
        let sum = coefficients.reduce(0, +)
        let sumOfSquares = coefficients.reduce(0) { $0 + $1 * $1 }
        precondition(sum != 0, "Window coefficients sum to zero")
        length = coefficients.count
        coherentGain = sum / n
        powerGain = sumOfSquares / n
        equivalentNoiseBandwidthBins = n * sumOfSquares / (sum * sum)
    }

    /// ENBW in hertz at sample rate `sampleRateHz` [Hz] > 0.
    public func equivalentNoiseBandwidthHz(sampleRateHz: Double) -> Double {
        equivalentNoiseBandwidthBins * sampleRateHz / Double(length)
    }
}

extension Window {
    /// The gains of this window at `length` ≥ 1 samples.
    public func gains(length: Int) -> WindowGains {
        WindowGains(coefficients: coefficients(length: length))
    }
}
