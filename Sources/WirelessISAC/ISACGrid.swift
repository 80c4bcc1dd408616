import Foundation
import WirelessCore

/// How the array angle is measured (docs/ISAC.md#conventions).
public enum AngleConvention: String, Sendable, Equatable, Codable, CaseIterable {
    /// θ ∈ [0°, 180°] from the array axis, broadside = 90°: ω_A = 2π(d_a/λ)·cos θ (default).
    case axis
    /// φ = 90° − θ ∈ [−90°, 90°] from broadside: ω_A = 2π(d_a/λ)·sin φ.
    case broadside
}

/// How a path's distance and radial velocity map to delay and Doppler (docs/ISAC.md#conventions).
public enum RangeMapping: String, Sendable, Equatable, Codable, CaseIterable {
    /// τ = d/c, f_D = f_c·v/c with d the path length and v its closing rate (default; UE→BS, bistatic sums).
    case oneWay = "one-way"
    /// τ = 2R/c, f_D = 2f_c·v/c with R the range (Sturm & Wiesbeck, Proc. IEEE 2011).
    case monostatic

    /// The factor κ in τ = κ·d/c and f_D = κ·f_c·v/c.
    public var factor: Double { self == .oneWay ? 1 : 2 }
}

/// The OFDM sensing grid: carrier, ULA, subcarriers and symbols, and the conventions that turn
/// physical parameters (angle, distance, velocity) into the three spatial frequencies.
///
///     ω_A = 2π(d_a/λ)·cos θ        (mode 0, antennas; `.axis` convention)
///     ω_F = −2π·Δf·τ,   τ = κd/c   (mode 1, subcarriers; note the sign)
///     ω_T = +2π·f_D·T_sym, f_D = κ f_c v/c  (mode 2, symbols)
///
/// with κ = 1 (`.oneWay`) or 2 (`.monostatic`) and c = 299 792 458 m/s (docs/ISAC.md#conventions).
public struct ISACGrid: Sendable, Equatable, Codable {
    /// Carrier frequency f_c [Hz], > 0.
    public var carrierFrequencyHz: Double
    /// Number of ULA antennas N_R, ≥ 1.
    public var antennaCount: Int
    /// ULA element spacing d_a [m], > 0 (λ/2 is alias-free).
    public var antennaSpacingMeters: Double
    /// Number of subcarriers N_F, ≥ 1.
    public var subcarrierCount: Int
    /// Subcarrier spacing Δf [Hz], > 0.
    public var subcarrierSpacingHz: Double
    /// Number of OFDM symbols N_T, ≥ 1.
    public var symbolCount: Int
    /// OFDM symbol duration including cyclic prefix T_sym [s], > 0.
    public var symbolDurationSeconds: Double
    /// Angle convention (default `.axis`).
    public var angleConvention: AngleConvention
    /// Delay/Doppler convention (default `.oneWay`).
    public var rangeMapping: RangeMapping

    /// A grid; call `validate()` (or let a scenario or estimator do it) before use.
    ///
    /// - Parameters:
    ///   - carrierFrequencyHz: f_c [Hz], > 0.
    ///   - antennaCount: N_R, ≥ 1.
    ///   - antennaSpacingMeters: d_a [m], > 0; nil means λ/2.
    ///   - subcarrierCount: N_F, ≥ 1.
    ///   - subcarrierSpacingHz: Δf [Hz], > 0.
    ///   - symbolCount: N_T, ≥ 1.
    ///   - symbolDurationSeconds: T_sym [s], > 0; nil means 1/Δf + T_CP with T_CP = 1/(14Δf).
    public init(
        carrierFrequencyHz: Double, antennaCount: Int, antennaSpacingMeters: Double? = nil,
        subcarrierCount: Int, subcarrierSpacingHz: Double, symbolCount: Int,
        symbolDurationSeconds: Double? = nil, angleConvention: AngleConvention = .axis,
        rangeMapping: RangeMapping = .oneWay
    ) {
        self.carrierFrequencyHz = carrierFrequencyHz
        self.antennaCount = antennaCount
        self.antennaSpacingMeters = antennaSpacingMeters ?? Self.c / carrierFrequencyHz / 2
        self.subcarrierCount = subcarrierCount
        self.subcarrierSpacingHz = subcarrierSpacingHz
        self.symbolCount = symbolCount
        self.symbolDurationSeconds = symbolDurationSeconds ?? (1 + 1.0 / 14) / subcarrierSpacingHz
        self.angleConvention = angleConvention
        self.rangeMapping = rangeMapping
    }

