import Foundation

/// Physical constants in SI units (CODATA 2018 exact values where defined).
public enum PhysicalConstants {
    /// Speed of light in vacuum, c [m/s] (exact).
    public static let speedOfLightMetersPerSecond = 299_792_458.0
    /// Boltzmann constant, k [J/K] (exact since the 2019 SI redefinition).
    public static let boltzmannJoulesPerKelvin = 1.380_649e-23
    /// Reference noise temperature T₀ [K] (IEEE / ITU convention).
    public static let referenceTemperatureKelvin = 290.0
    /// Thermal noise power spectral density at T₀ = 290 K:
    ///
    ///     N₀ = 10·log10(k·T₀ / 1 mW) = −173.975 dBm/Hz   (often rounded to −174)
    public static let thermalNoiseDBmPerHz =
        10 * log10(boltzmannJoulesPerKelvin * referenceTemperatureKelvin) + 30

    /// Thermal noise power over `bandwidthHz` at `temperatureKelvin` [dBm]: 10·log10(k·T·B/1 mW).
    ///
    /// - Parameters:
    ///   - bandwidthHz: Noise bandwidth B [Hz], > 0.
    ///   - temperatureKelvin: T [K], > 0 (default 290 K).
    public static func thermalNoiseDBm(bandwidthHz: Double, temperatureKelvin: Double = 290) -> Double {
        10 * log10(boltzmannJoulesPerKelvin * temperatureKelvin * bandwidthHz) + 30
    }

    /// Free-space wavelength λ = c/f [m] of `frequencyHz` [Hz] (> 0).
    public static func wavelengthMeters(frequencyHz: Double) -> Double {
        speedOfLightMetersPerSecond / frequencyHz
    }
}
