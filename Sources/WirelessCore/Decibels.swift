import Foundation

/// Conversions between linear ratios and decibels.
///
///     power:      dB = 10·log10(P₁/P₀),   P₁/P₀ = 10^(dB/10)
///     amplitude:  dB = 20·log10(A₁/A₀),   A₁/A₀ = 10^(dB/20)
///     dBm:        P[dBm] = 10·log10(P[W] / 1 mW)
public enum Decibels {
    /// 10·log10(ratio) [dB] for a linear power ratio ≥ 0 (0 → −∞).
    @inlinable public static func fromPower(_ ratio: Double) -> Double { 10 * log10(ratio) }
    /// 10^(dB/10), the linear power ratio of `decibels` [dB].
    @inlinable public static func toPower(_ decibels: Double) -> Double { pow(10, decibels / 10) }
    /// 20·log10(ratio) [dB] for a linear amplitude ratio ≥ 0.
    @inlinable public static func fromAmplitude(_ ratio: Double) -> Double { 20 * log10(ratio) }
    /// 10^(dB/20), the linear amplitude ratio of `decibels` [dB].
    @inlinable public static func toAmplitude(_ decibels: Double) -> Double { pow(10, decibels / 20) }
    /// Power [W] → [dBm].
    @inlinable public static func wattsToDBm(_ watts: Double) -> Double { 10 * log10(watts) + 30 }
    /// Power [dBm] → [W].
    @inlinable public static func dBmToWatts(_ dBm: Double) -> Double { pow(10, (dBm - 30) / 10) }
}