    /// The paper's default grid: f_c = 26 GHz, 16 antennas at λ/2, 180 subcarriers at 60 kHz,
    /// 560 symbols with T_CP = 1/(14Δf) (T_sym = 17.857 µs, T_obs = 10 ms). docs/ISAC.md#scenarios.
    public static let paperDefault = ISACGrid(
        carrierFrequencyHz: 26e9, antennaCount: 16, subcarrierCount: 180, subcarrierSpacingHz: 60e3,
        symbolCount: 560)

    /// 5G NR FR2 grid (TS 38.211 §4.2, μ = 3): f_c = 28 GHz, 16 antennas at λ/2, 792 subcarriers
    /// (66 RB) at 120 kHz, 140 symbols of 0.125 ms/14 = 8.929 µs.
    public static let nr28GHz = ISACGrid(
        carrierFrequencyHz: 28e9, antennaCount: 16, subcarrierCount: 792, subcarrierSpacingHz: 120e3,
        symbolCount: 140, symbolDurationSeconds: 0.125e-3 / 14)

    /// Mode sizes `[N_R, N_F, N_T]`.
    public var dimensions: [Int] { [antennaCount, subcarrierCount, symbolCount] }

    /// c [m/s], the speed of light of the mappings below.
    private static let c = PhysicalConstants.speedOfLightMetersPerSecond

    /// Wavelength λ = c/f_c [m].
    public var wavelengthMeters: Double { Self.c / carrierFrequencyHz }

    /// Checks every constant is finite and positive.
    ///
    /// - Throws: `ISACError.invalidParameter(name:)` naming the first bad constant.
    public func validate() throws(ISACError) {
        let checks: [(String, Double)] = [
            ("carrierFrequencyHz", carrierFrequencyHz), ("antennaSpacingMeters", antennaSpacingMeters),
            ("subcarrierSpacingHz", subcarrierSpacingHz), ("symbolDurationSeconds", symbolDurationSeconds),
        ]
        for (name, value) in checks where !(value.isFinite && value > 0) {
            throw ISACError.invalidParameter(name: name)
        }
        for (name, count) in [
            ("antennaCount", antennaCount), ("subcarrierCount", subcarrierCount),
            ("symbolCount", symbolCount),
        ] where count < 1 {
            throw ISACError.invalidParameter(name: name)
        }
    }

    // MARK: Physical → spatial frequency

    /// Direction cosine x = cos θ (`.axis`) or sin φ (`.broadside`) of an angle [deg].
    public func directionCosine(angleDegrees: Double) -> Double {
        switch angleConvention {
        case .axis: return cos(angleDegrees * .pi / 180)
        case .broadside: return sin(angleDegrees * .pi / 180)
        }
    }

    /// ω_A = 2π(d_a/λ)·x for an angle [deg] [rad/sample].
    public func angleFrequency(angleDegrees: Double) -> Double {
        2 * .pi * antennaSpacingMeters / wavelengthMeters * directionCosine(angleDegrees: angleDegrees)
    }

    /// Delay τ = κ·d/c [s] of a distance [m] (path length for `.oneWay`, range for `.monostatic`).
    public func delaySeconds(distanceMeters: Double) -> Double {
        rangeMapping.factor * distanceMeters / Self.c
    }

    /// Doppler f_D = κ·f_c·v/c [Hz] of a radial (closing) velocity [m/s].
    public func dopplerHz(velocityMetersPerSecond: Double) -> Double {
        rangeMapping.factor * carrierFrequencyHz * velocityMetersPerSecond / Self.c
    }

    /// ω_F = −2πΔf·τ for a distance [m] [rad/sample].
    public func delayFrequency(distanceMeters: Double) -> Double {
        -2 * .pi * subcarrierSpacingHz * delaySeconds(distanceMeters: distanceMeters)
    }

    /// ω_T = 2π f_D T_sym for a velocity [m/s] [rad/sample].
    public func dopplerFrequency(velocityMetersPerSecond: Double) -> Double {
        2 * .pi * dopplerHz(velocityMetersPerSecond: velocityMetersPerSecond) * symbolDurationSeconds
    }

    /// The three spatial frequencies `[ω_A, ω_F, ω_T]` [rad/sample] of a path on the full grid.
    public func spatialFrequencies(of path: ISACPath) -> [Double] {
        [
            angleFrequency(angleDegrees: path.angleDegrees),
            delayFrequency(distanceMeters: path.distanceMeters),
            dopplerFrequency(velocityMetersPerSecond: path.velocityMetersPerSecond),
        ]
    }

    /// Derivatives `[∂ω_A/∂θ [rad/deg], ∂ω_F/∂d [rad/m], ∂ω_T/∂v [rad/(m/s)]]` at a path (docs/ISAC.md#bounds).
    public func frequencyDerivatives(of path: ISACPath) -> [Double] {
        let scale = 2 * .pi * antennaSpacingMeters / wavelengthMeters * .pi / 180
        let angleRadians = path.angleDegrees * .pi / 180
        let dA = angleConvention == .axis ? -scale * sin(angleRadians) : scale * cos(angleRadians)
        let dF = -2 * .pi * subcarrierSpacingHz * rangeMapping.factor / Self.c
        let dT = 2 * .pi * symbolDurationSeconds * rangeMapping.factor * carrierFrequencyHz / Self.c
        return [dA, dF, dT]
    }

    // MARK: Spatial frequency → physical (docs/ISAC.md#physical-mapping)

    /// Maps estimated (possibly compressed-grid) spatial frequencies to a physical triplet.
    ///
    ///     angle:    x = ω̂λ/(2πd_aΔ_A), clamped to [−1, 1] (flagged); θ̂ = arccos x (`.axis`)
    ///     delay:    ω̂ ∈ (−2π, 0] (ω̂ −= 2π if ω̂ > 0); τ̂ = −ω̂/(2πΔfΔ_F); d̂ = cτ̂/κ
    ///     Doppler:  ω̂ ∈ (−π, π];  f̂_D = ω̂/(2πΔ_T T_sym);  v̂ = f̂_D c/(κ f_c)
    ///
    /// - Parameters:
    ///   - frequencies: `[ω̂_A, ω̂_F, ω̂_T]` [rad/sample] on the grid with spacing `factors`.
    ///   - factors: Δ_m per mode (1 for no compression or Smoothing).
    /// - Returns: the physical triplet and whether the angle argument was clamped.
    public func physicalParameters(frequencies: [Double], factors: [Int] = [1, 1, 1])
        -> (angleDegrees: Double, distanceMeters: Double, velocityMetersPerSecond: Double, angleClamped: Bool)
    {
        var x = frequencies[0] * wavelengthMeters / (2 * .pi * antennaSpacingMeters * Double(factors[0]))
        let clamped = x > 1 || x < -1
        x = min(1, max(-1, x))
        let angle: Double
        switch angleConvention {
        case .axis: angle = acos(x) * 180 / .pi
        case .broadside: angle = asin(x) * 180 / .pi
        }
        var wF = ISACGrid.wrapToPlusMinusPi(frequencies[1])
        if wF > 0 { wF -= 2 * .pi }
        let tau = -wF / (2 * .pi * subcarrierSpacingHz * Double(factors[1]))
        let distance = Self.c * tau / rangeMapping.factor
        let wT = ISACGrid.wrapToPlusMinusPi(frequencies[2])
        let doppler = wT / (2 * .pi * Double(factors[2]) * symbolDurationSeconds)
        let velocity = doppler * Self.c / (rangeMapping.factor * carrierFrequencyHz)
        return (angle, distance, velocity, clamped)
    }

    /// Wraps an angle [rad] to (−π, π].
    public static func wrapToPlusMinusPi(_ value: Double) -> Double {
        var w = remainder(value, 2 * .pi)
        if w <= -.pi { w += 2 * .pi }
        return w
    }

    // MARK: Resolution and unambiguous intervals (docs/ISAC.md#scenarios, derived)

    /// Largest unambiguous distance [m] after compression by Δ_F: c/(κΔfΔ_F).
    public func maximumDistanceMeters(compressionFactor: Int = 1) -> Double {
        Self.c / (rangeMapping.factor * subcarrierSpacingHz * Double(compressionFactor))
    }

    /// Largest unambiguous |velocity| [m/s] after compression by Δ_T: λ/(2κ T_sym Δ_T).
    public func maximumSpeedMetersPerSecond(compressionFactor: Int = 1) -> Double {
        wavelengthMeters / (2 * rangeMapping.factor * symbolDurationSeconds * Double(compressionFactor))
    }

    /// Distance resolution c/(κ N_F Δf) [m].
    public var distanceResolutionMeters: Double {
        Self.c / (rangeMapping.factor * Double(subcarrierCount) * subcarrierSpacingHz)
    }

    /// Velocity resolution λ/(κ N_T T_sym) [m/s].
    public var velocityResolutionMetersPerSecond: Double {
        wavelengthMeters / (rangeMapping.factor * Double(symbolCount) * symbolDurationSeconds)
    }
}
